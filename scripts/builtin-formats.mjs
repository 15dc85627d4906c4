// The formats that come with kwaliteit (templates/format/*.yaml) as data, for
// the build to put into the bundle: a run then neither parses 12 kB of YAML it
// already knows nor checks it again. The YAML options are those of
// src/yaml/parse.ts, and the data is what the schema (src/format/schema.ts)
// makes of it, so it is exactly what kwaliteit would read from the file itself;
// test/builtin-formats.test.ts checks that.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { importTs } from './ts-module.mjs';

export async function builtinFormats(repo) {
  const { FormatSchema: schema } = await importTs(repo, 'src/format/schema.ts');
  const folder = join(repo, 'templates', 'format');
  const formats = {};
  for (const name of readdirSync(folder).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const text = readFileSync(join(folder, name), 'utf8').replace(/^\uFEFF/, '');
    const data = parse(text, { uniqueKeys: true, prettyErrors: false, strict: true, maxAliasCount: 50 });
    const checked = schema.safeParse(data);
    if (!checked.success) throw new Error(`templates/format/${name} past niet bij het schema: ${checked.error.message}`);
    formats[name.slice(0, -'.yaml'.length)] = checked.data;
  }
  return formats;
}
