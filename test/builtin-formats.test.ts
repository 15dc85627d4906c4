// The build puts the built-in formats into the bundle as data
// (scripts/builtin-formats.mjs), so a run does not parse their YAML. That data
// must be exactly what kwaliteit reads from the YAML itself, and the built
// program must use it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types.
import { builtinFormats } from '../scripts/builtin-formats.mjs';
import { BUILTIN_FORMAT } from '../src/format/load.js';
import { parseFormat } from '../src/format/parse.js';
import { FormatSchema } from '../src/format/schema.js';
import { parseYaml } from '../src/yaml/parse.js';
import { REPO } from './helpers/run.js';

const folder = join(REPO, 'templates/format');

it('the data the build makes is the data kwaliteit reads from each built-in format, after its schema', async () => {
  const built = (await builtinFormats(REPO)) as Record<string, unknown>;
  const names = readdirSync(folder).filter((name) => name.endsWith('.yaml'));
  expect(Object.keys(built).sort()).toEqual(names.map((name) => name.slice(0, -5)).sort());
  for (const name of names) {
    const parsed = parseYaml(readFileSync(join(folder, name), 'utf8').replace(/^\uFEFF/, ''));
    expect(parsed.problems).toEqual([]);
    // A run uses that data without checking it again (src/format/load.ts).
    expect(built[name.slice(0, -5)]).toStrictEqual(FormatSchema.parse(parsed.data));
  }
});

it('the built program carries that data and makes the same format of it', async () => {
  const bundle = readdirSync(join(REPO, 'dist'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(REPO, 'dist', name), 'utf8'))
    .join('\n');
  expect(bundle).toContain(`JSON.parse('{"${BUILTIN_FORMAT}":`);
  const built = (await import(pathToFileURL(join(REPO, 'dist/index.js')).href)) as typeof import('../src/index.js');
  const file = join(folder, `${BUILTIN_FORMAT}.yaml`);
  const [fromBuild, fromYaml] = [await built.loadFormat(file), parseFormat(readFileSync(file, 'utf8'), file)];
  // Its lookups are functions, different ones in each copy of the code: compared by what they find.
  expect(JSON.stringify(fromBuild)).toEqual(JSON.stringify(fromYaml));
  for (const bouwsteen of fromYaml.bouwstenen) expect(fromBuild.bouwsteenFor(bouwsteen.level, bouwsteen.aspect)).toEqual(bouwsteen);
});
