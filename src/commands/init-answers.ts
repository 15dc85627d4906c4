// What init needs to know, from flags, defaults or (on a terminal) questions.
import { addDays, formatDutchDate, isIsoDate, today } from '../dates.js';
import { errors, type KwaliteitError } from '../errors.js';

export interface InitAnswers {
  name: string;
  lead: string;
  municipality: string[];
  subsidyPeriod: string;
  periodFrom: string;
  periodTo: string;
}

export type PartialInitAnswers = Partial<Omit<InitAnswers, 'municipality'>> & { municipality?: string | string[] };

export const DEFAULT_SUBSIDY_PERIOD = '2025-2028';

/** The flag that sets each answer, for messages. */
export const INIT_FLAGS: Record<keyof InitAnswers, string> = {
  name: '--name',
  lead: '--lead',
  municipality: '--municipality',
  subsidyPeriod: '--subsidy-period',
  periodFrom: '--period-from',
  periodTo: '--period-to',
};

export function defaultSubsidyPeriod(now: string = today()): string {
  const year = Number(now.slice(0, 4));
  return year < 2025 ? '2023-2025' : DEFAULT_SUBSIDY_PERIOD;
}

/** The first period starts this month when today lies inside the subsidy period, else in September of its first year. */
export function defaultPeriodFrom(subsidyPeriod: string, now: string = today()): string {
  const [first, last] = subsidyPeriod.split('-').map(Number);
  const year = Number(now.slice(0, 4));
  if (year >= first && year <= last) return `${now.slice(0, 7)}-01`;
  return `${first}-09-01`;
}

/** Half a year: the last day before the same day six months later, but never past the subsidy period. */
export function defaultPeriodTo(from: string, subsidyPeriod?: string): string {
  const [y, m] = from.split('-').map(Number);
  const month = m + 6;
  const next = `${y + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}${from.slice(7)}`;
  const to = addDays(next, -1);
  const last = subsidyPeriod?.split('-')[1];
  return last && to > `${last}-12-31` ? `${last}-12-31` : to;
}

export function normaliseMunicipality(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? value.split(/[;,]/) : [];
  return list.map((item) => item.trim()).filter(Boolean);
}

/** What is wrong with the answers: as the error for the flags, and in the words of the questions (for a terminal). */
export interface AnswerProblem {
  error: KwaliteitError;
  question: string;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** A name must fit on one line of kwaliteit.yaml and of the report: no line breaks or other control characters. */
function notOneLine(option: string, value: string, what: string): AnswerProblem | undefined {
  if (!CONTROL.test(value)) return undefined;
  return {
    error: errors.invalidOption(option, value.replace(new RegExp(CONTROL, 'g'), ' ').trim(), `er staat een regeleinde of een ander stuurteken in ${what}`, `Schrijf ${what} op één regel.`),
    question: `Er staat een regeleinde of een ander stuurteken in ${what}. Schrijf ${what} op één regel.`,
  };
}

export function answerProblem(answers: InitAnswers): AnswerProblem | undefined {
  const names: [string, string, string][] = [
    ['--name', answers.name, 'de naam'],
    ['--lead', answers.lead, 'de naam van de penvoerder'],
    ...answers.municipality.map((m): [string, string, string] => ['--municipality', m, 'de naam van de gemeente']),
  ];
  for (const [option, value, what] of names) {
    const problem = notOneLine(option, value, what);
    if (problem) return problem;
  }
  if (!answers.name.trim())
    return { error: errors.invalidOption('--name', answers.name, 'de naam is leeg', 'Geef de naam van de coalitie, bijvoorbeeld --name "Coalitie Kansrijk Noord".'), question: 'De naam van de coalitie is leeg.' };
  if (!answers.lead.trim())
    return { error: errors.invalidOption('--lead', answers.lead, 'de penvoerder is leeg', 'Geef de naam van de penvoerende school, bijvoorbeeld --lead "OBS De Linde".'), question: 'De penvoerder is leeg.' };
  const years = /^(\d{4})-(\d{4})$/.exec(answers.subsidyPeriod);
  if (!years)
    return {
      error: errors.invalidOption('--subsidy-period', answers.subsidyPeriod, 'dit zijn geen twee jaartallen met een streepje ertussen', 'Schrijf bijvoorbeeld --subsidy-period 2025-2028.'),
      question: 'De subsidieperiode is geen twee jaartallen met een streepje ertussen, zoals 2025-2028.',
    };
  if (Number(years[1]) > Number(years[2]))
    return {
      error: errors.invalidOption('--subsidy-period', answers.subsidyPeriod, 'het eerste jaar ligt na het laatste', 'Schrijf het eerste jaar eerst, bijvoorbeeld 2025-2028.'),
      question: `In de subsidieperiode ${answers.subsidyPeriod} ligt het eerste jaar na het laatste.`,
    };
  for (const [value, option] of [[answers.periodFrom, '--period-from'], [answers.periodTo, '--period-to']] as const) {
    if (!isIsoDate(value)) return { error: errors.invalidDate(option, value), question: `"${value}" is geen datum als jaar-maand-dag.` };
  }
  if (answers.periodFrom >= answers.periodTo)
    return { error: errors.periodOrder(answers.periodFrom, answers.periodTo), question: 'De eerste periode eindigt niet na het begin.' };
  if (answers.periodFrom < `${years[1]}-01-01` || answers.periodTo > `${years[2]}-12-31`)
    return {
      error: errors.invalidOption(
        '--period-from/--period-to',
        `${answers.periodFrom} tot ${answers.periodTo}`,
        `de periode valt niet binnen de subsidieperiode ${answers.subsidyPeriod}`,
        'Kies datums binnen de subsidieperiode, of pas --subsidy-period aan.',
      ),
      question: `De eerste periode (${formatDutchDate(answers.periodFrom)} tot en met ${formatDutchDate(answers.periodTo)}) valt niet binnen de subsidieperiode ${answers.subsidyPeriod}. Kies andere datums, of pas de subsidieperiode aan.`,
    };
  return undefined;
}

export function validateInitAnswers(answers: InitAnswers): InitAnswers {
  const problem = answerProblem(answers);
  if (problem) throw problem.error;
  return { ...answers, name: answers.name.trim(), lead: answers.lead.trim() };
}

/** Fills in defaults; returns the names of required answers that are still missing. */
export function completeWithDefaults(partial: PartialInitAnswers, now: string = today()): { answers: Partial<InitAnswers>; missing: (keyof InitAnswers)[] } {
  const subsidyPeriod = partial.subsidyPeriod ?? defaultSubsidyPeriod(now);
  const periodFrom = partial.periodFrom ?? (/^\d{4}-\d{4}$/.test(subsidyPeriod) ? defaultPeriodFrom(subsidyPeriod, now) : undefined);
  const periodTo = partial.periodTo ?? (periodFrom && isIsoDate(periodFrom) ? defaultPeriodTo(periodFrom, subsidyPeriod) : undefined);
  const answers: Partial<InitAnswers> = {
    name: partial.name,
    lead: partial.lead,
    municipality: normaliseMunicipality(partial.municipality),
    subsidyPeriod,
    periodFrom,
    periodTo,
  };
  const missing = (['name', 'lead', 'periodFrom', 'periodTo'] as const).filter((key) => !answers[key]);
  return { answers, missing };
}
