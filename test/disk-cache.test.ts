// The parse cache on disk (src/coalition/disk-cache.ts): a second load finds
// every unchanged file there and gives exactly what parsing gives, a changed
// file is parsed again, and a cache that is damaged, from another build or
// absent (CI) changes nothing but the time a run takes.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runRules } from '../src/check/run-rules.js';
import { KEEP_FOLDERS, openDiskCache } from '../src/coalition/disk-cache.js';
import { loadFrom } from '../src/coalition/load.js';
import type { Coalition } from '../src/coalition/model.js';
import { memorySource, type MemoryFiles } from '../src/coalition/source.js';
import type { ParsedYaml } from '../src/yaml/parse.js';
import { exampleWith } from './helpers/memory.js';
import { BIN, exec, REPO } from './helpers/run.js';

const scratch = mkdtempSync(join(tmpdir(), 'kwaliteit-disk-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;
const newFolder = () => join(scratch, `cache-${++folders}`);
const DATE = '2026-03-01';

/** Loads through a disk cache in `folder`, as loadCoalition does, and says how many files came from it. */
async function loadVia(folder: string | undefined, files: MemoryFiles, build = 'test-build'): Promise<{ coalition: Coalition; hits: number }> {
  const source = memorySource(files);
  const cache = await openDiskCache(source.root, { folder, build });
  const coalition = await loadFrom(source, cache ? { cache } : {});
  await cache?.save();
  return { coalition, hits: cache?.hits ?? 0 };
}

const fileCount = (coalition: Coalition) => 1 + coalition.bouwstenen.length + coalition.bouwbladen.length;

/** Every key path in YAML data, for asking locate() and locateKey() about each. */
function paths(data: unknown, prefix: PropertyKey[] = []): PropertyKey[][] {
  if (Array.isArray(data)) return [prefix, ...data.flatMap((item, i) => paths(item, [...prefix, i]))];
  if (data && typeof data === 'object') return [prefix, ...Object.entries(data).flatMap(([key, value]) => paths(value, [...prefix, key]))];
  return [prefix];
}

/** What a load holds, its YAML's positions included, as data that can be compared. */
function comparable(coalition: Coalition) {
  const where = (yaml: ParsedYaml | undefined) =>
    yaml && [...paths(yaml.data), ['missing'], ['periods', 99]].map((path) => [path, yaml.locate(path), yaml.locateKey(path)]);
  const files = [...coalition.bouwstenen, ...coalition.bouwbladen].map((file) => ({ ...file, yaml: where(file.yaml) }));
  return { files, config: { ...coalition.config, yaml: where(coalition.config.yaml) }, diagnostics: coalition.diagnostics };
}

describe('the parse cache on disk', () => {
  it('gives a second load every file from the cache, exactly as parsing gives it', async () => {
    const folder = newFolder();
    const files = exampleWith({ 'bouwbladen/micro-samenhang/periode-9.md': 'geen kop\n## Stap 1\n' });
    const plain = await loadVia(undefined, files);
    const first = await loadVia(folder, files);
    const second = await loadVia(folder, files);
    expect(first.hits).toBe(0);
    expect(second.hits).toBe(fileCount(second.coalition));
    expect(comparable(second.coalition)).toEqual(comparable(plain.coalition));
    expect(comparable(first.coalition)).toEqual(comparable(plain.coalition));
    expect(runRules(second.coalition, DATE)).toEqual(runRules(plain.coalition, DATE));
  });

  it('parses a changed file again, and only that one', async () => {
    const folder = newFolder();
    const path = 'bouwbladen/micro-samenhang/periode-1.md';
    const files = exampleWith();
    await loadVia(folder, files);
    expect(files[path]).toBeDefined();
    const changed = { ...files, [path]: `${String(files[path])}\nNog een zin.\n` };
    const again = await loadVia(folder, changed);
    expect(again.hits).toBe(fileCount(again.coalition) - 1);
    const plain = await loadVia(undefined, changed);
    expect(comparable(again.coalition)).toEqual(comparable(plain.coalition));
  });

  it('uses nothing of another build, or of a damaged cache file, and mends the file', async () => {
    const folder = newFolder();
    const files = exampleWith();
    await loadVia(folder, files, 'build-a');
    expect((await loadVia(folder, files, 'build-b')).hits).toBe(0);
    const [name] = readdirSync(join(folder, 'parse'));
    writeFileSync(join(folder, 'parse', name), 'beschadigd');
    const damaged = await loadVia(folder, files, 'build-b');
    expect(damaged.hits).toBe(0);
    expect(comparable(damaged.coalition)).toEqual(comparable((await loadVia(undefined, files)).coalition));
    expect((await loadVia(folder, files, 'build-b')).hits).toBe(fileCount(damaged.coalition));
  });

  it('is kept for this user only, one file per coalition, and forgets files that are gone', async () => {
    const folder = newFolder();
    const files = exampleWith();
    await loadVia(folder, files);
    const [name] = readdirSync(join(folder, 'parse'));
    expect(readdirSync(join(folder, 'parse'))).toHaveLength(1);
    if (process.platform !== 'win32') {
      expect(statSync(join(folder, 'parse')).mode & 0o777).toBe(0o700);
      expect(statSync(join(folder, 'parse', name)).mode & 0o777).toBe(0o600);
    }
    const before = statSync(join(folder, 'parse', name)).size;
    const fewer = exampleWith({}, ['bouwbladen/micro-samenhang/periode-1.md', 'bouwbladen/micro-samenhang/periode-2.md']);
    await loadVia(folder, fewer);
    expect(statSync(join(folder, 'parse', name)).size).toBeLessThan(before);
  });

  it('clears away the files of folders not seen for longest once there are too many, and keeps the newest', async () => {
    const folder = newFolder();
    const parse = join(folder, 'parse');
    const saveFor = async (root: string) => {
      const source = memorySource({ 'kwaliteit.yaml': 'name: x\n' }, {}, root);
      const cache = (await openDiskCache(root, { folder, build: 'b' }))!;
      await loadFrom(source, { cache });
      await cache.save();
    };
    for (let i = 0; i < KEEP_FOLDERS; i++) await saveFor(`/map/${i}`);
    expect(readdirSync(parse)).toHaveLength(KEEP_FOLDERS);
    await saveFor('/map/nieuw');
    expect(readdirSync(parse)).toHaveLength(KEEP_FOLDERS / 2);
    const source = memorySource({ 'kwaliteit.yaml': 'name: x\n' }, {}, '/map/nieuw');
    const cache = (await openDiskCache('/map/nieuw', { folder, build: 'b' }))!;
    await loadFrom(source, { cache });
    expect(cache.hits).toBe(1);
  });

  it('is not there without a cache folder (in CI)', async () => {
    expect(await openDiskCache('/ergens', { folder: undefined, build: 'x' })).toBeUndefined();
  });

  it('makes the built program give the same answer from the cache, and nothing in the coalition folder changes', async () => {
    const example = join(REPO, 'examples/voorbeeldcoalitie');
    const listing = () => (readdirSync(example, { recursive: true }) as string[]).sort();
    const before = listing();
    const home = newFolder();
    const { CI: _, ...env } = process.env;
    const run = (extra: NodeJS.ProcessEnv) => exec(process.execPath, [BIN, 'check', example, '--date', DATE, '--format', 'json'], { env: { ...env, NO_COLOR: '1', XDG_CACHE_HOME: home, ...extra } });
    const first = await run({});
    const second = await run({});
    const inCi = await run({ CI: 'true', XDG_CACHE_HOME: join(home, 'ci') });
    expect(first.status).toBe(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe('');
    expect(inCi.stdout).toBe(first.stdout);
    expect(readdirSync(join(home, 'kwaliteit', 'parse')).filter((name) => name.endsWith('.bin'))).toHaveLength(1);
    expect(() => readdirSync(join(home, 'ci'))).toThrow();
    expect(listing()).toEqual(before);
    // The cache holds the parse of the files, not some other copy of them.
    const [name] = readdirSync(join(home, 'kwaliteit', 'parse'));
    expect(readFileSync(join(home, 'kwaliteit', 'parse', name)).includes(Buffer.from('samenhang'))).toBe(true);
  });

  it('lets a run that finds every file in it leave the parsers unloaded (micromark, yaml, zod)', async () => {
    const example = join(REPO, 'examples/voorbeeldcoalitie');
    const home = newFolder();
    const { CI: _, ...env } = process.env;
    // Node's own debug output names every module it loads ("Storing file://…").
    const loaded = async () => {
      const run = await exec(process.execPath, [BIN, 'check', example, '--date', DATE], { env: { ...env, NO_COLOR: '1', XDG_CACHE_HOME: home, NODE_DEBUG: 'esm' } });
      const chunks = new Set([...run.stderr.matchAll(/Storing (file:\/\/\S+\/dist\/[^\s/]+\.js)/g)].map((match) => fileURLToPath(match[1])));
      expect([...chunks].map((path) => path.split(/[\\/]/).pop())).toContain('cli.js');
      return [...chunks].flatMap((path) => (JSON.parse(readFileSync(`${path}.map`, 'utf8')) as { sources: string[] }).sources);
    };
    const parsers = (sources: string[]) => sources.filter((source) => /node_modules\/(micromark|yaml|zod)\/|src\/coalition\/parse-file\.ts/.test(source));
    expect(parsers(await loaded())).not.toEqual([]);
    expect(parsers(await loaded())).toEqual([]);
  });
});
