// kwaliteit import: a bouwblad written in Word becomes a bouwblad file of the
// coalition (one file per period in the document), with its images beside it.
// In three steps, so the CLI can ask in between for what the document does not
// say: read the document, plan the files, write them.
import { lstat, readdir } from 'node:fs/promises';
import { basename, join, relative, resolve } from 'node:path';
import type { ElementContent } from 'hast';
import { findCoalitionRoot } from '../coalition/find.js';
import { BOUWBLADEN_DIR, bouwbladPath } from '../coalition/layout.js';
import { BOUWBLAD_ID, idShapeProblem } from '../text/ids.js';
import { loadCoalition } from '../coalition/load.js';
import type { BouwbladFile, Coalition, Config, Period } from '../coalition/model.js';
import { readText } from '../coalition/read-file.js';
import { requireConfig } from '../coalition/require-config.js';
import { formatDutchDate, isIsoDate, today } from '../dates.js';
import type { Diagnostic } from '../diagnostic.js';
import { errors, writeRefused } from '../errors.js';
import type { Bouwsteen } from '../format/format.js';
import { withLock } from '../fs/lock.js';
import { FileChangedError, FileExistsError, inTransaction } from '../fs/transaction.js';
import { diskSource } from '../coalition/source.js';
import { imageType, MAX_IMAGE_BYTES } from '../images/type.js';
import { isFilled } from '../markdown/filling.js';
import { renderBouwblad } from '../scaffold/bouwblad.js';
import { folderArgumentFor } from '../text/display-path.js';
import { slugify, uniqueId } from '../text/slug.js';
import { closest } from '../text/suggest.js';
import type { WordBouwblad } from '../word/document.js';
import { paragraph, text } from '../word/hast.js';
import type { PeriodDraft } from '../word/structure.js';
import { wordKey } from '../word/text.js';
import { normaliseQuestion } from '../text/questions.js';
import { runRules } from '../check/run-rules.js';

export const NOTES_HEADING = 'Notities uit Word';

export interface ImportSource {
  root: string;
  /** The coalition folder as an argument for a command in a hint ("" from inside it). */
  folder: string;
  coalition: Coalition;
  config: Config;
  /** The Word file as the user named it. */
  file: string;
  word: WordBouwblad;
  /** What the document says, before any flag or answer. */
  found: {
    bouwsteen?: Bouwsteen;
    question?: string;
    mandatory: boolean;
    /** Per period in the document: its number in kwaliteit.yaml, when the document says which. */
    periods: (number | undefined)[];
  };
}

export interface ImportChoices {
  /** A bouwsteen id, e.g. meso-samenwerking. */
  bouwsteen?: string;
  question?: string;
  mandatory?: boolean;
  /** The period of the (first) period in the document. */
  period?: number;
  id?: string;
}

export interface PlannedImportFile {
  path: string;
  period: Period;
  /** The steps that have text. */
  filled: number[];
  notes: boolean;
  content: string;
  /** There is a file here already, with nothing filled in. */
  replacesEmpty: boolean;
}

export interface ImportPlan {
  source: ImportSource;
  bouwsteen: Bouwsteen;
  question: string;
  mandatory: boolean;
  id: string;
  files: PlannedImportFile[];
  images: { path: string; bytes: Buffer }[];
  notTaken: string[];
}

export interface ImportResult {
  root: string;
  plan: ImportPlan;
  dryRun: boolean;
  /** What check finds in the new files (empty after --dry-run, which writes nothing to check). */
  findings: Diagnostic[];
}

export interface ImportOptions extends ImportChoices {
  cwd?: string;
  /** The coalition folder (or a folder inside it). */
  dir?: string;
  /** The .docx file, relative to cwd. */
  file: string;
  /** "Today" (YYYY-MM-DD), for the period of new work and for the check afterwards. */
  date?: string;
  dryRun?: boolean;
  /** Fill bouwbladen that exist but have nothing filled in (init and new-cycle make those). */
  replaceEmpty?: boolean;
  signal?: AbortSignal;
}

const shownPath = (cwd: string, path: string) => {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
};

/** The period in kwaliteit.yaml with these dates, or the one the start date falls in. */
function periodByDates(config: Config, draft: PeriodDraft): number | undefined {
  if (!draft.from) return undefined;
  const exact = config.periods.find((p) => p.from === draft.from && p.to === draft.to);
  return (exact ?? config.periods.find((p) => p.from <= draft.from! && draft.from! <= p.to))?.number;
}

