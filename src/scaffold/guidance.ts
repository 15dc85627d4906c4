// The comments kwaliteit writes into a file, in one place: what an empty step
// looks like, and every text of ours (this version's and earlier ones) so that
// check can tell our guidance from words a person typed between <!-- and -->.
import type { Format, Step } from '../format/format.js';

/**
 * Where to write, outside the comment and visible in any editor. isFilled reads
 * "…" as a placeholder, so a step with only these counts as not filled in.
 */
export const WRITE_HERE = '…';

const LEAD = 'Uitleg (komt niet in het rapport):';
const TAIL = 'Jullie eigen tekst komt onder deze uitleg, op de plaats van de drie puntjes.';

export function guidanceComment(text: string): string {
  // "--" would end the comment early in some renderers.
  return `<!-- ${text.replace(/--/g, '–').trim()} -->`;
}

/** The comment over an empty step: what the step is for, and where the answer goes (below it, never in it). */
export const stepComment = (step: Step) => guidanceComment(`${LEAD} ${step.guidance} ${TAIL}`);

/** An empty step as init, add and new-cycle write it: the comment, then the place to write. */
export const emptyStep = (step: Step) => `${stepComment(step)}\n\n${WRITE_HERE}`;

export const INPUT_GUIDANCE = `${LEAD} wie levert input op deze bouwsteen (welke partners en personen), en wie houdt het overzicht? ${TAIL}`;
const EARLIER_INPUT_GUIDANCE = 'Schrijf hier wie input levert op deze bouwsteen (welke partners en personen) en wie het overzicht houdt.';

/** The note above a start question new-cycle carried over. */
export const carriedNote = (period: number, from?: string) =>
  guidanceComment(`Overgenomen uit stap 4 van periode ${period}${from ? ` van ${from}` : ''}.`);

/** Said instead, in step 1, when the adjusted question went to another bouwsteen. */
export const movedNote = (period: number, to: string, step1: Step | undefined) =>
  guidanceComment(`De bijgestelde startvraag van periode ${period} is meegenomen naar ${to}. ${step1 ? `${LEAD} ${step1.guidance} ${TAIL}` : ''}`);

/** Notes of ours that name a period or a file, so they are matched as a pattern rather than word for word. */
const NOTES = [
  /^Overgenomen uit stap 4 van periode \d+(?: van \S+)?\.$/,
  /^Bouwsteen: .+\. Dit is (?:de verplichte vraag van deze bouwsteen|een extra bouwblad)\.(?: Overgenomen uit het Word-document .+\.)?$/,
];
/** Said before guidance in a note of ours; what follows is compared word for word. */
const NOTE_PREFIX = /^De bijgestelde startvraag van periode \d+ is meegenomen naar \S+\.\s*/;

export interface KnownComments {
  /** Every guidance text kwaliteit writes or wrote, as it stands between <!-- and -->. */
  texts: string[];
  /** True when a comment's whole text is one of our notes. */
  isNote(text: string): boolean;
  /** The text without a note of ours in front of it. */
  withoutNotePrefix(text: string): string;
}

export function knownComments(format: Format): KnownComments {
  const texts = [
    ...format.steps.flatMap((step) => [`${LEAD} ${step.guidance} ${TAIL}`, step.guidance, ...step.earlierGuidance]),
    INPUT_GUIDANCE,
    EARLIER_INPUT_GUIDANCE,
  ];
  return {
    texts,
    isNote: (text) => NOTES.some((note) => note.test(text.replace(/\s+/g, ' ').trim())),
    withoutNotePrefix: (text) => text.trim().replace(NOTE_PREFIX, ''),
  };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A step's text without the scaffold in it: the empty step of this version or
 * an earlier one (comment and "…"), or else just the comment, whichever comes
 * first. Any line end matches, so a file saved on Windows is read the same.
 */
export function withoutScaffold(markdown: string, step: Step): string {
  const comments = [stepComment(step), ...step.earlierGuidance.map(guidanceComment), guidanceComment(step.guidance)];
  const candidates = [...comments.map((comment) => `${comment}\n\n${WRITE_HERE}`), ...comments];
  for (const candidate of candidates) {
    const pattern = new RegExp(escape(candidate).replace(/\n/g, '(?:\\r\\n|\\r|\\n)'));
    if (pattern.test(markdown)) return markdown.replace(pattern, '');
  }
  return markdown;
}
