// Option values are checked where commander reads them, once, with the same
// Dutch messages the commands use: a bad value stops before anything runs.
import { requireIsoDate } from '../dates.js';
import { errors } from '../errors.js';
import { orList } from '../text/lists.js';

/** A date as jaar-maand-dag. */
export const dateOf = (flag: string) => (value: string) => requireIsoDate(value, flag);

/** One of `choices`; `why` says what a wrong one is ("die uitvoer bestaat niet"). */
export function choiceOf<T extends string>(flag: string, choices: readonly T[], why: string) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value)) throw errors.invalidOption(flag, value, why, `Kies uit: ${choices.join(', ')}.`);
    return value as T;
  };
}

/** "stylish (voor mensen), json of github (voor GitHub Actions)": every choice, with what it is for. */
export const describeChoices = (labels: Record<string, string | undefined>) =>
  orList(Object.entries(labels).map(([choice, label]) => (label ? `${choice} (${label})` : choice)));
