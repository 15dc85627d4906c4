// Dates are ISO strings (YYYY-MM-DD) everywhere: they compare as text and never
// shift with a time zone. This is the one place that reads and writes them.
import { errors } from './errors.js';

// Written out rather than asked of Intl: loading its Dutch data costs every run
// more than 10 ms, and a Node built without full ICU would print English names.
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'] as const;

/** `value` when it is a real date as jaar-maand-dag; otherwise the Dutch error for `option` (exit 2). */
export function requireIsoDate(value: string, option: string): string {
  if (!isIsoDate(value)) throw errors.invalidDate(option, value);
  return value;
}

export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's date on this machine, as the person using it sees their calendar. */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

export function daysBetween(from: string, to: string): number {
  const ms = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** "1 september 2025" */
export function formatDutchDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The ISO form of a Dutch-style date such as "1-9-2025" or "1 september 2025", if it is one. */
export function suggestIsoDate(value: string): string | undefined {
  const trimmed = value.trim().toLowerCase();
  let match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(trimmed);
  if (match) {
    const iso = `${match[3]}-${pad(Number(match[2]))}-${pad(Number(match[1]))}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  match = /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/.exec(trimmed);
  if (match) {
    const month = MONTHS.findIndex((name) => name === match![2] || name.slice(0, 3) === match![2].slice(0, 3));
    if (month < 0) return undefined;
    const iso = `${match[3]}-${pad(month + 1)}-${pad(Number(match[1]))}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (match) {
    const iso = `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`;
    return isIsoDate(iso) ? iso : undefined;
  }
  return undefined;
}

/** A Dutch explanation of why `value` is not a usable date, with the ISO form when we can guess it. */
export function explainBadDate(value: unknown): { message: string; hint: string } {
  const text = String(value);
  const suggestion = typeof value === 'string' ? suggestIsoDate(value) : undefined;
  if (suggestion && suggestion !== text) {
    return {
      message: `"${text}" is geen datum in de vorm jaar-maand-dag.`,
      hint: `Schrijf ${suggestion} (jaar-maand-dag).`,
    };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    return { message: `${text} bestaat niet als datum.`, hint: 'Kijk of de dag en de maand kloppen.' };
  }
  return {
    message: `"${text}" is geen datum.`,
    hint: 'Schrijf een datum als jaar-maand-dag, bijvoorbeeld 2025-09-01 voor 1 september 2025.',
  };
}
