// One type for every finding, from broken YAML to a missing step.
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path relative to the coalition folder, with forward slashes. */
  file: string;
  line?: number;
  column?: number;
  ruleId: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** Text from the coalition's file that `message` quotes; the report leaves it out (see findingText). */
  quote?: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.file.localeCompare(b.file) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
