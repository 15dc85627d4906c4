// Issue 13's acceptance, tried as a new user would: a coalition made by init
// (in a folder with a space in its name, run from the folder above it), the
// mistakes people make while writing, then a new period and check on its first
// day, halfway and after the end, with and without --strict and --final, in
// all three formats. In-process, on one folder made once.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFormat } from '../src/format/load.js';
import { emptyStep } from '../src/scaffold/guidance.js';
import { tempDir } from './helpers/folders.js';
import { runMain } from './helpers/run.js';

const FOLDER = 'mijn coalitie';
const init = ['init', FOLDER, '--name', 'Coalitie Kansrijk Noord', '--lead', 'OBS De Linde', '--municipality', 'Gemeente Noorddorp', '--subsidy-period', '2025-2028', '--period-from', '2025-09-01', '--period-to', '2026-01-31', '--yes'];
const OLD_GUIDANCE =
  'Schrijf hier je startvraag: wat willen jullie leren of beter doen? Kies een open vraag over iets waar energie op zit of waar het stroef loopt. Dat mag een vraag uit de bouwsteen zijn of een eigen vraag.';
const FILLED: Record<number, string> = {
  1: 'Hoe zorgen we dat kinderen zelf kiezen wat ze na school doen?',
  2: 'Voor 1 december 2025 kiezen 40 kinderen uit groep 6 een activiteit. Verantwoordelijk: de coördinator.',
  3: 'Het lukte bij 35 van de 40 kinderen. Twee scholen vonden de keuzelijst te lang.',
  4: 'Hoe maken we de keuzelijst korter, zodat kinderen zelf kiezen wat ze na school doen?',
};

let cwd: string;
let root: string;
const file = (path: string) => join(root, path);
const read = (path: string) => readFileSync(file(path), 'utf8');
const lineOf = (path: string, text: string) => read(path).split('\n').findIndex((line) => line.includes(text)) + 1;
const check = (...args: string[]) => runMain(['check', FOLDER, ...args], {}, cwd);
type Finding = { ruleId: string; file: string; line: number | null; severity: string; message: string; hint: string | null };
const findings = async (...args: string[]) => {
  const result = await check(...args, '--format', 'json');
  return { code: result.code, diagnostics: JSON.parse(result.stdout).coalitions[0].diagnostics as Finding[] };
};

beforeAll(async () => {
  cwd = tempDir();
  root = join(cwd, FOLDER);
  const made = await runMain(init, {}, cwd);
  expect(made.code, made.stderr).toBe(0);
  expect(made.stderr).toContain(`npx kwaliteit check "${FOLDER}"`);
});

