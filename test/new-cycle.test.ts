import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCoalition } from '../src/coalition/load.js';
import type { Coalition } from '../src/coalition/model.js';
import { checkCoalition } from '../src/check/check-coalition.js';
import { defaultRange } from '../src/commands/new-cycle-period.js';
import { carriedNote } from '../src/commands/new-cycle-plan.js';
import { newCycle } from '../src/commands/new-cycle.js';
import { addPeriod } from '../src/config/edit.js';
import { splitFrontMatter } from '../src/markdown/front-matter.js';
import { parseMarkdownFile } from '../src/markdown/sections.js';
import { copyOf, snapshot } from './helpers/folders.js';
import { withFaults } from './helpers/faults.js';
import { runBin, runMain } from './helpers/run.js';

const EXAMPLE = 'examples/voorbeeldcoalitie';
const DATES = ['--from', '2026-08-01', '--to', '2027-01-31', '--date', '2026-08-01'];
const BOUWSTENEN = ['macro', 'meso', 'micro'].flatMap((l) => ['samenhang', 'samenwerking', 'uitvoering'].map((a) => `${l}-${a}`));
/** The bouwbladen of period 2 in the example: the nine mandatory ones and one extra. */
const PERIOD_2 = [...BOUWSTENEN, 'gemeenschappelijke-taal'].sort();
const PERIOD_3_FILES = PERIOD_2.map((id) => `bouwbladen/${id}/periode-3.md`).sort();
const PERIOD_3_YAML = '  - number: 3\n    from: 2026-08-01\n    to: 2027-01-31\n';

const read = (root: string, path: string) => readFileSync(join(root, path), 'utf8');
const step = (text: string, n: number) => parseMarkdownFile(text).body!.steps.find((s) => s.number === n)!;

/** Everything a run may leave behind by mistake: lock, staging folders. */
const leftovers = (root: string) => readdirSync(root).filter((name) => name.startsWith('.kwaliteit'));

afterEach(() => {
  vi.restoreAllMocks();
  vi.doUnmock('../src/cli/prompts.js');
});

