// Where a coalition stands in the current period, per bouwsteen, and what to
// do next: worked out from a loaded coalition, without reading or printing.
// "Filled in" comes from completeness.ts only, so status and check never disagree.
import { filledSteps, requiredSteps, stateOf, type BouwbladState } from '../coalition/completeness.js';
import { extraFiles, mandatoryFile } from '../coalition/in-period.js';
import { bouwbladPath } from '../coalition/layout.js';
import type { BouwbladFile, Coalition, Period } from '../coalition/model.js';
import { currentPeriod, phaseOf, type PeriodPhase } from '../coalition/periods.js';
import { daysBetween, formatDutchDate } from '../dates.js';
import { gridLevels } from '../format/grid.js';
import { andList } from '../text/lists.js';
import { compareDiagnostics } from '../diagnostic.js';
import { runRules } from '../check/run-rules.js';
import { requireConfig } from '../coalition/require-config.js';
import { folderArgument } from '../text/display-path.js';

/** The first error that keeps a file from counting, with its line. */
export interface StatusProblem {
  line: number | null;
  message: string;
}

export interface StatusBouwblad {
  id: string;
  /** Relative to the coalition folder; null when the file is missing. */
  file: string | null;
  question: string | null;
  /**
   * "onleesbaar": the file itself cannot be read (not UTF-8, empty, too large, no rights).
   * "kop-klopt-niet": it can be read, but its header (between the --- lines) has a mistake, so it is not counted;
   * stepsFilled then says what is written all the same, when the steps can be found.
   */
  state: BouwbladState | 'onleesbaar' | 'kop-klopt-niet';
  stepsFilled: number[];
  /** Why the file does not count, for the two states above; otherwise null. */
  problem: StatusProblem | null;
}

export interface StatusBouwsteen {
  id: string;
  level: string;
  aspect: string;
  title: string;
  mandatory: StatusBouwblad;
  extra: StatusBouwblad[];
}

export interface NextStep {
  message: string;
  /** A command that does it, when there is one. */
  command: string | null;
  files: string[];
}

export interface StatusReport {
  /** 2 since a file with a mistake in its header is "kop-klopt-niet" instead of "onleesbaar". */
  version: 2;
  date: string;
  dir: string;
  name: string;
  period: (Period & { phase: PeriodPhase; daysLeft: number }) | null;
  /** A later period that has not started yet. */
  nextPeriod: Period | null;
  /** Grid rows (levels, highest first) and columns (aspects). */
  levels: string[];
  aspects: string[];
  bouwstenen: StatusBouwsteen[];
  /** Files that are not counted: they cannot be read, or their header has a mistake. */
  unreadable: string[];
  next: NextStep[];
}

const MAX_NAMED = 6;

function entry(file: BouwbladFile | undefined, id: string): StatusBouwblad {
  return {
    id,
    file: file?.path ?? null,
    question: file?.frontMatter?.question ?? null,
    state: stateOf(file),
    stepsFilled: file ? [...filledSteps(file)].sort() : [],
    problem: null,
  };
}

/** Loader findings that mean the file itself cannot be read; any other error (yaml-syntax, front-matter-schema) is in its header. */
const CANNOT_READ = new Set(['file-unreadable', 'file-encoding', 'file-empty', 'file-too-large']);

/** The first error the loader found in a file. */
const firstProblem = (coalition: Coalition, path: string) => coalition.diagnostics.filter((d) => d.file === path && d.severity === 'error').sort(compareDiagnostics)[0];

/**
 * A file that is there but does not count: never shown as "leeg". One that cannot
 * be read is "onleesbaar"; one whose header has a mistake is that, with the steps
 * that are written all the same.
 */
function brokenEntry(coalition: Coalition, file: BouwbladFile, id: string): StatusBouwblad {
  const problem = firstProblem(coalition, file.path);
  const header = problem !== undefined && !CANNOT_READ.has(problem.ruleId);
  return {
    id,
    file: file.path,
    question: typeof file.data?.question === 'string' ? file.data.question : null,
    state: header ? 'kop-klopt-niet' : 'onleesbaar',
    stepsFilled: [...filledSteps(file)].sort(),
    problem: problem ? { line: problem.line ?? null, message: problem.message } : null,
  };
}

const nameList = (ids: string[]) =>
  ids.length <= MAX_NAMED ? ids.join(', ') : `${ids.slice(0, MAX_NAMED).join(', ')} en nog ${ids.length - MAX_NAMED}`;
const bouwbladen = (n: number) => (n === 1 ? '1 bouwblad' : `${n} bouwbladen`);