describe('writing in period 1', () => {
  const STEP1 = 'bouwbladen/micro-samenhang/periode-1.md';
  const HEADING = 'bouwbladen/meso-samenhang/periode-1.md';
  const HEADER = 'bouwbladen/macro-samenhang/periode-1.md';
  let originals: Record<string, string>;

  beforeAll(async () => {
    const format = await loadFormat();
    originals = Object.fromEntries([STEP1, HEADING, HEADER].map((path) => [path, read(path)]));
    // As in a bouwblad of the previous version, whose guidance said "Schrijf hier": she typed right there.
    writeFileSync(file(STEP1), originals[STEP1].replace(emptyStep(format.steps[0]), `<!-- ${OLD_GUIDANCE.replace('startvraag: ', `startvraag: ${FILLED[1]} `)} -->`));
    writeFileSync(file(HEADING), originals[HEADING].replace('## Stap 2', '##Stap 2'));
    writeFileSync(file(HEADER), originals[HEADER].replace('period: 1\n', ''));
  });

  it('names every mistake on its own line, with what to do; kwaliteit\'s own writing gets no warning', async () => {
    const pasted = await runMain(['add', FOLDER, '--bouwsteen', 'micro-uitvoering', '--question', '\u201cHoe geven we kinderen een stem?\u201d\n', '--id', 'kinderraad', '--date', '2025-10-01'], {}, cwd);
    expect(pasted.code, pasted.stderr).toBe(0);
    expect(read('bouwbladen/kinderraad/periode-1.md')).toContain('question: Hoe geven we kinderen een stem?\n');

    const { code, diagnostics } = await findings('--date', '2025-10-01');
    expect(code).toBe(1);
    const named = diagnostics.filter((d) => d.ruleId !== 'steps-filled').map((d) => `${d.severity} ${d.ruleId} ${d.file}:${d.line}`);
    expect(named).toEqual([
      `error front-matter-schema ${HEADER}:3`,
      `error steps-structure ${HEADING}:${lineOf(HEADING, '##Stap 2')}`,
      `warning text-in-comment ${STEP1}:${lineOf(STEP1, 'Schrijf hier')}`,
    ]);
    const byRule = Object.fromEntries(diagnostics.map((d) => [d.ruleId, d]));
    expect(byRule['front-matter-schema'].message).toBe('"period" ontbreekt in de kop van dit bestand.');
    expect(byRule['front-matter-schema'].hint).toContain('een regel "period: 1", bijvoorbeeld onder de regel "aspect: samenhang"');
    expect(byRule['steps-structure'].hint).toBe('Zet een spatie na ##: ## Stap 2 – Wat zijn je doelen en acties?');
    expect(byRule['text-in-comment'].message).toContain(`"${FILLED[1].slice(0, 50)}`);
    // The rest is advice: every empty step of a running period, never an error.
    expect(diagnostics.filter((d) => d.ruleId === 'steps-filled').every((d) => d.severity === 'warning')).toBe(true);
  });

  it('status never calls a readable file unreadable', async () => {
    const result = await runMain(['status', FOLDER, '--date', '2025-10-01'], {}, cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/macro +│ ✕ kop klopt niet/);
    expect(result.stdout).not.toContain('niet te lezen');
    expect(result.stdout).toContain('In de kop van bouwbladen/macro-samenhang/periode-1.md zit een fout');
  });

  it('after the fixes, period 1 filled in, new-cycle starts period 2', async () => {
    for (const [path, text] of Object.entries(originals)) writeFileSync(file(path), text);
    const format = await loadFormat();
    for (const id of ['macro-samenhang', 'macro-samenwerking', 'macro-uitvoering', 'meso-samenhang', 'meso-samenwerking', 'meso-uitvoering', 'micro-samenhang', 'micro-samenwerking', 'micro-uitvoering', 'kinderraad']) {
      const path = `bouwbladen/${id}/periode-1.md`;
      writeFileSync(file(path), format.steps.reduce((text, step) => text.replace(emptyStep(step), FILLED[step.number]), read(path)));
    }
    expect((await findings('--date', '2026-01-31')).diagnostics).toEqual([]);
    const started = await runMain(['new-cycle', FOLDER, '--yes', '--date', '2026-02-01'], {}, cwd);
    expect(started.code, started.stderr).toBe(0);
    expect(started.stderr).toContain(`npx kwaliteit status "${FOLDER}"`);
  });
});

