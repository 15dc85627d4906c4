// Finds the bouwblad in a Word document: which lines are the steps, the
// periods, the question, the bouwsteen and who contributed, and which content
// belongs to which step. Everything that is none of these is kept: before the
// first step as a note, after a step as its answer.
import type { Element, ElementContent } from 'hast';
import type { Bouwsteen, Format } from '../format/format.js';
import { dropLeadingText, isElement, isEmpty, paragraph, text, textOf } from './hast.js';
import { bouwstenenNamed, formatQuestion, labelKind, labelLine, periodMarker, splitNames, StepWords, type LabelKind } from './markers.js';
import { oneLine, wordKey } from './text.js';

export interface PeriodDraft {
  /** As the document says; undefined when it does not. */
  number?: number;
  from?: string;
  to?: string;
  /** Content before the first step of this period. */
  notes: ElementContent[];
  /** Who contributed, as the document says ("Bijgedragen door: …"). */
  contributors: string[];
  steps: Map<number, ElementContent[]>;
}

export interface Annotation {
  period: PeriodDraft;
  /** 0: before the first step. */
  step: number;
  text: string;
}

export interface WordStructure {
  question?: string;
  /** The document calls its question the mandatory one, or uses the format's mandatory question. */
  mandatory?: boolean;
  /** The bouwsteen the document says it is about ("Bouwsteen: …", its question, a line with only the name). */
  bouwsteen?: Bouwsteen;
  /** Bouwstenen the text before the first step mentions in passing. */
  mentioned: Bouwsteen[];
  periods: PeriodDraft[];
  comments: Annotation[];
}

export interface ExtractedNotes {
  /** Footnote and endnote bodies by the id mammoth gave them. */
  notes: Map<string, ElementContent[]>;
  /** Comment text by the id mammoth gave it. */
  comments: Map<string, string>;
}

export const ID_PREFIX = 'kwaliteit-';

/** Mammoth puts comments (a <dl>) and foot- and endnotes (an <ol>) at the end; they are taken out here. */
export function extractNotes(blocks: ElementContent[]): { blocks: ElementContent[]; extracted: ExtractedNotes } {
  const extracted: ExtractedNotes = { notes: new Map(), comments: new Map() };
  const idOf = (node: ElementContent) => (isElement(node) && typeof node.properties.id === 'string' ? node.properties.id : '');
  const withoutBackLinks = (children: ElementContent[]): ElementContent[] =>
    children
      .filter((child) => !(isElement(child, 'a') && String(child.properties.href ?? '').startsWith(`#${ID_PREFIX}`)))
      .map((child) => (isElement(child) ? { ...child, children: withoutBackLinks(child.children) } : child));
  const kept = blocks.filter((block) => {
    if (isElement(block, 'ol') && block.children.some((li) => /^kwaliteit-(footnote|endnote)-\d/.test(idOf(li)))) {
      for (const li of block.children) if (isElement(li)) extracted.notes.set(idOf(li), withoutBackLinks(li.children).filter((c) => !isEmpty(c)));
      return false;
    }
    if (isElement(block, 'dl')) {
      let id = '';
      for (const child of block.children) {
        if (isElement(child, 'dt')) id = idOf(child);
        else if (isElement(child, 'dd') && id.startsWith(`${ID_PREFIX}comment-`)) extracted.comments.set(id, oneLine(textOf({ ...child, children: withoutBackLinks(child.children) })));
      }
      return extracted.comments.size === 0;
    }
    // Mammoth always writes the lists, also when there are no notes.
    return !((isElement(block, 'ol') || isElement(block, 'dl')) && block.children.length === 0);
  });
  return { blocks: kept, extracted };
}

type Target = { period: PeriodDraft; step: number };

class Builder {
  readonly result: WordStructure = { mentioned: [], periods: [], comments: [] };
  private period: PeriodDraft = newPeriod();
  private step = 0;
  private readonly stepWords: StepWords;

