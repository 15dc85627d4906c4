// The kwaliteitsformat: the bundled one, or a coalition's own copy. Parsing and
// validating are the same for both; where the text comes from is not decided here.
import { errors } from '../errors.js';
import { readResourceOrFile, resourcePath } from '../resources.js';
import { buildFormat, type Format } from './format.js';
import type { FormatData } from './schema.js';

export const BUILTIN_FORMAT = 'bouwstenen-voor-kwaliteit';

declare const KWALITEIT_BUILTIN_FORMATS: string | undefined;

/**
 * The built-in formats as data, parsed from their YAML when kwaliteit was built
 * (scripts/builtin-formats.mjs). Run from the sources (the tests) there are none,
 * and the YAML itself is read.
 */
const prebuilt: Record<string, unknown> = typeof KWALITEIT_BUILTIN_FORMATS === 'undefined' ? {} : JSON.parse(KWALITEIT_BUILTIN_FORMATS);

/** A name without a slash or .yaml is one of the formats that come with kwaliteit. */
export const isBuiltinName = (spec: string | undefined) => !/[\\/]|\.ya?ml$/i.test(spec?.trim() || BUILTIN_FORMAT);

export const builtinFormatPath = (name = BUILTIN_FORMAT) => resourcePath(`templates/format/${name.trim() || BUILTIN_FORMAT}.yaml`);

/** The built-in format's data from the build, when `file` is one of them and the build made it. */
function prebuiltData(file: string): unknown {
  const name = Object.keys(prebuilt).find((candidate) => builtinFormatPath(candidate) === file);
  return name === undefined ? undefined : prebuilt[name];
}

const cache = new Map<string, Promise<Format>>();

/** A format file of kwaliteit itself (or, in tests, any file), read once per run. */
export function loadFormat(file = builtinFormatPath(), configFile = 'kwaliteit.yaml'): Promise<Format> {
  let pending = cache.get(file);
  if (!pending) {
    pending = readFormat(file, configFile);
    cache.set(file, pending);
    pending.catch(() => cache.delete(file));
  }
  return pending;
}

async function readFormat(file: string, configFile: string): Promise<Format> {
  // The schema leaves the built-in data exactly as it is (test/builtin-formats.test.ts
  // checks that), so it is not checked again on every run.
  const data = prebuiltData(file);
  if (data !== undefined) return buildFormat(data as FormatData, file);
  let text: string;
  try {
    text = await readResourceOrFile(file);
  } catch {
    throw errors.formatNotFound(file, configFile);
  }
  return (await import('./parse.js')).parseFormat(text, file);
}
