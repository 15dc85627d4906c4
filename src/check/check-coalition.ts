// One coalition, from folder to verdict: load, run every rule, count. The same
// path serves check, report, status and the preview, so they cannot disagree.
import { resolve } from 'node:path';
import { loadCoalition } from '../coalition/load.js';
import type { Coalition } from '../coalition/model.js';
import { displayPath } from '../text/display-path.js';
import type { CheckedCoalition, CoalitionResult } from './result.js';
import { runRules } from './run-rules.js';
import { summarise } from './summarise.js';

export interface CheckRun {
  /** Where relative folders and shown paths start; default the current folder. */
  cwd?: string;
  /** The day to check against (YYYY-MM-DD). */
  date: string;
  /** The end-of-subsidy check. */
  final?: boolean;
}

/** The verdict on a coalition that is already loaded. */
export function checkLoaded(coalition: Coalition, run: CheckRun): CheckedCoalition {
  const diagnostics = runRules(coalition, run.date, run.final);
  const summary = summarise(coalition, diagnostics, run.date);
  const config = coalition.config.config;
  const result: CoalitionResult = {
    dir: displayPath(run.cwd ?? process.cwd(), coalition.root),
    root: coalition.root,
    ...(config ? { name: config.name } : {}),
    diagnostics,
    summary,
  };
  return { coalition, diagnostics, summary, result };
}

export async function checkCoalition(dir: string, run: CheckRun): Promise<CheckedCoalition> {
  return checkLoaded(await loadCoalition(resolve(run.cwd ?? process.cwd(), dir)), run);
}
