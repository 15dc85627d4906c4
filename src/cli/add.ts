import { resolve } from 'node:path';
import { extraFiles } from '../coalition/in-period.js';
import { BOUWBLAD_ID, idShapeProblem } from '../text/ids.js';
import { loadCoalition } from '../coalition/load.js';
import type { Coalition } from '../coalition/model.js';
import { add, idProblem, periodForNewWork, type AddOptions } from '../commands/add.js';
import { normaliseQuestion } from '../text/questions.js';
import { formatDutchDate, today } from '../dates.js';
import { errors, EXIT_OK } from '../errors.js';
import { gridLevels } from '../format/grid.js';
import { displayPath, folderArgument, folderArgumentFor } from '../text/display-path.js';
import { slugify, uniqueId } from '../text/slug.js';
import { interruptSignal } from './interrupt.js';
import { staleLockNotice } from './notices.js';
import type { Io } from './io.js';
import { requireConfig } from '../coalition/require-config.js';

export interface AddCliOptions {
  bouwsteen?: string;
  question?: string;
  id?: string;
  date?: string;
  dryRun?: boolean;
}

const extraNote = (count: number) => (count === 0 ? {} : { note: count === 1 ? 'al 1 extra bouwblad' : `al ${count} extra bouwbladen` });

/** On a terminal: the bouwsteen from the grid, then a verdiepende vraag or their own, then the folder name. */
async function ask(prompts: typeof import('./prompts.js'), coalition: Coalition, known: AddCliOptions, date: string, folder: string): Promise<AddCliOptions> {
  const { format } = coalition;
  const period = periodForNewWork(coalition.config.config!, date, folder);
  // Rows as in the grid of `status`: the higher level on top.
  const levels = gridLevels(format);
  const bouwsteenId =
    known.bouwsteen ??
    (await prompts.askBouwsteen(
      levels.flatMap((level) =>
        format.bouwstenen
          .filter((b) => b.level === level.id)
          .map((b) => ({
            id: b.id,
            group: level.title,
            name: b.title,
            ...extraNote(extraFiles(coalition, b, period.number).length),
            description: b.description,
          })),
      ),
    ));
  const bouwsteen = format.bouwsteen(bouwsteenId);
  let question = known.question;
  if (question === undefined && bouwsteen) {
    const used = new Set(extraFiles(coalition, bouwsteen, period.number).map((f) => normaliseQuestion(f.frontMatter.question).toLowerCase()));
    question = await prompts.askQuestion(
      bouwsteen.questions
        .filter((q) => !q.mandatory)
        .map((q) => ({ text: q.text, ...(used.has(normaliseQuestion(q.text).toLowerCase()) ? { taken: `heeft al een bouwblad in periode ${period.number}` } : {}) })),
    );
  }
  let id = known.id;
  if (id === undefined && question !== undefined) {
    const taken = new Set(coalition.bouwbladen.map((f) => f.id));
    const suggestion = uniqueId(slugify(question) || 'eigen-vraag', (candidate) => taken.has(candidate) || Boolean(format.bouwsteen(candidate)));
    id = await prompts.askBouwbladId(suggestion, async (value) => {
      if (!value) return 'Geef een korte naam, bijvoorbeeld kinderraad.';
      const shape = idShapeProblem(value);
      if (shape) return BOUWBLAD_ID.test(value) ? `Dat kan niet: ${shape.why}. ${shape.hint}` : `Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld ${slugify(value) || 'kinderraad'}.`;
      if (format.bouwsteen(value)) return `"${value}" is de naam van een bouwsteen; die is voor het verplichte bouwblad. Kies een andere naam.`;
      if (await idProblem(coalition, value)) return `Er is al een bouwblad met de naam "${value}". Kies een andere naam.`;
      return undefined;
    });
  }
  return { ...known, bouwsteen: bouwsteenId, question, id };
}

export async function runAdd(dir: string | undefined, cli: AddCliOptions, io: Io, cwd = io.cwd): Promise<number> {
  const date = cli.date ?? today();
  const target = resolve(cwd, dir ?? '.');
  const prompts = await import('./prompts.js');
  let answers = cli;
  if (cli.bouwsteen === undefined || cli.question === undefined) {
    if (!prompts.canPrompt()) {
      throw errors.missingFlags([...(cli.bouwsteen === undefined ? ['--bouwsteen'] : []), ...(cli.question === undefined ? ['--question'] : [])]);
    }
    const coalition = await loadCoalition(target);
    const folder = folderArgumentFor(cwd, coalition.root);
    requireConfig(coalition, folder);
    answers = await ask(prompts, coalition, cli, date, folder);
  }
  const options: AddOptions = { cwd, dir: target, bouwsteen: answers.bouwsteen!, question: answers.question!, id: answers.id, date, dryRun: cli.dryRun };
  const interrupt = interruptSignal((text) => io.stderr(text));
  const result = await add({ ...options, signal: interrupt.signal }).finally(interrupt.dispose);

  const shown = displayPath(cwd, result.root);
  const file = shown === '.' ? result.path : `${shown}/${result.path}`;
  const lines = [
    ...(result.staleLockSince ? [staleLockNotice(result.staleLockSince), ''] : []),
    result.dryRun ? `Het extra bouwblad zou komen in: ${file}` : `Het extra bouwblad staat klaar: ${file}`,
    `  Bouwsteen: ${result.bouwsteen.title}`,
    `  Vraag:     ${result.question}`,
    `  Periode:   ${result.period.number} (${formatDutchDate(result.period.from)} tot en met ${formatDutchDate(result.period.to)})`,
    '',
    ...(result.dryRun ? ['Er is niets opgeslagen (--dry-run). Laat --dry-run weg om het bouwblad te maken.'] : []),
  ];
  if (!result.dryRun) {
    lines.push(
      'Zo ga je verder:',
      '  1. Schrijf in het bestand bij stap 1 jullie startvraag en bij stap 2 de doelen en acties.',
      `  2. Kijk hoe ver jullie zijn: npx kwaliteit status${folderArgument(shown)}`,
    );
  }
  io.stderr(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
