import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { init } from '../src/commands/init.js';
import { folders, tempDir, snapshot } from './helpers/folders.js';
import { withFaults } from './helpers/faults.js';
import { runBinAsync, runMain } from './helpers/run.js';

const answers = {
  name: 'Coalitie Test',
  lead: 'OBS De Linde',
  municipality: ['Gemeente Rivierstad'],
  subsidyPeriod: '2025-2028',
  periodFrom: '2025-09-01',
  periodTo: '2026-01-31',
};

const flags = ['--name', 'Coalitie Test', '--lead', 'OBS De Linde', '--subsidy-period', '2025-2028', '--period-from', '2025-09-01', '--period-to', '2026-01-31', '--yes'];

const LAYOUT = [
  '.github/workflows/kwaliteit.yml',
  '.gitignore',
  '.gitlab-ci.yml',
  'README.md',
  'package.json',
  ...['micro', 'meso', 'macro'].flatMap((level) =>
    ['samenhang', 'samenwerking', 'uitvoering'].flatMap((aspect) => [
      `bouwbladen/${level}-${aspect}/periode-1.md`,
      `bouwstenen/${level}-${aspect}.md`,
    ]),
  ),
  'kwaliteit.yaml',
].sort();

afterEach(() => {
  vi.restoreAllMocks();
  vi.doUnmock('../src/cli/prompts.js');
});

