// HTML blocks from Word → Markdown for a bouwblad, with the unified tools:
// rehype-remark (HTML tree → Markdown tree), remark-gfm (tables, strikethrough)
// and remark-stringify. Before that, what Markdown cannot hold is made to fit:
// headings go below the `##` of the steps, a table gets a header row, and a
// cell keeps its text on one line.
import type { Element, ElementContent, Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import rehypeRemark from 'rehype-remark';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { isElement, replaceElements, text, textOf } from './hast.js';
import { rowsOf } from './structure.js';

export interface MarkdownOptions {
  /** The level the shallowest heading in the content gets (3: below the `##` of a step). */
  headingDepth: number;
  /** The file name for an image (its src is a placeholder), or undefined to leave it out. */
  image: (src: string, alt: string) => string | undefined;
  /** Called when a table cell held more than one line, which Markdown cannot keep. */
  onJoinedCell: () => void;
}

const toMdast = unified().use(rehypeRemark);
const stringifier = unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '*', listItemIndent: 'one', fences: true });

function shiftHeadings(root: Root, depth: number): void {
  let shallowest = 7;
  replaceElements(root, (element) => {
    const match = /^h([1-6])$/.exec(element.tagName);
    if (match) shallowest = Math.min(shallowest, Number(match[1]));
    return undefined;
  });
  replaceElements(root, (element) => {
    const match = /^h([1-6])$/.exec(element.tagName);
    if (match) element.tagName = `h${Math.min(6, depth + Number(match[1]) - shallowest)}`;
    return undefined;
  });
}

/** A cell's paragraphs and list items on one line: "a · b", "• x • y". */
function inlineCell(cell: Element): ElementContent[] {
  const parts: ElementContent[][] = [];
  for (const child of cell.children) {
    if (isElement(child, 'ul', 'ol')) {
      for (const li of child.children) if (isElement(li, 'li')) parts.push([text(`• ${textOf(li).replace(/\s+/g, ' ').trim()}`)]);
    } else if (isElement(child, 'table')) parts.push([text(textOf(child).replace(/\s+/g, ' ').trim())]);
    else if (isElement(child, 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote')) parts.push(child.children);
    else if (child.type === 'text' && !child.value.trim()) continue;
    else parts.push([child]);
  }
  const joined: ElementContent[] = [];
  parts.filter((part) => part.length).forEach((part, index) => {
    if (index > 0) joined.push(text(' '));
    joined.push(...part.filter((node) => !isElement(node, 'br')));
  });
  return joined;
}

function prepareTables(root: Root, onJoinedCell: () => void): void {
  replaceElements(root, (element) => {
    if (element.tagName !== 'table') return undefined;
    const rows = rowsOf(element);
    if (rows.length === 0) return [];
    // Markdown tables always have a header: the top row, as a reader of the Word table sees it.
    for (const cell of rows[0]) cell.tagName = 'th';
    for (const row of rows) {
      for (const cell of row) {
        const blocks = cell.children.filter((child) => isElement(child) || (child.type === 'text' && child.value.trim()));
        const multiline = blocks.length > 1 || blocks.some((b) => isElement(b, 'ul', 'ol', 'table')) || textOf(cell).trim().includes('\n');
        if (multiline) onJoinedCell();
        cell.children = inlineCell(cell);
      }
    }
    const body: Element[] = rows.map((cells) => ({ type: 'element', tagName: 'tr', properties: {}, children: cells }));
    return [{ ...element, children: body }];
  });
}

export function blocksToMarkdown(blocks: ElementContent[], options: MarkdownOptions): string {
  const root: Root = { type: 'root', children: structuredClone(blocks) };
  replaceElements(root, (element) => {
    if (element.tagName === 'img') {
      const name = options.image(String(element.properties.src ?? ''), String(element.properties.alt ?? ''));
      if (!name) return [];
      element.properties = { src: name, alt: String(element.properties.alt ?? '') };
      return undefined;
    }
    // Links inside the document (a table of contents, a cross-reference) lead nowhere in a bouwblad.
    if (element.tagName === 'a' && !/^(https?:|mailto:)/i.test(String(element.properties.href ?? ''))) return element.children;
    return undefined;
  });
  prepareTables(root, options.onJoinedCell);
  shiftHeadings(root, options.headingDepth);
  const mdast = toMdast.runSync(root) as MdastRoot;
  return String(stringifier.stringify(mdast)).trim();
}
