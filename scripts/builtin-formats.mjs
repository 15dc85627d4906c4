// The formats that come with kwaliteit (templates/format/*.yaml) as data, for
// the build to put into the bundle: a run then does not parse 12 kB of YAML it
// already knows (that was a sixth of `check`'s own work on the example). The
// options are those of src/yaml/parse.ts; test/builtin-formats.test.ts checks
// that both give the same data.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export function builtinFormats(templates) {
  const folder = join(templates, 'format');
  const formats = {};
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const text = readFileSync(join(folder, name), 'utf8').replace(/^\uFEFF/, '');
    formats[name.slice(0, -'.yaml'.length)] = parse(text, { uniqueKeys: true, prettyErrors: false, strict: true, maxAliasCount: 50 });
  }
  return formats;
}
