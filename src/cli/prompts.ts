// Every question kwaliteit asks goes through this module, so tests can replace it
// and nothing ever prompts without a terminal.
import { input, select, Separator } from '@inquirer/prompts';
import { isIsoDate, suggestIsoDate } from '../dates.js';
import { errors } from '../errors.js';
import type { InitAnswers } from '../commands/init-answers.js';
import { defaultPeriodFrom, defaultPeriodTo, normaliseMunicipality } from '../commands/init-answers.js';

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
const date = (value: string) => {
  if (isIsoDate(value.trim())) return true;
  // "1-9-2026" is how many people write a date; show them the form we need.
  const suggestion = suggestIsoDate(value);
  return suggestion ? `Schrijf de datum als jaar-maand-dag: ${suggestion}.` : 'Schrijf een datum als jaar-maand-dag, bijvoorbeeld 2025-09-01.';
};

type InitField = keyof InitAnswers;

/** The answers of init in the order they are asked, with how the summary names them. */
export const INIT_FIELDS: { field: InitField; label: string }[] = [
  { field: 'name', label: 'Naam' },
  { field: 'lead', label: 'Penvoerder' },
  { field: 'municipality', label: 'Gemeente' },
  { field: 'subsidyPeriod', label: 'Subsidieperiode' },
  { field: 'periodFrom', label: 'Begin eerste periode' },
  { field: 'periodTo', label: 'Einde eerste periode' },
];

/** One question of init; `current` (an earlier answer) is offered as the default. */
async function askInitField(field: InitField, so: Partial<InitAnswers>, current?: InitAnswers[InitField]): Promise<string | string[]> {
  const text = typeof current === 'string' ? current : undefined;
  switch (field) {
    case 'name':
      return (await ask(input({ message: 'Hoe heet de coalitie?', default: text, validate: notEmpty('de naam van de coalitie') }))).trim();
    case 'lead':
      return (await ask(input({ message: 'Welke school is penvoerder?', default: text, validate: notEmpty('de naam van de school') }))).trim();
    case 'municipality':
      return normaliseMunicipality(
        await ask(input({ message: 'In welke gemeente(n) werkt de coalitie? (meerdere: scheid met een komma)', default: Array.isArray(current) && current.length ? current.join(', ') : undefined })),
      );
    case 'subsidyPeriod':
      return (
        await ask(
          input({
            message: 'Wat is de subsidieperiode?',
            default: text ?? '2025-2028',
            validate: (value) => (/^\d{4}-\d{4}$/.test(value.trim()) ? true : 'Schrijf twee jaartallen met een streepje, bijvoorbeeld 2025-2028.'),
          }),
        )
      ).trim();
    case 'periodFrom':
      return (
        await ask(input({ message: 'Wanneer begint de eerste periode? (jaar-maand-dag)', default: text ?? defaultPeriodFrom(so.subsidyPeriod ?? '2025-2028'), validate: date }))
      ).trim();
    case 'periodTo': {
      const from = so.periodFrom ?? '';
      return (
        await ask(
          input({
            message: 'Wanneer eindigt de eerste periode? (jaar-maand-dag)',
            default: text ?? defaultPeriodTo(from, so.subsidyPeriod),
            validate: (value) => {
              const valid = date(value);
              if (valid !== true) return valid;
              return value.trim() > from ? true : `De periode moet eindigen na ${from}.`;
            },
          }),
        )
      ).trim();
    }
  }
}

export async function askInitAnswers(known: Partial<InitAnswers>): Promise<InitAnswers> {
  const answers: Partial<InitAnswers> = {};
  for (const { field } of INIT_FIELDS) {
    const given = known[field];
    // An empty list of municipalities is asked for too, as before: it is the one answer a coalition may leave empty.
    const value = given !== undefined && !(Array.isArray(given) && given.length === 0) ? given : await askInitField(field, answers);
    Object.assign(answers, { [field]: value });
  }
  return answers as InitAnswers;
}

/** After "nee" on the summary: which answer (or the folder) to change. */
export async function askInitChange(): Promise<InitField | 'dir'> {
  return ask(
    select<InitField | 'dir'>({
      message: 'Wat wil je veranderen?',
      choices: [{ name: 'Map', value: 'dir' as const }, ...INIT_FIELDS.map(({ field, label }) => ({ name: label, value: field }))],
      pageSize: 8,
      theme: selectTheme,
    }),
  );
}

