import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { check } from '../src/commands/check.js';
import { schema } from '../src/commands/schema.js';
import { copyOf, snapshot, tempDir } from './helpers/folders.js';
import { runBinAsync, runMain } from './helpers/run.js';

const EXAMPLE = 'examples/voorbeeldcoalitie';
const MS1 = 'bouwbladen/meso-samenwerking/periode-1.md';

// Every test has folders of its own, so they run side by side, the built program's child processes too;
// side by side they share the machine, so each gets more time than alone.
describe.concurrent('kwaliteit check', { timeout: 90_000 }, () => {
  describe('kwaliteit check on the command line', () => {
    it('exits 0 on the example, with a summary line', async ({ expect }) => {
      const result = await runBinAsync(['check', EXAMPLE, '--date', '2026-03-01']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toContain('Periode 2');
      expect(result.stdout).toContain('alle 9 verplichte bouwbladen zijn klaar');
    });

    it('counts a bouwblad it cannot read as not complete, so the summary never says "10 van 10"', async ({ expect }) => {
      const dir = copyOf(EXAMPLE);
      writeFileSync(join(dir, 'bouwbladen/micro-samenhang/periode-2.md'), Buffer.from('---\nlevel: micro\n---\nCaf\xe9\n', 'latin1'));
      const result = await check({ dirs: [dir], date: '2026-08-15' });
      expect(result.results[0].summary).toMatchObject({ bouwbladenTotal: 10, bouwbladenComplete: 9, bouwstenenComplete: 8 });
    });

    it('finds the coalition from a subfolder, like git finds .git', async ({ expect }) => {
      const result = await runMain(['check', join(EXAMPLE, 'bouwbladen', 'kinderraad'), '--date', '2026-03-01', '--format', 'json']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).coalitions[0].name).toBe('Coalitie Kansrijk Rivierstad');
    });

    it('says where it looked when there is no coalition (exit 2)', async ({ expect }) => {
      const dir = tempDir();
      const result = await runBinAsync(['check', dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('geen kwaliteit.yaml');
      expect(result.stderr).toContain(join(dir, 'kwaliteit.yaml'));
    });

    it('checks several coalitions at once and reports a missing one without losing the others', async ({ expect }) => {
      const broken = copyOf(EXAMPLE);
      writeFileSync(join(broken, MS1), readFileSync(join(broken, MS1), 'utf8').replace('level: meso', 'level: mezo'));
      const result = await runMain(['check', EXAMPLE, broken, join(tempDir(), 'nergens'), '--date', '2026-03-01', '--format', 'json']);
      expect(result.code).toBe(2);
      const json = JSON.parse(result.stdout);
      expect(json.coalitions).toHaveLength(3);
      expect(json.coalitions[0].diagnostics).toEqual([]);
      expect(json.coalitions[1].diagnostics.map((d: { ruleId: string }) => d.ruleId)).toContain('level-aspect');
      expect(json.coalitions[2].diagnostics[0].ruleId).toBe('dir-not-found');
    });

    it('--strict turns warnings into exit 1', async ({ expect }) => {
      const dir = copyOf(EXAMPLE);
      writeFileSync(join(dir, 'notities.txt'), 'x');
      expect((await runMain(['check', dir, '--date', '2026-03-01'])).code).toBe(0);
      expect((await runMain(['check', dir, '--date', '2026-03-01', '--strict'])).code).toBe(1);
    });

    it('prints GitHub annotations and appends a summary to $GITHUB_STEP_SUMMARY', async ({ expect }) => {
      const dir = copyOf(EXAMPLE);
      writeFileSync(join(dir, MS1), readFileSync(join(dir, MS1), 'utf8').replace('level: meso', 'level: mezo'));
      const summary = join(tempDir(), 'summary.md');
      const result = await runMain(['check', dir, '--date', '2026-03-01', '--format', 'github'], { GITHUB_STEP_SUMMARY: summary });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^::error file=.*bouwbladen\/meso-samenwerking\/periode-1\.md,line=2,col=\d+,title=level-aspect::/m);
      expect(readFileSync(summary, 'utf8')).toContain('| Bestand |');
    });

    it('refuses an unknown format and a bad date with exit 2', async ({ expect }) => {
      expect((await runMain(['check', EXAMPLE, '--format', 'xml'])).code).toBe(2);
      const bad = await runMain(['check', EXAMPLE, '--date', '1-9-2025']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('jaar-maand-dag');
    });

    it('never prints a stack trace for garbage, and writes nothing', async ({ expect }) => {
      const dir = copyOf(EXAMPLE);
      writeFileSync(join(dir, 'bouwbladen/kinderraad/periode-1.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
      writeFileSync(join(dir, 'bouwbladen/meso-samenhang/periode-1.md'), '');
      writeFileSync(join(dir, 'bouwbladen/meso-samenhang/periode-2.md'), '---\nlevel:\tmeso\n---\n');
      writeFileSync(join(dir, 'bouwbladen/micro-samenhang/periode-1.md'), `---\nlevel: micro\n---\n${'x'.repeat(10 * 1024 * 1024)}`);
      writeFileSync(join(dir, 'bouwbladen/micro-samenhang/periode-2.md'), '---js\nmodule.exports = { level: "micro" }\n---\n');
      mkdirSync(join(dir, 'bouwbladen/buiten'));
      symlinkSync('/etc/passwd', join(dir, 'bouwbladen/buiten/periode-1.md'));
      const before = snapshot(dir);
      const result = await runBinAsync(['check', dir, '--date', '2026-03-01']);
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).not.toMatch(/\n\s+at |TypeError|ReferenceError/);
      for (const rule of ['file-encoding', 'file-empty', 'yaml-syntax', 'file-too-large', 'file-symlink']) expect(result.stdout).toContain(rule);
      expect(result.stdout).not.toContain('root:');
      expect(snapshot(dir)).toEqual(before);
    });

    it('a missing format file gives exit 2 and no stack trace', async ({ expect }) => {
      const dir = copyOf(EXAMPLE);
      writeFileSync(join(dir, 'kwaliteit.yaml'), readFileSync(join(dir, 'kwaliteit.yaml'), 'utf8').replace('format: bouwstenen-voor-kwaliteit', 'format: ./bestaat-niet.yaml'));
      const plain = await runBinAsync(['check', dir]);
      expect(plain.code).toBe(2);
      expect(plain.stderr).toContain('bestaat-niet.yaml');
      expect(plain.stderr).not.toMatch(/\n\s+at /);
    });
  });

  describe('kwaliteit schema', () => {
    it('exports JSON Schema with the valid levels for editors', async ({ expect }) => {
      const json = (await schema({ kind: 'bouwblad' })) as { properties: Record<string, { enum?: string[] }>; required: string[] };
      expect(json.properties.level.enum).toEqual(['micro', 'meso', 'macro']);
      expect(json.required).toEqual(expect.arrayContaining(['level', 'aspect', 'period', 'mandatory', 'question']));
      const config = (await schema({ kind: 'config' })) as { properties: Record<string, unknown> };
      expect(Object.keys(config.properties)).toEqual(expect.arrayContaining(['name', 'lead', 'periods']));
    });

    it('prints JSON on stdout', async ({ expect }) => {
      const result = await runMain(['schema', 'config']);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).title).toBe('kwaliteit: config');
    });
  });

  describe('time zones', () => {
    it.for(['America/Los_Angeles', 'Pacific/Kiritimati'])('dates never shift in %s', async (tz, { expect }) => {
      const result = await runBinAsync(['check', EXAMPLE, '--date', '2026-01-31', '--format', 'json'], { env: { TZ: tz } });
      const json = JSON.parse(result.stdout);
      expect(json.coalitions[0].summary.period).toMatchObject({ number: 1, from: '2025-09-01', to: '2026-01-31' });
    });
  });

  it('check() is usable as a library', async ({ expect }) => {
    const result = await check({ dirs: [EXAMPLE], date: '2026-03-01' });
    expect(result.errors).toBe(0);
    expect(result.results[0].summary.bouwstenenTotal).toBe(9);
  });

  it('checks many coalitions in worker threads with the same results as in one thread', async ({ expect }) => {
    const broken = copyOf(EXAMPLE);
    writeFileSync(join(broken, MS1), readFileSync(join(broken, MS1), 'utf8').replace('level: meso', 'level: mezo'));
    const dirs = [...Array.from({ length: 15 }, () => EXAMPLE), broken, join(tempDir(), 'nergens')];
    const spawned = await runBinAsync(['check', ...dirs, '--date', '2026-03-01', '--format', 'json']);
    const inProcess = await runMain(['check', ...dirs, '--date', '2026-03-01', '--format', 'json']);
    expect(spawned.code).toBe(2);
    expect(JSON.parse(spawned.stdout)).toEqual(JSON.parse(inProcess.stdout));
    expect(JSON.parse(spawned.stdout).coalitions[15].diagnostics[0].ruleId).toBe('level-aspect');
  });
});
