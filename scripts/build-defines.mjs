// What both builds (scripts/build.mjs, scripts/build-exe.mjs) put into the
// program where a name stands: the built-in formats as checked data (as the text
// of a JSON string: JSON.parse reads that fastest), the id of this build for the
// parse cache, the version from package.json, and the Unicode letter classes as
// ranges (src/text/letter-classes.ts; making them costs a run 18 ms).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildId } from './build-id.mjs';
import { builtinFormats } from './builtin-formats.mjs';
import { letterClasses } from './ts-module.mjs';

export async function buildDefines(repo) {
  return {
    KWALITEIT_BUILTIN_FORMATS: JSON.stringify(JSON.stringify(await builtinFormats(repo))),
    KWALITEIT_BUILD_ID: JSON.stringify(buildId(repo)),
    KWALITEIT_VERSION: JSON.stringify(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version),
    ...(await letterClasses(repo)),
  };
}
