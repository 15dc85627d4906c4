// The kwaliteitsformat: the bundled one, or a coalition's own copy. Parsing and
// validating are the same for both; where the text comes from is not decided here.
import { errors } from '../errors.js';
import { readResourceOrFile, resourcePath } from '../resources.js';
import { describeIssue, formatPath } from '../schema/issues.js';
import { parseYaml } from '../yaml/parse.js';
import { buildFormat, type Format } from './format.js';
import { FormatSchema } from './schema.js';

export const BUILTIN_FORMAT = 'bouwstenen-voor-kwaliteit';

/** A name without a slash or .yaml is one of the formats that come with kwaliteit. */
export const isBuiltinName = (spec: string | undefined) => !/[\\/]|\.ya?ml$/i.test(spec?.trim() || BUILTIN_FORMAT);

export const builtinFormatPath = (name = BUILTIN_FORMAT) => resourcePath(`templates/format/${name.trim() || BUILTIN_FORMAT}.yaml`);

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

const cache = new Map<string, Promise<Format>>();

/** A format file of kwaliteit itself (or, in tests, any file), read once per run. */
export function loadFormat(file = builtinFormatPath(), configFile = 'kwaliteit.yaml'): Promise<Format> {
  let pending = cache.get(file);
  if (!pending) {
    pending = readResourceOrFile(file).then(
      (text) => parseFormat(text, file),
      () => {
        throw errors.formatNotFound(file, configFile);
      },
    );
    cache.set(file, pending);
    pending.catch(() => cache.delete(file));
  }
  return pending;
}