describe('init in-process', () => {
  it('creates the folder contract', async () => {
    const root = join(tempDir(), 'c');
    const result = await init({ ...answers, dir: root });
    expect(Object.keys(snapshot(root)).sort()).toEqual(LAYOUT);
    expect(result.created.sort()).toEqual(LAYOUT);
    const config = readFileSync(join(root, 'kwaliteit.yaml'), 'utf8');
    expect(config).toContain('name: Coalitie Test');
    expect(config).toContain('municipality: Gemeente Rivierstad');
    expect(config).toMatch(/from: 2025-09-01\n\s+to: 2026-01-31/);
    const bouwblad = readFileSync(join(root, 'bouwbladen/meso-samenwerking/periode-1.md'), 'utf8');
    expect(bouwblad).toMatch(/^---\nlevel: meso\naspect: samenwerking\nperiod: 1\nmandatory: true\nquestion: /);
    expect(bouwblad.match(/^## Stap \d – /gm)).toHaveLength(4);
    const bouwsteen = readFileSync(join(root, 'bouwstenen/meso-samenwerking.md'), 'utf8');
    expect(bouwsteen).toContain('# Samenwerking op mesoniveau');
    expect(bouwsteen.match(/^- \*\*.+\*\* \(verplicht\)$/gm)).toHaveLength(1);
  });

  it('refuses a folder that already holds a coalition and changes no byte', async () => {
    const root = join(tempDir(), 'c');
    await init({ ...answers, dir: root });
    writeFileSync(join(root, 'bouwbladen/meso-samenwerking/periode-1.md'), 'ons eigen werk\n');
    const before = snapshot(root);
    await expect(init({ ...answers, dir: root })).rejects.toMatchObject({ code: 'config-exists', exitCode: 2 });
    expect(snapshot(root)).toEqual(before);
  });

  it('leaves existing files untouched and reports them', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'README.md'), 'onze eigen README\n');
    const result = await init({ ...answers, dir: root });
    expect(result.existing).toEqual(['README.md']);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('onze eigen README\n');
  });

  it('writes nothing with dryRun', async () => {
    const root = join(tempDir(), 'c');
    const result = await init({ ...answers, dir: root, dryRun: true });
    expect(result.created.sort()).toEqual(LAYOUT);
    expect(existsSync(root)).toBe(false);
  });

  it('removes what it made when a write fails halfway', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'notities.txt'), 'bewaren\n');
    const before = snapshot(root);
    const beforeWrite = (_path: string, index: number) => {
      if (index === 7) throw Object.assign(new Error('schijf vol'), { code: 'ENOSPC' });
    };
    await expect(withFaults(beforeWrite, () => init({ ...answers, dir: root }))).rejects.toMatchObject({ code: 'dir-not-writable' });
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    [{ periodFrom: '2025-02-30' }, 'invalid-date'],
    [{ periodFrom: '1-9-2025' }, 'invalid-date'],
    [{ periodFrom: '2026-02-01', periodTo: '2026-01-31' }, 'period-order'],
    [{ subsidyPeriod: '2025' }, 'invalid-option'],
    [{ periodFrom: '2024-09-01' }, 'invalid-option'],
    [{ name: '  ' }, 'invalid-option'],
  ])('refuses bad input %o with %s', async (bad, code) => {
    const root = join(tempDir(), 'c');
    await expect(init({ ...answers, ...bad, dir: root })).rejects.toMatchObject({ code, exitCode: 2 });
    expect(existsSync(root)).toBe(false);
  });

  it('says so when a folder name is too long for this computer, and leaves nothing', async () => {
    const parent = tempDir();
    await expect(init({ ...answers, dir: join(parent, 'a'.repeat(300), 'b') })).rejects.toMatchObject({
      code: 'dir-not-writable',
      message: expect.stringContaining('de naam van een map of bestand is te lang voor deze computer'),
      hint: 'Kies een kortere naam, of een map die minder diep ligt.',
    });
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses a file where a folder should be', async () => {
    const file = join(tempDir(), 'bestand');
    writeFileSync(file, 'x');
    await expect(init({ ...answers, dir: file })).rejects.toMatchObject({ code: 'not-a-directory' });
  });

  it.each(['bouwstenen', '.github', 'bouwbladen/meso-samenhang'])('refuses, also with dryRun, when a file stands where the folder %s must come', async (blocked) => {
    const root = tempDir();
    mkdirSync(join(root, 'bouwbladen'), { recursive: true });
    writeFileSync(join(root, blocked), 'een bestand, geen map\n');
    const before = snapshot(root);
    for (const dryRun of [true, false]) {
      await expect(init({ ...answers, dir: root, dryRun })).rejects.toMatchObject({ code: 'folder-blocked', exitCode: 2, message: expect.stringContaining(blocked) });
    }
    expect(snapshot(root)).toEqual(before);
  });

  it.skipIf(process.getuid?.() === 0)('says so when the folder is not writable', async () => {
    const parent = tempDir();
    mkdirSync(join(parent, 'alleen-lezen'));
    chmodSync(join(parent, 'alleen-lezen'), 0o555);
    await expect(init({ ...answers, dir: join(parent, 'alleen-lezen') })).rejects.toMatchObject({ code: 'dir-not-writable' });
  });
});

