// What new-cycle would write, decided without writing anything: the new
// period, and per bouwblad of period n the file that continues it.
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { bouwbladenIn, bouwbladIds, mandatoryFile, type ReadBouwblad } from '../coalition/in-period.js';
import { bouwbladPath } from '../coalition/layout.js';
import type { Coalition, Config, Period } from '../coalition/model.js';
import { addPeriod } from '../config/edit.js';
import { addDays, formatDutchDate, requireIsoDate, today } from '../dates.js';
import type { Diagnostic } from '../diagnostic.js';
import { errors } from '../errors.js';
import type { Bouwsteen, Format } from '../format/format.js';
import { parseBody } from '../markdown/sections.js';
import { renderBouwblad } from '../scaffold/bouwblad.js';
import { carriedNote, movedNote, withoutScaffold, WRITE_HERE } from '../scaffold/guidance.js';
import { uniqueId } from '../text/slug.js';
import { closest } from '../text/suggest.js';
import { runRules } from '../check/run-rules.js';
import { checkRange, defaultRange, lastPeriod } from './new-cycle-period.js';
import { requireConfig } from '../coalition/require-config.js';
import { problemLines } from '../text/problems.js';
import { folderArgumentFor } from '../text/display-path.js';

export interface NewCycleChoices {
  /** Where the user is: commands in hints name the coalition folder from there. */
  cwd?: string;
  from?: string;
  to?: string;
  /** Extra bouwbladen to continue; mandatory ones are always continued. */
  only?: string[];
  /** `<bouwblad-id>=<bouwsteen-id>`: continue that question under another bouwsteen. */
  move?: string[];
  /** Start although period n has not ended yet. */
  force?: boolean;
  /** "Today" (YYYY-MM-DD). */
  date?: string;
}

export interface PlannedFile {
  /** The new file, relative to the coalition folder. */
  path: string;
  content: string;
  /** The file of period n it continues; undefined for a mandatory bouwblad that had none. */
  source?: string;
  /** Step 1 holds the text of step 4 of `source`. */
  carried: boolean;
  /** Set when the question moved here from another bouwsteen. */
  movedFrom?: string;
  /** Set on a mandatory bouwblad whose question moved on to this new file: it needs a new start question. */
  questionMovedTo?: string;
}

export interface NewCyclePlan {
  root: string;
  previous: Period;
  period: Period;
  files: PlannedFile[];
  /** Files of period n whose step 4 was empty, so step 1 of the new file only has guidance. */
  emptyStep4: string[];
  /** Extra bouwbladen of period n left out by --only. */
  notContinued: string[];
  /** What check finds unfinished in the files of period n, per file. */
  incomplete: IncompleteFile[];
  /** Period n had not ended yet and --force was given. */
  forced: boolean;
  config: { before: string; after: string };
}

export interface IncompleteFile {
  file: string;
  /** Steps check says are not filled in. */
  missingSteps: number[];
  /** Other errors check finds in the file. */
  problems: Diagnostic[];
}

export { carriedNote };

