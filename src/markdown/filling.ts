// Whether a part of a bouwblad holds text a reader sees, and what a step heading
// looks like. Plain code on text and trees: the rules use it without loading the
// Markdown parser (sections.ts), which a run whose files are all in the parse
// cache never loads.
import type { Nodes, RootContent } from 'mdast';

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
