// Machine-readable output for scripts and dashboards. The shape is a promise
// (documented in the README under "Uitvoer van check"): keys are always present,
// null when unknown, and `version` goes up when the shape changes incompatibly.
import type { CheckResult, CoalitionResult } from '../check/result.js';
import type { Diagnostic } from '../diagnostic.js';

export const JSON_FORMAT_VERSION = 1;

export interface JsonDiagnostic {
  file: string;
  line: number | null;
  column: number | null;
  ruleId: string;
  severity: 'error' | 'warning';
  message: string;
  hint: string | null;
}

export interface JsonSummary {
  period: { number: number; from: string; to: string } | null;
  bouwstenenComplete: number;
  bouwstenenTotal: number;
  bouwbladenComplete: number;
  bouwbladenTotal: number;
  errors: number;
  warnings: number;
}

export interface JsonCoalition {
  dir: string;
  name: string | null;
  /** True when the folder could not be checked at all (for example: no kwaliteit.yaml). */
  failed: boolean;
  summary: JsonSummary;
  diagnostics: JsonDiagnostic[];
}

export interface JsonOutput {
  version: typeof JSON_FORMAT_VERSION;
  date: string;
  final: boolean;
  errors: number;
  warnings: number;
  coalitions: JsonCoalition[];
}

// Built key by key rather than spreading the internal objects, so a new internal
// field (such as the absolute `root`) never leaks into the promised shape.
function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    file: d.file,
    line: d.line ?? null,
    column: d.column ?? null,
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    hint: d.hint ?? null,
  };
}

function toJsonCoalition(c: CoalitionResult): JsonCoalition {
  const s = c.summary;
  return {
    dir: c.dir,
    name: c.name ?? null,
    failed: c.failed ?? false,
    summary: {
      period: s.period ? { number: s.period.number, from: s.period.from, to: s.period.to } : null,
      bouwstenenComplete: s.bouwstenenComplete,
      bouwstenenTotal: s.bouwstenenTotal,
      bouwbladenComplete: s.bouwbladenComplete,
      bouwbladenTotal: s.bouwbladenTotal,
      errors: s.errors,
      warnings: s.warnings,
    },
    diagnostics: c.diagnostics.map(toJsonDiagnostic),
  };
}

export function toJsonOutput(result: CheckResult): JsonOutput {
  return {
    version: JSON_FORMAT_VERSION,
    date: result.date,
    final: result.final,
    errors: result.errors,
    warnings: result.warnings,
    coalitions: result.results.map(toJsonCoalition),
  };
}

export function json(result: CheckResult): string {
  return `${JSON.stringify(toJsonOutput(result), null, 2)}\n`;
}
