// Every question kwaliteit asks goes through this module, so tests can replace it
// and nothing ever prompts without a terminal.
import { input } from '@inquirer/prompts';
import { isIsoDate } from './dates.js';
import { errors } from './errors.js';
import type { InitAnswers } from './commands/init-answers.js';
import { defaultPeriodFrom, defaultPeriodTo, normaliseMunicipality } from './commands/init-answers.js';

export function canPrompt(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && process.env.CI !== 'true';
}

/** Ctrl+C in a prompt: stop cleanly, nothing written. */
async function ask<T>(question: Promise<T>): Promise<T> {
  try {
    return await question;
  } catch (error) {
    if ((error as Error)?.name === 'ExitPromptError' || (error as Error)?.name === 'AbortPromptError') throw errors.cancelled();
    throw error;
  }
}

const notEmpty = (what: string) => (value: string) => (value.trim() ? true : `Vul ${what} in.`);
const date = (value: string) => (isIsoDate(value.trim()) ? true : 'Schrijf een datum als jaar-maand-dag, bijvoorbeeld 2025-09-01.');

export async function askInitAnswers(known: Partial<InitAnswers>): Promise<InitAnswers> {
  const name = known.name ?? (await ask(input({ message: 'Hoe heet de coalitie?', validate: notEmpty('de naam van de coalitie') })));
  const lead = known.lead ?? (await ask(input({ message: 'Welke school is penvoerder?', validate: notEmpty('de naam van de school') })));
  const municipality = known.municipality?.length
    ? known.municipality
    : normaliseMunicipality(await ask(input({ message: 'In welke gemeente(n) werkt de coalitie? (meerdere: scheid met een komma)' })));
  const subsidyPeriod =
    known.subsidyPeriod ??
    (await ask(
      input({
        message: 'Wat is de subsidieperiode?',
        default: '2025-2028',
        validate: (value) => (/^\d{4}-\d{4}$/.test(value.trim()) ? true : 'Schrijf twee jaartallen met een streepje, bijvoorbeeld 2025-2028.'),
      }),
    )).trim();
  const periodFrom =
    known.periodFrom ??
    (await ask(input({ message: 'Wanneer begint de eerste periode? (jaar-maand-dag)', default: defaultPeriodFrom(subsidyPeriod), validate: date }))).trim();
  const periodTo =
    known.periodTo ??
    (await ask(
      input({
        message: 'Wanneer eindigt de eerste periode? (jaar-maand-dag)',
        default: defaultPeriodTo(periodFrom, subsidyPeriod),
        validate: (value) => {
          const valid = date(value);
          if (valid !== true) return valid;
          return value.trim() > periodFrom ? true : `De periode moet eindigen na ${periodFrom}.`;
        },
      }),
    )).trim();
  return { name: name.trim(), lead: lead.trim(), municipality, subsidyPeriod, periodFrom, periodTo };
}