function nextSteps(coalition: Coalition, report: Omit<StatusReport, 'next'>, dirArg: string): NextStep[] {
  const steps: NextStep[] = [];
  const check = `npx kwaliteit check${dirArg}`;
  for (const file of report.unreadable.slice(0, MAX_NAMED)) {
    // The first error in the file, with its line and what to do: enough to fix it without running check.
    const problem = firstProblem(coalition, file);
    const where = problem?.line !== undefined && !problem.message.includes(`regel ${problem.line}`) ? ` Op regel ${problem.line}: ` : ' ';
    const what = `${problem?.message ?? ''}${problem?.hint ? ` ${problem.hint}` : ''}`;
    if (problem && !CANNOT_READ.has(problem.ruleId)) {
      // Readable, with a mistake in the header: say what is written, so nobody thinks the work is gone.
      const written = [...filledSteps(coalition.bouwbladen.find((f) => f.path === file)!)].sort();
      const written_ = written.length === 0 ? '' : ` (${written.length === 1 ? 'stap' : 'stappen'} ${andList(written.map(String))} ${written.length === 1 ? 'is' : 'zijn'} wel ingevuld)`;
      steps.push({ message: `In de kop van ${file} zit een fout, dus telt het bouwblad nog niet mee${written_}.${where}${what}`, command: null, files: [file] });
      continue;
    }
    steps.push({ message: `Ik kan ${file} niet goed lezen, dus telt het hier niet mee.${where}${what}`, command: null, files: [file] });
  }
  if (report.unreadable.length > MAX_NAMED) {
    steps.push({ message: `Er ${report.unreadable.length - MAX_NAMED === 1 ? 'is nog 1 bestand' : `zijn nog ${report.unreadable.length - MAX_NAMED} bestanden`} dat ik niet goed kan lezen. Check zegt wat er niet klopt.`, command: check, files: report.unreadable.slice(MAX_NAMED) });
  }
  // What check calls an error in files that do count (a step heading that is no heading, a comment never closed …):
  // the grid cannot show it, so it is said here. A missing mandatory bouwblad has its own line below.
  const loaded = new Set(coalition.diagnostics);
  const blocking = runRules(coalition, report.date).filter((d) => d.severity === 'error' && !loaded.has(d) && d.ruleId !== 'mandatory-bouwblad');
  if (blocking.length) {
    const files = [...new Set(blocking.map((d) => d.file))];
    steps.push({
      message: `Check vindt ${blocking.length === 1 ? '1 fout die het rapport tegenhoudt' : `${blocking.length} fouten die het rapport tegenhouden`}, in ${nameList(files)}. Check zegt op welke regel, en wat je moet doen.`,
      command: check,
      files,
    });
  }
  const period = report.period;
  if (!period) return steps;
  const title = (n: number) => coalition.format.steps.find((s) => s.number === n)?.title.replace(/^stap\s*\d+\s*[-–—:]\s*/i, '') ?? '';
  if (period.phase === 'future') {
    steps.push({ message: `Periode ${period.number} begint op ${formatDutchDate(period.from)}. Jullie kunnen alvast stap 1 invullen: de startvraag.`, command: null, files: [] });
    return steps;
  }
  // A file at the expected place whose front-matter says otherwise (a typo in level, another period …).
  const misplaced = report.bouwstenen.filter((b) => !b.mandatory.file && coalition.bouwbladen.some((f) => f.path === bouwbladPath(b.id, period.number) && f.frontMatter));
  for (const b of misplaced) {
    steps.push({
      message: `${bouwbladPath(b.id, period.number)} is er wel, maar telt niet mee als het verplichte bouwblad van ${b.id}: de kop (level, aspect, period of mandatory) past er niet bij. Check zegt op welke regel.`,
      command: check,
      files: [bouwbladPath(b.id, period.number)],
    });
  }
  const missingMandatory = report.bouwstenen.filter((b) => !b.mandatory.file && !misplaced.includes(b));
  if (missingMandatory.length) {
    steps.push({
      message: `Er is geen bouwblad voor de verplichte vraag van ${nameList(missingMandatory.map((b) => b.id))} in periode ${period.number}. Check zegt hoe je dat oplost.`,
      command: check,
      files: missingMandatory.map((b) => bouwbladPath(b.id, period.number)),
    });
  }
  const all = report.bouwstenen.flatMap((b) => [...(b.mandatory.file ? [b.mandatory] : []), ...b.extra]).filter((b) => b.problem === null);
  // Bouwbladen that miss the same steps share one line: "Vul stap 1 en 2 in bij …".
  const required = requiredSteps(period, report.date);
  const groups = new Map<string, { missing: number[]; bouwbladen: StatusBouwblad[] }>();
  for (const bouwblad of all) {
    const missing = required.filter((n) => !bouwblad.stepsFilled.includes(n));
    if (!missing.length) continue;
    const group = groups.get(missing.join()) ?? { missing, bouwbladen: [] };
    groups.set(missing.join(), group);
    group.bouwbladen.push(bouwblad);
  }
  for (const { missing, bouwbladen: group } of [...groups.values()].sort((a, b) => a.missing[0] - b.missing[0] || a.missing.length - b.missing.length)) {
    const what = missing.length === 1 ? `stap ${missing[0]} in ("${title(missing[0])}")` : `stap ${andList(missing.map(String))} in`;
    steps.push({
      message:
        group.length === all.length && all.length > 1
          ? `Vul ${what} bij alle ${all.length} bouwbladen van periode ${period.number}.`
          : `Vul ${what} bij ${bouwbladen(group.length)}: ${nameList(group.map((b) => b.id))}.`,
      command: null,
      files: group.map((b) => b.file!),
    });
  }
  const behind = steps.length > 0;
  if (period.phase === 'ended') {
    if (report.nextPeriod) {
      steps.push({ message: `Periode ${report.nextPeriod.number} begint op ${formatDutchDate(report.nextPeriod.from)}.`, command: null, files: [] });
    } else {
      steps.push({
        message: `Periode ${period.number} is voorbij. ${behind ? 'Is stap 4 overal ingevuld? Begin dan' : 'Begin'} de volgende periode: de bijgestelde startvraag (stap 4) wordt daarin vanzelf de nieuwe startvraag.`,
        command: `npx kwaliteit new-cycle${dirArg}`,
        files: [],
      });
    }
  } else if (!behind) {
    const unfinished = all.filter((b) => b.state !== 'klaar');
    if (unfinished.length === 0 && report.nextPeriod) {
      steps.push({ message: `Alle bouwbladen van periode ${period.number} zijn klaar. Periode ${report.nextPeriod.number} staat ook al klaar en begint op ${formatDutchDate(report.nextPeriod.from)}.`, command: null, files: [] });
    } else if (unfinished.length === 0) {
      steps.push({ message: `Alle bouwbladen van periode ${period.number} zijn klaar. Na ${formatDutchDate(period.to)} begin je de volgende periode.`, command: `npx kwaliteit new-cycle${dirArg}`, files: [] });
    } else if (period.daysLeft <= 30) {
      steps.push({
        message: `De periode is bijna voorbij. Kijk terug (stap 3) en schrijf de bijgestelde startvraag op (stap 4) bij ${bouwbladen(unfinished.length)}: ${nameList(unfinished.map((b) => b.id))}.`,
        command: null,
        files: unfinished.map((b) => b.file!),
      });
    } else {
      steps.push({
        message: `Stap 1 en 2 zijn overal ingevuld. Werk aan jullie acties; tegen het eind van de periode (${formatDutchDate(period.to)}) vul je stap 3 en 4 in.`,
        command: null,
        files: [],
      });
    }
  }
  return steps;
}

