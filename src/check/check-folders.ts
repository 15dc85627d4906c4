// Several coalition folders in one run (a regional coordinator, the CI of a
// whole region). A folder that cannot be checked at all is one failed result
// among the others; with a single folder its error is the answer.
import { isKwaliteitError } from '../errors.js';
import type { CheckResult, CoalitionResult } from './result.js';
import { checkSpread, type Settled } from './spread.js';

export interface CheckFoldersRun {
  cwd?: string;
  /** Coalition folders, relative to cwd; default the current folder. */
  dirs?: string[];
  date: string;
  final?: boolean;
  /** The built worker script; default the one beside the built program (tests pass it). */
  workerUrl?: URL;
}

function failedResult(dir: string, error: { code: string; message: string; hint?: string }): CoalitionResult {
  return {
    dir,
    root: dir,
    failed: true,
    diagnostics: [{ file: '.', ruleId: error.code, severity: 'error', message: error.message, ...(error.hint ? { hint: error.hint } : {}) }],
    summary: { bouwstenenComplete: 0, bouwstenenTotal: 0, bouwbladenComplete: 0, bouwbladenTotal: 0, errors: 1, warnings: 0 },
  };
}

export async function checkFolders(run: CheckFoldersRun): Promise<CheckResult> {
  const dirs = run.dirs?.length ? run.dirs : ['.'];
  const settled: Settled[] = await checkSpread(
    dirs.map((dir, index) => ({ dir, index })),
    { cwd: run.cwd, date: run.date, final: run.final },
    run.workerUrl,
  );
  const results = settled.map((entry, index) => {
    if (!(entry instanceof Error)) return entry;
    if (dirs.length === 1 || !isKwaliteitError(entry)) throw entry;
    return failedResult(dirs[index], entry);
  });
  return {
    date: run.date,
    final: Boolean(run.final),
    results,
    errors: results.reduce((n, r) => n + r.summary.errors, 0),
    warnings: results.reduce((n, r) => n + r.summary.warnings, 0),
  };
}

