// Finds the `#` title and the `## Stap N` sections of a Markdown body.
import type { Heading, Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface StepSection {
  /** The number in the heading ("Stap 2 …" → 2). */
  number: number;
  heading: string;
  line: number;
  /** The Markdown between this heading and the next `#`/`##` heading. */
  content: string;
  /** Line of the first line of `content`. */
  contentLine: number;
  filled: boolean;
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
  otherSections: { heading: string; line: number; content: string }[];
  html: RawHtml[];
  images: { url: string; line: number; column: number }[];
  /** The parsed Markdown, so the report need not parse it again. Its lines count from the body's first line. */
  tree: Root;
  /** Lines before the body in the file: add to a line in `tree` to get the line in the file. */
  lineOffset: number;
}

const processor = unified().use(remarkParse);

/** A table or ~~strikethrough~~ may be in the text: only then is GFM (loaded by loadGfm) worth its cost. */
export const MAY_NEED_GFM = /^[ \t]*\|?[^\n]*\|[^\n]*\n[ \t]*\|?[ \t]*:?-+:?[ \t]*(\||$)|~~/m;
let gfmProcessor: typeof processor | undefined;

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

export function isFilled(markdown: string): boolean {
  const text = markdown
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(PLACEHOLDERS, ' ')
    .replace(/[#>*_`~\-+|[\]()!:.,;?"'\d]/g, ' ');
  return /\p{L}{2,}/u.test(text);
}

function toText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(toText).join('');
  return '';
}

function isComment(value: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(value);
}

export function parseBody(body: string, lineOffset = 0): ParsedBody {
  const tree = (gfmProcessor && MAY_NEED_GFM.test(body) ? gfmProcessor : processor).parse(body) as Root;
  const result: ParsedBody = { steps: [], otherSections: [], html: [], images: [], tree, lineOffset };

  const walk = (node: Nodes) => {
    if (node.type === 'html' && !isComment(node.value) && node.position) {
      result.html.push({ line: node.position.start.line + lineOffset, column: node.position.start.column, value: node.value });
    } else if (node.type === 'image' && node.position) {
      result.images.push({ url: node.url, line: node.position.start.line + lineOffset, column: node.position.start.column });
    }
    if ('children' in node) for (const child of node.children as Nodes[]) walk(child);
  };
  walk(tree);

  const headings = tree.children.filter((node): node is Heading => node.type === 'heading' && node.depth <= 2);
  headings.forEach((heading, index) => {
    const text = toText(heading).replace(/\s+/g, ' ').trim();
    const line = heading.position!.start.line + lineOffset;
    if (heading.depth === 1) {
      result.title ??= { text, line };
      return;
    }
    const start = heading.position!.end.offset!;
    const end = headings[index + 1]?.position!.start.offset ?? body.length;
    const content = body.slice(start, end);
    const match = STEP_HEADING.exec(text);
    if (match) {
      result.steps.push({
        number: Number(match[1]),
        heading: text,
        line,
        content,
        contentLine: heading.position!.end.line + lineOffset,
        filled: isFilled(content),
      });
    } else {
      result.otherSections.push({ heading: text, line, content });
    }
  });
  return result;
}
