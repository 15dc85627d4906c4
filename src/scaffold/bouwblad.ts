// The text of a new bouwblad: front-matter, the question as title, and the four
// steps with only a guidance comment and the place to write under it (which
// check counts as "not filled in").
import { stringify } from 'yaml';
import type { Bouwsteen, Format } from '../format/format.js';
import { emptyStep, guidanceComment, INPUT_GUIDANCE, WRITE_HERE } from './guidance.js';

export { guidanceComment };

export interface BouwbladDraft {
  bouwsteen: Bouwsteen;
  period: number;
  mandatory: boolean;
  question: string;
  links?: string[];
  contributors?: string[];
  previous?: string;
  /** Markdown for step 1, instead of its guidance (new-cycle carries step 4 over). */
  step1?: string;
  /** Markdown per step number, instead of its guidance (import takes the steps from Word). */
  steps?: Record<number, string>;
  /** A section before the steps, for text that belongs to no step (import keeps it there). */
  notes?: { heading: string; markdown: string };
  /** Said after the bouwsteen in the comment under the title, e.g. where the text came from. */
  origin?: string;
}

export function frontMatter(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n`;
}

export function renderBouwblad(format: Format, draft: BouwbladDraft): string {
  const data: Record<string, unknown> = {
    level: draft.bouwsteen.level,
    aspect: draft.bouwsteen.aspect,
    period: draft.period,
    mandatory: draft.mandatory,
    question: draft.question,
    links: draft.links ?? [],
    contributors: draft.contributors ?? [],
  };
  if (draft.previous) data.previous = draft.previous;
  const about = draft.mandatory
    ? `Bouwsteen: ${draft.bouwsteen.title}. Dit is de verplichte vraag van deze bouwsteen.`
    : `Bouwsteen: ${draft.bouwsteen.title}. Dit is een extra bouwblad.`;
  const given = (number: number) => draft.steps?.[number]?.trim() || (number === 1 ? draft.step1?.trim() : undefined);
  const steps = format.steps.map((step) => `## ${step.title}\n\n${given(step.number) ?? emptyStep(step)}\n`);
  const notes = draft.notes ? `## ${draft.notes.heading}\n\n${draft.notes.markdown.trim()}\n\n` : '';
  // A question written over several lines (question: |) must stay one title line.
  return `${frontMatter(data)}\n# ${draft.question.replace(/\s+/g, ' ').trim()}\n\n${guidanceComment(draft.origin ? `${about} ${draft.origin}` : about)}\n\n${notes}${steps.join('\n')}`;
}

export function renderBouwsteen(bouwsteen: Bouwsteen): string {
  const questions = bouwsteen.questions.map((q) => (q.mandatory ? `- **${q.text}** (verplicht)` : `- ${q.text}`));
  return `${frontMatter({ level: bouwsteen.level, aspect: bouwsteen.aspect })}
# ${bouwsteen.title}

${bouwsteen.description}

## Verdiepende vragen

${questions.join('\n')}

## Wie levert input?

${guidanceComment(INPUT_GUIDANCE)}

${WRITE_HERE}
`;
}
