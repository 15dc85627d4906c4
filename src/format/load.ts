import { isAbsolute, resolve } from 'node:path';
import { errors } from '../errors.js';
import { readResourceOrFile, resourcePath } from '../resources.js';
import { describeIssue, formatPath } from '../schema/issues.js';
import { parseYaml } from '../yaml/parse.js';
import { buildFormat, type Format } from './format.js';
import { FormatSchema } from './schema.js';

export const BUILTIN_FORMAT = 'bouwstenen-voor-kwaliteit';

/** Absolute path of a format named in kwaliteit.yaml: a built-in name or a path. */
export function resolveFormatPath(spec: string | undefined, baseDir: string): string {
  const name = spec?.trim() || BUILTIN_FORMAT;
  if (!/[\\/]|\.ya?ml$/i.test(name)) return resourcePath(`templates/format/${name}.yaml`);
  return isAbsolute(name) ? name : resolve(baseDir, name);
}

const cache = new Map<string, Promise<Format>>();

/** Loads and validates a format file; throws a KwaliteitError (exit 2) when it is wrong. */
export function loadFormat(file = resolveFormatPath(undefined, '.'), configFile = 'kwaliteit.yaml'): Promise<Format> {
  let pending = cache.get(file);
  if (!pending) {
    pending = readAndValidate(file, configFile);
    cache.set(file, pending);
    pending.catch(() => cache.delete(file));
  }
  return pending;
}

async function readAndValidate(file: string, configFile: string): Promise<Format> {
  let text: string;
  try {
    text = await readResourceOrFile(file);
  } catch {
    throw errors.formatNotFound(file, configFile);
  }
  const parsed = parseYaml(text.replace(/^\uFEFF/, ''));
  if (parsed.problems.length) {
    throw errors.formatInvalid(file, parsed.problems.map((p) => `  regel ${p.line}: ${p.message}`).join('\n'));
  }
  const result = FormatSchema.safeParse(parsed.data);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const { line } = parsed.locate(issue.path);
      return `  regel ${line} (${formatPath(issue.path) || 'bestand'}): ${describeIssue(issue, parsed.data).message}`;
    });
    throw errors.formatInvalid(file, lines.join('\n'));
  }
  return buildFormat(result.data, file);
}