export async function readImport(options: { cwd?: string; dir?: string; file: string }): Promise<ImportSource> {
  const cwd = options.cwd ?? process.cwd();
  const path = resolve(cwd, options.file);
  const root = await findCoalitionRoot(resolve(cwd, options.dir ?? '.'));
  const coalition = await loadCoalition(root);
  const folder = folderArgumentFor(cwd, root);
  const config = requireConfig(coalition, folder);
  const shown = shownPath(cwd, path);
  // mammoth and the HTML tools load only here, so importing this module costs nothing.
  const { readWordBouwblad } = await import('../word/document.js');
  const word = await readWordBouwblad(path, shown, coalition.format);
  const { structure } = word;
  if (!structure.periods.some((period) => period.steps.size > 0)) throw errors.wordNoSteps(shown, coalition.format.steps.map((s) => s.title));
  const question = structure.question ? normaliseQuestion(structure.question) : undefined;
  const mandatory =
    Boolean(structure.mandatory) || Boolean(structure.bouwsteen && question && wordKey(question) === wordKey(structure.bouwsteen.mandatoryQuestion));
  return {
    root,
    coalition,
    folder,
    config,
    file: shown,
    word,
    found: {
      ...(structure.bouwsteen ? { bouwsteen: structure.bouwsteen } : structure.mentioned.length === 1 ? { bouwsteen: structure.mentioned[0] } : {}),
      ...(question ? { question } : {}),
      mandatory,
      periods: structure.periods.map((draft) => draft.number ?? periodByDates(config, draft)),
    },
  };
}

/** The flags still needed after the document and the choices so far. */
export function missingChoices(source: ImportSource, choices: ImportChoices): string[] {
  const missing: string[] = [];
  const bouwsteen = choices.bouwsteen ?? source.found.bouwsteen?.id;
  if (!bouwsteen) missing.push('--bouwsteen');
  const mandatory = choices.mandatory ?? source.found.mandatory;
  if (!mandatory && !(choices.question ?? source.found.question)) missing.push('--question');
  if (choices.period === undefined && source.found.periods[0] === undefined) missing.push('--period');
  return missing;
}

/** The folder name a new extra bouwblad gets: made from the question, or the folder that already has this question. */
export function suggestId(coalition: Coalition, bouwsteen: Bouwsteen, question: string): string {
  const same = coalition.bouwbladen.find(
    (file) => !file.frontMatter?.mandatory && file.frontMatter && `${file.frontMatter.level}-${file.frontMatter.aspect}` === bouwsteen.id && wordKey(file.frontMatter.question) === wordKey(question),
  );
  if (same) return same.id;
  const taken = new Set(coalition.bouwbladen.map((f) => f.id));
  return uniqueId(slugify(question) || 'eigen-vraag', (candidate) => taken.has(candidate) || Boolean(coalition.format.bouwsteen(candidate)));
}

/** Why `id` cannot hold this extra bouwblad, as the message for --id. */
export function importIdProblem(coalition: Coalition, bouwsteen: Bouwsteen, id: string): string | undefined {
  const shape = idShapeProblem(id);
  if (shape) return BOUWBLAD_ID.test(id) ? `Dat kan niet: ${shape.why}. ${shape.hint}` : `Gebruik alleen kleine letters, cijfers en streepjes, bijvoorbeeld ${slugify(id) || 'kinderraad'}.`;
  if (coalition.format.bouwsteen(id)) return `"${id}" is de naam van een bouwsteen; die is voor het verplichte bouwblad. Kies een andere naam.`;
  const other = coalition.bouwbladen.find((f) => f.id === id && f.frontMatter && `${f.frontMatter.level}-${f.frontMatter.aspect}` !== bouwsteen.id);
  if (other) return `Het bouwblad "${id}" hoort bij een andere bouwsteen (${other.path}). Kies een andere naam.`;
  return undefined;
}

/** A bouwblad made by init or new-cycle that nobody has written in yet. */
function isUntouched(file: BouwbladFile): boolean {
  const body = file.body;
  return Boolean(file.readable && body && body.steps.every((step) => !step.filled) && body.otherSections.every((section) => !section.filled));
}

class ImageNames {
  readonly saved: { path: string; bytes: Buffer }[] = [];
  private readonly used: Set<string>;

  constructor(
    private readonly folder: string,
    existing: string[],
  ) {
    this.used = new Set(existing.map((name) => name.toLowerCase()));
  }

  add(bytes: Buffer, alt: string): string | { reason: string } {
    const type = imageType(bytes);
    if (!type) return { reason: 'het is geen PNG-, JPEG-, GIF- of WebP-afbeelding (zulke plaatjes kan het rapport niet tonen)' };
    if (bytes.length > MAX_IMAGE_BYTES) return { reason: `hij is groter dan ${MAX_IMAGE_BYTES / 1024 / 1024} MB; maak hem kleiner in Word en importeer opnieuw` };
    const base = slugify(alt, 40) || 'afbeelding';
    const name = uniqueId(base, (candidate) => this.used.has(`${candidate}.${type.extension}`));
    const file = `${name}.${type.extension}`;
    this.used.add(file);
    this.saved.push({ path: `${this.folder}/${file}`, bytes });
    return file;
  }
}