  constructor(
    private readonly format: Format,
    private readonly extracted: ExtractedNotes,
  ) {
    this.stepWords = new StepWords(format);
    this.result.periods.push(this.period);
  }

  private get target(): Target {
    return { period: this.period, step: this.step };
  }

  private push(content: ElementContent): void {
    const prepared = this.annotate(content, this.target);
    if (isEmpty(prepared)) return;
    if (this.step === 0) this.period.notes.push(prepared);
    else this.period.steps.get(this.step)!.push(prepared);
  }

  /** Takes comment marks out of the content (saying where they were) and puts each footnote after its paragraph. */
  private annotate(content: ElementContent, target: Target): ElementContent {
    if (!isElement(content)) return content;
    const notes: ElementContent[] = [];
    const walk = (element: Element): Element => {
      const children: ElementContent[] = [];
      for (const child of element.children) {
        const link = isElement(child, 'sup') ? child.children.find((c) => isElement(c, 'a')) : isElement(child, 'a') ? child : undefined;
        const href = isElement(link) ? String(link.properties.href ?? '') : '';
        const comment = /^#kwaliteit-comment-/.test(href) ? this.extracted.comments.get(href.slice(1)) : undefined;
        if (comment !== undefined) {
          this.result.comments.push({ ...target, text: comment });
          continue;
        }
        const note = /^#kwaliteit-(footnote|endnote)-/.test(href) ? this.extracted.notes.get(href.slice(1)) : undefined;
        if (note) {
          const label = textOf(link!).replace(/[[\]]/g, '');
          children.push(text(`[${label}]`));
          notes.push(...note.map((block, i) => (i === 0 && isElement(block, 'p') ? { ...block, children: [text(`[${label}] `), ...block.children] } : block)));
          continue;
        }
        children.push(isElement(child) ? walk(child) : child);
      }
      return { ...element, children };
    };
    const done = walk(content);
    if (!notes.length) return done;
    // Footnotes follow the block that refers to them, in a wrapper the caller flattens.
    return { type: 'element', tagName: 'div', properties: { dataNotes: true }, children: [done, ...notes] };
  }

  private startStep(number: number): void {
    if (this.period.steps.has(number)) {
      // Step 1 again after step 4: the next period, also when the document did not say so.
      this.newPeriod();
    }
    this.step = number;
    if (!this.period.steps.has(number)) this.period.steps.set(number, []);
  }

  private newPeriod(): void {
    this.period = newPeriod();
    this.result.periods.push(this.period);
    this.step = 0;
  }

  private label(kind: LabelKind, value: string): boolean {
    if (kind === 'contributors') {
      for (const name of splitNames(value)) if (!this.period.contributors.includes(name)) this.period.contributors.push(name);
      return true;
    }
    if (this.step !== 0) return false;
    if (kind === 'question' || kind === 'mandatory-question') {
      this.result.question ??= value;
      if (kind === 'mandatory-question') this.result.mandatory = true;
      this.noteBouwstenen([], formatQuestion(this.format, value));
      return true;
    }
    if (kind === 'bouwsteen') {
      const named = bouwstenenNamed(this.format, value);
      if (named.length !== 1) return false;
      this.result.bouwsteen ??= named[0];
      return true;
    }
    if (kind === 'period') {
      const marker = periodMarker(`Periode ${value}`) ?? periodMarker(value);
      if (!marker) return false;
      this.period.number ??= marker.number;
      this.period.from ??= marker.from;
      this.period.to ??= marker.to;
      return true;
    }
    return false;
  }

  private noteBouwstenen(mentioned: Bouwsteen[], question?: { bouwsteen: Bouwsteen; mandatory: boolean }): void {
    if (question) {
      this.result.bouwsteen ??= question.bouwsteen;
      if (question.mandatory && this.result.bouwsteen === question.bouwsteen) this.result.mandatory = true;
    }
    for (const bouwsteen of mentioned) if (!this.result.mentioned.includes(bouwsteen)) this.result.mentioned.push(bouwsteen);
  }

