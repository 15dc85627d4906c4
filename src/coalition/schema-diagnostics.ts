// Maps zod issues back to YAML lines, once, for config and front-matter alike.
import type { ZodMiniType } from 'zod/mini';
import type { Diagnostic } from '../diagnostic.js';
import type { ParsedBody } from '../markdown/sections.js';
import { describeIssue } from '../schema/issues.js';
import type { ParsedYaml } from '../yaml/parse.js';
import { CONFIG_FILE, PERIOD_FILE } from './layout.js';

/** A line of the body that reads "name: value": a header line written below the closing ---. */
function lineBelowHeader(body: ParsedBody | undefined, key: string): { line: number; text: string } | undefined {
  const pattern = new RegExp(`^\\s*${key}\\s*:(.*)$`, 'i');
  for (const node of body?.tree.children ?? []) {
    if ((node.type !== 'paragraph' && node.type !== 'heading') || !node.position) continue;
    const text = node.children.map((child) => ('value' in child ? child.value : '')).join('');
    const lines = text.split('\n');
    const index = lines.findIndex((line) => pattern.test(line));
    if (index >= 0) return { line: node.position.start.line + index, text: lines[index].trim() };
  }
  return undefined;
}

/** Where a missing name goes: after the name before it (in the schema's order) that is there, else at the top. */
function placeFor(key: string, keys: string[], yaml: ParsedYaml | undefined, data: unknown): { line: number; after?: string } {
  const record = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const before = keys.slice(0, keys.indexOf(key)).reverse().find((name) => name in record);
  if (!before || !yaml) return { line: yaml?.locate([]).line ?? 1 };
  const value = record[before];
  const shown = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '…';
  return { line: yaml.locateKey([before]).line, after: `${before}: ${shown.length > 30 ? '…' : shown}` };
}

export function validate<T>(
  schema: ZodMiniType<T>,
  data: unknown,
  yaml: ParsedYaml | undefined,
  file: string,
  ruleId: string,
  /** The body of a Markdown file, to find a header line that ended up below the closing ---. */
  body?: ParsedBody,
): { value?: T; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(data ?? {});
  if (result.success) return { value: result.data, diagnostics: [] };
  const keys = Object.keys((schema as unknown as { def?: { shape?: object } }).def?.shape ?? {});
  const diagnostics = result.error.issues.map((issue): Diagnostic => {
    const position = yaml?.locate(issue.path) ?? { line: 1, column: 1 };
    const { message, hint, missing } = describeIssue(issue, data);
    if (missing === undefined || issue.path.length !== 1) return { file, ...position, ruleId, severity: 'error', message, ...(hint ? { hint } : {}) };

    const example = missing === 'period' && PERIOD_FILE.exec(file.split('/').at(-1) ?? '') ? `period: ${PERIOD_FILE.exec(file.split('/').at(-1)!)![1]}` : `${missing}: …`;
    if (file === CONFIG_FILE) {
      return { file, line: position.line, column: 1, ruleId, severity: 'error', message: `"${missing}" ontbreekt in kwaliteit.yaml.`, hint: `Zet er een regel "${example}" in.${hint ? ` ${hint}` : ''}` };
    }
    const below = lineBelowHeader(body, missing);
    if (below) {
      return {
        file,
        line: below.line,
        column: 1,
        ruleId,
        severity: 'error',
        message: `"${missing}" staat onder de kop ("${below.text}"), maar hoort in de kop: tussen de twee regels met --- bovenaan.`,
        hint: `Zet deze regel boven de regel --- die de kop afsluit.`,
      };
    }
    const place = placeFor(missing, keys, yaml, data);
    return {
      file,
      line: place.line,
      column: 1,
      ruleId,
      severity: 'error',
      message: `"${missing}" ontbreekt in de kop van dit bestand.`,
      hint: `Zet in de kop (tussen de twee regels met --- bovenaan) een regel "${example}"${place.after ? `, bijvoorbeeld onder de regel "${place.after}"` : ''}.${hint && example.endsWith('…') ? ` ${hint}` : ''}`,
    };
  });
  return { diagnostics };
}
