import { relative } from 'node:path';
import { periodForNewWork } from '../commands/add.js';
import { importIdProblem, missingChoices, planImport, readImport, suggestId, writeImport, type ImportChoices, type ImportPlan, type ImportSource } from '../commands/import.js';
import { formatDutchDate, isIsoDate, today } from '../dates.js';
import { errors, EXIT_OK } from '../errors.js';
import { problemLines } from '../text/problems.js';
import { interruptSignal } from './interrupt.js';
import type { Io } from './io.js';

export interface ImportCliOptions {
  bouwsteen?: string;
  period?: string;
  id?: string;
  mandatory?: boolean;
  question?: string;
  date?: string;
  dryRun?: boolean;
  yes?: boolean;
}

/** Text from a Word document goes to the terminal without control characters. */
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');

function list(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

/** On a terminal: what the document does not say, in the order the rest depends on. */
async function ask(prompts: typeof import('./prompts.js'), source: ImportSource, known: ImportChoices, date: string): Promise<ImportChoices> {
  const { coalition, config, found } = source;
  const format = coalition.format;
  const choices = { ...known };
  if (!choices.bouwsteen && !found.bouwsteen) {
    const levels = [...format.levels].reverse();
    choices.bouwsteen = await prompts.askBouwsteen(
      levels.flatMap((level) => format.bouwstenen.filter((b) => b.level === level.id).map((b) => ({ id: b.id, group: level.title, name: b.title, description: b.description }))),
      'Bij welke bouwsteen hoort dit bouwblad? (dat staat niet in het document)',
    );
  }
  const bouwsteen = format.bouwsteen(choices.bouwsteen ?? found.bouwsteen!.id);
  if (!bouwsteen) return choices;
  if (choices.question === undefined && !found.question && choices.mandatory === undefined && !found.mandatory) {
    const picked = await prompts.askImportQuestion(bouwsteen.mandatoryQuestion, bouwsteen.questions.filter((q) => !q.mandatory).map((q) => q.text));
    choices.question = picked.question;
    choices.mandatory = picked.mandatory;
  }
  if (choices.period === undefined && found.periods[0] === undefined) {
    let preferred = config.periods.at(-1)!.number;
    try {
      preferred = periodForNewWork(config, date).number;
    } catch {
      // Every period has ended: the last one is the likely one.
    }
    choices.period = await prompts.askImportPeriod(
      [...config.periods].sort((a, b) => a.number - b.number).map((p) => ({ number: p.number, label: `Periode ${p.number}: ${formatDutchDate(p.from)} tot en met ${formatDutchDate(p.to)}` })),
      preferred,
    );
  }
  const mandatory = choices.mandatory ?? found.mandatory;
  if (!mandatory && !choices.id) {
    const question = choices.question ?? found.question ?? bouwsteen.mandatoryQuestion;
    choices.id = await prompts.askBouwbladId(suggestId(coalition, bouwsteen, question), async (value) => {
      if (!value) return 'Geef een korte naam, bijvoorbeeld kinderraad.';
      return importIdProblem(coalition, bouwsteen, value);
    });
  }
  return choices;
}

function describe(plan: ImportPlan, shown: (path: string) => string, dryRun: boolean): string[] {
  const lines = [
    dryRun ? `Dit zou ik maken uit ${printable(plan.source.file)}:` : `Uit ${printable(plan.source.file)} heb ik dit gehaald:`,
    `  Bouwsteen: ${plan.bouwsteen.title} (${plan.mandatory ? 'de verplichte vraag' : 'een extra bouwblad'})`,
    `  Vraag:     ${printable(plan.question)}`,
  ];
  for (const file of plan.files) {
    const steps = file.filled.length === 0 ? 'nog geen stap ingevuld' : `${file.filled.length === 1 ? 'stap' : 'stappen'} ${list(file.filled.map(String))} ingevuld`;
    lines.push(
      `  ${shown(file.path)}`,
      `      periode ${file.period.number} (${formatDutchDate(file.period.from)} tot en met ${formatDutchDate(file.period.to)}): ${steps}${file.notes ? '; met de tekst boven de stappen onder "Notities uit Word"' : ''}${file.replacesEmpty ? '; vult een bouwblad dat nog leeg was' : ''}`,
    );
  }
  for (const image of plan.images) lines.push(`  ${shown(image.path)}  (afbeelding)`);
  if (plan.notTaken.length) {
    lines.push('', 'Niet (helemaal) overgenomen:', ...plan.notTaken.map((line) => `  - ${printable(line)}`));
  }
  return lines;
}

export async function runImport(file: string, dir: string | undefined, cli: ImportCliOptions, io: Io, cwd = io.cwd): Promise<number> {
  const date = cli.date ?? today();
  if (!isIsoDate(date)) throw errors.invalidDate('--date', date);
  let period: number | undefined;
  if (cli.period !== undefined) {
    period = Number(cli.period.replace(/^periode\s*/i, ''));
    if (!Number.isInteger(period) || period < 1) throw errors.invalidOption('--period', cli.period, 'dat is geen nummer van een periode', 'Geef het nummer van de periode uit kwaliteit.yaml, bijvoorbeeld --period 2.');
  }
  const prompts = await import('./prompts.js');
  const interactive = prompts.canPrompt() && !cli.yes;
  const source = await readImport({ cwd, dir: dir ?? '.', file });
  let choices: ImportChoices = {
    ...(cli.bouwsteen ? { bouwsteen: cli.bouwsteen } : {}),
    ...(cli.question !== undefined ? { question: cli.question } : {}),
    ...(cli.mandatory ? { mandatory: true } : {}),
    ...(period !== undefined ? { period } : {}),
    ...(cli.id ? { id: cli.id } : {}),
  };
  if (interactive) choices = await ask(prompts, source, choices, date);
  else if (cli.yes && choices.period === undefined && source.found.periods[0] === undefined && missingChoices(source, choices).length === 1) {
    // -y: the period that runs now, as add would take it.
    choices.period = periodForNewWork(source.config, date, source.folder).number;
  }
  const plan = await planImport(source, choices);

  const rel = relative(cwd, source.root);
  const base = rel === '' ? '' : rel.startsWith('..') ? source.root : rel;
  const shown = (path: string) => (base ? `${base}/${path}` : path);
  io.stderr(`${describe(plan, shown, Boolean(cli.dryRun)).join('\n')}\n\n`);
  if (cli.dryRun) {
    io.stderr('Er is niets opgeslagen (--dry-run). Laat --dry-run weg om het bouwblad te maken.\n');
    return EXIT_OK;
  }

  const empty = plan.files.filter((f) => f.replacesEmpty).map((f) => shown(f.path));
  let replaceEmpty = Boolean(cli.yes);
  if (interactive) {
    const go = empty.length ? await prompts.confirmFillEmpty(empty) : await prompts.confirmImport();
    if (!go) throw errors.cancelled();
    replaceEmpty = true;
  }
  const interrupt = interruptSignal((text) => io.stderr(text));
  const result = await writeImport(plan, { replaceEmpty, date, signal: interrupt.signal }).finally(interrupt.dispose);

  const lines = [
    plan.files.length === 1 ? `Het bouwblad staat klaar: ${shown(plan.files[0].path)}` : `De bouwbladen staan klaar:\n${plan.files.map((f) => `  ${shown(f.path)}`).join('\n')}`,
  ];
  const problems = result.findings.filter((d) => d.severity === 'error');
  if (problems.length) {
    lines.push('', `Bij de controle ${problems.length === 1 ? 'is 1 fout' : `zijn ${problems.length} fouten`} gevonden in wat er nu staat:`, printable(problemLines(result.findings.map((d) => ({ ...d, file: shown(d.file) })))));
  } else {
    lines.push(`Controle: geen fouten in ${plan.files.length === 1 ? 'het nieuwe bouwblad' : 'de nieuwe bouwbladen'}.`);
  }
  lines.push(
    '',
    'Zo ga je verder:',
    '  1. Lees het bouwblad na: staat alles bij de goede stap?',
    `  2. Kijk hoe ver jullie zijn: npx kwaliteit status${source.folder}`,
  );
  io.stderr(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
