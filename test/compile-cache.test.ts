// On Node 22 and later, bin/kwaliteit.js keeps compiled code in the user's own
// cache folder. That must change nothing a person sees, write nothing in the
// coalition, and a cache folder that cannot be made must not stop a run.
// Tried with the pinned Node 24 binary (.ci/run fetches it); Node 20 has no such cache.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { NODE_BINARY_HINT, pinnedNode } from './helpers/node-binaries.js';
import { BIN, REPO } from './helpers/run.js';

const node24 = pinnedNode('linux-x64');
const scratch = mkdtempSync(join(tmpdir(), 'kwaliteit-compile-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const example = join(REPO, 'examples/voorbeeldcoalitie');
const listing = () => (readdirSync(example, { recursive: true }) as string[]).sort();

// Without a NODE_COMPILE_CACHE of the caller's (it would take precedence over ours), and not as CI.
const { NODE_COMPILE_CACHE: _, CI: __, ...env } = process.env;
const run = (cacheHome: string, extra: NodeJS.ProcessEnv = {}) =>
  spawnSync(node24!, [BIN, 'check', example, '--date', '2026-03-01', '--format', 'json'], { encoding: 'utf8', env: { ...env, XDG_CACHE_HOME: cacheHome, NO_COLOR: '1', ...extra } });

it.skipIf(process.platform !== 'linux' || !node24)(`Node 24 keeps the compiled code in the user's cache folder, and the run is the same (${NODE_BINARY_HINT})`, () => {
  const before = listing();
  const home = join(scratch, 'cache');
  const first = run(home);
  const second = run(home);
  expect(first.status).toBe(0);
  expect(first.stderr).toBe('');
  expect(second.stdout).toBe(first.stdout);
  expect(second.status).toBe(0);
  const kept = readdirSync(join(home, 'kwaliteit', 'compile'), { recursive: true });
  expect(kept.length).toBeGreaterThan(10);
  expect(listing()).toEqual(before);
  // And the same answer as Node 20 gives without any cache.
  expect(JSON.parse(first.stdout)).toEqual(JSON.parse(execFileSync(process.execPath, [BIN, 'check', example, '--date', '2026-03-01', '--format', 'json'], { encoding: 'utf8' })));
});

it.skipIf(process.platform !== 'linux' || !node24)('in CI, which always starts clean, no cache is written', () => {
  const home = join(scratch, 'ci-cache');
  const result = run(home, { CI: 'true' });
  expect(result.status).toBe(0);
  expect(existsSync(join(home, 'kwaliteit'))).toBe(false);
});

it.skipIf(process.platform !== 'linux' || !node24)('a cache folder that cannot be made does not stop a run, and nothing is said about it', () => {
  const blocked = join(scratch, 'a-file');
  writeFileSync(blocked, 'not a folder');
  const result = run(blocked);
  expect(result.status).toBe(0);
  expect(result.stderr).toBe('');
  expect(JSON.parse(result.stdout).errors).toBe(0);
});
