// A format file's text to a Format: parsed with positions and checked against
// the schema, so every mistake names its line. Imported only when there is such
// a text to read: the built-in format comes with the build as checked data.
import { errors } from '../errors.js';
import { describeIssue, formatPath } from '../schema/issues.js';
import { parseYaml } from '../yaml/parse.js';
import { buildFormat, type Format } from './format.js';
import { FormatSchema } from './schema.js';

/** Validates the text of a format file; throws a KwaliteitError (exit 2) naming `shown` when it is wrong. */
export function parseFormat(text: string, shown: string, source = shown): Format {
  const parsed = parseYaml(text.replace(/^\uFEFF/, ''));
  if (parsed.problems.length) {
    throw errors.formatInvalid(shown, parsed.problems.map((p) => `  regel ${p.line}: ${p.message}`).join('\n'));
  }
  const result = FormatSchema.safeParse(parsed.data);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const { line } = parsed.locate(issue.path);
      return `  regel ${line} (${formatPath(issue.path) || 'bestand'}): ${describeIssue(issue, parsed.data).message}`;
    });
    throw errors.formatInvalid(shown, lines.join('\n'));
  }
  return buildFormat(result.data, source);
}
