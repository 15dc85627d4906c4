// Finds the `#` title and the `## Stap N` sections of a Markdown file. The whole
// file is parsed once, with its front-matter blanked, so every position in the
// tree and every line here counts from the top of the file.
import type { Heading, Nodes, Root, RootContent } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { splitFrontMatter, type FrontMatterResult } from './front-matter.js';
import { tooComplex, type TooComplex } from './complexity.js';
import { fillingOf, STEP_HEADING, type Filling } from './filling.js';
import { blankBefore } from './lines.js';

export type { Filling };

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
