import { withFaults } from './helpers/faults.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../src/commands/check.js';
import { init } from '../src/commands/init.js';
import { upgrade } from '../src/commands/upgrade.js';
import { LOCK_FILE } from '../src/fs/lock.js';
import { packageVersion } from '../src/resources.js';
import { coalitionFrom010, earlier010, IDENTITY } from './helpers/earlier-coalition.js';
import { folders, snapshot, tempDir } from './helpers/folders.js';
import { runMain } from './helpers/run.js';

const VERSION = packageVersion();
const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');

async function made010(): Promise<string> {
  const root = join(tempDir(), 'c');
  await coalitionFrom010(root);
  return root;
}

describe('kwaliteit upgrade', () => {
  it('brings a coalition made with 0.1.0 to this version: pinned package.json, Node 24, no bare npx', async () => {
    const root = await made010();
    const result = await upgrade({ dir: root });
    expect(result.files.map((f) => [f.path, f.state])).toEqual([
      ['README.md', 'update'],
      ['.github/workflows/kwaliteit.yml', 'update'],
      ['.gitlab-ci.yml', 'update'],
      ['package.json', 'create'],
    ]);
    const workflow = read(root, '.github/workflows/kwaliteit.yml');
    expect(workflow).toContain('node-version: 24');
    expect(workflow).not.toContain('npx --yes');
    expect(read(root, '.gitlab-ci.yml')).toContain('image: node:24');
    expect(JSON.parse(read(root, 'package.json')).dependencies).toEqual({ kwaliteit: VERSION });
    expect(read(root, 'README.md')).toContain('npm install');
    // What upgrade writes is exactly what init writes today.
    const fresh = join(tempDir(), 'fresh');
    await init({ ...IDENTITY, municipality: ['Rivierstad'], subsidyPeriod: '2025-2028', periodFrom: '2025-09-01', periodTo: '2026-01-31', dir: fresh });
    for (const path of ['README.md', '.github/workflows/kwaliteit.yml', '.gitlab-ci.yml', 'package.json']) expect(read(root, path)).toBe(read(fresh, path));
    // And check sees no stray files.
    const checked = await check({ dirs: [root], date: '2025-09-02' });
    expect(checked.results[0].diagnostics.filter((d) => d.ruleId === 'stray-files')).toEqual([]);
    // A second run has nothing to do.
    const again = await upgrade({ dir: root });
    expect(again.files.every((f) => f.state === 'current' && !f.write)).toBe(true);
  });

  it('leaves a file the coalition edited alone, and replaces it only with --force', async () => {
    const root = await made010();
    const edited = `${earlier010('gitlab-ci.yml')}  tags: [onze-runner]\n`;
    writeFileSync(join(root, '.gitlab-ci.yml'), edited);
    const result = await upgrade({ dir: root });
    expect(result.files.find((f) => f.path === '.gitlab-ci.yml')).toMatchObject({ state: 'edited', write: false });
    expect(read(root, '.gitlab-ci.yml')).toBe(edited);
    expect(read(root, 'README.md')).toContain(`kwaliteit ${VERSION}`);

    // A file written by this version and then edited is recognised by its fingerprint.
    writeFileSync(join(root, 'README.md'), read(root, 'README.md').replace('## Afspraken', '## Onze afspraken'));
    const second = await upgrade({ dir: root });
    expect(second.files.find((f) => f.path === 'README.md')).toMatchObject({ state: 'edited', reason: 'aangepast sinds kwaliteit het maakte', write: false });

    await upgrade({ dir: root, force: true });
    expect(read(root, '.gitlab-ci.yml')).toContain('image: node:24');
    expect(read(root, 'README.md')).toContain('## Afspraken');
  });

  it('counts line ends turned into CRLF by git on Windows as no edit', async () => {
    const root = await made010();
    writeFileSync(join(root, '.gitlab-ci.yml'), earlier010('gitlab-ci.yml').replace(/\n/g, '\r\n'));
    const result = await upgrade({ dir: root, dryRun: true });
    expect(result.files.find((f) => f.path === '.gitlab-ci.yml')?.state).toBe('update');
  });

  it('writes nothing with --dry-run', async () => {
    const root = await made010();
    const before = snapshot(root);
    const result = await upgrade({ dir: root, dryRun: true });
    expect(result.files.filter((f) => f.write)).toHaveLength(4);
    expect(snapshot(root)).toEqual(before);
  });

  it('keeps what the coalition added to package.json, and a fork it points at; says when the lockfile must be renewed', async () => {
    const root = await made010();
    const fork = 'github:onze-regio/kwaliteit#v0.1.0';
    writeFileSync(join(root, 'package.json'), `${JSON.stringify({ private: true, scripts: { rapport: 'kwaliteit report' }, dependencies: { kwaliteit: fork } }, null, 2)}\n`);
    writeFileSync(join(root, 'package-lock.json'), '{}\n');
    const kept = await upgrade({ dir: root, dryRun: true });
    expect(kept.source).toEqual({ kind: 'git', spec: fork });
    const moved = await upgrade({ dir: root, installFrom: 'github:onze-regio/kwaliteit#v0.2.0' });
    const manifest = JSON.parse(read(root, 'package.json'));
    expect(manifest.scripts).toEqual({ rapport: 'kwaliteit report' });
    expect(manifest.dependencies.kwaliteit).toBe('github:onze-regio/kwaliteit#v0.2.0');
    expect(moved.lockfileStale).toBe(true);
    // A git source has to be built after install, so its install scripts may run.
    expect(read(root, '.github/workflows/kwaliteit.yml')).toContain('then npm ci --no-audit --no-fund');
  });

  it('refuses a package.json that is no JSON, unless --force', async () => {
    const root = await made010();
    writeFileSync(join(root, 'package.json'), '{ kapot');
    const result = await upgrade({ dir: root });
    expect(result.files.find((f) => f.path === 'package.json')).toMatchObject({ state: 'edited', reason: 'geen geldige JSON', write: false });
    expect(read(root, 'package.json')).toBe('{ kapot');
  });

  // The write transaction: every file staged, then each put in place (package.json created, the CI files replaced).
  const STEPS = 8;

  it.each(Array.from({ length: STEPS }, (_, i) => i))('puts every file back when a write fails at step %i', async (at) => {
    const root = await made010();
    const before = snapshot(root);
    const dirs = folders(root);
    let index = 0;
    const beforeWrite = () => {
      if (index++ === at) throw Object.assign(new Error('schijf vol'), { code: 'ENOSPC' });
    };
    await expect(withFaults(beforeWrite, () => upgrade({ dir: root }))).rejects.toMatchObject({ code: 'dir-not-writable' });
    expect(snapshot(root)).toEqual(before);
    expect(folders(root)).toEqual(dirs);
  });

  it.each([1, 3, 5, 7])('puts every file back on Ctrl+C before step %i', async (at) => {
    const root = await made010();
    const before = snapshot(root);
    const controller = new AbortController();
    let index = 0;
    const beforeWrite = () => {
      if (++index === at) controller.abort();
    };
    await expect(withFaults(beforeWrite, () => upgrade({ dir: root, signal: controller.signal }))).rejects.toMatchObject({ code: 'cancelled' });
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('writes all files when no step fails', async () => {
    const root = await made010();
    let steps = 0;
    await withFaults(() => void steps++, () => upgrade({ dir: root }));
    expect(steps).toBe(STEPS);
  });

  it('does nothing while another command holds the lock', async () => {
    const root = await made010();
    writeFileSync(join(root, LOCK_FILE), 'since: gisteren\n');
    await expect(upgrade({ dir: root })).rejects.toMatchObject({ code: 'locked' });
  });

  it('on the command line: shows the change as a diff first, and says which files it leaves alone', async () => {
    const root = await made010();
    writeFileSync(join(root, '.gitlab-ci.yml'), `${earlier010('gitlab-ci.yml')}# van ons\n`);
    const dry = await runMain(['upgrade', root, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('--- .github/workflows/kwaliteit.yml\tnu\n+++ .github/workflows/kwaliteit.yml\tbijgewerkt\n');
    expect(dry.stdout).toContain('-      - run: npx --yes kwaliteit check --format github\n');
    expect(dry.stdout).toContain('+          node-version: 24\n');
    expect(dry.stderr).toContain('Proefrun: er wordt niets opgeslagen.');
    expect(dry.stderr).toContain('  ! .gitlab-ci.yml: niet gemaakt door een bekende versie van kwaliteit, of daarna aangepast. Dat bestand laat ik staan.');
    expect(dry.stderr).toContain(`  + package.json (nieuw): kwaliteit ${VERSION} uit het npm-register`);
    expect(existsSync(join(root, 'package.json'))).toBe(false);

    const real = await runMain(['upgrade', root]);
    expect(real.code).toBe(0);
    expect(real.stderr).toContain('Klaar: 3 bestanden bijgewerkt');
    expect(read(root, '.gitlab-ci.yml')).toContain('# van ons');

    const bad = await runMain(['upgrade', root, '--install-from', 'http://example.org/kwaliteit.tgz']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('niet beveiligd');
  });
});
