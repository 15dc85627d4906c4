// What init needs to know, from flags, defaults or (on a terminal) questions.
import { addDays, isIsoDate, requireIsoDate, today } from '../dates.js';
import { errors } from '../errors.js';

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

/** A name must fit on one line of kwaliteit.yaml and of the report: no line breaks or other control characters. */
function oneLine(option: string, value: string, what: string): void {
  if (/[\u0000-\u001f\u007f-\u009f]/.test(value)) {
    throw errors.invalidOption(option, value.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim(), `er staat een regeleinde of een ander stuurteken in ${what}`, `Schrijf ${what} op één regel.`);
  }
}

export function validateInitAnswers(answers: InitAnswers): InitAnswers {
  oneLine('--name', answers.name, 'de naam');
  oneLine('--lead', answers.lead, 'de naam van de penvoerder');
  for (const municipality of answers.municipality) oneLine('--municipality', municipality, 'de naam van de gemeente');
  if (!answers.name.trim()) throw errors.invalidOption('--name', answers.name, 'de naam is leeg', 'Geef de naam van de coalitie, bijvoorbeeld --name "Coalitie Kansrijk Noord".');
  if (!answers.lead.trim()) throw errors.invalidOption('--lead', answers.lead, 'de penvoerder is leeg', 'Geef de naam van de penvoerende school, bijvoorbeeld --lead "OBS De Linde".');
  const years = /^(\d{4})-(\d{4})$/.exec(answers.subsidyPeriod);
  if (!years)
    throw errors.invalidOption('--subsidy-period', answers.subsidyPeriod, 'dit zijn geen twee jaartallen met een streepje ertussen', 'Schrijf bijvoorbeeld --subsidy-period 2025-2028.');
  if (Number(years[1]) > Number(years[2]))
    throw errors.invalidOption('--subsidy-period', answers.subsidyPeriod, 'het eerste jaar ligt na het laatste', 'Schrijf het eerste jaar eerst, bijvoorbeeld 2025-2028.');
  requireIsoDate(answers.periodFrom, '--period-from');
  requireIsoDate(answers.periodTo, '--period-to');
  if (answers.periodFrom >= answers.periodTo) throw errors.periodOrder(answers.periodFrom, answers.periodTo);
  if (answers.periodFrom < `${years[1]}-01-01` || answers.periodTo > `${years[2]}-12-31`)
    throw errors.invalidOption(
      '--period-from/--period-to',
      `${answers.periodFrom} tot ${answers.periodTo}`,
      `de periode valt niet binnen de subsidieperiode ${answers.subsidyPeriod}`,
      'Kies datums binnen de subsidieperiode, of pas --subsidy-period aan.',
    );
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
