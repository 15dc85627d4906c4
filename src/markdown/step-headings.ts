// Lines that were meant as a step heading but are not one in Markdown:
// "##Stap 2" (no space), "### Stap 2", "**Stap 2 – …**" or "Stap 2: …" on a
// line of its own, a heading underlined with ===, indented into a code block,
// inside a comment or a quote, or without the word "Stap". Found on the parsed
// tree, so each has the line it stands on.
import type { Nodes, Paragraph, RootContent } from 'mdast';
import { STEP_HEADING } from './filling.js';
import type { ParsedBody } from './sections.js';

export type NearMissKind = 'no-space' | 'depth' | 'underlined' | 'bold' | 'plain' | 'indented' | 'in-comment' | 'in-open-comment' | 'nested' | 'no-number';

export interface NearMiss {
  number: number;
  line: number;
  kind: NearMissKind;
  /** The line as it was written (near enough to recognise). */
  written: string;
  /** The same words as a heading that works. */
  fixed: string;
}

function toText(node: Nodes): string {
  if (node.type === 'html') return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'break') return '\n';
  if ('children' in node) return (node.children as Nodes[]).map(toText).join('');
  return '';
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** "Stap 2 – Wat zijn je doelen en acties?" → "wat zijn je doelen en acties" */
const titleWords = (title: string) => normalise(title.replace(/^stap\s*\d+\s*[-–—:.]?\s*/i, ''));

/**
 * The step number of a line that starts like a step heading: "Stap 2", "stap 2:",
 * "Stap 2 –", or "Stap 2 Wat zijn je doelen …" (the step's own words). Not "Stap 2
 * van het plan is gelukt": that is a sentence.
 */
function stepNumberIn(text: string, titles: Map<string, number>): number | undefined {
  const separated = /^stap\s*(\d+)\s*(?:[-–—:.]|$)/i.exec(text.trim());
  if (separated) return Number(separated[1]);
  const words = /^stap\s*(\d+)\s+(.+)$/i.exec(text.trim());
  if (!words) return undefined;
  const rest = normalise(words[2]);
  return [...titles].some(([title, number]) => number === Number(words[1]) && rest.startsWith(title.split(' ').slice(0, 3).join(' '))) ? Number(words[1]) : undefined;
}

export function stepNearMisses(body: ParsedBody, titles: { number: number; title: string }[]): NearMiss[] {
  const found: NearMiss[] = [];
  const byTitle = new Map(titles.map((t) => [titleWords(t.title), t.number]));
  const stepNumber = (text: string) => stepNumberIn(text, byTitle);
  const add = (number: number | undefined, line: number, kind: NearMissKind, written: string, words: string) => {
    if (number === undefined) return;
    // A line that was a heading all along keeps its own words; a plain or bold line may hold the answer too, so it gets the step's title.
    const title = kind === 'plain' || kind === 'bold' ? titles.find((t) => t.number === number)?.title : undefined;
    found.push({ number, line, kind, written: written.trim(), fixed: `## ${(title ?? words).trim()}` });
  };

  const paragraph = (node: Paragraph) => {
    const first = node.children[0];
    // Bold or italic, and nothing else on the first line: the Word habit for a heading.
    const emphasised = first && (first.type === 'strong' || first.type === 'emphasis') && !toText(first).includes('\n') ? toText(first) : undefined;
    toText(node)
      .split('\n')
      .forEach((text, index) => {
        const line = node.position!.start.line + index;
        const hashes = /^(#{1,6})(?:\u00a0|\s)*(.*)$/.exec(text.trim());
        if (hashes && stepNumber(hashes[2]) !== undefined) return add(stepNumber(hashes[2]), line, 'no-space', text, hashes[2]);
        if (index === 0 && emphasised !== undefined && emphasised.trim() === text.trim()) {
          const mark = first.type === 'strong' ? '**' : '*';
          return add(stepNumber(emphasised), line, 'bold', `${mark}${emphasised.trim()}${mark}`, emphasised);
        }
        add(stepNumber(text), line, 'plain', text, text);
      });
  };

  const visit = (node: RootContent, nested: boolean) => {
    const line = node.position?.start.line;
    if (line === undefined) return;
    if (node.type === 'heading') {
      const text = toText(node).replace(/\s+/g, ' ').trim();
      const number = STEP_HEADING.exec(text) ? Number(STEP_HEADING.exec(text)![1]) : undefined;
      const written = `${'#'.repeat(node.depth)} ${text}`;
      if (nested && number !== undefined) return add(number, line, 'nested', written, text);
      if (number !== undefined && node.depth > 2) return add(number, line, 'depth', written, text);
      if (number !== undefined && node.depth === 1) {
        // "Stap 1" underlined with === is a heading of level 1; with "#" it is one too.
        const underlined = node.position!.end.line > line;
        return add(number, line, underlined ? 'underlined' : 'depth', underlined ? text : written, text);
      }
      // A heading with the step's own words but not the word "Stap": "## Doelen en acties", "## 2. Wat zijn …".
      if (number === undefined && node.depth <= 2) {
        const numbered = /^(\d+)\s*[.):]\s*(.*)$/.exec(text);
        const words = normalise(numbered ? numbered[2] : text);
        const match = byTitle.get(words) ?? [...byTitle].find(([title]) => words.length > 8 && title.endsWith(words))?.[1];
        const number = numbered && titles.some((t) => t.number === Number(numbered[1])) ? Number(numbered[1]) : match;
        const title = titles.find((t) => t.number === number)?.title;
        if (number !== undefined && title) add(number, line, 'no-number', written, title);
      }
      return;
    }
    if (node.type === 'paragraph') return nested ? undefined : paragraph(node);
    if (node.type === 'code') {
      const [first] = node.value.split('\n');
      const hashes = /^#{1,6}\s*(.*)$/.exec(first.trim());
      if (hashes) add(stepNumber(hashes[1]), line, 'indented', first, hashes[1]);
      return;
    }
    if (node.type === 'html' && node.value.trimStart().startsWith('<!--')) {
      const kind = node.value.includes('-->') ? 'in-comment' : 'in-open-comment';
      node.value.split(/\r\n|\r|\n/).forEach((text, index) => {
        const hashes = /^[ \t]{0,3}#{1,6}[ \t]+(.*)$/.exec(text);
        if (hashes) add(stepNumber(hashes[1]), line + index, kind, text, hashes[1]);
      });
      return;
    }
    if ((node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') && 'children' in node) {
      for (const child of node.children as RootContent[]) visit(child, true);
    }
  };
  for (const node of body.tree.children) visit(node, false);
  return found;
}
