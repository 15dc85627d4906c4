// kwaliteit check: loads each coalition folder, runs every rule, and returns
// the findings. It never writes.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { filledSteps, stateOf } from '../coalition/completeness.js';
import { loadCoalition } from '../coalition/load.js';
import type { Coalition } from '../coalition/model.js';
import { currentPeriod } from '../coalition/periods.js';
import type { CheckResult, CheckSummary, CoalitionResult } from '../check/result.js';
import { isIsoDate, today } from '../dates.js';
import { compareDiagnostics, type Diagnostic } from '../diagnostic.js';
import { errors, isKwaliteitError, KwaliteitError } from '../errors.js';
import { isProgramFile } from '../resources.js';
import { rules } from '../rules/index.js';
import type { Finding } from '../rules/rule.js';

export interface CheckOptions {
  cwd?: string;
  /** Coalition folders (default: the current folder). */
  dirs?: string[];
  /** Check as if it were this day (YYYY-MM-DD); default today. */
  date?: string;
  /** Check for the end of the subsidy period. */
  final?: boolean;
}

export function runRules(coalition: Coalition, date: string, final = false): Diagnostic[] {
  const diagnostics = [...coalition.diagnostics];
  const config = coalition.config.config;
  for (const rule of rules) {
    const report = (finding: Finding) => {
      const { severity, hint, ...rest } = finding;
      diagnostics.push({ ...rest, ruleId: rule.id, severity: severity ?? rule.severity, ...(hint ? { hint } : {}) });
    };
    try {
      rule.check({ coalition, config, date, final, report });
    } catch (error) {
      // A bug in one rule must not hide the findings of the others.
      diagnostics.push({
        file: coalition.config.path,
        ruleId: rule.id,
        severity: 'error',
        message: `De controle "${rule.id}" liep vast: ${(error as Error).message}. Dit is een fout in kwaliteit, niet in jouw bestanden.`,
        hint: 'Meld dit bij het team van kwaliteit.',
      });
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

export function summarise(coalition: Coalition, diagnostics: Diagnostic[], date: string): CheckSummary {
  const config = coalition.config.config;
  const period = config && currentPeriod(config, date);
  const inPeriod = coalition.bouwbladen.filter((file) => period && file.frontMatter?.period === period.number);
  const mandatoryComplete = new Set(
    inPeriod.filter((file) => file.frontMatter!.mandatory && stateOf(file) === 'klaar').map((f) => `${f.frontMatter!.level}-${f.frontMatter!.aspect}`),
  );
  return {
    ...(period ? { period } : {}),
    bouwstenenComplete: coalition.format.bouwstenen.filter((b) => mandatoryComplete.has(b.id)).length,
    bouwstenenTotal: coalition.format.bouwstenen.length,
    bouwbladenComplete: inPeriod.filter((file) => filledSteps(file).size === 4).length,
    // A file that cannot be read still counts, as not complete: "9 van 9" would hide it.
    bouwbladenTotal: inPeriod.length + coalition.bouwbladen.filter((file) => period && !file.frontMatter && file.filePeriod === period.number).length,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
  };
}

export async function checkCoalition(dir: string, options: { cwd?: string; date: string; final?: boolean }): Promise<CoalitionResult> {
  const cwd = options.cwd ?? process.cwd();
  const coalition = await loadCoalition(resolve(cwd, dir));
  const diagnostics = runRules(coalition, options.date, options.final);
  return {
    dir: relative(cwd, coalition.root).split('\\').join('/') || '.',
    root: coalition.root,
    ...(coalition.config.config ? { name: coalition.config.config.name } : {}),
    diagnostics,
    summary: summarise(coalition, diagnostics, options.date),
  };
}

export interface WorkerJob {
  items: { dir: string; index: number }[];
  cwd?: string;
  date: string;
  final?: boolean;
}

type Settled = CoalitionResult | Error;

/** Checks coalitions a few at a time: enough to overlap disk reads, little memory. */
export async function checkMany(items: WorkerJob['items'], options: Omit<WorkerJob, 'items'>): Promise<Settled[]> {
  const queue = [...items];
  const settled = new Array<Settled>(items.length);
  const position = new Map(items.map((item, i) => [item.index, i]));
  const next = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) {
      try {
        settled[position.get(item.index)!] = await checkCoalition(item.dir, options);
      } catch (error) {
        settled[position.get(item.index)!] = error as Error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, items.length) }, next));
  return settled;
}

/**
 * Many coalitions (a regional coordinator, CI of a whole region) are spread over
 * worker threads, one per core: parsing Markdown is CPU work. Only the built
 * program has the worker file; elsewhere everything runs in this thread.
 */
async function checkParallel(items: WorkerJob['items'], options: Omit<WorkerJob, 'items'>): Promise<Settled[]> {
  const threads = Math.min(availableParallelism(), Math.floor(items.length / 8));
  // The single-file program has no worker file; one beside it (maybe in a coalition's folder) is never run.
  if (threads < 2 || isProgramFile()) return checkMany(items, options);
  const workerFile = new URL('./check-worker.js', import.meta.url);
  if (!existsSync(workerFile)) return checkMany(items, options);
  const { Worker } = await import('node:worker_threads');
  const shares = Array.from({ length: threads }, (_, t) => items.filter((_, i) => i % threads === t));
  const parts = await Promise.all(
    shares.map(
      (share) =>
        new Promise<{ share: WorkerJob['items']; answers: { result?: CoalitionResult; error?: { code?: string; message: string; hint?: string; stack?: string } }[] }>(
          (resolve, reject) => {
            const worker = new Worker(workerFile, { workerData: { ...options, items: share } satisfies WorkerJob });
            worker.once('message', (answers) => resolve({ share, answers }));
            worker.once('error', reject);
            worker.once('exit', (code) => code !== 0 && reject(new Error(`check worker stopped with code ${code}`)));
          },
        ),
    ),
  );
  const settled = new Array<Settled>(items.length);
  for (const { share, answers } of parts) {
    share.forEach((item, i) => {
      const answer = answers[i];
      if (answer.result) settled[item.index] = answer.result;
      else {
        const { code, message, hint, stack } = answer.error!;
        const error = code ? new KwaliteitError(code, message, hint) : new Error(message);
        if (stack) error.stack = stack;
        settled[item.index] = error;
      }
    });
  }
  return settled;
}

export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const date = options.date ?? today();
  if (!isIsoDate(date)) throw errors.invalidDate('--date', date);
  const dirs = options.dirs?.length ? options.dirs : ['.'];
  const results: CoalitionResult[] = [];
  const items = dirs.map((dir, index) => ({ dir, index }));
  const settled = await checkParallel(items, { cwd: options.cwd, date, final: options.final });
  settled.forEach((entry, index) => {
    if (!(entry instanceof Error)) return results.push(entry);
    // One folder: the error is the answer. Several: report it with the others.
    if (dirs.length === 1 || !isKwaliteitError(entry)) throw entry;
    results.push({
      dir: dirs[index],
      root: dirs[index],
      failed: true,
      diagnostics: [{ file: '.', ruleId: entry.code, severity: 'error', message: entry.message, ...(entry.hint ? { hint: entry.hint } : {}) }],
      summary: { bouwstenenComplete: 0, bouwstenenTotal: 0, bouwbladenComplete: 0, bouwbladenTotal: 0, errors: 1, warnings: 0 },
    });
  });
  return {
    date,
    final: Boolean(options.final),
    results,
    errors: results.reduce((n, r) => n + r.summary.errors, 0),
    warnings: results.reduce((n, r) => n + r.summary.warnings, 0),
  };
}