describe('new-cycle on the example (the first through the built binary, the rest in-process)', () => {
  it('carries step 4 into step 1 byte for byte and changes no existing file but kwaliteit.yaml', () => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const configBefore = read(root, 'kwaliteit.yaml');
    const result = runBin(['new-cycle', root, ...DATES]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Periode 3 staat klaar');

    const after = snapshot(root);
    const added = Object.keys(after).filter((path) => !(path in before)).sort();
    expect(added).toEqual(PERIOD_3_FILES);
    const changed = Object.keys(before).filter((path) => before[path] !== after[path]);
    expect(changed).toEqual(['kwaliteit.yaml']);
    // The only change: the new period at the end, every comment kept.
    expect(read(root, 'kwaliteit.yaml')).toBe(configBefore + PERIOD_3_YAML);

    for (const id of PERIOD_2) {
      const old = read(root, `bouwbladen/${id}/periode-2.md`);
      const fresh = read(root, `bouwbladen/${id}/periode-3.md`);
      const adjusted = step(old, 4).content.trim();
      expect(adjusted.length).toBeGreaterThan(20);
      expect(step(fresh, 1).content.trim()).toBe(`<!-- Overgenomen uit stap 4 van periode 2. -->\n\n${adjusted}`);
      for (const n of [2, 3, 4]) expect(step(fresh, n).filled).toBe(false);
      expect(fresh).toMatch(/\nperiod: 3\n/);
      // Same front-matter apart from the period.
      const data = (text: string) => ({ ...(splitFrontMatter(text).yaml!.data as Record<string, unknown>), period: 0 });
      expect(data(fresh)).toEqual(data(old));
    }
    expect(leftovers(root)).toEqual([]);
  });

  it('acceptance: status shows period 3 with every mandatory bouwblad bezig; check advises only the missing steps 2 (exit 0, 1 with --strict)', async () => {
    const root = copyOf(EXAMPLE);
    expect((await runMain(['new-cycle', root, ...DATES])).code).toBe(0);

    const status = await runMain(['status', root, '--date', '2026-08-02']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toContain('periode 3');
    expect(status.stdout).toContain('Periode 3 loopt van 1 augustus 2026 tot en met 31 januari 2027');
    expect(status.stdout.match(/◐ bezig, 1 van 4/g)).toHaveLength(9);
    const json = JSON.parse((await runMain(['status', root, '--date', '2026-08-02', '--json'])).stdout);
    expect(json.period).toMatchObject({ number: 3, phase: 'running' });
    expect(json.bouwstenen.map((b: { mandatory: { state: string } }) => b.mandatory.state)).toEqual(Array(9).fill('bezig'));

    // A running period is advice, not a red cross: exit 0, unless the coalition asks for --strict.
    const check = await runMain(['check', root, '--date', '2026-08-10', '--format', 'json']);
    expect(check.code).toBe(0);
    const diagnostics = JSON.parse(check.stdout).coalitions[0].diagnostics as { ruleId: string; file: string; message: string; severity: string }[];
    expect(diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.file}`).sort()).toEqual(PERIOD_3_FILES.map((file) => `warning steps-filled ${file}`));
    for (const d of diagnostics) expect(d.message).toMatch(/^Stap 2 is nog niet ingevuld\. Periode 3 loopt tot en met 31 januari 2027: nog 174 dagen\.$/);
    expect((await runMain(['check', root, '--date', '2026-08-10', '--strict'])).code).toBe(1);
  });

  it('shows with --dry-run what it would make, and writes nothing', async () => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['new-cycle', root, '--dry-run', '--date', '2026-08-01']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Proefrun');
    expect(result.stderr).toContain('van 1 augustus 2026 tot en met 31 januari 2027');
    for (const file of PERIOD_3_FILES) expect(result.stderr).toContain(`+ ${file}`);
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    ['overlaps period 2', ['--from', '2026-07-01', '--to', '2026-12-31', '--date', '2026-08-01'], 'overlappen'],
    ['ends after the subsidy period', ['--from', '2026-08-01', '--to', '2029-01-31', '--date', '2026-08-01'], 'subsidieperiode 2025-2028'],
    ['starts before it ends', ['--from', '2026-08-01', '--to', '2026-08-01', '--date', '2026-08-01'], 'niet vóór het einde'],
    ['period 2 has not ended', ['--from', '2026-08-01', '--to', '2027-01-31', '--date', '2026-07-01'], '--force'],
    ['a date that does not exist', ['--from', '2026-08-32', '--to', '2027-01-31', '--date', '2026-08-01'], 'geen geldige datum'],
    ['an unknown bouwblad in --only', [...DATES, '--only', 'gemeenschappelijke-tal'], 'Bedoel je "gemeenschappelijke-taal"'],
    ['--move without =', [...DATES, '--move', 'gemeenschappelijke-taal'], 'bouwblad=bouwsteen'],
    ['--move to an unknown bouwsteen', [...DATES, '--move', 'gemeenschappelijke-taal=meso-samenwerkin'], 'Bedoel je "meso-samenwerking"'],
    ['--move to its own bouwsteen', [...DATES, '--move', 'gemeenschappelijke-taal=micro-samenwerking'], 'hoort al bij'],
    ['no dates without a terminal', ['--date', '2026-08-01'], '--from, --to'],
  ])('refuses when %s: exit 2, nothing written', async (_why, args, text) => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['new-cycle', root, ...args]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(text);
    expect(result.stderr).not.toMatch(/at .+\.js:\d+/);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses when a file it would write exists, and names it', async () => {
    const root = copyOf(EXAMPLE);
    writeFileSync(join(root, 'bouwbladen/meso-samenhang/periode-3.md'), 'al begonnen\n');
    const before = snapshot(root);
    const result = await runMain(['new-cycle', root, ...DATES]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bouwbladen/meso-samenhang/periode-3.md');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a bouwblad it cannot read, saying what is wrong on which line', async () => {
    const root = copyOf(EXAMPLE);
    const file = join(root, 'bouwbladen/micro-samenhang/periode-2.md');
    writeFileSync(file, Buffer.from(readFileSync(file, 'utf8').replace(/\n/g, '\r\n'), 'latin1'));
    const before = snapshot(root);
    const result = await runMain(['new-cycle', root, ...DATES]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/ {2}- bouwbladen\/micro-samenhang\/periode-2\.md, regel \d+: Dit bestand is niet als UTF-8 opgeslagen/);
    expect(result.stderr).toContain('→ Sla het bestand op als UTF-8');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a broken kwaliteit.yaml, naming the line and the fix', async () => {
    const root = copyOf(EXAMPLE);
    const config = join(root, 'kwaliteit.yaml');
    writeFileSync(config, readFileSync(config, 'utf8').replace('from: 2025-09-01', 'from: 1-9-2025'));
    const before = snapshot(root);
    const result = await runMain(['new-cycle', root, ...DATES]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('kwaliteit.yaml klopt niet');
    expect(result.stderr).toMatch(/ {2}- regel 24: .*"1-9-2025".*\n {4}→ Schrijf 2025-09-01/);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses while another run holds the lock, and names the lock file', async () => {
    const root = copyOf(EXAMPLE);
    writeFileSync(join(root, '.kwaliteit.lock'), 'command: kwaliteit new-cycle\npid: 1\nsince: 1-8-2026 10:00:00\n');
    const before = snapshot(root);
    const result = await runMain(['new-cycle', root, ...DATES]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('sinds 1-8-2026 10:00:00');
    expect(result.stderr).toContain(join(root, '.kwaliteit.lock'));
    expect(snapshot(root)).toEqual(before);
  });

  it('starts early with --force, with a warning', async () => {
    const root = copyOf(EXAMPLE);
    const result = await runMain(['new-cycle', root, ...DATES.slice(0, 4), '--date', '2026-07-20', '--force']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Let op: periode 2 loopt nog tot en met 31 juli 2026');
    expect(existsSync(join(root, 'bouwbladen/meso-samenhang/periode-3.md'))).toBe(true);
  });

  it('takes the default dates with --yes', async () => {
    const root = copyOf(EXAMPLE);
    const result = await runMain(['new-cycle', root, '--yes', '--date', '2026-08-01']);
    expect(result.code, result.stderr).toBe(0);
    expect(read(root, 'kwaliteit.yaml')).toMatch(/number: 3\n {4}from: 2026-08-01\n {4}to: 2027-01-31\n$/);
  });

  it('continues only the extra bouwbladen named in --only; mandatory ones always', async () => {
    const root = copyOf(EXAMPLE);
    // A second extra bouwblad in period 2, to leave out.
    writeFileSync(
      join(root, 'bouwbladen/kinderraad/periode-2.md'),
      read(root, 'bouwbladen/kinderraad/periode-1.md').replace('period: 1', 'period: 2'),
    );
    const result = await runMain(['new-cycle', root, ...DATES, '--only', 'gemeenschappelijke-taal']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('gaan niet mee');
    expect(result.stderr).toContain('- bouwbladen/kinderraad/periode-2.md');
    expect(existsSync(join(root, 'bouwbladen/kinderraad/periode-3.md'))).toBe(false);
    for (const file of PERIOD_3_FILES) expect(existsSync(join(root, file)), file).toBe(true);
  });

  it('moves a question to another bouwsteen with a previous reference; check sees the cycle continue', async () => {
    const root = copyOf(EXAMPLE);
    const result = await runMain(['new-cycle', root, ...DATES, '--move', 'gemeenschappelijke-taal=meso-samenwerking', '--move', 'meso-uitvoering=macro-uitvoering']);
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(root, 'bouwbladen/gemeenschappelijke-taal/periode-3.md'))).toBe(false);

    const moved = read(root, 'bouwbladen/gemeenschappelijke-taal-naar-meso-samenwerking/periode-3.md');
    const adjusted = step(read(root, 'bouwbladen/gemeenschappelijke-taal/periode-2.md'), 4).content.trim();
    expect(moved).toMatch(/^---\nlevel: meso\naspect: samenwerking\nperiod: 3\nmandatory: false\n/);
    expect(moved).toContain('\nprevious: gemeenschappelijke-taal/periode-2\n');
    expect(step(moved, 1).content).toContain(adjusted);

    // A mandatory question that moves on still has its own bouwblad, waiting for a new start question.
    const mandatory = read(root, 'bouwbladen/meso-uitvoering/periode-3.md');
    expect(step(mandatory, 1).filled).toBe(false);
    expect(step(mandatory, 1).content).toContain('bouwbladen/meso-uitvoering-naar-macro-uitvoering/periode-3.md');
    expect(result.stderr.replace(/\s+/g, ' ')).toContain('schrijven jullie in stap 1 een nieuwe startvraag');

    const check = JSON.parse((await runMain(['check', root, '--date', '2026-08-10', '--format', 'json'])).stdout);
    const rules = new Set(check.coalitions[0].diagnostics.map((d: { ruleId: string }) => d.ruleId));
    expect([...rules]).toEqual(['steps-filled']);
  });

  it('says per bouwblad when step 4 was empty, and leaves step 1 as guidance', async () => {
    const root = copyOf(EXAMPLE);
    const path = 'bouwbladen/micro-samenhang/periode-2.md';
    const text = read(root, path);
    writeFileSync(join(root, path), text.slice(0, text.indexOf('## Stap 4')) + '## Stap 4 – Wat is je bijgestelde startvraag?\n\nTODO\n');
    const result = await runMain(['new-cycle', root, ...DATES]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`stap 4 van periode 2 leeg`);
    expect(result.stderr).toContain(`- ${path}`);
    expect(result.stderr).toContain('Let op: periode 2 is nog niet af');
    expect(result.stderr).toContain(`${path}: stap 4 niet ingevuld`);
    const fresh = read(root, 'bouwbladen/micro-samenhang/periode-3.md');
    expect(step(fresh, 1).filled).toBe(false);
    expect(step(fresh, 1).content).toContain('Uitleg (komt niet in het rapport): Wat willen jullie leren of beter doen?');
  });

  it('starts afresh a mandatory bouwblad that period 2 lacks', async () => {
    const root = copyOf(EXAMPLE);
    rmSync(join(root, 'bouwbladen/macro-uitvoering/periode-2.md'));
    const result = await runMain(['new-cycle', root, ...DATES]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/macro-uitvoering\/periode-3\.md +nieuw: er was geen bouwblad in periode 2/);
    expect(read(root, 'bouwbladen/macro-uitvoering/periode-3.md')).toMatch(/mandatory: true/);
  });
});

describe('new-cycle never leaves half a cycle (in-process)', () => {
  const options = (root: string) => ({ dir: root, from: '2026-08-01', to: '2027-01-31', date: '2026-08-01' });

  it('rolls back completely when the k-th write fails, for every k', async () => {
    const probe = copyOf(EXAMPLE);
    let steps = 0;
    await withFaults(() => void steps++, () => newCycle(options(probe)));
    // Each file is written to the staging folder and moved; kwaliteit.yaml is staged and replaced.
    expect(steps).toBe(2 * PERIOD_3_FILES.length + 2);

    // Every k in a copy of its own and with a fault hook of its own (helpers/faults.ts), all at once.
    await Promise.all(
      Array.from({ length: steps }, async (_, k) => {
        const root = copyOf(EXAMPLE);
        const before = snapshot(root);
        const beforeWrite = (_path: string, index: number) => {
          if (index === k) throw Object.assign(new Error('schijf vol'), { code: 'ENOSPC' });
        };
        await expect(withFaults(beforeWrite, () => newCycle({ ...options(root) })), `k=${k}`).rejects.toMatchObject({ code: 'dir-not-writable' });
        expect(snapshot(root), `k=${k}`).toEqual(before);
        expect(leftovers(root), `k=${k}`).toEqual([]);
        expect(readdirSync(join(root, 'bouwbladen')).sort(), `k=${k}`).toEqual(Object.keys(before).filter((p) => p.startsWith('bouwbladen/')).map((p) => p.split('/')[1]).filter((v, i, a) => a.indexOf(v) === i).sort());
      }),
    );
  });

  it('rolls back and never replaces a file that appears while it moves files into place', async () => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const intruder = 'bouwbladen/meso-samenhang/periode-3.md';
    const beforeWrite = (path: string, index: number) => {
      // After the staging writes come the moves; someone saves the file just before we get there.
      if (index > PERIOD_3_FILES.length && path === intruder) writeFileSync(join(root, intruder), 'van iemand anders\n');
    };
    await expect(withFaults(beforeWrite, () => newCycle({ ...options(root) }))).rejects.toMatchObject({ code: 'files-exist' });
    expect(read(root, intruder)).toBe('van iemand anders\n');
    const { [intruder]: _added, ...rest } = snapshot(root);
    expect(rest).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });

  it('rolls back when kwaliteit.yaml changes during the run, keeping that change', async () => {
    const root = copyOf(EXAMPLE);
    const edited = `${read(root, 'kwaliteit.yaml')}# net opgeslagen\n`;
    const before = snapshot(root);
    const beforeWrite = (path: string, index: number) => {
      if (path === 'kwaliteit.yaml' && index > PERIOD_3_FILES.length) writeFileSync(join(root, 'kwaliteit.yaml'), edited);
    };
    await expect(withFaults(beforeWrite, () => newCycle({ ...options(root) }))).rejects.toMatchObject({ code: 'config-changed' });
    expect(read(root, 'kwaliteit.yaml')).toBe(edited);
    const { 'kwaliteit.yaml': _config, ...rest } = snapshot(root);
    const { 'kwaliteit.yaml': _old, ...restBefore } = before;
    expect(rest).toEqual(restBefore);
  });

  it('rolls back on Ctrl+C while it moves files into place', async () => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const controller = new AbortController();
    const beforeWrite = (_path: string, index: number) => {
      if (index === PERIOD_3_FILES.length + 4) controller.abort();
    };
    await expect(withFaults(beforeWrite, () => newCycle({ ...options(root), signal: controller.signal }))).rejects.toMatchObject({ code: 'cancelled' });
    expect(snapshot(root)).toEqual(before);
    expect(leftovers(root)).toEqual([]);
  });

  it('removes its lock when done, also after a refusal', async () => {
    const root = copyOf(EXAMPLE);
    await expect(newCycle({ ...options(root), date: '2026-07-01' })).rejects.toMatchObject({ code: 'period-not-ended' });
    expect(leftovers(root)).toEqual([]);
    await newCycle(options(root));
    expect(leftovers(root)).toEqual([]);
  });
});

