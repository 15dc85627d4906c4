import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { displayPath, folderArgument } from '../text/display-path.js';
import { answerProblem, completeWithDefaults, INIT_FLAGS, type InitAnswers, type PartialInitAnswers } from '../commands/init-answers.js';
import { init, softwareProjectSigns } from '../commands/init.js';
import { formatDutchDate, isIsoDate } from '../dates.js';
import { errors, EXIT_OK } from '../errors.js';
import { parseInstallSource } from '../scaffold/install-source.js';
import { andList } from '../text/lists.js';
import { wrap } from '../text/wrap.js';
import { interruptSignal } from './interrupt.js';
import type { Io } from './io.js';

export interface InitCliOptions extends PartialInitAnswers {
  yes?: boolean;
  dryRun?: boolean;
  installFrom?: string;
}

/** The warning for a folder that looks like a program's, not a coalition's. */
function softwareWarning(shown: string, signs: string[]): string[] {
  const what = andList(signs.map((sign) => (sign.endsWith('/') ? `een map ${sign}` : `een ${sign}`)));
  return [
    ...wrap(
      `Let op: ${shown === '.' ? 'deze map' : shown} lijkt een softwareproject, geen map voor een coalitie: er staat ${what} in. De bestanden van de coalitie komen dan tussen die van het programma. Een eigen, nieuwe map is beter, bijvoorbeeld:`,
      78,
    ),
    '  npx kwaliteit init mijn-coalitie',
  ];
}

const dateText = (value: string) => (isIsoDate(value) ? formatDutchDate(value) : value);

/** The answers as init will use them, for the person to check before anything is written. */
async function summary(answers: InitAnswers, root: string, shown: string): Promise<string[]> {
  const exists = await access(root).then(() => true, () => false);
  const rows: [string, string][] = [
    ['Map', `${shown === '.' ? root : shown} ${exists ? '(bestaat al)' : '(nieuw)'}`],
    ['Naam', answers.name],
    ['Penvoerder', answers.lead],
    ['Gemeente', answers.municipality.length ? answers.municipality.join(', ') : '(nog niet ingevuld)'],
    ['Subsidieperiode', answers.subsidyPeriod],
    ['Eerste periode', `${dateText(answers.periodFrom)} tot en met ${dateText(answers.periodTo)}`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  return ['', 'Dit ga ik maken:', ...rows.map(([label, value]) => `  ${`${label}:`.padEnd(width)}  ${value}`), ''];
}

/**
 * On a terminal, like new-cycle: the answers on one screen, then "is this right?".
 * "Nee" changes one answer (or the folder) and shows the summary again. Returns
 * undefined when the person stops.
 */
async function confirmAnswers(
  prompts: typeof import('./prompts.js'),
  first: InitAnswers,
  firstDir: string,
  cwd: string,
  io: Io,
): Promise<{ answers: InitAnswers; dir: string } | undefined> {
  let answers = first;
  let dir = firstDir;
  for (;;) {
    const root = resolve(cwd, dir);
    const shown = displayPath(cwd, root);
    const lines = await summary(answers, root, shown);
    const problem = answerProblem(answers)?.question;
    const signs = await softwareProjectSigns(root);
    if (problem) lines.push(...wrap(`Dit kan zo niet: ${problem}`, 78), '');
    if (signs.length) lines.push(...softwareWarning(shown, signs), '');
    io.stderr(`${lines.join('\n')}\n`);
    const choice = await prompts.confirmInit({ warning: signs.length > 0, valid: problem === undefined });
    if (choice === 'yes') return { answers, dir };
    if (choice === 'stop') return undefined;
    const field = await prompts.askInitChange();
    if (field === 'dir') dir = await prompts.askInitFolder(shown);
    else answers = await prompts.changeInitAnswer(field, answers);
  }
}

export async function runInit(dir: string | undefined, options: InitCliOptions, io: Io, cwd = io.cwd): Promise<number> {
  // A wrong --install-from is said before any question is asked.
  if (options.installFrom !== undefined) parseInstallSource(options.installFrom);
  const prompts = await import('./prompts.js');
  const interactive = prompts.canPrompt();
  const { answers, missing } = completeWithDefaults(options);
  let complete: InitAnswers;
  let target = dir ?? '.';
  let confirmedHere = false;
  if (interactive && (!options.yes || missing.length)) {
    // Ask for everything not given as a flag; the defaults are offered in the questions.
    complete = await prompts.askInitAnswers({
      name: options.name,
      lead: options.lead,
      municipality: answers.municipality?.length ? answers.municipality : options.yes ? [] : undefined,
      subsidyPeriod: options.subsidyPeriod ?? (options.yes ? answers.subsidyPeriod : undefined),
      periodFrom: options.periodFrom ?? (options.yes ? answers.periodFrom : undefined),
      periodTo: options.periodTo ?? (options.yes ? answers.periodTo : undefined),
    });
    if (!options.dryRun) {
      const confirmed = await confirmAnswers(prompts, complete, target, cwd, io);
      if (!confirmed) {
        io.stderr('Gestopt. Er is niets opgeslagen.\n');
        return EXIT_OK;
      }
      ({ answers: complete, dir: target } = confirmed);
      confirmedHere = true;
    }
  } else {
    if (missing.length) throw errors.missingFlags(missing.map((key) => INIT_FLAGS[key]));
    complete = answers as InitAnswers;
  }

  const interrupt = interruptSignal((text) => io.stderr(text));
  const result = await init({ ...complete, cwd, dir: target, dryRun: options.dryRun, installFrom: options.installFrom, signal: interrupt.signal }).finally(interrupt.dispose);
  const shown = displayPath(cwd, result.root);
  const lines: string[] = [];
  // Asked about already on a terminal; without one (or with --yes) it is said here, and init goes on as told.
  if (result.softwareSigns.length && !confirmedHere) lines.push(...softwareWarning(shown, result.softwareSigns), '');
  if (result.dryRun) {
    lines.push(`Proefrun: er wordt niets opgeslagen. In ${shown} zou ik maken:`);
    lines.push(...result.created.map((path) => `  + ${path}`));
  } else {
    lines.push(`De coalitie "${complete.name}" staat klaar in ${shown}. Gemaakt:`);
    lines.push(...result.created.map((path) => `  + ${path}`));
  }
  if (result.existing.length) {
    lines.push('Deze bestanden bestonden al en zijn niet aangeraakt:');
    lines.push(...result.existing.map((path) => `  = ${path}`));
  }
  if (!result.dryRun) {
    lines.push('', 'Zo ga je verder:');
    lines.push(`  1. Vul de bouwbladen in, in ${shown === '.' ? '' : `${shown}/`}bouwbladen/.`);
    lines.push('     Jullie tekst komt op de plaats van de puntjes, niet tussen <!-- en -->.');
    lines.push(`  2. Kijk wat er nog ontbreekt: npx kwaliteit check${folderArgument(shown)}`);
  }
  io.stderr(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