export async function planImport(source: ImportSource, choices: ImportChoices): Promise<ImportPlan> {
  const { coalition, config, word } = source;
  const format = coalition.format;
  const { blocksToMarkdown } = await import('../word/markdown.js');
  const missing = missingChoices(source, choices);
  if (missing.length) throw errors.missingFlags(missing);

  const bouwsteenId = (choices.bouwsteen ?? source.found.bouwsteen!.id).trim();
  const bouwsteen = format.bouwsteen(bouwsteenId);
  if (!bouwsteen) throw errors.unknownBouwsteen(bouwsteenId, closest(bouwsteenId, format.bouwstenen.map((b) => b.id)));
  const given = choices.question ?? source.found.question;
  const question = normaliseQuestion(given ?? bouwsteen.mandatoryQuestion);
  if (!/\p{L}{2,}/u.test(question)) {
    throw errors.invalidOption('--question', given ?? '', 'er staat geen vraag', 'Schrijf de vraag tussen aanhalingstekens, bijvoorbeeld --question "Hoe weten we wat kinderen zelf willen?"');
  }
  const mandatory = choices.mandatory ?? (source.found.mandatory || wordKey(question) === wordKey(bouwsteen.mandatoryQuestion));

  let id: string;
  if (mandatory) {
    if (choices.id && choices.id !== bouwsteen.id) {
      throw errors.invalidOption('--id', choices.id, 'het bouwblad van de verplichte vraag heet altijd zoals zijn bouwsteen', `Laat --id weg; de map wordt bouwbladen/${bouwsteen.id}/.`);
    }
    id = bouwsteen.id;
  } else {
    id = choices.id?.trim() || suggestId(coalition, bouwsteen, question);
    const problem = importIdProblem(coalition, bouwsteen, id);
    if (problem) throw errors.invalidOption('--id', id, 'die naam kan niet', problem);
  }

  // Each period of the document, with its number in kwaliteit.yaml.
  const drafts = word.structure.periods;
  const numbers: number[] = [];
  drafts.forEach((draft, index) => {
    const number = (index === 0 ? choices.period : undefined) ?? source.found.periods[index] ?? (index > 0 ? numbers[index - 1] + 1 : undefined);
    numbers.push(number!);
  });
  const hasContent = (draft: PeriodDraft) => [...draft.steps.values()].some((blocks) => blocks.length > 0) || draft.notes.length > 0;
  const notTaken = [...word.notTaken];
  const kept = drafts.map((draft, index) => ({ draft, number: numbers[index] })).filter(({ draft, number }, index, all) => {
    if (hasContent(draft) || all.length === 1) return true;
    notTaken.push(`Periode ${number} in het document is nog leeg: daarvoor is geen bestand gemaakt.`);
    return false;
  });
  const known = config.periods.map((p) => `${p.number} (${formatDutchDate(p.from)} tot en met ${formatDutchDate(p.to)})`).join(', ');
  const seen = new Set<number>();
  for (const { draft, number } of kept) {
    const period = config.periods.find((p) => p.number === number);
    if (!period) {
      throw errors.wordUnknownPeriod(draft.from ? `De periode van ${formatDutchDate(draft.from)} tot ${formatDutchDate(draft.to ?? draft.from)}` : `Periode ${number}`, known, source.folder);
    }
    if (seen.has(number)) throw errors.wordPeriodTwice(number);
    seen.add(number);
    if (draft.from && (draft.from !== period.from || draft.to !== period.to)) {
      notTaken.push(
        `In het document loopt periode ${number} van ${formatDutchDate(draft.from)} tot ${formatDutchDate(draft.to ?? draft.from)}; in kwaliteit.yaml van ${formatDutchDate(period.from)} tot en met ${formatDutchDate(period.to)}. Het bouwblad volgt kwaliteit.yaml.`,
      );
    }
  }

  const folder = `${BOUWBLADEN_DIR}/${id}`;
  for (const part of [BOUWBLADEN_DIR, folder]) {
    // A link could lead the new files out of the coalition folder.
    if ((await lstat(join(source.root, part)).catch(() => undefined))?.isSymbolicLink()) throw errors.importThroughLink(part);
  }
  const existingNames = await readdir(join(source.root, folder)).catch(() => [] as string[]);
  const images = new ImageNames(folder, existingNames);
  const conflicts: string[] = [];
  const empty: string[] = [];
  const origin = `Overgenomen uit het Word-document ${basename(source.file).replace(/[\r\n]/g, ' ')}.`;
  const files = kept.map(({ draft, number }, index): PlannedImportFile => {
    const period = config.periods.find((p) => p.number === number)!;
    const where = (part: string) => `${part}${kept.length > 1 ? ` van periode ${number}` : ''}`;
    const markdown = (blocks: ElementContent[], place: string) =>
      blocksToMarkdown(blocks, {
        headingDepth: 3,
        image: (src, alt) => {
          const image = word.images.get(src);
          if (!image) return undefined;
          const name = images.add(image.bytes, alt);
          if (typeof name === 'string') return name;
          notTaken.push(`Afbeelding${alt ? ` "${alt}"` : ''} bij ${where(place)}: niet overgenomen, want ${name.reason}.`);
          return undefined;
        },
        onJoinedCell: () => {
          const line = `Tabel bij ${where(place)}: een cel met meer alinea's of een opsomming staat nu op één regel (een Markdown-tabel heeft één regel per cel).`;
          if (!notTaken.includes(line)) notTaken.push(line);
        },
      });
    const steps: Record<number, string> = {};
    for (const [step, blocks] of draft.steps) steps[step] = markdown(blocks, `stap ${step}`);
    const noteBlocks = [...draft.notes];
    // The mandatory question stands in the format; the document's own wording is kept beside it.
    if (index === 0 && mandatory && source.found.question && wordKey(source.found.question) !== wordKey(question)) {
      noteBlocks.unshift(paragraph([text(`Vraag in het Word-document: ${source.found.question}`)]));
    }
    const notes = noteBlocks.length ? markdown(noteBlocks, 'de tekst boven stap 1') : '';
    const content = renderBouwblad(format, {
      bouwsteen,
      period: number,
      mandatory,
      question,
      contributors: draft.contributors,
      steps,
      ...(notes ? { notes: { heading: NOTES_HEADING, markdown: notes } } : {}),
      origin,
    });
    const path = bouwbladPath(id, number);
    const existing = coalition.bouwbladen.find((file) => file.path === path);
    if (existing) {
      conflicts.push(path);
      if (isUntouched(existing)) empty.push(path);
    }
    return {
      path,
      period,
      filled: Object.entries(steps).filter(([, md]) => isFilled(md)).map(([n]) => Number(n)).sort(),
      notes: Boolean(notes),
      content,
      replacesEmpty: Boolean(existing && isUntouched(existing)),
    };
  });
  if (conflicts.length > empty.length) throw errors.importFilesExist(conflicts, empty);
  return { source, bouwsteen, question, mandatory, id, files, images: images.saved, notTaken };
}