describe('the verdicts of period 2: advice while it can still be written, errors only for --final', () => {
  const days = { 'the first day': ['2026-02-01', 'Periode 2 loopt tot en met 30 juni 2026: nog 149 dagen.'], halfway: ['2026-05-01', 'Periode 2 loopt tot en met 30 juni 2026: nog 60 dagen.'] } as const;

  describe.each(Object.entries(days))('on %s', (_name, [date, when]) => {
    it('exit 0 with advice on every step 2, 1 with --strict; --final changes nothing while the period runs', async () => {
      const { code, diagnostics } = await findings('--date', date);
      expect(code).toBe(0);
      expect(diagnostics).toHaveLength(10);
      for (const d of diagnostics) {
        expect(d).toMatchObject({ ruleId: 'steps-filled', severity: 'warning', message: `Stap 2 is nog niet ingevuld. ${when}` });
        expect(d.hint).toBe('Schrijf de doelen en acties op: wat willen jullie bereiken, hoeveel, wie doet wat, en wanneer?');
      }
      expect((await check('--date', date, '--strict')).code).toBe(1);
      const final = await findings('--date', date, '--final');
      expect(final.code).toBe(0);
      // --final also says once that the format's questions are not the official wording (format-wording).
      expect(final.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual([...Array(10).fill('warning steps-filled'), 'warning format-wording']);
      expect((await check('--date', date, '--final', '--strict')).code).toBe(1);
    });

    it('stylish and github say it as advice, with the summary', async () => {
      const stylish = await check('--date', date);
      expect(stylish.stdout).toContain('waarschuwing  Stap 2 is nog niet ingevuld.');
      expect(stylish.stdout).not.toMatch(/\bfout\b/);
      expect(stylish.stdout).toContain('nog geen van de 9 verplichte bouwbladen is klaar, en het extra bouwblad nog niet. Geen fouten en 10 waarschuwingen.');
      expect(stylish.stdout).toContain('Waarschuwingen zijn advies: alleen fouten houden het rapport tegen.');
      const summary = join(tempDir(), 'summary.md');
      const github = await runMain(['check', FOLDER, '--date', date, '--format', 'github'], { GITHUB_STEP_SUMMARY: summary }, cwd);
      expect(github.code).toBe(0);
      const lines = github.stdout.trim().split('\n');
      expect(lines).toHaveLength(10);
      for (const line of lines) expect(line).toMatch(/^::warning file=mijn coalitie\/bouwbladen\/[a-z-]+\/periode-2\.md,line=\d+,col=1,title=steps-filled::Stap 2 is nog niet ingevuld\./);
      const md = readFileSync(summary, 'utf8');
      expect(md).toContain('Geen fouten en 10 waarschuwingen.');
      expect(md).toContain('Waarschuwingen zijn advies');
      expect(md.match(/\| waarschuwing \|/g)).toHaveLength(10);
    });
  });

  describe('after the end', () => {
    const date = '2026-08-15';
    it('still advice (exit 0), 1 with --strict; with --final every empty step of the ended period is an error', async () => {
      const { code, diagnostics } = await findings('--date', date);
      expect(code).toBe(0);
      expect(diagnostics).toHaveLength(30);
      expect(new Set(diagnostics.map((d) => `${d.severity} ${d.message.slice(0, 7)}`))).toEqual(new Set(['warning Stap 2 ', 'warning Stap 3 ', 'warning Stap 4 ']));
      expect(diagnostics[0].message).toMatch(/Periode 2 is voorbij sinds 30 juni 2026\.$/);
      expect((await check('--date', date, '--strict')).code).toBe(1);

      const final = await findings('--date', date, '--final');
      expect(final.code).toBe(1);
      // Period 1 is complete, so every mandatory question has its full round: only the empty steps block the final report.
      expect(final.diagnostics.map((d) => `${d.severity} ${d.ruleId}`)).toEqual([...Array(30).fill('error steps-filled'), 'warning format-wording']);
      expect(final.diagnostics[0].message).toMatch(/Voor het definitieve rapport moet deze stap ingevuld zijn\.$/);
    });

    it('status names the next step with the folder as it must be typed', async () => {
      const result = await runMain(['status', FOLDER, '--date', date], {}, cwd);
      expect(result.stdout).toContain(`npx kwaliteit new-cycle "${FOLDER}"`);
    });

    it('stylish and github show the --final errors as errors', async () => {
      const stylish = await check('--date', date, '--final');
      expect(stylish.code).toBe(1);
      expect(stylish.stdout).toMatch(/fout +Stap 2 is nog niet ingevuld\./);
      expect(stylish.stdout).toContain('30 fouten en 1 waarschuwing.');
      const github = await runMain(['check', FOLDER, '--date', date, '--format', 'github', '--final'], { GITHUB_STEP_SUMMARY: join(tempDir(), 's.md') }, cwd);
      const lines = github.stdout.trim().split('\n');
      expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(30);
      expect(lines.filter((line) => !line.startsWith('::error '))).toEqual([expect.stringMatching(/^::warning .*format-wording/)]);
      const advice = await runMain(['check', FOLDER, '--date', date, '--format', 'github'], { GITHUB_STEP_SUMMARY: join(tempDir(), 's.md') }, cwd);
      expect(advice.stdout.trim().split('\n').every((line) => line.startsWith('::warning '))).toBe(true);
    });
  });
});
