// The kwaliteitsformat in memory, with the look-ups every command needs.
import type { FormatData } from './schema.js';

export type Level = FormatData['levels'][number];
export type Aspect = FormatData['aspects'][number];
export type Step = FormatData['steps'][number];

export interface Bouwsteen {
  id: string;
  level: string;
  aspect: string;
  title: string;
  description: string;
  questions: { text: string; mandatory: boolean }[];
  mandatoryQuestion: string;
}

export interface Format {
  id: string;
  version: string;
  title: string;
  publisher?: string;
  /** Where it was loaded from (absolute path). */
  source: string;
  levels: Level[];
  aspects: Aspect[];
  bouwstenen: Bouwsteen[];
  steps: Step[];
  bouwsteen(id: string): Bouwsteen | undefined;
  bouwsteenFor(level: string, aspect: string): Bouwsteen | undefined;
}

export function buildFormat(data: FormatData, source: string): Format {
  const bouwstenen: Bouwsteen[] = data.bouwstenen.map((b) => ({
    ...b,
    mandatoryQuestion: b.questions.find((q) => q.mandatory)!.text,
  }));
  const byId = new Map(bouwstenen.map((b) => [b.id, b]));
  return {
    id: data.id,
    version: data.version,
    title: data.title,
    publisher: data.publisher,
    source,
    levels: data.levels,
    aspects: data.aspects,
    bouwstenen,
    steps: data.steps,
    bouwsteen: (id) => byId.get(id),
    bouwsteenFor: (level, aspect) => byId.get(`${level}-${aspect}`),
  };
}