  /** A table with a step in one of its cells is the bouwblad as a form: one block per cell. */
  private formTable(table: Element): ElementContent[] | undefined {
    const rows = rowsOf(table);
    const isMarker = (cell: Element) => Boolean(this.stepWords.step(textOf(cell).trim()));
    if (!rows.some((row) => row.some(isMarker))) return undefined;
    const blocks: ElementContent[] = [];
    rows.forEach((cells, index) => {
      const [first, ...others] = cells;
      if (!first) return;
      const label = textOf(first).trim();
      // The header of such a form ("Stap | Antwoord") says nothing about this bouwblad.
      if (index === 0 && cells.every((cell) => /^(stap(pen)?|vraag|antwoord(en)?|toelichting|onderdeel|invulling|uitwerking|beschrijving)?:?$/i.test(textOf(cell).trim()))) return;
      const kind = others.length ? labelKind(label) : undefined;
      if (kind) {
        // "Vraag | Hoe …?": the label left, its value right.
        blocks.push(paragraph([text(`${label.replace(/:\s*$/, '')}: ${others.map((c) => textOf(c).trim()).join(' ')}`)]));
        return;
      }
      const period = others.length ? periodMarker(`${label} ${others.map((c) => textOf(c)).join(' ')}`) : undefined;
      if (period && !period.rest && periodMarker(label)) {
        blocks.push(paragraph([text(`${label} ${others.map((c) => textOf(c).trim()).join(' ')}`)]));
        return;
      }
      for (const cell of cells) blocks.push(...cellBlocks(cell));
    });
    return blocks;
  }

  add(block: ElementContent): void {
    if (!isElement(block)) {
      if (block.type === 'text' && block.value.trim()) this.add(paragraph([block]));
      return;
    }
    if (isElement(block, 'table')) {
      const form = this.formTable(block);
      if (form) {
        for (const part of form) this.add(part);
        return;
      }
      this.push(block);
      return;
    }
    if (isElement(block, 'ul', 'ol')) {
      this.list(block);
      return;
    }
    if (isElement(block, 'div')) {
      for (const child of block.children) this.add(child);
      return;
    }
    this.line(block);
  }

  /** A numbered list whose items are the steps ("1. Wat is je startvraag?"): each such item is a step. */
  private list(list: Element): void {
    const items = list.children.filter((child): child is Element => isElement(child, 'li'));
    if (!items.some((li) => this.stepWords.step(firstLineOf(li)))) {
      this.push(list);
      return;
    }
    let run: Element[] = [];
    const flush = () => {
      if (run.length) this.push({ ...list, children: run });
      run = [];
    };
    for (const li of items) {
      if (!this.stepWords.step(firstLineOf(li))) {
        run.push(li);
        continue;
      }
      flush();
      // The item's own text is the step; a list or paragraphs inside it are the answer.
      const [head, ...rest] = splitItem(li);
      this.line(head);
      for (const block of rest) this.add(block);
    }
    flush();
  }

