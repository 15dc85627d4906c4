// The dates of the next period: sensible defaults, and the checks that keep
// kwaliteit.yaml valid (no overlap, inside the subsidy period).
import type { Config, Period } from '../coalition/model.js';
import { addDays, daysBetween, formatDutchDate, isIsoDate } from '../dates.js';
import { errors, type KwaliteitError } from '../errors.js';

export interface DateRange {
  from: string;
  to: string;
}

/** The period new-cycle continues: the one with the highest number. */
export function lastPeriod(config: Config): Period {
  return config.periods.reduce((a, b) => (b.number > a.number ? b : a));
}

const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const pad = (n: number) => String(n).padStart(2, '0');

/** Whole calendar months (1 February – 31 July): then "the same length" means the same number of months. */
function wholeMonths(period: Period): number | undefined {
  const [fy, fm, fd] = parts(period.from);
  const [ty, tm, td] = parts(period.to);
  if (fd !== 1 || td !== lastDayOfMonth(ty, tm)) return undefined;
  return ty * 12 + tm - (fy * 12 + fm) + 1;
}

/** The day after `previous` ends, for as long as `previous` lasted, but not past the subsidy period. */
export function defaultRange(previous: Period, subsidyYears: [number, number], from = addDays(previous.to, 1)): DateRange {
  const months = wholeMonths(previous);
  let to: string;
  if (months !== undefined && from.endsWith('-01')) {
    const [y, m] = parts(from);
    const index = y * 12 + (m - 1) + (months - 1);
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    to = `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
  } else {
    to = addDays(from, daysBetween(previous.from, previous.to));
  }
  const end = `${subsidyYears[1]}-12-31`;
  return { from, to: to > end && from < end ? end : to };
}

/** Why `from` cannot start the next period, if it cannot. */
export function fromProblem(from: string, previous: Period, config: Config, option = '--from'): KwaliteitError | undefined {
  if (!isIsoDate(from)) return errors.invalidDate(option, from);
  if (from <= previous.to) return errors.periodOverlap(formatDutchDate(from), previous.number, formatDutchDate(previous.to));
  const [first, last] = config.subsidyYears;
  if (from < `${first}-01-01` || from > `${last}-12-31`)
    return errors.periodOutsideSubsidy(formatDutchDate(from), undefined, config.subsidyPeriod);
  return undefined;
}

/** Why `to` cannot end a period that starts on `from`, if it cannot. */
export function toProblem(from: string, to: string, config: Config, option = '--to'): KwaliteitError | undefined {
  if (!isIsoDate(to)) return errors.invalidDate(option, to);
  if (from >= to) return errors.periodOrder(formatDutchDate(from), formatDutchDate(to));
  const [first, last] = config.subsidyYears;
  if (from < `${first}-01-01` || to > `${last}-12-31`)
    return errors.periodOutsideSubsidy(formatDutchDate(from), formatDutchDate(to), config.subsidyPeriod);
  return undefined;
}

export function checkRange(range: DateRange, previous: Period, config: Config): void {
  const problem = fromProblem(range.from, previous, config) ?? toProblem(range.from, range.to, config);
  if (problem) throw problem;
}
