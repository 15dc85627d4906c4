// Recognises, in one line of a Word document, the parts of a bouwblad: a step
// ("Stap 2 – Wat zijn je doelen en acties?", "2. Wat zijn je doelen en
// acties?", "Doelen en acties"), a period ("Periode 2", "van 1 februari 2026
// tot 31 juli 2026"), the question, the bouwsteen and who contributed. Only the
// words count, never how the line looks: a heading, bold or plain text, or a
// cell of a table all read the same.
import { STEP_HEADING } from '../markdown/filling.js';
import { suggestIsoDate } from '../dates.js';
import type { Bouwsteen, Format } from '../format/format.js';
import { oneLine, wordKey } from './text.js';

export interface StepMarker {
  kind: 'step';
  number: number;
  /** Characters of the line the marker takes up; what follows is the start of the answer. */
  end: number;
}

export interface PeriodMarker {
  kind: 'period';
  number?: number;
  from?: string;
  to?: string;
  /** Words after the period that are not dates, kept as a note. */
  rest: string;
}

export type LabelKind = 'question' | 'mandatory-question' | 'bouwsteen' | 'contributors' | 'period';

export interface LabelMarker {
  kind: LabelKind;
  value: string;
}

/** The usual names of each step, besides the title in the format (the handreiking uses both). */
const STEP_LABELS: Record<number, string[]> = {
  1: ['wat is je startvraag', 'startvraag', 'de startvraag', 'onze startvraag'],
  2: ['wat zijn je doelen en acties', 'doelen en acties', 'onze doelen en acties', 'doelen en activiteiten'],
  3: ['wat hebben we bereikt', 'wat heb je bereikt', 'wat is er bereikt', 'bereikte doelen', 'wat we hebben bereikt'],
  4: ['wat is je bijgestelde startvraag', 'bijgestelde startvraag', 'aangescherpte startvraag', 'wat is je aangescherpte startvraag', 'nieuwe startvraag', 'onze bijgestelde startvraag'],
};

/** "jullie", "uw" and "u" read as "je"; "hebben jullie" and "heb je" as "hebben we". */
function pronouns(key: string): string {
  return key
    .replace(/\b(hebben jullie|heb je|hebt u|hebben wij)\b/g, 'hebben we')
    .replace(/\b(jullie|uw|u)\b/g, 'je');
}

interface Word {
  key: string;
  end: number;
}

function words(text: string, from: number): Word[] {
  const list: Word[] = [];
  const pattern = /[\p{L}\p{N}]+/gu;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    // A label never runs over a line break: the next line is the answer.
    if (/\n/.test(text.slice(list.at(-1)?.end ?? from, match.index))) break;
    list.push({ key: wordKey(match[0]), end: match.index + match[0].length });
    if (list.length > 12) break;
  }
  return list;
}

export class StepWords {
  private readonly labels: { number: number; words: string[] }[];

  constructor(format: Format) {
    const all: { number: number; words: string[] }[] = [];
    for (const step of format.steps) {
      const title = STEP_HEADING.exec(step.title)?.[2] ?? step.title;
      for (const label of [title, ...(STEP_LABELS[step.number] ?? [])]) {
        const key = pronouns(wordKey(label));
        if (key) all.push({ number: step.number, words: key.split(' ') });
      }
    }
    // The longest first: "bijgestelde startvraag" before "startvraag".
    this.labels = all.sort((a, b) => b.words.length - a.words.length);
  }

  /** A step's name at `from` in `text`: its number and where it ends (with its "?" or ":"). */
  label(text: string, from = 0): { number: number; end: number } | undefined {
    const found = words(text, from);
    const keys = pronouns(found.map((w) => w.key).join(' ')).split(' ');
    for (const label of this.labels) {
      if (label.words.length > keys.length) continue;
      if (label.words.every((word, i) => keys[i] === word)) {
        // pronouns() never changes the number of words, so the i-th key is the i-th word.
        const end = found[label.words.length - 1].end;
        return { number: label.number, end: end + (/^[ ]*[?:.!]*/.exec(text.slice(end))?.[0].length ?? 0) };
      }
    }
    return undefined;
  }

  /** The step a line starts, if it starts one. */
  step(text: string): StepMarker | undefined {
    const numbered = /^\s*stap\s*([1-9])(?![\p{L}\p{N}])\s*(?:[-–—:.)]\s*)?/iu.exec(text);
    if (numbered) {
      const number = Number(numbered[1]);
      if (!this.labels.some((l) => l.number === number)) return undefined;
      const label = this.label(text, numbered[0].length);
      // "Stap 1 is dat we …" is a sentence, not a step: after the number comes a name, a dash or colon, or the end of the line.
      const after = text.slice(numbered[0].length);
      const separated = /[-–—:.)]\s*$/.test(numbered[0]) || /^\s*(\n|$)/.test(after);
      if (label && label.number === number) return { kind: 'step', number, end: label.end };
      return separated ? { kind: 'step', number, end: numbered[0].length } : undefined;
    }
    const digit = /^\s*([1-9])\s*[.):]\s*/.exec(text);
    const label = this.label(text, digit ? digit[0].length : 0);
    if (!label || (digit && Number(digit[1]) !== label.number)) return undefined;
    // A bare name ("Startvraag") starts a step only when the line is just that, or "Startvraag: …".
    const rest = text.slice(label.end);
    if (!digit && rest.trim() && !/:\s*$/.test(text.slice(0, label.end)) && !/^[ ]*\n/.test(rest)) return undefined;
    return { kind: 'step', number: label.number, end: label.end };
  }
}

