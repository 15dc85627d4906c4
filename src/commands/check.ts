// kwaliteit check: the verdict on one or more coalition folders. It never writes.
import { checkFolders } from '../check/check-folders.js';
import type { CheckResult } from '../check/result.js';
import { requireIsoDate, today } from '../dates.js';

export interface CheckOptions {
  cwd?: string;
  /** Coalition folders (default: the current folder). */
  dirs?: string[];
  /** Check as if it were this day (YYYY-MM-DD); default today. */
  date?: string;
  /** Check for the end of the subsidy period. */
  final?: boolean;
}

export async function check(options: CheckOptions = {}): Promise<CheckResult> {
  const date = requireIsoDate(options.date ?? today(), '--date');
  return checkFolders({ cwd: options.cwd, dirs: options.dirs, date, final: options.final });
}
