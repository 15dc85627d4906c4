// Small helpers over the HTML tree (hast) that mammoth's output is parsed into.
import type { Element, ElementContent, Root, RootContent } from 'hast';

export type Node = Root | RootContent | ElementContent;

/** With tags, a "no" still leaves the node possibly an element (of another tag). */
export const isElement = <T extends string>(node: Node | undefined, ...tags: T[]): node is Element & { tagName: T } =>
  node?.type === 'element' && (tags.length === 0 || (tags as string[]).includes(node.tagName));

/** The text a reader sees; a line break is a newline. */
export function textOf(node: Node): string {
  if (node.type === 'text') return node.value;
  if (isElement(node, 'br')) return '\n';
  if ('children' in node) return (node.children as Node[]).map(textOf).join('');
  return '';
}

/** Images and other things that count as content without text. */
const hasMedia = (node: Node): boolean => isElement(node, 'img') || ('children' in node && (node.children as Node[]).some(hasMedia));

export const isEmpty = (node: Node) => !textOf(node).trim() && !hasMedia(node);

/**
 * Removes the first `count` characters of text from `element`, and the line
 * breaks and spaces right after them: "Stap 1: Hoe …" → "Hoe …". Elements left
 * without text (a bold run that held only the step) go too.
 */
export function dropLeadingText(element: Element, count: number): Element {
  let left = count;
  let trimming = true;
  const walk = (children: ElementContent[]): ElementContent[] => {
    const out: ElementContent[] = [];
    for (const child of children) {
      if (!trimming) {
        out.push(child);
        continue;
      }
      if (child.type === 'text') {
        let value = child.value;
        if (left > 0) {
          const cut = Math.min(left, value.length);
          value = value.slice(cut);
          left -= cut;
        }
        if (left === 0) {
          value = value.replace(/^\s+/, '');
          if (value) trimming = false;
        }
        if (value) out.push({ ...child, value });
      } else if (child.type === 'element') {
        if (child.tagName === 'br' && left === 0) continue;
        if (child.tagName === 'img') {
          trimming = false;
          out.push(child);
          continue;
        }
        const inner = walk(child.children);
        if (inner.length) out.push({ ...child, children: inner });
      }
    }
    return out;
  };
  return { ...element, children: walk(element.children) };
}

/** Calls `visit` on every element below `parent`; a returned array replaces the element. */
export function replaceElements(parent: Root | Element, visit: (element: Element) => ElementContent[] | undefined): void {
  const next: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type === 'element') {
      const replacement = visit(child);
      if (replacement) {
        next.push(...replacement);
        continue;
      }
      replaceElements(child, visit);
    }
    next.push(child);
  }
  parent.children = next as typeof parent.children;
}

export const paragraph = (children: ElementContent[]): Element => ({ type: 'element', tagName: 'p', properties: {}, children });
export const text = (value: string): ElementContent => ({ type: 'text', value });