describe('new-cycle writes a new file in the line ends of the bouwblad it continues (in-process)', () => {
  const options = (root: string) => ({ dir: root, from: '2026-08-01', to: '2027-01-31', date: '2026-08-01' });
  const toCrlf = (text: string) => text.replace(/\n/g, '\r\n');
  const lineEnds = (text: string) => ({
    crlf: text.match(/\r\n/g)?.length ?? 0,
    lf: text.match(/(?<!\r)\n/g)?.length ?? 0,
    cr: text.match(/\r(?!\n)/g)?.length ?? 0,
  });
  const withStep4 = (text: string, step4: string) => `${text.slice(0, text.indexOf('## Stap 4'))}## Stap 4 – Wat is je bijgestelde startvraag?\n\n${step4}\n`;
  /** Step 4 with what must survive byte for byte: a hard line break (two spaces), a tab, combining marks, emoji, a fence. */
  const STEP4 = [
    'Hoe zorgen we dat één café-eigenaar (Cafe\u0301 De Haven) meedoet?  ',
    'Met een tab\terin en 👩‍🏫 als juf.',
    '',
    '- eerst de wijk',
    '  - dan de school',
    '',
    '```',
    '## Stap 2 – geen kop maar code',
    '```',
    '',
    '> een citaat',
  ].join('\n');
  const stepIn = (coalition: Coalition, path: string, n: number) =>
    coalition.bouwbladen.find((file) => file.path === path)!.body!.steps.find((s) => s.number === n)!;
  /** Step 1 as new-cycle writes it from step 4 as the loader read it: the note, the text with `eol` for every line end. */
  const carriedStep1 = (step4: string, eol: string) =>
    [eol, eol, carriedNote(2), eol, eol, step4.replace(/^(?:\r?\n)+|(?:\r?\n)+$/g, '').replace(/\r\n|\r|\n/g, eol), eol, eol].join('');
  const FRESH = 'bouwbladen/macro-uitvoering/periode-3.md';
  const CONTINUED = PERIOD_3_FILES.filter((path) => path !== FRESH);

  // The example twice, once as git with autocrlf checks it out on Windows: every file CRLF.
  // In both, macro-uitvoering has no bouwblad in period 2, so it starts afresh.
  let lf: string;
  let crlf: string;
  beforeAll(async () => {
    lf = copyOf(EXAMPLE);
    crlf = copyOf(EXAMPLE);
    for (const root of [lf, crlf]) {
      const path = 'bouwbladen/meso-samenhang/periode-2.md';
      writeFileSync(join(root, path), withStep4(read(root, path), STEP4));
      rmSync(join(root, 'bouwbladen/macro-uitvoering/periode-2.md'));
    }
    for (const path of Object.keys(snapshot(crlf))) writeFileSync(join(crlf, path), toCrlf(read(crlf, path)));
    await newCycle(options(lf));
    await newCycle(options(crlf));
  });

  it('a CRLF source gives a file with only CRLF, otherwise the same as from the LF source', () => {
    for (const path of CONTINUED) {
      const text = read(crlf, path);
      expect(lineEnds(text), path).toMatchObject({ lf: 0, cr: 0 });
      expect(text, path).toBe(toCrlf(read(lf, path)));
    }
  });

  it('an LF source gives a file with only LF', () => {
    for (const path of PERIOD_3_FILES) expect(read(lf, path), path).not.toContain('\r');
  });

  it('a bouwblad started afresh is LF, also among CRLF files', () => {
    expect(read(crlf, FRESH)).not.toContain('\r');
    expect(read(crlf, FRESH)).toBe(read(lf, FRESH));
  });

  it('adds no byte-order mark, also when the source had one', async () => {
    const root = copyOf(EXAMPLE);
    const path = 'bouwbladen/meso-samenhang/periode-2.md';
    writeFileSync(join(root, path), `\uFEFF${toCrlf(read(root, path))}`);
    await newCycle(options(root));
    const fresh = readFileSync(join(root, 'bouwbladen/meso-samenhang/periode-3.md'));
    expect(fresh.subarray(0, 3).toString('hex')).not.toBe('efbbbf');
    expect(lineEnds(fresh.toString('utf8'))).toMatchObject({ lf: 0, cr: 0 });
  });

  it('step 1 of a CRLF file, read by the loader, is step 4 of its source byte for byte', async () => {
    const coalition = await loadCoalition(crlf);
    expect(stepIn(coalition, 'bouwbladen/meso-samenhang/periode-2.md', 4).content).toBe(`\r\n\r\n${toCrlf(STEP4)}\r\n`);
    for (const path of CONTINUED) {
      const source = path.replace('periode-3', 'periode-2');
      const step4 = stepIn(coalition, source, 4).content;
      expect(stepIn(coalition, path, 1).content, path).toBe(carriedStep1(step4, '\r\n'));
      const file = coalition.bouwbladen.find((b) => b.path === path)!;
      expect(file.body!.steps.map((s) => [s.number, s.filled]), path).toEqual([[1, true], [2, false], [3, false], [4, false]]);
      const old = coalition.bouwbladen.find((b) => b.path === source)!;
      expect({ ...file.frontMatter, period: 2 }, path).toEqual(old.frontMatter);
    }
  });

  it('a question moved to another bouwsteen keeps the line ends of where it came from', async () => {
    const root = copyOf(EXAMPLE);
    for (const path of Object.keys(snapshot(root))) writeFileSync(join(root, path), toCrlf(read(root, path)));
    const result = await newCycle({ ...options(root), move: ['gemeenschappelijke-taal=meso-samenwerking', 'meso-uitvoering=macro-uitvoering'] });
    const moved = ['bouwbladen/gemeenschappelijke-taal-naar-meso-samenwerking/periode-3.md', 'bouwbladen/meso-uitvoering-naar-macro-uitvoering/periode-3.md'];
    expect(result.files.map((file) => file.path)).toEqual(expect.arrayContaining([...moved, 'bouwbladen/meso-uitvoering/periode-3.md']));
    for (const { path } of result.files) expect(lineEnds(read(root, path)), path).toMatchObject({ lf: 0, cr: 0 });
  });

  it('a mixed source takes the line end most of its lines have; a tie gives LF', async () => {
    const root = copyOf(EXAMPLE);
    const rewrite = (id: string, change: (text: string) => string) => {
      const path = `bouwbladen/${id}/periode-2.md`;
      writeFileSync(join(root, path), change(read(root, path)));
      return lineEnds(read(root, path));
    };
    const end = (text: string) => text.indexOf('\n---\n') + 5;
    // Front-matter LF, the rest CRLF: the body has more lines.
    const bodyCrlf = rewrite('meso-samenhang', (text) => text.slice(0, end(text)) + toCrlf(withStep4(text, STEP4).slice(end(text))));
    expect(bodyCrlf.crlf).toBeGreaterThan(bodyCrlf.lf);
    // An LF file with step 4 pasted in from a CRLF file.
    const pasted = rewrite('micro-samenhang', (text) => withStep4(text, toCrlf(STEP4)));
    expect(pasted.crlf).toBeGreaterThan(0);
    expect(pasted.lf).toBeGreaterThan(pasted.crlf);
    // LF and CRLF by turns, as many of each.
    const tie = rewrite('gemeenschappelijke-taal', (text) => {
      const lines = withStep4(text, STEP4).split('\n');
      if (lines.length % 2 === 0) lines.push('');
      return lines.map((line, i) => (i === lines.length - 1 ? line : line + (i % 2 ? '\r\n' : '\n'))).join('');
    });
    expect(tie.crlf).toBe(tie.lf);

    await newCycle(options(root));
    const coalition = await loadCoalition(root);
    for (const [id, eol] of [['meso-samenhang', '\r\n'], ['micro-samenhang', '\n'], ['gemeenschappelijke-taal', '\n']]) {
      const path = `bouwbladen/${id}/periode-3.md`;
      expect(lineEnds(read(root, path)), id).toEqual(eol === '\n' ? { crlf: 0, lf: expect.any(Number), cr: 0 } : { crlf: expect.any(Number), lf: 0, cr: 0 });
      const step4 = stepIn(coalition, `bouwbladen/${id}/periode-2.md`, 4).content;
      expect(stepIn(coalition, path, 1).content, id).toBe(carriedStep1(step4, eol));
      expect(stepIn(coalition, path, 1).content, id).toContain(STEP4.replace(/\n/g, eol));
    }
  });

  it('check finds the same in a CRLF folder after new-cycle as in the LF one', async () => {
    const [fromLf, fromCrlf] = await Promise.all([lf, crlf].map((root) => checkCoalition(root, { date: '2026-08-10' })));
    expect(fromCrlf.diagnostics).toEqual(fromLf.diagnostics);
    expect(fromCrlf.summary).toEqual(fromLf.summary);
    // Only what any new period has: step 2 still to write (and the bouwblad started afresh lacks step 1).
    const newFindings = fromLf.diagnostics.filter((d) => d.file.endsWith('periode-3.md'));
    expect(new Set(newFindings.map((d) => d.ruleId))).toEqual(new Set(['steps-filled']));
  });
});

