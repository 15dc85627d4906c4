// Finds the `#` title and the `## Stap N` sections of a Markdown file. The whole
// file is parsed once, with its front-matter blanked, so every position in the
// tree and every line here counts from the top of the file.
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { splitFrontMatter, type FrontMatterResult } from './front-matter.js';
import { tooComplex, type TooComplex } from './complexity.js';
import { blankBefore } from './lines.js';

/** What a part of the file holds, judged from the tree exactly as the report shows it. */
export interface Filling {
  /**
   * There is text a reader sees: words that are not our guidance or a placeholder.
   * Comments, HTML and link definitions ([//]: # (…)) never count, since the report
   * leaves them out. An image alone counts only once the loader has seen that it exists.
   */
  filled: boolean;
  /** The images in this part, when it has no text of its own: their addresses, as written. */
  imagesOnly: string[];
}

export interface OtherSection extends Filling {
  heading: string;
  line: number;
  /** The Markdown between this heading and the next `#`/`##` heading. */
  content: string;
}

export interface StepSection extends OtherSection {
  /** The number in the heading ("Stap 2 …" → 2). */
  number: number;
  /** Line of the first line of `content`. */
  contentLine: number;
}

export interface RawHtml {
  line: number;
  column: number;
  value: string;
}

export interface ParsedBody {
  title?: { text: string; line: number };
  /** Every `## Stap N …` heading, in the order of the file. */
  steps: StepSection[];
  /** Every other `##` heading. */
  otherSections: OtherSection[];
  html: RawHtml[];
  images: { url: string; line: number; column: number }[];
  /** The text between the `#` title (or the top) and the first `##` heading. */
  intro: Filling & { nodes: RootContent[]; markdown: string };
  /** The parsed Markdown, so the report need not parse it again; positions count from the top of the file. */
  tree: Root;
}

const processor = unified().use(remarkParse);

/** A table or ~~strikethrough~~ may be in the text: only then is GFM (loaded by loadGfm) worth its cost. */
export const MAY_NEED_GFM = /^[ \t]*\|?[^\n]*\|[^\n]*\n[ \t]*\|?[ \t]*:?-+:?[ \t]*(\||$)|~~/m;
let gfmProcessor: typeof processor | undefined;

/** The same test on the bytes of a file, before it is decoded (the characters it looks for are ASCII). */
export const mayNeedGfm = (bytes: Uint8Array) => MAY_NEED_GFM.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));

/**
 * Loads the GFM parser (tables, which import writes from Word, and
 * strikethrough). Lazily, so that `check` on a coalition without tables never
 * loads it; parseBody uses it from then on where MAY_NEED_GFM says so.
 */
export async function loadGfm(): Promise<void> {
  if (gfmProcessor) return;
  const { default: remarkGfm } = await import('remark-gfm');
  gfmProcessor = unified().use(remarkParse).use(remarkGfm) as unknown as typeof processor;
}

export const STEP_HEADING = /^stap\s*(\d+)\s*(?:[-–—:.]\s*)?(.*)$/i;

/** Text that stands in for content without being any: the scaffold's guidance and common placeholders. */
const PLACEHOLDERS = /\b(todo|tbd|n\.?t\.?b\.?|nog invullen|nog in te vullen|invullen|volgt( later)?|xxx+)\b|…|\.\.\./gi;