/** The line that ends an HTML block of CommonMark kinds 1 to 5, which a blank line does not end. */
const HTML_BLOCK_ENDS: [RegExp, (match: RegExpExecArray) => string][] = [
  [/^ {0,3}<(script|pre|style|textarea)(?=[\s>]|$)/i, (match) => `</${match[1]}>`],
  [/^ {0,3}<!--/, () => '-->'],
  [/^ {0,3}<\?/, () => '?>'],
  [/^ {0,3}<!\[CDATA\[/, () => ']]>'],
  [/^ {0,3}<![A-Za-z]/, () => '>'],
];

/**
 * Step 4 ends its file, so a code fence or HTML block in it may never have been
 * closed; in step 1 of the new file that block would swallow steps 2 to 4. Adds the
 * line that closes it, and nothing when nothing is open.
 */
function closeOpenBlock(markdown: string): string {
  const last = parseBody(`${markdown}\n\n## x`).tree.children.at(-1);
  if (!last || last.type === 'heading' || last.position?.start.offset === undefined) return markdown;
  const opening = markdown.slice(last.position.start.offset).split(/\r\n|\r|\n/)[0];
  const fence = last.type === 'code' ? /^ {0,3}(`{3,}|~{3,})/.exec(opening)?.[1] : undefined;
  if (fence) return `${markdown}\n${fence}`;
  for (const [start, end] of HTML_BLOCK_ENDS) {
    const match = last.type === 'html' ? start.exec(opening) : null;
    if (match) return `${markdown}\n${end(match)}`;
  }
  return markdown;
}

/** Step 4 as the coalition wrote it, without the scaffold's guidance if that was left in. */
function adjustedQuestion(file: ReadBouwblad, format: Format): string | undefined {
  const step = file.body?.steps.find((s) => s.number === 4);
  if (!step?.filled) return undefined;
  const guidance = format.steps.find((s) => s.number === 4);
  // Only blank lines go at the start: four spaces before the first line make it a code block.
  const text = (guidance ? withoutScaffold(step.content, guidance) : step.content).replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '').trimEnd();
  return closeOpenBlock(text);
}

/**
 * A continuation takes its source's line end (the loader's `lineEnd`). A bouwblad saved
 * on Windows (or checked out with git's autocrlf) has CRLF; its continuation should too,
 * or the new file mixes both: some editors then rewrite every line on the next save and
 * git shows it all as changed. No byte-order mark is added even when the source had one:
 * it tells nothing about UTF-8, the loader skips it either way, and tools that expect
 * front-matter at the very first byte stumble on it.
 * A lone CR is a line end to Markdown as well (and to closeOpenBlock), so it is
 * converted too: the new file then has one kind of line end and parses the same.
 */
const withLineEnds = (text: string, eol: '\n' | '\r\n') => text.replace(/\r\n|\r|\n/g, eol);

/** The first paragraph of a Markdown text as one plain line: the question of a moved bouwblad. */
function firstParagraph(markdown: string): string | undefined {
  const block = markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .split(/\n\s*\n/)
    .find((part) => /\p{L}/u.test(part));
  const text = block
    ?.replace(/^\s*(?:[-*+>]|\d+[.)]|#+)\s+/gm, '')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text && text.length <= 300 ? text : undefined;
}

function parseMoves(values: string[], sources: Map<string, ReadBouwblad>, coalition: Coalition, period: number): Map<string, Bouwsteen> {
  const moves = new Map<string, Bouwsteen>();
  const ids = coalition.format.bouwstenen.map((b) => b.id);
  for (const value of values) {
    const [id, target, ...rest] = value.split('=').map((part) => part.trim());
    const example = 'Schrijf --move <bouwblad>=<bouwsteen>, bijvoorbeeld --move kinderraad=meso-samenhang.';
    if (!id || !target || rest.length) throw errors.invalidOption('--move', value, 'dit is niet de vorm bouwblad=bouwsteen', example);
    const source = sources.get(id);
    if (!source) throw errors.unknownBouwblad(id, period, [...sources.keys()], closest(id, [...sources.keys()]));
    const bouwsteen = coalition.format.bouwsteen(target);
    if (!bouwsteen) throw errors.unknownBouwsteen(target, closest(target, ids));
    if (bouwsteen.level === source.frontMatter.level && bouwsteen.aspect === source.frontMatter.aspect)
      throw errors.invalidOption('--move', value, `${id} hoort al bij ${target}`, 'Noem bij --move een andere bouwsteen, of laat --move weg om de vraag bij deze bouwsteen voort te zetten.');
    if (moves.has(id)) throw errors.invalidOption('--move', value, `${id} staat twee keer bij --move`, 'Een vraag kan maar naar één andere bouwsteen.');
    moves.set(id, bouwsteen);
  }
  return moves;
}

const exists = (path: string) => access(path).then(() => true, () => false);

/** Step 1: the dates of period n+1, and whether period n is over (or --force says to start anyway). */
function choosePeriod(coalition: Coalition, config: Config, choices: NewCycleChoices, date: string, folder: string): { previous: Period; period: Period; ended: boolean } {
  // Periods numbered 1, 3 would make this period 4: what check says about the numbering comes first.
  if (config.periods.some((p, index) => p.number !== index + 1)) {
    const numbering = runRules(coalition, date).filter((d) => d.ruleId === 'config-periods' && d.file === coalition.config.path);
    throw errors.configInvalid(coalition.config.path, problemLines(numbering, { showFile: false }) || '  De perioden zijn niet genummerd 1, 2, 3 …', folder);
  }
  const previous = lastPeriod(config);
  const defaults = defaultRange(previous, config.subsidyYears);
  const period: Period = { number: previous.number + 1, from: choices.from ?? defaults.from, to: choices.to ?? defaults.to };
  checkRange(period, previous, config);
  const ended = date > previous.to;
  if (!ended && !choices.force) throw errors.periodNotEnded(previous.number, formatDutchDate(previous.to));
  return { previous, period, ended };
}

/** Step 2: the bouwbladen of period n by folder, which of them go on, and which move to another bouwsteen. */
function chooseSources(coalition: Coalition, n: number, choices: NewCycleChoices) {
  const sources = new Map<string, ReadBouwblad>();
  for (const file of [...bouwbladenIn(coalition, n)].sort((a, b) => a.id.localeCompare(b.id))) if (!sources.has(file.id)) sources.set(file.id, file);
  for (const id of choices.only ?? []) {
    if (!sources.has(id)) throw errors.unknownBouwblad(id, n, [...sources.keys()], closest(id, [...sources.keys()]));
  }
  const moves = parseMoves(choices.move ?? [], sources, coalition, n);
  const continued = [...sources.values()].filter(
    (file) => file.frontMatter.mandatory || !choices.only || choices.only.includes(file.id) || moves.has(file.id),
  );
  return { sources, moves, continued };
}

/** Step 3: refuses when a bouwblad of period n cannot be read well enough to carry it on; each with its first problem. */
function refuseUnusable(coalition: Coalition, n: number, continued: ReadBouwblad[], folder: string): void {
  const { format } = coalition;
  const line = (file: ReadBouwblad, key: string) => file.yaml?.locate([key]).line;
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of coalition.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
  const unusable = [
    ...coalition.bouwbladen
      .filter((file) => !file.frontMatter && file.filePeriod === n)
      .map((file) => problemLines(byFile.get(file.path) ?? []) || `  - ${file.path}`),
    // A periode-2.md that says "period: 3" would silently start afresh: its step 4 would not be carried.
    ...coalition.bouwbladen.filter((file): file is ReadBouwblad => file.filePeriod === n && file.frontMatter !== undefined && file.frontMatter.period !== n).map(
      (file) => `  - ${file.path}, regel ${line(file, 'period')}: in de kop staat period: ${file.frontMatter.period}, maar volgens de naam hoort het bij periode ${n}.\n    → Zet in de kop period: ${n}, of geef het bestand de naam van de goede periode.`,
    ),
    ...continued
      .filter((file) => !format.bouwsteenFor(file.frontMatter.level, file.frontMatter.aspect))
      .map((file) => `  - ${file.path}, regel ${line(file, 'level')}: niveau "${file.frontMatter.level}" met aspect "${file.frontMatter.aspect}" is geen bouwsteen.\n    → Kies een niveau (${format.levels.map((l) => l.id).join(', ')}) en een aspect (${format.aspects.map((a) => a.id).join(', ')}).`),
  ];
  if (unusable.length) throw errors.bouwbladenUnusable(unusable.join('\n'), folder);
}

/** Step 4: per bouwblad that goes on the file of period n+1, and a fresh one for every mandatory question period n lacked. */
function planFiles(coalition: Coalition, period: Period, n: number, continued: ReadBouwblad[], moves: Map<string, Bouwsteen>): { files: PlannedFile[]; emptyStep4: string[] } {
  const { format } = coalition;
  const taken = bouwbladIds(coalition);
  const files: PlannedFile[] = [];
  const emptyStep4: string[] = [];
  const step1Guidance = format.steps.find((s) => s.number === 1);
  for (const source of continued) {
    const fm = source.frontMatter;
    const own = format.bouwsteenFor(fm.level, fm.aspect)!;
    const adjusted = adjustedQuestion(source, format);
    const eol = source.lineEnd ?? '\n';
    if (adjusted === undefined) emptyStep4.push(source.path);
    const target = moves.get(source.id);
    let movedPath: string | undefined;
    if (target) {
      const id = uniqueId(`${source.id}-naar-${target.id}`, (candidate) => taken.has(candidate));
      taken.add(id);
      movedPath = bouwbladPath(id, period.number);
      files.push({
        path: movedPath,
        source: source.path,
        carried: adjusted !== undefined,
        movedFrom: own.id,
        content: withLineEnds(renderBouwblad(format, {
          bouwsteen: target,
          period: period.number,
          mandatory: false,
          question: (adjusted && firstParagraph(adjusted)) ?? fm.question,
          links: [...new Set([own.id, ...fm.links])].filter((link) => link !== target.id),
          contributors: fm.contributors,
          previous: `${source.id}/periode-${n}`,
          ...(adjusted !== undefined ? { step1: `${carriedNote(n, `bouwbladen/${source.id}`)}\n\n${adjusted}` } : {}),
        }), eol),
      });
    }
    // A moved extra bouwblad ends here; a moved mandatory one goes on in its own bouwsteen, with a new start question.
    if (target && !fm.mandatory) continue;
    const step1 = target
      ? adjusted === undefined
        ? undefined
        : `${movedNote(n, movedPath!, step1Guidance)}\n\n${WRITE_HERE}`
      : adjusted !== undefined
        ? `${carriedNote(n)}\n\n${adjusted}`
        : undefined;
    files.push({
      path: bouwbladPath(source.id, period.number),
      source: source.path,
      carried: !target && adjusted !== undefined,
      ...(target && adjusted !== undefined ? { questionMovedTo: movedPath } : {}),
      content: withLineEnds(renderBouwblad(format, {
        bouwsteen: own,
        period: period.number,
        mandatory: fm.mandatory,
        question: fm.question,
        links: fm.links,
        contributors: fm.contributors,
        ...(step1 !== undefined ? { step1 } : {}),
      }), eol),
    });
  }
  // The program asks for every mandatory question in every period, so a missing one is started afresh.
  for (const bouwsteen of format.bouwstenen) {
    if (mandatoryFile(coalition, bouwsteen, n)) continue;
    files.push({
      path: bouwbladPath(bouwsteen.id, period.number),
      carried: false,
      content: renderBouwblad(format, { bouwsteen, period: period.number, mandatory: true, question: bouwsteen.mandatoryQuestion }),
    });
  }
  return { files, emptyStep4 };
}

/** Step 5: what check finds unfinished in period n, as check would see it once the period is over. */
function incompleteIn(coalition: Coalition, sources: Map<string, ReadBouwblad>, previous: Period, date: string, ended: boolean): IncompleteFile[] {
  const periodFiles = new Set([...sources.values()].map((file) => file.path));
  for (const bouwsteen of coalition.format.bouwstenen) periodFiles.add(bouwbladPath(bouwsteen.id, previous.number));
  const incomplete = new Map<string, IncompleteFile>();
  for (const d of runRules(coalition, ended ? date : addDays(previous.to, 1))) {
    // An empty step is advice to check, but new-cycle still names it: it will not come along by itself.
    if ((d.severity !== 'error' && d.ruleId !== 'steps-filled') || !periodFiles.has(d.file)) continue;
    const entry = incomplete.get(d.file) ?? { file: d.file, missingSteps: [], problems: [] };
    incomplete.set(d.file, entry);
    // steps-filled points at the step's heading, which says which step it is.
    const step = d.ruleId === 'steps-filled' ? sources.get(d.file.split('/')[1])?.body?.steps.find((s) => s.line === d.line) : undefined;
    if (step) entry.missingSteps.push(step.number);
    else entry.problems.push(d);
  }
  return [...incomplete.values()];
}

/** kwaliteit.yaml with the new period; a layout addPeriod cannot follow is said, not guessed at. */
function periodAdded(before: string, period: Period): string {
  try {
    return addPeriod(before, period);
  } catch {
    throw errors.periodNotAddable(period);
  }
}

export async function planNewCycle(coalition: Coalition, choices: NewCycleChoices): Promise<NewCyclePlan> {
  const folder = folderArgumentFor(choices.cwd ?? process.cwd(), coalition.root);
  const config = requireConfig(coalition, folder);
  const date = requireIsoDate(choices.date ?? today(), '--date');
  const { previous, period, ended } = choosePeriod(coalition, config, choices, date, folder);
  const { sources, moves, continued } = chooseSources(coalition, previous.number, choices);
  refuseUnusable(coalition, previous.number, continued, folder);
  const { files, emptyStep4 } = planFiles(coalition, period, previous.number, continued, moves);
  const existing = [];
  for (const file of files) if (await exists(join(coalition.root, file.path))) existing.push(file.path);
  if (existing.length) throw errors.filesExist(existing);
  const carried = new Set(continued);
  // The text the loader read: the edit is checked against exactly that when it is written.
  const before = coalition.config.text ?? '';
  return {
    root: coalition.root,
    previous,
    period,
    files,
    emptyStep4,
    notContinued: [...sources.values()].filter((file) => !carried.has(file)).map((file) => file.path),
    incomplete: incompleteIn(coalition, sources, previous, date, ended),
    forced: !ended,
    config: { before, after: periodAdded(before, period) },
  };
}