/** The status of a loaded coalition on `date`; `dir` is how the user named the folder. */
export function statusOf(coalition: Coalition, date: string, dir = '.'): StatusReport {
  const config = requireConfig(coalition, folderArgument(dir));
  const found = currentPeriod(config, date);
  const phase = found && phaseOf(found, date);
  const period = found
    ? { number: found.number, from: found.from, to: found.to, phase: phase!, daysLeft: phase === 'ended' ? 0 : daysBetween(date, found.to) }
    : null;
  const later = config.periods.filter((p) => phaseOf(p, date) === 'future' && (!found || p.number > found.number));
  const nextPeriod = later.sort((a, b) => a.number - b.number)[0];
  const levels = gridLevels(coalition.format).map((l) => l.id);
  const aspects = coalition.format.aspects.map((a) => a.id);
  const number = found?.number ?? 0;
  const bouwstenen = levels.flatMap((level) =>
    aspects.flatMap((aspect) => {
      const b = coalition.format.bouwsteenFor(level, aspect);
      if (!b) return [];
      const own = mandatoryFile(coalition, b, number);
      const broken = own ? undefined : coalition.bouwbladen.find((file) => !file.frontMatter && file.id === b.id && file.filePeriod === number);
      return [{
        id: b.id,
        level,
        aspect,
        title: b.title,
        mandatory: broken ? brokenEntry(coalition, broken, b.id) : entry(own, own?.id ?? b.id),
        extra: extraFiles(coalition, b, number).map((file) => entry(file, file.id)),
      }];
    }),
  );
  const unreadable = [...new Set(coalition.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file))];
  const base = {
    version: 2 as const,
    date,
    dir,
    name: config.name,
    period,
    nextPeriod: nextPeriod ? { number: nextPeriod.number, from: nextPeriod.from, to: nextPeriod.to } : null,
    levels,
    aspects,
    bouwstenen,
    unreadable,
  };
  return { ...base, next: nextSteps(coalition, base, folderArgument(dir)) };
}