  private line(block: Element): void {
    const full = textOf(block);
    const line = full.trim();
    const step = line ? this.stepWords.step(full) : undefined;
    if (step) {
      const rest = dropLeadingText(block, step.end);
      if (step.number === this.step) {
        // The same step twice in a row ("Stap 2 … Stap 2 (vervolg)"): the text goes on, nothing is lost.
        if (isEmpty(rest) && this.period.steps.get(step.number)!.length === 0) return;
        this.push(block);
        return;
      }
      this.startStep(step.number);
      if (!isEmpty(rest)) this.push(isElement(rest, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6') ? { ...rest, tagName: 'p' } : rest);
      return;
    }
    if (line.length <= 160) {
      const period = periodMarker(line);
      if (period) {
        if (this.step !== 0 || (period.number !== undefined && this.period.number !== undefined && period.number !== this.period.number)) this.newPeriod();
        this.period.number ??= period.number;
        this.period.from ??= period.from;
        this.period.to ??= period.to;
        if (period.rest) this.push(paragraph([text(period.rest)]));
        return;
      }
    }
    const label = labelLine(full);
    if (label && this.label(label.kind, label.value)) return;
    if (this.step === 0 && line) {
      const question = formatQuestion(this.format, line);
      const heading = isElement(block, 'h1', 'h2', 'h3', 'h4', 'h5', 'h6');
      const first = this.period.notes.length === 0 && this.result.periods.length === 1;
      if (question || ((heading || first) && this.result.question === undefined && /\?$/.test(line) && line.length <= 300 && this.result.periods.length === 1)) {
        // The title of the document (or its first line), or one of the format's questions: the question of the bouwblad.
        this.result.question ??= oneLine(line);
        this.noteBouwstenen(bouwstenenNamed(this.format, line), question);
        return;
      }
      const named = bouwstenenNamed(this.format, line);
      // A line that is only the bouwsteen ("Samenwerking op mesoniveau") says which one; nothing else is in it.
      // The name of the form itself ("Bouwblad") says nothing.
      if (/^(bouwblad|bouwblad kwaliteit|kwaliteitsformat)$/.test(wordKey(line))) return;
      if (named.length === 1 && oneLine(line).replace(/^(bouwsteen|bouwblad)\s*/i, '').length <= named[0].title.length + 2) {
        this.result.bouwsteen ??= named[0];
        return;
      }
      this.noteBouwstenen(named);
    }
    this.push(block);
  }
}

function newPeriod(): PeriodDraft {
  return { notes: [], contributors: [], steps: new Map() };
}

/** Rows of a table, as lists of cells (thead, tbody and tfoot together). */
export function rowsOf(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (element: Element) => {
    for (const child of element.children) {
      if (!isElement(child)) continue;
      if (child.tagName === 'tr') rows.push(child.children.filter((c): c is Element => isElement(c, 'td', 'th')));
      else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) visit(child);
    }
  };
  visit(table);
  return rows;
}

/** What a cell holds, as blocks: its paragraphs, lists and tables; loose text becomes a paragraph. */
function cellBlocks(cell: Element): ElementContent[] {
  const blocks: ElementContent[] = [];
  let loose: ElementContent[] = [];
  const flush = () => {
    if (loose.some((node) => !isEmpty(node))) blocks.push(paragraph(loose));
    loose = [];
  };
  for (const child of cell.children) {
    if (isElement(child, 'p', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote')) {
      flush();
      blocks.push(child);
    } else loose.push(child);
  }
  flush();
  return blocks;
}

const firstLineOf = (li: Element) => textOf(splitItem(li)[0]).split('\n')[0];

/** A list item as its own line (a paragraph) followed by what is nested in it. */
function splitItem(li: Element): Element[] {
  const inline: ElementContent[] = [];
  const blocks: Element[] = [];
  for (const child of li.children) {
    if (isElement(child, 'ul', 'ol', 'table', 'p') && (blocks.length || inline.some((n) => !isEmpty(n)) || !isElement(child, 'p'))) blocks.push(child);
    else if (isElement(child, 'p') && !blocks.length) inline.push(...child.children);
    else if (!blocks.length) inline.push(child);
    else blocks.push(paragraph([child]));
  }
  return [paragraph(inline), ...blocks];
}

export function findStructure(format: Format, blocks: ElementContent[]): WordStructure {
  const { blocks: content, extracted } = extractNotes(blocks);
  const builder = new Builder(format, extracted);
  for (const block of content) builder.add(block);
  const result = builder.result;
  // A period marker at the very end, with nothing after it, is not a period.
  result.periods = result.periods.filter((period, index) => index === 0 || period.steps.size > 0 || period.notes.length > 0);
  return result;
}
