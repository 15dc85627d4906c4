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
  /** Whether the question texts are the official wording, and where they come from. */
  wording: { official: boolean; source?: string };
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
    ...(data.publisher?.trim() ? { publisher: data.publisher.trim() } : {}),
    wording: { official: data.wording.official, ...(data.wording.source !== undefined ? { source: data.wording.source } : {}) },
    source,
    levels: data.levels,
    aspects: data.aspects,
    bouwstenen,
    steps: data.steps,
    bouwsteen: (id) => byId.get(id),
    bouwsteenFor: (level, aspect) => byId.get(`${level}-${aspect}`),
  };
}