describe('init through the CLI', () => {
  const asked = (known: Record<string, unknown>) => ({ ...answers, ...Object.fromEntries(Object.entries(known).filter(([, v]) => v !== undefined)) });

  it('asks on a terminal, with mocked prompts, and shows the answers before it writes', async () => {
    vi.doMock('../src/cli/prompts.js', () => ({ canPrompt: () => true, askInitAnswers: vi.fn(async (known: Record<string, unknown>) => asked(known)), confirmInit: vi.fn(async () => 'yes') }));
    const root = join(tempDir(), 'c');
    const prompts = await import('../src/cli/prompts.js');
    const result = await runMain(['init', root, '--name', 'Gevraagd']);
    expect(result.code).toBe(0);
    expect(prompts.askInitAnswers).toHaveBeenCalledWith(expect.objectContaining({ name: 'Gevraagd', lead: undefined }));
    expect(prompts.confirmInit).toHaveBeenCalledWith({ warning: false, valid: true });
    expect(result.stderr).toContain(
      [
        'Dit ga ik maken:',
        `  Map:              ${root} (nieuw)`,
        '  Naam:             Gevraagd',
        '  Penvoerder:       OBS De Linde',
        '  Gemeente:         Gemeente Rivierstad',
        '  Subsidieperiode:  2025-2028',
        '  Eerste periode:   1 september 2025 tot en met 31 januari 2026',
      ].join('\n'),
    );
    expect(readFileSync(join(root, 'kwaliteit.yaml'), 'utf8')).toContain('name: Gevraagd');
  });

  it('"nee" changes one answer, or the folder, without starting over; "stop" writes nothing', async () => {
    const choices = ['change', 'change', 'yes'];
    vi.doMock('../src/cli/prompts.js', () => ({
      canPrompt: () => true,
      askInitAnswers: vi.fn(async (known: Record<string, unknown>) => asked(known)),
      confirmInit: vi.fn(async () => choices.shift()),
      askInitChange: vi.fn().mockResolvedValueOnce('lead').mockResolvedValueOnce('dir'),
      changeInitAnswer: vi.fn(async (field: string, current: Record<string, unknown>) => ({ ...current, [field]: 'OBS Het Anker' })),
      askInitFolder: vi.fn(async () => 'andere-map'),
    }));
    const cwd = tempDir();
    const prompts = await import('../src/cli/prompts.js');
    const result = await runMain(['init', 'eerste-map'], {}, cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(prompts.askInitAnswers).toHaveBeenCalledTimes(1);
    expect(prompts.changeInitAnswer).toHaveBeenCalledWith('lead', expect.objectContaining({ name: 'Coalitie Test', lead: 'OBS De Linde' }));
    expect(prompts.askInitFolder).toHaveBeenCalledWith('eerste-map');
    expect(result.stderr.match(/Dit ga ik maken:/g)).toHaveLength(3);
    expect(existsSync(join(cwd, 'eerste-map'))).toBe(false);
    expect(readFileSync(join(cwd, 'andere-map', 'kwaliteit.yaml'), 'utf8')).toContain('lead: OBS Het Anker');

    vi.doMock('../src/cli/prompts.js', () => ({ canPrompt: () => true, askInitAnswers: vi.fn(async (known: Record<string, unknown>) => asked(known)), confirmInit: vi.fn(async () => 'stop') }));
    const stopped = await runMain(['init', 'nog-een-map'], {}, cwd);
    expect(stopped.code).toBe(0);
    expect(stopped.stderr).toContain('Gestopt. Er is niets opgeslagen.');
    expect(existsSync(join(cwd, 'nog-een-map'))).toBe(false);
  });

  it('says in words of the questions what cannot be used, and offers only to change it or stop', async () => {
    const choices = ['change', 'yes'];
    vi.doMock('../src/cli/prompts.js', () => ({
      canPrompt: () => true,
      askInitAnswers: vi.fn(async () => ({ ...answers, periodTo: '2029-06-30' })),
      confirmInit: vi.fn(async () => choices.shift()),
      askInitChange: vi.fn(async () => 'periodTo'),
      changeInitAnswer: vi.fn(async (_field: string, current: Record<string, unknown>) => ({ ...current, periodTo: '2026-01-31' })),
    }));
    const root = join(tempDir(), 'c');
    const prompts = await import('../src/cli/prompts.js');
    const result = await runMain(['init', root], {}, tempDir());
    expect(result.code, result.stderr).toBe(0);
    expect(prompts.confirmInit).toHaveBeenNthCalledWith(1, { warning: false, valid: false });
    expect(result.stderr.replace(/\s+/g, ' ')).toContain('Dit kan zo niet: De eerste periode (1 september 2025 tot en met 30 juni 2029) valt niet binnen de subsidieperiode 2025-2028.');
    expect(result.stderr).not.toContain('--period-to');
    expect(existsSync(join(root, 'kwaliteit.yaml'))).toBe(true);
  });

  it('warns for a folder that looks like a software project: before the question on a terminal, on stderr without one', async () => {
    const project = tempDir();
    writeFileSync(join(project, 'package.json'), '{"name":"mijn-programma"}');
    mkdirSync(join(project, 'src'));
    vi.doMock('../src/cli/prompts.js', () => ({ canPrompt: () => true, askInitAnswers: vi.fn(async (known: Record<string, unknown>) => asked(known)), confirmInit: vi.fn(async () => 'stop') }));
    const prompts = await import('../src/cli/prompts.js');
    const stopped = await runMain(['init'], {}, project);
    expect(prompts.confirmInit).toHaveBeenCalledWith({ warning: true, valid: true });
    expect(stopped.stderr).toContain('Let op: deze map lijkt een softwareproject, geen map voor een coalitie: er\nstaat een package.json en een map src/ in.');
    expect(existsSync(join(project, 'kwaliteit.yaml'))).toBe(false);

    // A folder made by init has its own package.json, which names kwaliteit: that is no warning.
    const coalition = join(tempDir(), 'c');
    const [result, made] = await Promise.all([runBinAsync(['init', project, ...flags]), runBinAsync(['init', coalition, ...flags])]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^Let op: .* lijkt een softwareproject/);
    expect(made.stderr).not.toContain('softwareproject');
  });

  // The built program in a child process, several at once: these do not depend on each other.
  // Side by side they share the machine, so each gets more time than alone.
  const SIDE_BY_SIDE = 60_000;

  it.concurrent('never prompts without a terminal: missing values name their flags', async ({ expect }) => {
    const root = join(tempDir(), 'c');
    const result = await runBinAsync(['init', root, '--yes']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--name');
    expect(result.stderr).toContain('--lead');
    expect(result.stderr).not.toMatch(/at .+\.js:\d+/);
    expect(existsSync(root)).toBe(false);
  }, SIDE_BY_SIDE);

  it.concurrent('runs the acceptance command, then refuses a second run without changing a byte', async ({ expect }) => {
    const root = join(tempDir(), 'c');
    const first = await runBinAsync(['init', root, ...flags]);
    expect(first.code, first.stderr).toBe(0);
    expect(Object.keys(snapshot(root)).sort()).toEqual(LAYOUT);
    const before = snapshot(root);
    const second = await runBinAsync(['init', root, ...flags]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain('bestaat al');
    expect(snapshot(root)).toEqual(before);
  }, SIDE_BY_SIDE);

  it.concurrent('shows what --dry-run would make and writes nothing', async ({ expect }) => {
    const root = join(tempDir(), 'c');
    const result = await runBinAsync(['init', root, ...flags, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('+ bouwbladen/meso-samenwerking/periode-1.md');
    expect(existsSync(root)).toBe(false);
  }, SIDE_BY_SIDE);

  it.concurrent('gives a Dutch message and exit 2 for an unknown option', async ({ expect }) => {
    const result = await runBinAsync(['init', '--naam', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('De optie --naam bestaat niet');
  }, SIDE_BY_SIDE);
});

describe('init interrupted', () => {
  it('removes what it made when stopped halfway (Ctrl+C)', async () => {
    const root = tempDir();
    const controller = new AbortController();
    const beforeWrite = (_path: string, index: number) => {
      if (index === 5) controller.abort();
    };
    await expect(withFaults(beforeWrite, () => init({ ...answers, dir: root, signal: controller.signal }))).rejects.toMatchObject({ code: 'cancelled' });
    expect(snapshot(root)).toEqual({});
  });
});

describe('init undone leaves the old state exactly', () => {
  // Files and folders both: snapshot() alone would not see an empty folder left behind.
  const listing = (dir: string) => ({ files: snapshot(dir), folders: folders(dir) });
  // The transaction writes every file to a temp file first, then puts each in place: two steps per file.
  const steps = [...LAYOUT, ...LAYOUT].map((_, index) => index);
  const fault = (at: number) => (_path: string, index: number) => {
    if (index === at) throw Object.assign(new Error('schijf vol'), { code: 'ENOSPC' });
  };
  const targets = {
    'a new folder': (parent: string) => join(parent, 'c'),
    'a new folder two levels down': (parent: string) => join(parent, 'a', 'b', 'c'),
    'an existing empty folder': (parent: string) => {
      mkdirSync(join(parent, 'c'));
      return join(parent, 'c');
    },
  };
  const cases = Object.keys(targets).flatMap((target) => steps.map((step) => [target, step] as [keyof typeof targets, number]));

  // Each in a folder of its own and with a fault hook of its own (helpers/faults.ts), so several at
  // once: most of a run is waiting for the file system.
  it.concurrent.for(cases)('a fault while writing into %s, at file %i', async ([target, step], { expect }) => {
    const parent = tempDir();
    const root = targets[target](parent);
    const before = listing(parent);
    await expect(withFaults(fault(step), () => init({ ...answers, dir: root }))).rejects.toMatchObject({ code: 'dir-not-writable' });
    expect(listing(parent)).toEqual(before);
  });

  it.concurrent.for(cases)('Ctrl+C while writing into %s, at file %i', async ([target, step], { expect }) => {
    const parent = tempDir();
    const root = targets[target](parent);
    const before = listing(parent);
    const controller = new AbortController();
    const beforeWrite = (_path: string, index: number) => {
      if (index === step) controller.abort();
    };
    const run = withFaults(beforeWrite, () => init({ ...answers, dir: root, signal: controller.signal }));
    if (step < steps.length - 1) {
      await expect(run).rejects.toMatchObject({ code: 'cancelled' });
      expect(listing(parent)).toEqual(before);
    } else {
      // Stopped during the very last step: that step finishes, so the new state is complete.
      await run;
      expect(Object.keys(snapshot(root)).sort()).toEqual(LAYOUT);
    }
  });

  it.each(Object.keys(targets) as (keyof typeof targets)[])('Ctrl+C before the first file, into %s', async (target) => {
    const parent = tempDir();
    const root = targets[target](parent);
    const before = listing(parent);
    await expect(init({ ...answers, dir: root, signal: AbortSignal.abort() })).rejects.toMatchObject({ code: 'cancelled' });
    expect(listing(parent)).toEqual(before);
  });

  it.concurrent.for(steps)('never removes a folder that was there before, fault at file %i', async (step, { expect }) => {
    const root = tempDir();
    mkdirSync(join(root, 'bouwstenen'));
    mkdirSync(join(root, '.github'));
    mkdirSync(join(root, 'bouwbladen'));
    writeFileSync(join(root, 'bouwbladen/notitie.txt'), 'bewaren\n');
    const before = listing(root);
    await expect(withFaults(fault(step), () => init({ ...answers, dir: root }))).rejects.toMatchObject({ code: 'dir-not-writable' });
    expect(listing(root)).toEqual(before);
  });

  it('keeps a folder it made once someone put a file in it', async () => {
    const parent = tempDir();
    const root = join(parent, 'c');
    const beforeWrite = (path: string) => {
      if (path.startsWith('bouwbladen/') && !existsSync(join(root, 'bouwbladen/notitie.txt'))) {
        writeFileSync(join(root, 'bouwbladen/notitie.txt'), 'bewaren\n');
      }
      if (path === 'kwaliteit.yaml') throw Object.assign(new Error('schijf vol'), { code: 'ENOSPC' });
    };
    await expect(withFaults(beforeWrite, () => init({ ...answers, dir: root }))).rejects.toMatchObject({ code: 'dir-not-writable' });
    expect(folders(parent)).toEqual(['c', 'c/bouwbladen']);
    expect(Object.keys(snapshot(parent))).toEqual(['c/bouwbladen/notitie.txt']);
    expect(readFileSync(join(root, 'bouwbladen/notitie.txt'), 'utf8')).toBe('bewaren\n');
  });
});