/** Writes the plan: all files or none, never over a bouwblad with work in it. */
export async function writeImport(plan: ImportPlan, options: { dryRun?: boolean; replaceEmpty?: boolean; date?: string; signal?: AbortSignal } = {}): Promise<ImportResult> {
  const { root } = plan.source;
  const empty = plan.files.filter((file) => file.replacesEmpty).map((file) => file.path);
  if (empty.length && !options.replaceEmpty) throw errors.importFilesExist(empty, empty);
  if (options.dryRun) return { root, plan, dryRun: true, findings: [] };

  const source = diskSource(root);
  try {
    await withLock(root, 'import', () =>
      inTransaction({ root, confine: root, signal: options.signal }, async (tx) => {
        for (const image of plan.images) await tx.create(join(root, image.path), image.bytes);
        for (const file of plan.files) {
          if (!file.replacesEmpty) await tx.create(join(root, file.path), file.content);
          // Replaced only if it still holds exactly what was judged empty.
          else await tx.replace(join(root, file.path), file.content, (await readText(source, file.path)).text ?? '');
        }
      }),
    );
  } catch (error) {
    if (error instanceof FileExistsError || error instanceof FileChangedError) {
      const paths = plan.files.map((f) => f.path);
      throw errors.importFilesExist(paths, []);
    }
    throw writeRefused(root, error) ?? error;
  }
  const date = options.date ?? today();
  const after = await loadCoalition(root);
  const written = new Set([...plan.files.map((f) => f.path), ...plan.images.map((i) => i.path)]);
  const findings = runRules(after, isIsoDate(date) ? date : today()).filter((d) => written.has(d.file));
  return { root, plan, dryRun: false, findings };
}

/** The whole import without questions: what the document says, plus the options. */
export async function importWord(options: ImportOptions): Promise<ImportResult> {
  const date = options.date ?? today();
  if (!isIsoDate(date)) throw errors.invalidDate('--date', date);
  const source = await readImport(options);
  const plan = await planImport(source, options);
  return writeImport(plan, { dryRun: options.dryRun, replaceEmpty: options.replaceEmpty, date, signal: options.signal });
}

