// A hostile commit or a clumsy one, for the commands that write, and for what
// happens around them (signals, pipes, the terminal). What only reads is in the
// bad-input corpus (test/fixtures/bad-input/).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRules } from '../src/check/run-rules.js';
import { loadMemory } from './helpers/memory.js';
import { exampleWith } from './helpers/memory.js';
import { parseMarkdownFile } from '../src/markdown/sections.js';
import { MAX_FILE_BYTES } from '../src/coalition/limits.js';
import { diskSource } from '../src/coalition/source.js';
import { upgrade } from '../src/commands/upgrade.js';
import { withFaults } from './helpers/faults.js';
import { copyOf, folders, snapshot, tempDir } from './helpers/folders.js';
import { BIN, runMain } from './helpers/run.js';
import { testBrowser } from './helpers/pdf-tools.js';

const EXAMPLE = 'examples/voorbeeldcoalitie';
const listing = (dir: string) => ({ files: snapshot(dir), folders: folders(dir) });

/** A coalition and, beside it, a folder outside that nothing may touch. */
function withOutside() {
  const parent = tempDir();
  const dir = copyOf(EXAMPLE, join(parent, 'coalitie'));
  const outside = join(parent, 'buiten');
  mkdirSync(outside);
  writeFileSync(join(outside, 'van-iemand-anders.txt'), 'niet aankomen\n');
  return { dir, outside };
}

