// Which period is which, against a date.
import type { Config, Period } from './model.js';

export type PeriodPhase = 'future' | 'running' | 'ended';

export function phaseOf(period: Period, date: string): PeriodPhase {
  if (date < period.from) return 'future';
  if (date > period.to) return 'ended';
  return 'running';
}

/** The running period, else the last one that has started, else the first. */
export function currentPeriod(config: Config, date: string): Period | undefined {
  const sorted = [...config.periods].sort((a, b) => a.number - b.number);
  return (
    sorted.find((p) => phaseOf(p, date) === 'running') ??
    [...sorted].reverse().find((p) => phaseOf(p, date) === 'ended') ??
    sorted[0]
  );
}
