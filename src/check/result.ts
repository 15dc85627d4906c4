// What a check returns: per coalition its diagnostics and a summary.
import type { Coalition, Period } from '../coalition/model.js';
import type { PeriodPhase } from '../coalition/periods.js';
import type { Diagnostic } from '../diagnostic.js';

export interface CheckSummary {
  /** The period the counts are about (the running one, else the last started). */
  period?: Period;
  /** Whether that period runs or has ended on the day of the check, and (while it runs) the days until its last day. */
  phase?: PeriodPhase;
  daysLeft?: number;
  /** Bouwstenen whose mandatory bouwblad is complete (all four steps) in that period. */
  bouwstenenComplete: number;
  bouwstenenTotal: number;
  /** All bouwbladen of that period, and how many have all four steps. */
  bouwbladenComplete: number;
  bouwbladenTotal: number;
  /** The extra (not mandatory) bouwbladen of that period, and how many have all four steps. */
  extraComplete?: number;
  extraTotal?: number;
  errors: number;
  warnings: number;
}

export interface CoalitionResult {
  /** The coalition folder as the user named it (relative to cwd where possible). */
  dir: string;
  /** Absolute path. */
  root: string;
  name?: string;
  /** True when the folder could not be checked at all (no coalition found); exit code 2. */
  failed?: boolean;
  diagnostics: Diagnostic[];
  summary: CheckSummary;
}

export interface CheckResult {
  /** The date the check was made against (YYYY-MM-DD). */
  date: string;
  final: boolean;
  results: CoalitionResult[];
  errors: number;
  warnings: number;
}

/** A loaded coalition with its verdict: what report and preview build on. */
export interface CheckedCoalition {
  coalition: Coalition;
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  result: CoalitionResult;
}