describe('no write ever leaves the coalition folder', () => {
  it('new-cycle refuses to write through a committed link bouwbladen/<id> to a folder outside', async () => {
    const { dir, outside } = withOutside();
    rmSync(join(dir, 'bouwbladen/meso-samenhang'), { recursive: true });
    symlinkSync(outside, join(dir, 'bouwbladen/meso-samenhang'));
    const before = listing(dir);
    const result = await runMain(['new-cycle', dir, '--from', '2026-08-01', '--to', '2027-01-31', '--date', '2026-08-15']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('via een snelkoppeling (symbolische link) buiten de map');
    expect(readdirSync(outside)).toEqual(['van-iemand-anders.txt']);
    expect(listing(dir)).toEqual(before);
  });

  it('report refuses a committed rapport/ link to a folder outside, and changes nothing there', async () => {
    const { dir, outside } = withOutside();
    symlinkSync(outside, join(dir, 'rapport'));
    const result = await runMain(['report', dir, '--format', 'html', '--date', '2026-03-01']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('buiten de map');
    expect(readdirSync(outside)).toEqual(['van-iemand-anders.txt']);
  });

  it('report --out through a linked folder that leads back into the coalition never lands on kwaliteit.yaml', async () => {
    const { dir } = withOutside();
    const parent = tempDir();
    symlinkSync(dir, join(parent, 'snelkoppeling'));
    const config = readFileSync(join(dir, 'kwaliteit.yaml'), 'utf8');
    const result = await runMain(['report', dir, '--format', 'html', '--out', join(parent, 'snelkoppeling', 'kwaliteit.yaml'), '--date', '2026-03-01']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('Dat is in de map van de coalitie');
    expect(readFileSync(join(dir, 'kwaliteit.yaml'), 'utf8')).toBe(config);
  });

  it('every write of init, add and new-cycle resolves inside the folder (checked before each step)', async () => {
    const dir = copyOf(EXAMPLE);
    const seen: string[] = [];
    await withFaults((path) => void seen.push(path), async () => {
      expect((await runMain(['add', dir, '--bouwsteen', 'meso-samenhang', '--question', 'Een vraag?', '--id', 'een-vraag', '--date', '2026-03-01'])).code).toBe(0);
      expect((await runMain(['new-cycle', dir, '--from', '2026-08-01', '--to', '2027-01-31', '--date', '2026-08-15'])).code).toBe(0);
    });
    // The transaction names every path relative to the folder when it lies inside: none is absolute or climbs out.
    expect(seen.length).toBeGreaterThan(10);
    for (const path of seen) expect(path, path).toMatch(/^(?!\/|\.\.)[^\\]+$/);
  });
});

describe('upgrade, init and the lock read a file of the coalition only as check does', () => {
  const SECRET = 'GEHEIM ghp_0123456789abcdef\n';
  type Make = (dir: string, outside: string) => void;
  const replaceBy = (dir: string, path: string, make: (target: string) => void) => {
    rmSync(join(dir, path), { force: true });
    make(join(dir, path));
  };
  const mkfifo = (path: string) => void spawnSync('mkfifo', [path]);

  it.each<[string, Make, string]>([
    ['README.md a link to a file outside', (dir, outside) => replaceBy(dir, 'README.md', (path) => symlinkSync(join(outside, 'geheim.txt'), path)), 'README.md is een snelkoppeling'],
    ['.github a link to a folder outside', (dir, outside) => symlinkSync(outside, join(dir, '.github')), '.github/workflows/kwaliteit.yml is een snelkoppeling'],
    ['package.json a link to /dev/zero', (dir) => symlinkSync('/dev/zero', join(dir, 'package.json')), 'package.json is een snelkoppeling'],
    ['README.md a FIFO', (dir) => replaceBy(dir, 'README.md', mkfifo), 'README.md is geen gewoon bestand'],
    ['package.json above the size limit', (dir) => writeFileSync(join(dir, 'package.json'), `{"x": "${'a'.repeat(300 * 1024)}"}\n`), 'package.json is 300 kB'],
  ])('upgrade --dry-run --force with %s: exit 2, names the file, prints nothing of it, changes nothing', async (_, make, says) => {
    const { dir, outside } = withOutside();
    writeFileSync(join(outside, 'geheim.txt'), SECRET);
    mkdirSync(join(outside, 'workflows'));
    writeFileSync(join(outside, 'workflows', 'kwaliteit.yml'), SECRET);
    make(dir, outside);
    const before = listing(dir);
    const result = await runMain(['upgrade', dir, '--dry-run', '--force']);
    expect(result.code, result.stdout + result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(says);
    expect(result.stderr).toMatch(/Daarom doe ik niets\.\n.+probeer het opnieuw\.\n$/);
    expect(result.stdout + result.stderr).not.toMatch(/GEHEIM|ghp_/);
    expect(listing(dir)).toEqual(before);
  });

  it('upgrade itself (not only its dry run) refuses a README.md that is a link, and writes nothing', async () => {
    const { dir, outside } = withOutside();
    writeFileSync(join(outside, 'geheim.txt'), SECRET);
    replaceBy(dir, 'README.md', (path) => symlinkSync(join(outside, 'geheim.txt'), path));
    const before = listing(dir);
    await expect(upgrade({ dir, force: true })).rejects.toMatchObject({ code: 'file-is-link', exitCode: 2 });
    expect(listing(dir)).toEqual(before);
    expect(readFileSync(join(outside, 'geheim.txt'), 'utf8')).toBe(SECRET);
  });

  it.each<[string, (path: string, outside: string) => void, string]>([
    ['a FIFO', mkfifo, 'is geen gewoon bestand'],
    ['a link to a package.json outside', (path, outside) => symlinkSync(join(outside, 'package.json'), path), 'is een snelkoppeling'],
  ])('init in a folder whose package.json is %s: exit 2, names the file, writes nothing', async (_, make, says) => {
    const parent = tempDir();
    const dir = join(parent, 'c');
    mkdirSync(dir);
    writeFileSync(join(parent, 'package.json'), '{"dependencies": {"kwaliteit": "0.2.0"}}\n');
    make(join(dir, 'package.json'), parent);
    const result = await runMain(['init', dir, '--name', 'Noord', '--lead', 'OBS De Linde', '--yes']);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${join(dir, 'package.json')} ${says}`);
    expect(readdirSync(dir)).toEqual(['package.json']);
  });

  it('a committed .kwaliteit.lock that links to a file outside: still a lock, and nothing of that file is said', async () => {
    const { dir, outside } = withOutside();
    writeFileSync(join(outside, 'geheim.txt'), `since: ${SECRET}`);
    symlinkSync(join(outside, 'geheim.txt'), join(dir, '.kwaliteit.lock'));
    const before = listing(dir);
    const result = await runMain(['add', dir, '--bouwsteen', 'meso-samenhang', '--question', 'Een vraag?', '--id', 'een-vraag', '--date', '2026-03-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Er is al een ander kwaliteit-commando bezig in deze map. Daarom doe ik nu niets.');
    expect(result.stderr).not.toMatch(/GEHEIM|ghp_/);
    expect(listing(dir)).toEqual(before);
  });

  it('the disk source reads nothing through a folder on the way that is a link', async () => {
    const { dir, outside } = withOutside();
    symlinkSync(outside, join(dir, 'bouwbladen/extern'));
    expect(await diskSource(dir).read('bouwbladen/extern/van-iemand-anders.txt')).toEqual({ ok: false, code: 'symlink' });
    expect((await diskSource(dir).read('bouwbladen/kinderraad/periode-1.md')).ok).toBe(true);
  });
});

describe('a large image, used many times', () => {
  it('is read once, and the report stops embedding images at its limit, with a warning', async () => {
    const dir = copyOf(EXAMPLE);
    // A PNG signature and then 4.9 MB: the report checks the first bytes, not the picture.
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(4.9 * 1024 * 1024, 1)]);
    writeFileSync(join(dir, 'bouwbladen/kinderraad/groot.png'), png);
    const file = join(dir, 'bouwbladen/kinderraad/periode-1.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Stap 3', `${'![Een grote foto](groot.png)\n\n'.repeat(120)}## Stap 3`));
    const out = join(tempDir(), 'r.html');
    const result = await runMain(['report', dir, '--format', 'html', '--out', out, '--date', '2026-03-01']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('past niet meer in het rapport');
    const html = readFileSync(out, 'utf8');
    expect(html.length).toBeLessThan(40 * 1024 * 1024);
    expect((html.match(/data:image\/png;base64,/g) ?? []).length).toBe(4);
  });
});

describe('names that Windows cannot check out', () => {
  it.each(['con', 'nul', 'aux', 'com1', 'lpt9'])('add refuses --id %s, with what to do, and writes nothing', async (id) => {
    const dir = copyOf(EXAMPLE);
    const before = snapshot(dir);
    const result = await runMain(['add', dir, '--bouwsteen', 'meso-samenhang', '--question', 'Een vraag?', '--id', id, '--date', '2026-03-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('op Windows de naam van een apparaat');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('messages that used to leak internals', () => {
  it('bouwbladen as a file: add says what is wrong, exit 2, nothing written', async () => {
    const dir = copyOf(EXAMPLE);
    rmSync(join(dir, 'bouwbladen'), { recursive: true });
    writeFileSync(join(dir, 'bouwbladen'), 'een bestand\n');
    const before = snapshot(dir);
    const result = await runMain(['add', dir, '--bouwsteen', 'meso-samenhang', '--question', 'Een vraag?', '--id', 'een-vraag', '--date', '2026-03-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('een deel van het pad is een bestand en geen map');
    expect(result.stderr).not.toMatch(/ENOTDIR|kwaliteit zelf/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('--timeout 3600000 is refused in Dutch, without a TimeoutOverflowWarning', async () => {
    const result = spawnSync(process.execPath, [BIN, 'report', EXAMPLE, '--timeout', '3600000', '--out', join(tempDir(), 'x.pdf')], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('langer dan een uur');
    expect(result.stderr).not.toMatch(/TimeoutOverflowWarning|Warning/);
  });

  it('init --name with a line break writes nothing its own check would reject', async () => {
    const parent = tempDir();
    const result = await runMain(['init', join(parent, 'c'), '--name', 'Coalitie\nNoord', '--lead', 'OBS De Linde', '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('regeleinde');
    expect(existsSync(join(parent, 'c'))).toBe(false);
  });

  it('periods numbered 1 and 3: new-cycle makes no period 4, and says why', async () => {
    const dir = copyOf(EXAMPLE);
    writeFileSync(join(dir, 'kwaliteit.yaml'), readFileSync(join(dir, 'kwaliteit.yaml'), 'utf8').replace('  - number: 2\n', '  - number: 3\n'));
    const before = snapshot(dir);
    const result = await runMain(['new-cycle', dir, '--yes', '--date', '2026-08-15']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Periode 2 in de lijst heeft nummer 3');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('signals', () => {
  it('a second and third Ctrl+C during new-cycle still leave all or nothing, and no lock or temp file', async () => {
    const dir = copyOf(EXAMPLE);
    const before = listing(dir);
    let presses = 0;
    let listening = 0;
    const result = await withFaults(
      (_path, step) => {
        // Ctrl+C three times in a row, in the middle of putting files in place: each one
        // must still meet kwaliteit's own handler, never the default that kills the process.
        if (step !== 14) return;
        for (; presses < 3; presses++) {
          listening = Math.min(listening || Infinity, process.listenerCount('SIGINT'));
          process.emit('SIGINT');
        }
      },
      () => runMain(['new-cycle', dir, '--from', '2026-08-01', '--to', '2027-01-31', '--date', '2026-08-15']),
    );
    expect(presses).toBe(3);
    expect(listening).toBeGreaterThan(0);
    expect(result.stderr).toContain('Even geduld: ik zet alles terug zoals het was.');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Gestopt. Er is niets opgeslagen.');
    expect(listing(dir)).toEqual(before);
  });

  // SIGHUP is what a closed terminal window sends: the browser runs in a process group of its own, so only
  // kwaliteit can end it (its profile, in the temp folder, goes only after the browser has ended).
  it.skipIf(!testBrowser()).each([
    ['SIGTERM', 'while the browser starts', /De browser starten/],
    ['SIGHUP', 'while it prints', /De PDF maken|De bladzijden tellen/],
  ] as const)('%s %s ends report with 2 and leaves nothing in the temp folder', async (signal, _when, moment) => {
    const temp = tempDir('tmp-');
    const out = tempDir();
    const child = spawn(process.execPath, [BIN, 'report', EXAMPLE, '--out', join(out, 'r.pdf'), '--date', '2026-03-01'], { env: { ...process.env, TMPDIR: temp, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (!child.killed && moment.test(stderr)) child.kill(signal);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code, stderr).toBe(2);
    expect(stderr).toContain('Gestopt. Er is niets opgeslagen.');
    expect(readdirSync(temp)).toEqual([]);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('pipes and the terminal', () => {
  it('check | head -1: a closed pipe ends quietly', async () => {
    const child = spawn(process.execPath, [BIN, 'check', EXAMPLE, '--format', 'json', '--date', '2026-03-01']);
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
  });

  it('output to a full disk (> /dev/full) is exit 2 with a Dutch message, no stack trace', () => {
    if (!existsSync('/dev/full')) return;
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" check "${EXAMPLE}" --format json > /dev/full`], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('de uitvoer kon niet worden geschreven (de schijf is vol)');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('small files that must not take the tool down', () => {
  const gen = fc.oneof(
    fc.tuple(fc.constantFrom('> ', '- ', '* ', '1. ', '  ', '>'), fc.integer({ min: 1, max: 20_000 })).map(([unit, n]) => `${unit.repeat(n)}x`),
    fc.tuple(fc.constantFrom('*a', '_a', '**', '[a](', '[', '`a', '<a', '*a_b'), fc.integer({ min: 1, max: 60_000 })).map(([unit, n]) => unit.repeat(n)),
  );

  it('any nesting depth and any run of emphasis finishes within a bound, as a finding or a parse', () => {
    fc.assert(
      fc.property(gen, (body) => {
        const text = `---\nlevel: meso\n---\n# Titel\n\n## Stap 1 – x\n\n${body}\n`;
        if (Buffer.byteLength(text) > MAX_FILE_BYTES) return;
        const started = performance.now();
        const parsed = parseMarkdownFile(text);
        expect(parsed.tooComplex !== undefined || parsed.body !== undefined).toBe(true);
        // Generous: the bound is about "never a minute", on a busy machine too.
        expect(performance.now() - started).toBeLessThan(4000);
      }),
      { numRuns: 25 },
    );
  });

  it('every rule is linear in the number of files: 5000 bouwbladen check in a few seconds', async () => {
    const coalition = await loadMemory(exampleWith());
    const template = coalition.bouwbladen.find((file) => file.id === 'kinderraad' && file.frontMatter?.period === 1)!;
    const many = Array.from({ length: 5000 }, (_, i) => ({
      ...template,
      id: `extra-${i % 2500}`,
      path: `bouwbladen/extra-${i % 2500}/periode-${1 + (i % 2)}.md`,
      filePeriod: 1 + (i % 2),
      frontMatter: { ...template.frontMatter!, period: 1 + (i % 2) },
    }));
    const started = performance.now();
    const diagnostics = runRules({ ...coalition, bouwbladen: [...coalition.bouwbladen, ...many] }, '2026-08-15');
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(diagnostics.every((d) => !/liep vast/.test(d.message))).toBe(true);
  });
});
