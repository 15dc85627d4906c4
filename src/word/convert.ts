// A .docx as HTML blocks, with mammoth: headings, paragraphs, bold and
// italics, lists, tables, links, images, comments and footnotes. The images
// are kept aside as bytes; the HTML only names them.
import type { ElementContent, Root } from 'hast';
import mammoth from 'mammoth';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { replaceElements } from './hast.js';
import { ID_PREFIX } from './structure.js';
import { cleanText } from './text.js';

export interface WordImage {
  contentType: string;
  bytes: Buffer;
}

export interface ConvertedWord {
  blocks: ElementContent[];
  /** By the placeholder that stands in the img's src. */
  images: Map<string, WordImage>;
  /** Dutch, one line per thing mammoth skipped. */
  skipped: string[];
}

export const IMAGE_TOKEN = 'kwaliteit-afbeelding:';

const STYLE_MAP = [
  // A document's title is usually the question of the bouwblad.
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Titel'] => h1:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  ...[1, 2, 3, 4, 5, 6].map((n) => `p[style-name='Kop ${n}'] => h${n}:fresh`),
  // A table of contents is made again by the report; its lines would read as steps.
  "p[style-name^='toc'] => !",
  "p[style-name^='TOC'] => !",
  "p[style-name^='Contents'] => !",
  "p[style-name^='Inhopg'] => !",
  // Character styles for emphasis, as LibreOffice and Word name them.
  "r[style-name='Emphasis'] => em",
  "r[style-name='Nadruk'] => em",
  "r[style-name='Strong Emphasis'] => strong",
  "r[style-name='Strong'] => strong",
  "r[style-name='Zwaar'] => strong",
  // Comments are taken out and listed as not taken over.
  'comment-reference => sup',
];

const parser = unified().use(rehypeParse, { fragment: true });

function dutch(message: { type: string; message: string }): string | undefined {
  const text = message.message;
  // A style mammoth does not know still gives its text as a plain paragraph: nothing is lost.
  if (/^Unrecognised (paragraph|run|table|numbering) style/i.test(text)) return undefined;
  // Images are judged by their bytes later on.
  if (/^Image of type/i.test(text)) return undefined;
  const element = /^An unrecognised element was ignored: (\S+)/.exec(text)?.[1];
  if (element) {
    // Equations are counted from the document itself.
    if (/^m:/.test(element)) return undefined;
    return `Een onderdeel van het document dat ik niet ken (${element}), is overgeslagen.`;
  }
  if (/a:blip|v:imagedata|image file/i.test(text)) return 'Een afbeelding waarvan het bestand ontbreekt in het document, is overgeslagen.';
  if (/external|linked/i.test(text)) return 'Een afbeelding of bestand waar het document alleen naar verwijst (niet in het document zelf), is overgeslagen.';
  return `Iets in het document kon niet worden gelezen en is overgeslagen (melding van het leesprogramma: ${text}).`;
}

export async function convertWord(bytes: Buffer): Promise<ConvertedWord> {
  const images = new Map<string, WordImage>();
  const result = await mammoth.convertToHtml(
    { buffer: bytes },
    {
      styleMap: STYLE_MAP,
      idPrefix: ID_PREFIX,
      // Linked files outside the document are never read.
      externalFileAccess: false,
      convertImage: mammoth.images.imgElement(async (image) => {
        const token = `${IMAGE_TOKEN}${images.size + 1}`;
        images.set(token, { contentType: image.contentType, bytes: await image.readAsBuffer() });
        return { src: token };
      }),
    },
  );
  const tree = parser.parse(result.value) as Root;
  const clean = (node: Root | ElementContent) => {
    if (node.type === 'text') node.value = cleanText(node.value);
    if ('children' in node) for (const child of node.children) clean(child as ElementContent);
  };
  clean(tree);
  // Word's bookmarks come out as empty anchors; they mean nothing in a bouwblad.
  replaceElements(tree, (element) => (element.tagName === 'a' && !element.properties.href ? element.children : undefined));
  const skipped = [...new Set(result.messages.map(dutch).filter((line): line is string => Boolean(line)))];
  return { blocks: tree.children as ElementContent[], images, skipped };
}
