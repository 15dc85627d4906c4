import { resolve } from 'node:path';
import { loadCoalition } from '../coalition/load.js';
import { CONFIG_FILE } from '../coalition/layout.js';
import { defaultRange, fromProblem, lastPeriod, toProblem } from '../commands/new-cycle-period.js';
import { newCycle, type NewCycleOptions, type NewCycleResult } from '../commands/new-cycle.js';
import { formatDutchDate, today } from '../dates.js';
import { errors, EXIT_OK } from '../errors.js';
import { displayPath, folderArgument, folderArgumentFor } from '../text/display-path.js';
import { andList } from '../text/lists.js';
import { wrap } from '../text/wrap.js';
import { interruptSignal } from './interrupt.js';
import { staleLockNotice } from './notices.js';
import type { Io } from './io.js';
import { requireConfig } from '../coalition/require-config.js';

export interface NewCycleCliOptions {
  from?: string;
  to?: string;
  only?: string;
  move?: string[];
  force?: boolean;
  dryRun?: boolean;
  date?: string;
  yes?: boolean;
}

const MAX_LISTED = 8;

/** A paragraph that fits a terminal of 80 columns. */
const prose = (text: string, indent = '') => wrap(text, 78 - indent.length).map((line) => `${indent}${line}`);


const span = (result: NewCycleResult) => `van ${formatDutchDate(result.period.from)} tot en met ${formatDutchDate(result.period.to)}`;

/** The files, and what the coordinator should know about them. */
function planLines(result: NewCycleResult, header: string, shown: string): string[] {
  const { previous, period } = result;
  const lines = [header];
  const width = Math.max(CONFIG_FILE.length, ...result.files.map((file) => file.path.length));
  for (const file of result.files) {
    const note = file.movedFrom
      ? `vraag meegenomen uit ${file.source?.split('/')[1]}`
      : file.questionMovedTo
        ? 'stap 1: schrijf een nieuwe startvraag'
      : file.carried
        ? `stap 1 = stap 4 van periode ${previous.number}`
        : file.source
          ? ''
          : `nieuw: er was geen bouwblad in periode ${previous.number}`;
    lines.push(`  + ${note ? `${file.path.padEnd(width)}  ${note}` : file.path}`);
  }
  lines.push(`  ~ ${CONFIG_FILE.padEnd(width)}  periode ${period.number} erbij`);

  const renewed = result.files.filter((file) => file.questionMovedTo);
  if (renewed.length) {
    lines.push('', ...prose('De verplichte vraag gaat in elke periode door. Bij deze bouwbladen ging de bijgestelde startvraag naar een andere bouwsteen, dus schrijven jullie in stap 1 een nieuwe startvraag:'));
    lines.push(...renewed.map((file) => `  - ${file.path} (de vraag ging naar ${file.questionMovedTo?.split('/')[1]})`));
  }
  if (result.emptyStep4.length) {
    lines.push('', ...prose(`Bij deze bouwbladen was stap 4 van periode ${previous.number} leeg. In periode ${period.number} staat bij stap 1 daarom alleen uitleg:`));
    lines.push(...result.emptyStep4.map((path) => `  - ${path}`));
  }
  if (result.notContinued.length) {
    lines.push('', 'Deze extra bouwbladen gaan niet mee (ze stonden niet bij --only):');
    lines.push(...result.notContinued.map((path) => `  - ${path}`));
  }
  if (result.forced) {
    lines.push('', ...prose(`Let op: periode ${previous.number} loopt nog tot en met ${formatDutchDate(previous.to)}. Wat jullie daarna nog bij stap 4 schrijven, komt niet vanzelf in periode ${period.number}: neem het dan zelf over in stap 1.`));
  }
  if (result.incomplete.length) {
    lines.push('', `Let op: periode ${previous.number} is nog niet af. Dit ontbreekt nog:`);
    for (const entry of result.incomplete.slice(0, MAX_LISTED)) {
      const parts = [
        ...(entry.missingSteps.length ? [`stap ${andList(entry.missingSteps.map(String))} niet ingevuld`] : []),
        ...(entry.problems.length ? [entry.problems.length === 1 ? '1 andere fout' : `${entry.problems.length} andere fouten`] : []),
      ];
      lines.push(`  - ${entry.file}: ${parts.join(', ')}`);
    }
    const more = result.incomplete.length - MAX_LISTED;
    if (more > 0) lines.push(`  … en nog ${more === 1 ? '1 bestand' : `${more} bestanden`}.`);
    lines.push(`  Alles op een rij: npx kwaliteit check${folderArgument(shown)}`);
    lines.push(...prose(`Vul je stap 4 later nog aan, neem die tekst dan zelf over in stap 1 van periode ${period.number}.`, '  '));
  }
  return lines;
}

