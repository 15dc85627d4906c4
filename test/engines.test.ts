// `engines` in package.json is what npm tells a coalition about its Node: it must
// be true for every package a user installs with kwaliteit (package-lock.json
// without the dev packages, as `npm ls --omit=dev` lists them), and no looser.
// Node 20.0 once passed while mute-stream (under @inquirer/prompts) needs 20.5.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/run.js';

// semver comes with npm's own tree (puppeteer-core uses it); it has no types here.
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  minVersion(range: string): { major: number; minor: number; patch: number; version: string };
};

const read = (file: string) => JSON.parse(readFileSync(join(REPO, file), 'utf8'));
const engines: string = read('package.json').engines.node;
const installed = Object.entries(read('package-lock.json').packages as Record<string, { dev?: boolean; devOptional?: boolean; engines?: { node?: string } }>)
  .filter(([path, meta]) => path && !meta.dev && !meta.devOptional && meta.engines?.node)
  .map(([path, meta]) => ({ path, range: meta.engines!.node! }));
/** The lowest version of each Node line engines allows: 20.5.0, 22.0.0, 24.0.0. */
const lowest = engines.split('||').map((part) => semver.minVersion(part.trim()));

describe("kwaliteit's engines", () => {
  it('every package a user installs runs on the lowest version of each Node line it allows', () => {
    expect(installed.length).toBeGreaterThan(20);
    expect(lowest.map((v) => v.major)).toEqual([20, 22, 24]);
    const wrong = installed.flatMap(({ path, range }) => lowest.filter((v) => !semver.satisfies(v.version, range)).map((v) => `${path} (${range}) not on ${v.version}`));
    expect(wrong).toEqual([]);
  });

  it('is the real lower bound: a version just below the lowest of a line is one some package cannot run on', () => {
    for (const v of lowest) {
      if (v.minor === 0 && v.patch === 0) continue;
      const below = v.patch > 0 ? `${v.major}.${v.minor}.${v.patch - 1}` : `${v.major}.${v.minor - 1}.999`;
      expect(installed.filter(({ range }) => !semver.satisfies(below, range)).length, `${below}`).toBeGreaterThan(0);
    }
  });
});
