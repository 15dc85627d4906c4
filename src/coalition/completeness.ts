// The one definition of "filled in" and "complete", shared by check, status and report.
import type { BouwbladFile, Period } from './model.js';
import { phaseOf } from './periods.js';

export type BouwbladState = 'leeg' | 'bezig' | 'klaar';

/** Step numbers 1–4 that have real content. */
export function filledSteps(file: BouwbladFile): Set<number> {
  return new Set((file.body?.steps ?? []).filter((s) => s.filled && s.number >= 1 && s.number <= 4).map((s) => s.number));
}

export function stateOf(file: BouwbladFile | undefined): BouwbladState {
  if (!file) return 'leeg';
  const filled = filledSteps(file);
  if (filled.size === 4) return 'klaar';
  return filled.size === 0 ? 'leeg' : 'bezig';
}

/** The steps that must be filled by `date`: 1–2 once a period has started, 1–4 once it has ended. */
export function requiredSteps(period: Period, date: string): number[] {
  const phase = phaseOf(period, date);
  return phase === 'future' ? [] : phase === 'running' ? [1, 2] : [1, 2, 3, 4];
}

export function isCompleteCycle(file: BouwbladFile): boolean {
  return stateOf(file) === 'klaar';
}