function nextSteps(shown: string): string[] {
  return [
    '',
    'Zo ga je verder:',
    '  1. Lees in elk nieuw bouwblad stap 1: is dit nog jullie startvraag? Pas hem gerust aan.',
    '  2. Schrijf bij stap 2 de doelen en acties voor deze periode.',
    `  3. Kijk hoe ver jullie zijn: npx kwaliteit status${folderArgument(shown)}`,
  ];
}

/** On a terminal: asks for the dates (with the defaults filled in) and whether to start early. */
async function askChoices(
  prompts: typeof import('./prompts.js'),
  options: NewCycleOptions,
  date: string,
): Promise<NewCycleOptions | undefined> {
  const coalition = await loadCoalition(resolve(options.cwd!, options.dir!));
  const config = requireConfig(coalition, folderArgumentFor(options.cwd!, coalition.root));
  const previous = lastPeriod(config);
  let force = options.force;
  if (date <= previous.to && !force) {
    if (!(await prompts.askStartEarly(previous.number, formatDutchDate(previous.to)))) return undefined;
    force = true;
  }
  if (options.from !== undefined && options.to !== undefined) return { ...options, force };
  const range = await prompts.askPeriodRange({
    number: previous.number + 1,
    defaultFrom: options.from ?? defaultRange(previous, config.subsidyYears).from,
    defaultTo: (from) => options.to ?? defaultRange(previous, config.subsidyYears, from).to,
    checkFrom: (from) => fromProblem(from, previous, config)?.message,
    checkTo: (from, to) => toProblem(from, to, config)?.message,
  });
  return { ...options, ...range, force };
}

/** The real run, which Ctrl+C rolls back instead of cutting off halfway. */
async function commit(options: NewCycleOptions, io: Io): Promise<NewCycleResult> {
  const interrupt = interruptSignal((text) => io.stderr(text));
  return newCycle({ ...options, signal: interrupt.signal }).finally(interrupt.dispose);
}

export async function runNewCycle(dir: string | undefined, cli: NewCycleCliOptions, io: Io, cwd = io.cwd): Promise<number> {
  const date = cli.date ?? today();
  let options: NewCycleOptions = {
    cwd,
    dir: dir ?? '.',
    date,
    from: cli.from,
    to: cli.to,
    only: cli.only?.split(',').map((id) => id.trim()).filter(Boolean),
    move: cli.move,
    force: cli.force,
  };
  const prompts = await import('./prompts.js');
  const interactive = prompts.canPrompt() && !cli.yes;
  if (interactive) {
    const asked = await askChoices(prompts, options, date);
    if (!asked) {
      io.stderr('Goed, ik wacht. Er is niets veranderd.\n');
      return EXIT_OK;
    }
    options = asked;
  } else if (!cli.yes && !cli.dryRun && (cli.from === undefined || cli.to === undefined)) {
    throw errors.missingFlags([...(cli.from === undefined ? ['--from'] : []), ...(cli.to === undefined ? ['--to'] : [])], true);
  }

  const shownFor = (root: string) => displayPath(cwd, root);
  const write = (lines: string[]) => io.stderr(`${lines.join('\n')}\n`);
  if (cli.dryRun) {
    const plan = await newCycle({ ...options, dryRun: true });
    write(planLines(plan, `Proefrun: er wordt niets opgeslagen. Periode ${plan.period.number} zou lopen ${span(plan)}. Ik zou maken:`, shownFor(plan.root)));
    return EXIT_OK;
  }
  if (interactive) {
    // Show what will happen before it happens; the real run plans again under the lock.
    const plan = await newCycle({ ...options, dryRun: true });
    write([...planLines(plan, `Periode ${plan.period.number} gaat lopen ${span(plan)}. Dit ga ik maken:`, shownFor(plan.root)), '']);
    if (!(await prompts.confirmNewCycle(plan.period.number))) {
      write(['Gestopt. Er is niets opgeslagen.']);
      return EXIT_OK;
    }
    const result = await commit(options, io);
    if (result.staleLockSince) write([staleLockNotice(result.staleLockSince)]);
    write([`Klaar: periode ${result.period.number} staat klaar, met ${result.files.length} bouwbladen.`, ...nextSteps(shownFor(result.root))]);
    return EXIT_OK;
  }
  const result = await commit(options, io);
  if (result.staleLockSince) write([staleLockNotice(result.staleLockSince)]);
  const shown = shownFor(result.root);
  write([...planLines(result, `Periode ${result.period.number} staat klaar: ${span(result)}. Gemaakt:`, shown), ...nextSteps(shown)]);
  return EXIT_OK;
}
