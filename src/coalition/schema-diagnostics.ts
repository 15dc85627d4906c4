// Maps zod issues back to YAML lines, once, for config and front-matter alike.
import type { ZodMiniType } from 'zod/mini';
import type { Diagnostic } from '../diagnostic.js';
import { describeIssue } from '../schema/issues.js';
import type { ParsedYaml } from '../yaml/parse.js';

export function validate<T>(
  schema: ZodMiniType<T>,
  data: unknown,
  yaml: ParsedYaml | undefined,
  file: string,
  ruleId: string,
): { value?: T; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(data ?? {});
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics = result.error.issues.map((issue): Diagnostic => {
    const position = yaml?.locate(issue.path) ?? { line: 1, column: 1 };
    const { message, hint } = describeIssue(issue, data);
    return { file, ...position, ruleId, severity: 'error', message, ...(hint ? { hint } : {}) };
  });
  return { diagnostics };
}
