import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitFrontMatter } from '../src/markdown/front-matter.js';
import { parseMarkdownFile } from '../src/markdown/sections.js';
import { slugify, uniqueId } from '../src/text/slug.js';
import { copyOf, snapshot } from './helpers/folders.js';
import { runBin, runMain } from './helpers/run.js';

const EXAMPLE = 'examples/voorbeeldcoalitie';
const QUESTION = 'Hoe weten we wat kinderen zelf graag willen doen, en wat doen we met hun ideeën?';

afterEach(() => {
  vi.restoreAllMocks();
  vi.doUnmock('../src/cli/prompts.js');
});

describe('add with flags (the first through the built binary, the rest in-process)', () => {
  it('creates an extra bouwblad in the running period, which check accepts apart from its empty steps', async () => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = runBin(['add', root, '--bouwsteen', 'micro-samenhang', '--question', `  ${QUESTION} `, '--id', 'ideeen-van-kinderen', '--date', '2026-03-01']);
    expect(result.code, result.stderr).toBe(0);
    const path = 'bouwbladen/ideeen-van-kinderen/periode-2.md';
    expect(result.stderr).toContain(`Het extra bouwblad staat klaar: ${root.replace(/^\//, '/')}/${path}`);
    expect(Object.keys(snapshot(root)).filter((p) => !(p in before))).toEqual([path]);

    const text = readFileSync(join(root, path), 'utf8');
    expect(splitFrontMatter(text).yaml!.data).toEqual({
      level: 'micro',
      aspect: 'samenhang',
      period: 2,
      mandatory: false,
      question: QUESTION,
      links: [],
      contributors: [],
    });
    expect(parseMarkdownFile(text).body!.steps.map((s) => [s.number, s.filled])).toEqual([[1, false], [2, false], [3, false], [4, false]]);

    const check = JSON.parse((await runMain(['check', root, '--date', '2026-03-01', '--format', 'json'])).stdout);
    const found = check.coalitions[0].diagnostics.map((d: { ruleId: string; file: string }) => `${d.ruleId} ${d.file}`);
    expect(found).toEqual([`steps-filled ${path}`, `steps-filled ${path}`]);
  });

  it('with --dry-run says where the bouwblad would go, and writes nothing (not even a lock)', async () => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['add', root, '--bouwsteen', 'micro-samenhang', '--question', QUESTION, '--id', 'ideeen', '--date', '2026-03-01', '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain(`Het extra bouwblad zou komen in: ${root}/bouwbladen/ideeen/periode-2.md`);
    expect(result.stderr).toContain('Er is niets opgeslagen (--dry-run)');
    expect(snapshot(root)).toEqual(before);
    // The same refusals as a real run.
    expect((await runMain(['add', root, '--bouwsteen', 'micro-samenhang', '--question', QUESTION, '--id', 'kinderraad', '--date', '2026-03-01', '--dry-run'])).code).toBe(2);
  });

  it('derives the folder name from the question', async () => {
    const root = copyOf(EXAMPLE);
    const result = await runMain(['add', root, '--bouwsteen', 'meso-samenhang', '--question', 'Hoe zorgen we dat de ouders in Molenwijk écht meedoen aan de activiteiten?', '--date', '2026-03-01']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('bouwbladen/hoe-zorgen-we-dat-de-ouders-in-molenwijk/periode-2.md');
  });

  it('puts it in the next period when it is between two periods', async () => {
    const root = copyOf(EXAMPLE);
    expect((await runMain(['new-cycle', root, '--from', '2026-09-01', '--to', '2027-01-31', '--date', '2026-08-15'])).code).toBe(0);
    const result = await runMain(['add', root, '--bouwsteen', 'meso-samenhang', '--question', 'Een vraag voor na de zomer?', '--id', 'na-de-zomer', '--date', '2026-08-20']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('na-de-zomer/periode-3.md');
  });

  it.each([
    ['an id that exists', ['--bouwsteen', 'micro-uitvoering', '--question', 'Een vraag?', '--id', 'kinderraad'], 'Er is al een bouwblad met de naam "kinderraad"'],
    ['an id derived from a question that has a bouwblad', ['--bouwsteen', 'micro-samenwerking', '--question', 'Hoe spreken we met kinderen en ouders een taal die iedereen begrijpt?', '--id', 'gemeenschappelijke-taal'], 'al een bouwblad'],
    ['the name of a bouwsteen', ['--bouwsteen', 'micro-uitvoering', '--question', 'Een vraag?', '--id', 'micro-uitvoering'], 'verplichte bouwblad'],
    ['an id with capitals', ['--bouwsteen', 'micro-uitvoering', '--question', 'Een vraag?', '--id', 'Kinder Raad'], 'Bijvoorbeeld: kinder-raad'],
    ['an unknown bouwsteen', ['--bouwsteen', 'meso-samenhng', '--question', 'Een vraag?'], 'Bedoel je "meso-samenhang"?'],
    ['an empty question', ['--bouwsteen', 'meso-samenhang', '--question', '  ?  '], 'er staat geen vraag'],
    ['the mandatory question', ['--bouwsteen', 'meso-samenwerking', '--question', 'Hoe maken de partners in de coalitie duidelijke afspraken over rollen, taken en verantwoordelijkheden, en hoe houden we die levend?'], 'bouwbladen/meso-samenwerking/periode-2.md'],
    ['no question without a terminal', ['--bouwsteen', 'meso-samenhang'], '--question'],
  ])('refuses %s: exit 2, nothing written', async (_why, args, text) => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['add', root, ...args, '--date', '2026-03-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(text);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses an id whose folder exists but is empty', async () => {
    const root = copyOf(EXAMPLE);
    mkdirSync(join(root, 'bouwbladen', 'leeg'));
    const result = await runMain(['add', root, '--bouwsteen', 'meso-samenhang', '--question', 'Een vraag?', '--id', 'leeg', '--date', '2026-03-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bouwbladen/leeg/');
  });

  it('refuses when every period has ended, and points to new-cycle', async () => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['add', root, '--bouwsteen', 'meso-samenhang', '--question', 'Een vraag?', '--date', '2026-09-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('npx kwaliteit new-cycle');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses while another command holds the lock', async () => {
    const root = copyOf(EXAMPLE);
    writeFileSync(join(root, '.kwaliteit.lock'), 'since: nu\n');
    const before = snapshot(root);
    const result = await runMain(['add', root, '--bouwsteen', 'meso-samenhang', '--question', 'Een vraag?', '--date', '2026-03-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('.kwaliteit.lock');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('add on a terminal (mocked prompts)', () => {
  it('offers the grid, then the non-mandatory questions, then a folder name', async () => {
    const askBouwsteen = vi.fn(async () => 'micro-samenwerking');
    const askQuestion = vi.fn(async (questions: { text: string; taken?: string }[]) => questions[1].text);
    let check: ((id: string) => Promise<string | undefined>) | undefined;
    const askBouwbladId = vi.fn(async (suggestion: string, validate: (id: string) => Promise<string | undefined>) => {
      check = validate;
      return suggestion;
    });
    vi.doMock('../src/cli/prompts.js', () => ({ canPrompt: () => true, askBouwsteen, askQuestion, askBouwbladId }));
    const root = copyOf(EXAMPLE);
    const result = await runMain(['add', root, '--date', '2026-03-01']);
    expect(result.code, result.stderr).toBe(0);

    const choices = (askBouwsteen.mock.calls[0] as unknown as [{ id: string; group: string; name: string; note?: string }[]])[0];
    // Rows of the grid: macro, meso, micro; columns samenhang, samenwerking, uitvoering.
    expect(choices.map((c) => c.id)).toEqual(['macro', 'meso', 'micro'].flatMap((l) => ['samenhang', 'samenwerking', 'uitvoering'].map((a) => `${l}-${a}`)));
    expect(choices[0].group).toBe('Macroniveau');
    expect(choices.find((c) => c.id === 'micro-samenwerking')).toMatchObject({ name: 'Samenwerking op microniveau', note: 'al 1 extra bouwblad' });

    const questions = (askQuestion.mock.calls[0] as unknown as [{ text: string; taken?: string }[]])[0];
    expect(questions.map((q) => q.text)).not.toContain('Hoe werken begeleiders, leerkrachten en ouders samen, zodat elk kind zich welkom en gezien voelt?');
    expect(questions.find((q) => q.text === 'Hoe spreken we met kinderen en ouders een taal die iedereen begrijpt?')?.taken).toContain('al een bouwblad');

    const picked = questions[1].text;
    const suggestion = (askBouwbladId.mock.calls[0] as unknown as [string])[0];
    expect(suggestion).toBe(slugify(picked));
    expect(await check!('kinderraad')).toContain('al een bouwblad');
    expect(await check!('micro-uitvoering')).toContain('bouwsteen');
    expect(await check!('Met Hoofdletters')).toContain('met-hoofdletters');
    expect(await check!('vrij')).toBeUndefined();

    const written = readFileSync(join(root, `bouwbladen/${suggestion}/periode-2.md`), 'utf8');
    expect(written).toContain(`question: ${picked}`);
    expect(written).toContain('mandatory: false');
  });

  it('asks only what the flags leave open', async () => {
    const askBouwsteen = vi.fn();
    const askQuestion = vi.fn();
    const askBouwbladId = vi.fn(async () => 'eigen-naam');
    vi.doMock('../src/cli/prompts.js', () => ({ canPrompt: () => true, askBouwsteen, askQuestion, askBouwbladId }));
    const root = copyOf(EXAMPLE);
    const result = await runMain(['add', root, '--bouwsteen', 'meso-uitvoering', '--question', 'Onze eigen vraag?', '--date', '2026-03-01']);
    expect(result.code, result.stderr).toBe(0);
    expect(askBouwsteen).not.toHaveBeenCalled();
    expect(askQuestion).not.toHaveBeenCalled();
    expect(askBouwbladId).not.toHaveBeenCalled();
    expect(result.stderr).toContain('bouwbladen/onze-eigen-vraag/periode-2.md');
  });

  it('stops cleanly on Ctrl+C', async () => {
    const { errors } = await import('../src/errors.js');
    vi.doMock('../src/cli/prompts.js', () => ({
      canPrompt: () => true,
      askBouwsteen: vi.fn(async () => 'meso-samenhang'),
      askQuestion: vi.fn(async () => Promise.reject(errors.cancelled())),
      askBouwbladId: vi.fn(),
    }));
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['add', root, '--date', '2026-03-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Er is niets opgeslagen');
    expect(snapshot(root)).toEqual(before);
  });
});

it('refuses a folder name too long for the file system, before writing anything', async () => {
  const root = copyOf(EXAMPLE);
  const before = snapshot(root);
  const result = await runMain(['add', root, '--bouwsteen', 'meso-samenhang', '--question', QUESTION, '--id', 'a'.repeat(300), '--date', '2026-03-01']);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('bij --id klopt niet: de naam is 300 tekens lang.');
  expect(snapshot(root)).toEqual(before);
});

describe('add on a full or read-only disk (injected faults)', () => {
  it.each([
    ['ENOSPC', 'de schijf is vol'],
    ['EACCES', 'geen schrijfrechten'],
    ['EROFS', 'geen schrijfrechten'],
  ])('%s: exit 2 with a Dutch message, and no file or folder left behind', async (code, reason) => {
    // The folder for the new bouwblad is made first; the write inside it fails.
    vi.resetModules();
    vi.doMock('node:fs/promises', async (importOriginal) => {
      const real = await importOriginal<typeof import('node:fs/promises')>();
      const open = (async (path: string, ...rest: unknown[]) => {
        if (String(path).includes('/bouwbladen/ideeen/')) throw Object.assign(new Error('nee'), { code });
        return (real.open as (...args: unknown[]) => unknown)(path, ...rest);
      }) as typeof real.open;
      return { ...real, open, default: { ...real, open } };
    });
    const { runMain: fresh } = await import('./helpers/run.js');
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await fresh(['add', root, '--bouwsteen', 'micro-samenhang', '--question', QUESTION, '--id', 'ideeen', '--date', '2026-03-01']);
    vi.doUnmock('node:fs/promises');
    vi.resetModules();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`In de map ${root} kan niets worden opgeslagen (${reason}).`);
    // The hint fits the cause: rights are no help on a full disk.
    expect(result.stderr).toContain(code === 'ENOSPC' ? 'Maak ruimte vrij op de schijf' : 'vraag de beheerder om schrijfrechten');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(root)).toEqual(before);
    expect(existsSync(join(root, 'bouwbladen/ideeen'))).toBe(false);
  });
});

describe('folder names from questions', () => {
  it.each([
    ['Hoeveel invloed hebben kinderen op wat zij doen en hoe het gaat?', 'hoeveel-invloed-hebben-kinderen'],
    ['Hoe houden we het huiswerkclubje in de Molenwijk gezellig én nuttig?', 'hoe-houden-we-het-huiswerkclubje'],
    ['Ouders & école: één taal!', 'ouders-ecole-een-taal'],
    ['Kinderraad', 'kinderraad'],
    ['?!', ''],
  ])('%s → %s', (question, slug) => {
    expect(slugify(question)).toBe(slug);
    expect(slug.length).toBeLessThanOrEqual(40);
  });

  it('never cuts a word in half unless the word alone is too long', () => {
    expect(slugify('a'.repeat(50))).toBe('a'.repeat(40));
  });

  it('adds a number when the name is taken', () => {
    expect(uniqueId('kinderraad', (id) => ['kinderraad', 'kinderraad-2'].includes(id))).toBe('kinderraad-3');
  });
});