const MONTH = '(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\\.?';
const DATE = `(\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}|\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}\\s+${MONTH}\\s+\\d{4})`;
const RANGE = new RegExp(`^\\s*(?:van(?:af)?\\s+)?${DATE}\\s*(?:tot\\s+en\\s+met|tot|t\\/m|tm|-|–|—|until)\\s*${DATE}\\s*[.)]?\\s*$`, 'i');
const SHORT_MONTHS: Record<string, string> = { mrt: 'maart', sept: 'september', okt: 'oktober', mei: 'mei' };

function isoOf(date: string): string | undefined {
  const spelled = date.toLowerCase().replace(/\./g, '').replace(/\b(mrt|sept|okt)\b/, (m) => SHORT_MONTHS[m]);
  return suggestIsoDate(spelled.replace(/\s+/g, ' '));
}

/** "van 1 februari 2026 tot 31 juli 2026" → the two dates. */
export function dateRange(text: string): { from: string; to: string } | undefined {
  const match = RANGE.exec(oneLine(text).replace(/^[(,:]\s*/, ''));
  if (!match) return undefined;
  const from = isoOf(match[1]);
  const to = isoOf(match[2]);
  return from && to ? { from, to } : undefined;
}

/** The empty line of the handreiking's bouwblad: "van..... tot.....". */
const EMPTY_RANGE = /^\s*van\s*[.…_\s]*tot\s*[.…_\s]*$/i;

export function periodMarker(text: string): PeriodMarker | undefined {
  const line = oneLine(text);
  const numbered = /^periode\s*:?\s*(\d{1,2})(?!\d)\s*[-–—:,]?\s*/i.exec(line);
  if (numbered) {
    const rest = line.slice(numbered[0].length).trim();
    const range = dateRange(rest);
    if (range) return { kind: 'period', number: Number(numbered[1]), ...range, rest: '' };
    if (!rest || EMPTY_RANGE.test(rest)) return { kind: 'period', number: Number(numbered[1]), rest: '' };
    // "Periode 1 (najaar 2025)" is still the period; a sentence after it is not.
    return rest.split(' ').length <= 8 && !/[.!?]$/.test(rest) ? { kind: 'period', number: Number(numbered[1]), rest } : undefined;
  }
  const range = dateRange(line);
  if (range) return { kind: 'period', ...range, rest: '' };
  if (EMPTY_RANGE.test(line)) return { kind: 'period', rest: '' };
  return undefined;
}

const LABELS: [LabelKind, RegExp][] = [
  ['mandatory-question', /^(?:de\s+)?verplichte\s+vraag$/],
  ['question', /^(?:de\s+|onze\s+|gekozen\s+|eigen\s+)?(?:verdiepende\s+|kwaliteits)?vraag(?:\s+van\s+(?:dit|het)\s+bouwblad)?$/],
  ['bouwsteen', /^(?:de\s+)?bouwsteen$/],
  ['contributors', /^(?:bijgedragen\s+door|ingevuld\s+door|geschreven\s+door|auteurs?|namen|wie|deelnemers|met\s+medewerking\s+van|betrokken|betrokkenen)$/],
  ['period', /^periode$/],
];

/** What a label such as "Vraag" or "Bouwsteen:" names, when the line is only that label. */
export function labelKind(text: string): LabelKind | undefined {
  const key = wordKey(text.replace(/:\s*$/, ''));
  return LABELS.find(([, pattern]) => pattern.test(key))?.[0];
}

/** "Vraag: Hoe …?" → the label and its value. */
export function labelLine(text: string): LabelMarker | undefined {
  const line = oneLine(text);
  const colon = line.indexOf(':');
  if (colon < 1 || colon > 40) return undefined;
  const kind = labelKind(line.slice(0, colon));
  const value = line.slice(colon + 1).trim();
  return kind && value ? { kind, value } : undefined;
}

/** Names split on ";", or on commas and "en" outside brackets: "Fatima (welzijn, Oost) en Tom". */
export function splitNames(text: string): string[] {
  const parts = text.includes(';') || text.includes('\n') ? text.split(/[;\n]/) : splitOutsideBrackets(text);
  return parts.map((part) => oneLine(part).replace(/^[-•·*]\s*/, '').replace(/[.]$/, '')).filter(Boolean);
}

function splitOutsideBrackets(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || /^\sen\s/.test(text.slice(i, i + 4)))) {
      parts.push(current);
      current = '';
      if (char !== ',') i += 3;
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts;
}

/** The bouwstenen named in a text by their title ("Samenwerking op mesoniveau") or id ("meso-samenwerking"). */
export function bouwstenenNamed(format: Format, text: string): Bouwsteen[] {
  const key = ` ${wordKey(text)} `;
  return format.bouwstenen.filter((b) => {
    if (key.includes(` ${wordKey(b.title)} `) || key.includes(` ${wordKey(b.id)} `)) return true;
    const level = format.levels.find((l) => l.id === b.level);
    const aspect = format.aspects.find((a) => a.id === b.aspect);
    // "Mesoniveau – Samenwerking" in a short line names the bouwsteen too.
    return Boolean(level && aspect && key.length < 80 && key.includes(` ${wordKey(level.title)} `) && key.includes(` ${wordKey(aspect.title)} `));
  });
}

/** The format's question with these words, and its bouwsteen. */
export function formatQuestion(format: Format, text: string): { bouwsteen: Bouwsteen; mandatory: boolean } | undefined {
  const key = wordKey(text);
  if (!key) return undefined;
  for (const bouwsteen of format.bouwstenen) {
    const question = bouwsteen.questions.find((q) => wordKey(q.text) === key);
    if (question) return { bouwsteen, mandatory: question.mandatory };
  }
  return undefined;
}