/** Plain text that holds words: not only placeholders, punctuation and numbers. */
export function hasWords(text: string): boolean {
  return /\p{L}{2,}/u.test(text.replace(PLACEHOLDERS, ' ').replace(/[#>*_`~\-+|[\]()!:.,;?"'\d]/g, ' '));
}

/** Whether a piece of Markdown holds words outside comments (for text that is not parsed; parsed parts have `filled`). */
export function isFilled(markdown: string): boolean {
  return hasWords(markdown.replace(/<!--[\s\S]*?(-->|$)/g, ' '));
}

/** Nodes the report never shows: raw HTML (comments among it) and link definitions. */
const HIDDEN = new Set(['html', 'definition', 'footnoteDefinition']);

/** Whether `nodes` hold what a reader of the report sees; without recursion, so no depth can overflow. */
export function fillingOf(nodes: readonly RootContent[]): Filling {
  const words: string[] = [];
  const images: string[] = [];
  const stack: Nodes[] = [...nodes].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (HIDDEN.has(node.type)) continue;
    if (node.type === 'image') {
      images.push(node.url);
      continue;
    }
    if ('value' in node && typeof node.value === 'string') words.push(node.value);
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  const filled = hasWords(words.join(' '));
  return { filled, imagesOnly: filled ? [] : images };
}

function toText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(toText).join('');
  return '';
}

function isComment(value: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(value);
}

/** Parses Markdown whose first `start` characters are not Markdown (the front-matter). */
export function parseBody(text: string, start = 0): ParsedBody {
  const source = start ? blankBefore(text, start) : text;
  const tree = (gfmProcessor && MAY_NEED_GFM.test(source) ? gfmProcessor : processor).parse(source) as Root;
  const result: ParsedBody = { steps: [], otherSections: [], html: [], images: [], intro: { nodes: [], markdown: '', filled: false, imagesOnly: [] }, tree };

  const walk = (node: Nodes) => {
    if (node.type === 'html' && !isComment(node.value) && node.position) {
      result.html.push({ line: node.position.start.line, column: node.position.start.column, value: node.value });
    } else if (node.type === 'image' && node.position) {
      result.images.push({ url: node.url, line: node.position.start.line, column: node.position.start.column });
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);

  const children = tree.children;
  const headings = children.filter((node): node is Heading => node.type === 'heading' && node.depth <= 2);
  headings.forEach((heading, index) => {
    const title = toText(heading).replace(/\s+/g, ' ').trim();
    const line = heading.position!.start.line;
    if (heading.depth === 1) {
      result.title ??= { text: title, line };
      return;
    }
    const from = heading.position!.end.offset!;
    const next = headings[index + 1];
    const to = next?.position!.start.offset ?? text.length;
    const content = text.slice(from, to);
    const nodes = children.slice(children.indexOf(heading) + 1, next ? children.indexOf(next) : children.length);
    const section = { heading: title, line, content, ...fillingOf(nodes) };
    const match = STEP_HEADING.exec(title);
    if (match) result.steps.push({ ...section, number: Number(match[1]), contentLine: heading.position!.end.line });
    else result.otherSections.push(section);
  });

  // The intro: after a `#` title that comes before any `##`, else from the top, up to the next `#` or `##`.
  const first = headings[0];
  const begin = first?.depth === 1 ? children.indexOf(first) + 1 : 0;
  const next = children.findIndex((node, i) => i >= begin && node.type === 'heading' && node.depth <= 2);
  const nodes = children.slice(begin, next < 0 ? children.length : next);
  const startOffset = nodes[0]?.position?.start.offset;
  const endOffset = nodes.at(-1)?.position?.end.offset;
  result.intro = { nodes, markdown: startOffset !== undefined && endOffset !== undefined ? text.slice(startOffset, endOffset) : '', ...fillingOf(nodes) };
  return result;
}

export interface ParsedMarkdownFile {
  frontMatter: FrontMatterResult;
  /** Set when the body is beyond the bounds of complexity.ts: then it is not parsed. */
  tooComplex?: TooComplex;
  /** Absent when the front-matter is broken or the body too complex: then the body is not looked at. */
  body?: ParsedBody;
}

/** A whole Markdown file, parsed once: front-matter and body. */
export function parseMarkdownFile(text: string): ParsedMarkdownFile {
  const frontMatter = splitFrontMatter(text);
  if (frontMatter.problems.length) return { frontMatter };
  const complex = tooComplex(text, frontMatter.bodyStart);
  if (complex) return { frontMatter, tooComplex: complex };
  return { frontMatter, body: parseBody(text, frontMatter.bodyStart) };
}