/** The same question again, with the earlier answer as the default; the other answers stay. */
export async function changeInitAnswer(field: InitField, answers: InitAnswers): Promise<InitAnswers> {
  return { ...answers, [field]: await askInitField(field, answers, answers[field]) };
}

export async function askInitFolder(current: string): Promise<string> {
  return (
    await ask(input({ message: 'In welke map komt de coalitie? (het handigst is een nieuwe, lege map)', default: current, validate: notEmpty('de naam van een map') }))
  ).trim();
}

export type InitConfirmation = 'yes' | 'change' | 'stop';

/** The end of interactive init, as in new-cycle: is this right? "Nee" changes one answer without starting over. */
export async function confirmInit(options: { warning: boolean; valid: boolean }): Promise<InitConfirmation> {
  const yes = { name: 'Ja, maak de coalitie aan', value: 'yes' as const, short: 'ja' };
  const change = { name: 'Nee, ik wil iets veranderen', value: 'change' as const, short: 'nee' };
  const stop = { name: 'Stop zonder iets op te slaan', value: 'stop' as const, short: 'stop' };
  // With a warning, or an answer that cannot be used, the safe choice comes first.
  const choices = !options.valid ? [change, stop] : options.warning ? [change, yes, stop] : [yes, change, stop];
  return ask(select<InitConfirmation>({ message: options.valid ? 'Klopt dit?' : 'Wat wil je doen?', choices, theme: selectTheme }));
}

// Select prompts speak Dutch too; inquirer's own help line is English.
const selectTheme = { style: { keysHelpTip: () => '↑↓ kiezen • ⏎ bevestigen • Ctrl+C stoppen' } };

async function yesNo(message: string, yes: string, no: string, preferYes: boolean): Promise<boolean> {
  const choices = [
    { name: yes, value: true, short: 'ja' },
    { name: no, value: false, short: 'nee' },
  ];
  return ask(select({ message, choices: preferYes ? choices : choices.reverse(), theme: selectTheme }));
}

export interface PeriodQuestion {
  number: number;
  defaultFrom: string;
  /** The default end for a chosen start (same length as the period before). */
  defaultTo: (from: string) => string;
  /** An explanation when the answer cannot be used. */
  checkFrom: (from: string) => string | undefined;
  checkTo: (from: string, to: string) => string | undefined;
}

export async function askPeriodRange(question: PeriodQuestion): Promise<{ from: string; to: string }> {
  const valid = (problem: string | undefined) => problem ?? true;
  const from = (
    await ask(
      input({
        message: `Wanneer begint periode ${question.number}? (jaar-maand-dag)`,
        default: question.defaultFrom,
        validate: (value) => (date(value) === true ? valid(question.checkFrom(value.trim())) : date(value)),
      }),
    )
  ).trim();
  const to = (
    await ask(
      input({
        message: `En wanneer eindigt periode ${question.number}?`,
        default: question.defaultTo(from),
        validate: (value) => (date(value) === true ? valid(question.checkTo(from, value.trim())) : date(value)),
      }),
    )
  ).trim();
  return { from, to };
}

export async function askStartEarly(number: number, endsOn: string): Promise<boolean> {
  return yesNo(
    `Periode ${number} loopt nog tot en met ${endsOn}. Wil je de volgende periode nu al klaarzetten?`,
    'Ja, zet de volgende periode nu al klaar',
    'Nee, ik wacht tot de periode voorbij is',
    false,
  );
}

export async function confirmNewCycle(number: number): Promise<boolean> {
  return yesNo(`Zal ik periode ${number} zo aanmaken?`, `Ja, maak periode ${number} aan`, 'Nee, stop zonder iets op te slaan', true);
}

export interface BouwsteenChoice {
  id: string;
  /** The row of the 3×3 grid this bouwsteen sits in, e.g. "Macroniveau". */
  group: string;
  name: string;
  /** Shown after the name in the list, e.g. how many extra bouwbladen it has. */
  note?: string;
  description: string;
}

export async function askBouwsteen(choices: BouwsteenChoice[], message = 'Bij welke bouwsteen hoort de vraag?'): Promise<string> {
  const items: (Separator | { name: string; short: string; value: string; description: string })[] = [];
  choices.forEach((choice, index) => {
    if (choices[index - 1]?.group !== choice.group) items.push(new Separator(`── ${choice.group} ──`));
    items.push({ name: `${choice.name}${choice.note ? `  (${choice.note})` : ''}`, short: choice.name, value: choice.id, description: choice.description });
  });
  return ask(select({ message, choices: items, pageSize: 12, theme: selectTheme }));
}