describe('new-cycle on a terminal (mocked prompts)', () => {
  const mockPrompts = (overrides: Record<string, unknown>) =>
    vi.doMock('../src/cli/prompts.js', () => ({
      canPrompt: () => true,
      askStartEarly: vi.fn(async () => false),
      askPeriodRange: vi.fn(async (q: { defaultFrom: string; defaultTo: (from: string) => string }) => ({ from: q.defaultFrom, to: q.defaultTo(q.defaultFrom) })),
      confirmNewCycle: vi.fn(async () => true),
      ...overrides,
    }));

  it('asks for the dates with the right defaults, shows the plan and creates the period after yes', async () => {
    mockPrompts({});
    const prompts = await import('../src/cli/prompts.js');
    const root = copyOf(EXAMPLE);
    const result = await runMain(['new-cycle', root, '--date', '2026-08-01']);
    expect(result.code, result.stderr).toBe(0);
    expect(prompts.askStartEarly).not.toHaveBeenCalled();
    expect(prompts.askPeriodRange).toHaveBeenCalledWith(expect.objectContaining({ number: 3, defaultFrom: '2026-08-01' }));
    expect(prompts.confirmNewCycle).toHaveBeenCalledWith(3);
    expect(result.stderr).toContain('Dit ga ik maken');
    expect(result.stderr).toContain('Klaar: periode 3 staat klaar');
    expect(read(root, 'kwaliteit.yaml')).toContain(PERIOD_3_YAML);
  });

  it('checks typed dates with the same rules as the flags', async () => {
    let checks: { checkFrom: (from: string) => string | undefined; checkTo: (from: string, to: string) => string | undefined } | undefined;
    mockPrompts({
      askPeriodRange: vi.fn(async (q) => {
        checks = q;
        return { from: '2026-08-01', to: '2027-01-31' };
      }),
      confirmNewCycle: vi.fn(async () => false),
    });
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['new-cycle', root, '--date', '2026-08-01']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('Gestopt. Er is niets opgeslagen.');
    expect(snapshot(root)).toEqual(before);
    expect(checks!.checkFrom('2026-07-31')).toContain('overlappen');
    expect(checks!.checkFrom('2026-08-01')).toBeUndefined();
    expect(checks!.checkTo('2026-08-01', '2029-01-01')).toContain('subsidieperiode');
  });

  it('asks before starting while period 2 still runs, and writes nothing on no', async () => {
    mockPrompts({});
    const prompts = await import('../src/cli/prompts.js');
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['new-cycle', root, '--date', '2026-07-01']);
    expect(result.code).toBe(0);
    expect(prompts.askStartEarly).toHaveBeenCalledWith(2, '31 juli 2026');
    expect(prompts.askPeriodRange).not.toHaveBeenCalled();
    expect(snapshot(root)).toEqual(before);
  });

  it('stops cleanly on Ctrl+C in a question', async () => {
    const { errors } = await import('../src/errors.js');
    mockPrompts({ askPeriodRange: vi.fn(async () => Promise.reject(errors.cancelled())) });
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['new-cycle', root, '--date', '2026-08-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Er is niets opgeslagen');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('the dates of the next period', () => {
  it.each([
    [{ number: 2, from: '2026-02-01', to: '2026-07-31' }, { from: '2026-08-01', to: '2027-01-31' }],
    [{ number: 1, from: '2025-09-01', to: '2026-01-31' }, { from: '2026-02-01', to: '2026-06-30' }],
    [{ number: 1, from: '2025-09-15', to: '2026-02-14' }, { from: '2026-02-15', to: '2026-07-17' }],
    [{ number: 4, from: '2028-02-01', to: '2028-07-31' }, { from: '2028-08-01', to: '2028-12-31' }],
  ])('after %o: %o', (previous, expected) => {
    expect(defaultRange(previous, [2025, 2028])).toEqual(expected);
  });
});

describe('adding a period to kwaliteit.yaml', () => {
  const period = { number: 2, from: '2026-02-01', to: '2026-07-31' };

  it('keeps comments and layout, and writes dates as plain scalars', () => {
    const text = '# uitleg\nname: X # de naam\n\nperiods:\n  # de eerste\n  - number: 1\n    from: 2025-09-01\n    to: 2026-01-31\n\n# slot\nlead: Y\n';
    expect(addPeriod(text, period)).toBe(
      '# uitleg\nname: X # de naam\n\nperiods:\n  # de eerste\n  - number: 1\n    from: 2025-09-01\n    to: 2026-01-31\n  - number: 2\n    from: 2026-02-01\n    to: 2026-07-31\n\n# slot\nlead: Y\n',
    );
  });

  it('follows a sequence that is not indented', () => {
    const text = 'periods:\n- number: 1\n  from: 2025-09-01\n  to: 2026-01-31\n';
    expect(addPeriod(text, period)).toBe(`${text}- number: 2\n  from: 2026-02-01\n  to: 2026-07-31\n`);
  });

  it('keeps Windows line ends and a byte-order mark', () => {
    const text = '\uFEFFname: X\r\nperiods:\r\n  - number: 1\r\n    from: 2025-09-01\r\n    to: 2026-01-31\r\n';
    expect(addPeriod(text, period)).toBe(`${text}  - number: 2\r\n    from: 2026-02-01\r\n    to: 2026-07-31\r\n`);
  });
});
