import { displayPath } from '../text/display-path.js';
import { completeWithDefaults, INIT_FLAGS, type InitAnswers, type PartialInitAnswers } from '../commands/init-answers.js';
import { init } from '../commands/init.js';
import { errors, EXIT_OK } from '../errors.js';
import { parseInstallSource } from '../scaffold/install-source.js';
import { interruptSignal } from './interrupt.js';
import type { Io } from './io.js';

export interface InitCliOptions extends PartialInitAnswers {
  yes?: boolean;
  dryRun?: boolean;
  installFrom?: string;
}

export async function runInit(dir: string | undefined, options: InitCliOptions, io: Io, cwd = io.cwd): Promise<number> {
  // A wrong --install-from is said before any question is asked.
  if (options.installFrom !== undefined) parseInstallSource(options.installFrom);
  const prompts = await import('./prompts.js');
  const interactive = prompts.canPrompt();
  const { answers, missing } = completeWithDefaults(options);
  let complete: InitAnswers;
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
  } else {
    if (missing.length) throw errors.missingFlags(missing.map((key) => INIT_FLAGS[key]));
    complete = answers as InitAnswers;
  }

  const interrupt = interruptSignal((text) => io.stderr(text));
  const result = await init({ ...complete, cwd, dir, dryRun: options.dryRun, installFrom: options.installFrom, signal: interrupt.signal }).finally(interrupt.dispose);
  const shown = displayPath(cwd, result.root);
  const lines: string[] = [];
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
    lines.push(`  2. Kijk wat er nog ontbreekt: npx kwaliteit check${shown === '.' ? '' : ` ${shown}`}`);
  }
  io.stderr(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