export const OWN_QUESTION = Symbol('own question');

/** One of the bouwsteen's verdiepende vragen, or (after "Eigen vraag") the coalition's own question. */
export async function askQuestion(questions: { text: string; taken?: string }[]): Promise<string> {
  const picked = await ask(
    select<string | typeof OWN_QUESTION>({
      message: 'Welke vraag kiezen jullie?',
      choices: [
        ...questions.map((q) => ({ name: q.text, value: q.text, ...(q.taken ? { disabled: `(${q.taken})` } : {}) })),
        { name: 'Eigen vraag: zelf een vraag schrijven', value: OWN_QUESTION },
      ],
      pageSize: 12,
      theme: selectTheme,
    }),
  );
  if (picked !== OWN_QUESTION) return picked;
  const own = await ask(
    input({
      message: 'Wat is jullie vraag?',
      validate: (value) => (/\p{L}{2,}/u.test(value) ? true : 'Schrijf de vraag in een paar woorden.'),
    }),
  );
  return own.replace(/\s+/g, ' ').trim();
}

export async function askBouwbladId(suggestion: string, check: (id: string) => Promise<string | undefined>): Promise<string> {
  const id = await ask(
    input({
      message: 'Korte naam voor de map van dit bouwblad (kleine letters en streepjes):',
      default: suggestion,
      validate: async (value) => (await check(value.trim())) ?? true,
    }),
  );
  return id.trim();
}

export async function confirmUpgrade(count: number): Promise<boolean> {
  const files = count === 1 ? 'dit bestand' : `deze ${count} bestanden`;
  return yesNo(`Zal ik ${files} zo bijwerken?`, 'Ja, werk ze bij', 'Nee, stop zonder iets op te slaan', true);
}

/** For import: the mandatory question, a verdiepende vraag, or their own; says whether the mandatory one was chosen. */
export async function askImportQuestion(mandatoryQuestion: string, others: string[]): Promise<{ question: string; mandatory: boolean }> {
  const picked = await ask(
    select<string | typeof OWN_QUESTION>({
      message: 'Over welke vraag gaat dit bouwblad? (dat staat niet in het document)',
      choices: [
        { name: `${mandatoryQuestion}  (verplichte vraag)`, value: mandatoryQuestion, short: 'de verplichte vraag' },
        ...others.map((text) => ({ name: text, value: text })),
        { name: 'Eigen vraag: zelf een vraag schrijven', value: OWN_QUESTION },
      ],
      pageSize: 12,
      theme: selectTheme,
    }),
  );
  if (picked === mandatoryQuestion) return { question: picked, mandatory: true };
  if (picked !== OWN_QUESTION) return { question: picked, mandatory: false };
  const own = await ask(
    input({ message: 'Wat is jullie vraag?', validate: (value) => (/\p{L}{2,}/u.test(value) ? true : 'Schrijf de vraag in een paar woorden.') }),
  );
  return { question: own.replace(/\s+/g, ' ').trim(), mandatory: false };
}

/** For import: which period of kwaliteit.yaml the (first) period of the document is. */
export async function askImportPeriod(periods: { number: number; label: string }[], preferred: number): Promise<number> {
  return ask(
    select({
      message: 'Bij welke periode hoort de tekst in het document? (dat staat er niet in)',
      choices: periods.map((p) => ({ name: p.label, value: p.number, short: `periode ${p.number}` })),
      default: preferred,
      theme: selectTheme,
    }),
  );
}

export async function confirmFillEmpty(files: string[]): Promise<boolean> {
  return yesNo(
    `${files.length === 1 ? `Het bouwblad ${files[0]} bestaat al` : `Deze bouwbladen bestaan al: ${files.join(', ')}`}, maar er is nog niets in ingevuld. Zal ik ${files.length === 1 ? 'het' : 'ze'} vullen met de tekst uit Word?`,
    'Ja, vul het met de tekst uit Word',
    'Nee, stop zonder iets op te slaan',
    true,
  );
}

export async function confirmImport(): Promise<boolean> {
  return yesNo('Zal ik het bouwblad zo opslaan?', 'Ja, sla het op', 'Nee, stop zonder iets op te slaan', true);
}
