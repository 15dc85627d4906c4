// kwaliteit check: the verdict on one or more coalition folders. It never writes.
import { checkFolders } from '../check/check-folders.js';
import type { CheckResult } from '../check/result.js';
import { isIsoDate, today } from '../dates.js';
import { errors } from '../errors.js';

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
  const date = options.date ?? today();
  if (!isIsoDate(date)) throw errors.invalidDate('--date', date);
  return checkFolders({ cwd: options.cwd, dirs: options.dirs, date, final: options.final });
}
