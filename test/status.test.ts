import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCoalition } from '../src/coalition/load.js';
import { statusOf, type StatusBouwsteen, type StatusReport } from '../src/status/status.js';
import { cellText, renderStatus } from '../src/status/render.js';
import { wrap } from '../src/text/wrap.js';
import { copyOf, snapshot } from './helpers/folders.js';
import { REPO, runBin, runMain } from './helpers/run.js';

const EXAMPLE = 'examples/voorbeeldcoalitie';
const ANSI = /\u001b\[[0-9;]*m/;
const LEVELS = ['macro', 'meso', 'micro'];
const ASPECTS = ['samenhang', 'samenwerking', 'uitvoering'];

function cell(level: string, aspect: string, state: 'leeg' | 'bezig' | 'klaar', steps: number[], extra = 0): StatusBouwsteen {
  const id = `${level}-${aspect}`;
  const entry = (bouwblad: string) => ({ id: bouwblad, file: `bouwbladen/${bouwblad}/periode-3.md`, question: 'Vraag?', state, stepsFilled: steps, problem: null });
  return {
    id,
    level,
    aspect,
    title: id,
    mandatory: entry(id),
    extra: Array.from({ length: extra }, (_, i) => entry(`extra-${id}-${i}`)),
  };
}

function report(overrides: Partial<StatusReport> = {}): StatusReport {
  return {
    version: 2,
    date: '2026-08-02',
    dir: '.',
    name: 'Coalitie Test',
    period: { number: 3, from: '2026-08-01', to: '2027-01-31', phase: 'running', daysLeft: 182 },
    nextPeriod: null,
    levels: LEVELS,
    aspects: ASPECTS,
    bouwstenen: LEVELS.flatMap((level) => ASPECTS.map((aspect) => cell(level, aspect, 'bezig', [1]))),
    unreadable: [],
    next: [{ message: 'Vul stap 2 in.', command: null, files: [] }],
    ...overrides,
  };
}

describe('the status grid (pure)', () => {
  it('puts macro, meso, micro in rows and the aspects in columns, with the state in words', () => {
    const bouwstenen = report().bouwstenen.map((b) =>
      b.id === 'macro-uitvoering' ? cell('macro', 'uitvoering', 'klaar', [1, 2, 3, 4]) : b.id === 'micro-samenhang' ? cell('micro', 'samenhang', 'leeg', [], 2) : b,
    );
    const lines = renderStatus(report({ bouwstenen }), { color: false }).split('\n');
    expect(lines[0]).toBe('Coalitie Test · periode 3');
    const header = lines.find((line) => line.includes('samenhang'))!;
    expect(header.indexOf('samenhang')).toBeLessThan(header.indexOf('samenwerking'));
    expect(header.indexOf('samenwerking')).toBeLessThan(header.indexOf('uitvoering'));
    const rows = lines.filter((line) => /^(macro|meso|micro) /.test(line));
    expect(rows.map((line) => line.split(' ')[0])).toEqual(LEVELS);
    expect(rows[0]).toMatch(/◐ bezig, 1 van 4 .*◐ bezig, 1 van 4 .*● klaar/);
    expect(rows[2]).toMatch(/^micro +│ ○ leeg +│ ◐ bezig/);
    expect(lines[lines.indexOf(rows[2]) + 1]).toMatch(/^ +│ \+ 2 extra bouwbladen/);
    // Every grid line fits in 80 columns.
    for (const line of lines.slice(0, lines.indexOf(''))) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('says the period and its days left, and what to do next with the command', () => {
    const text = renderStatus(
      report({ next: [{ message: 'Periode 3 is voorbij. Begin de volgende periode.', command: 'npx kwaliteit new-cycle', files: [] }] }),
      { color: false },
    );
    expect(text).toContain('Periode 3 loopt van 1 augustus 2026 tot en met 31 januari 2027: nog 182 dagen.');
    expect(text).toContain('Wat nu?\n  → Periode 3 is voorbij. Begin de volgende periode.\n    npx kwaliteit new-cycle\n');
  });

  it.each([
    [{ phase: 'running' as const, daysLeft: 0 }, 'vandaag is de laatste dag'],
    [{ phase: 'running' as const, daysLeft: 1 }, 'nog 1 dag.'],
    [{ phase: 'ended' as const, daysLeft: 0 }, 'Die is voorbij.'],
    [{ phase: 'future' as const, daysLeft: 200 }, 'Die is nog niet begonnen.'],
  ])('describes a period %o', (phase, text) => {
    const period = { number: 3, from: '2026-08-01', to: '2027-01-31', ...phase };
    expect(renderStatus(report({ period }), { color: false }).replace(/\s+/g, ' ')).toContain(text);
  });

  it('is plain text without colour, and coloured with it (words stay the same)', () => {
    const plain = renderStatus(report(), { color: false });
    const coloured = renderStatus(report(), { color: true });
    expect(plain).not.toMatch(ANSI);
    expect(coloured).toMatch(ANSI);
    expect(coloured.replace(new RegExp(ANSI.source, 'g'), '')).toBe(plain);
  });

  it('writes a cell as words', () => {
    expect(cellText(cell('meso', 'samenhang', 'bezig', [1, 2], 1))).toEqual(['◐ bezig, 2 van 4', '+ 1 extra bouwblad']);
    expect(cellText(cell('meso', 'samenhang', 'klaar', [1, 2, 3, 4]))).toEqual(['● klaar']);
    const header = cell('meso', 'samenhang', 'klaar', [1, 2], 1);
    header.mandatory = { ...header.mandatory, state: 'kop-klopt-niet', problem: { line: 4, message: '"period" ontbreekt in de kop van dit bestand.' } };
    expect(cellText(header)).toEqual(['✕ kop klopt niet', '  2 van 4 ingevuld', '+ 1 extra bouwblad']);
  });

  it('wraps long sentences at word boundaries', () => {
    expect(wrap('een twee drie vier', 9, '  ')).toEqual(['een twee', '  drie', '  vier']);
  });
});

describe('the status of the example', () => {
  it('while period 2 runs: every bouwsteen klaar, one extra bouwblad, and a pointer to new-cycle after the period', async () => {
    const status = statusOf(await loadCoalition(join(REPO, EXAMPLE)), '2026-03-01');
    expect(status.period).toEqual({ number: 2, from: '2026-02-01', to: '2026-07-31', phase: 'running', daysLeft: 152 });
    expect(status.bouwstenen.map((b) => b.id)).toEqual(LEVELS.flatMap((l) => ASPECTS.map((a) => `${l}-${a}`)));
    expect(status.bouwstenen.every((b) => b.mandatory.state === 'klaar')).toBe(true);
    expect(status.bouwstenen.find((b) => b.id === 'micro-samenwerking')!.extra.map((e) => e.id)).toEqual(['gemeenschappelijke-taal']);
    expect(status.next).toEqual([
      { message: expect.stringContaining('Na 31 juli 2026 begin je de volgende periode'), command: 'npx kwaliteit new-cycle', files: [] },
    ]);
  });

  it('after period 2: new-cycle is the next thing to do', async () => {
    const status = statusOf(await loadCoalition(join(REPO, EXAMPLE)), '2026-08-03', 'voorbeeld');
    expect(status.period).toMatchObject({ number: 2, phase: 'ended', daysLeft: 0 });
    expect(status.next.at(-1)!.command).toBe('npx kwaliteit new-cycle voorbeeld');
  });

  it('counts a bouwblad as filled exactly as check does, and names what is missing', async () => {
    const root = copyOf(EXAMPLE);
    const path = 'bouwbladen/meso-samenhang/periode-2.md';
    const text = readFileSync(join(root, path), 'utf8');
    // Guidance and a placeholder do not count as content, for check and status alike.
    writeFileSync(join(root, path), text.replace(/## Stap 2 – Wat zijn je doelen en acties\?\n[\s\S]*?(?=## Stap 3)/, '## Stap 2 – Wat zijn je doelen en acties?\n\n<!-- uitleg -->\nnog invullen\n\n'));
    rmSync(join(root, 'bouwbladen/macro-uitvoering/periode-2.md'));
    const status = statusOf(await loadCoalition(root), '2026-03-01');
    const meso = status.bouwstenen.find((b) => b.id === 'meso-samenhang')!;
    expect(meso.mandatory).toMatchObject({ state: 'bezig', stepsFilled: [1, 3, 4] });
    expect(status.bouwstenen.find((b) => b.id === 'macro-uitvoering')!.mandatory).toMatchObject({ file: null, state: 'leeg' });
    expect(status.next.map((n) => n.message)).toEqual([
      expect.stringContaining('geen bouwblad voor de verplichte vraag van macro-uitvoering'),
      'Vul stap 2 in ("Wat zijn je doelen en acties?") bij 1 bouwblad: meso-samenhang.',
    ]);
    expect(status.next[1].files).toEqual([path]);

    const check = JSON.parse((await runMain(['check', root, '--date', '2026-03-01', '--format', 'json'])).stdout);
    const stepFindings = check.coalitions[0].diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'steps-filled');
    expect(stepFindings.map((d: { file: string }) => d.file)).toEqual([path]);
  });

  it('puts bouwbladen that miss the same steps on one line', async () => {
    const root = copyOf(EXAMPLE);
    for (const id of ['eerste', 'tweede']) {
      expect((await runMain(['add', root, '--bouwsteen', 'meso-samenhang', '--question', `Vraag ${id}?`, '--id', id, '--date', '2026-03-01'])).code).toBe(0);
    }
    const status = statusOf(await loadCoalition(root), '2026-03-01');
    expect(status.bouwstenen.find((b) => b.id === 'meso-samenhang')!.extra.map((e) => e.state)).toEqual(['leeg', 'leeg']);
    expect(status.next.map((n) => n.message)).toEqual(['Vul stap 1 en 2 in bij 2 bouwbladen: eerste, tweede.']);
    expect(renderStatus(status, { color: false })).toMatch(/meso +│ ● klaar +│ ● klaar +│ ● klaar\n +│ \+ 2 extra bouwbladen/);
  });

  it('lists files that do not count: a broken header is named as that, not as "niet te lezen"', async () => {
    const root = copyOf(EXAMPLE);
    writeFileSync(join(root, 'bouwbladen/kinderraad/periode-2.md'), '---\nlevel: [\n---\n');
    const status = statusOf(await loadCoalition(root), '2026-03-01');
    expect(status.unreadable).toEqual(['bouwbladen/kinderraad/periode-2.md']);
    expect(status.next[0]).toMatchObject({ files: ['bouwbladen/kinderraad/periode-2.md'] });
    // What is wrong and where, so nobody needs a second command to find out.
    expect(status.next[0].message).toMatch(/^In de kop van bouwbladen\/kinderraad\/periode-2\.md zit een fout, dus telt het bouwblad nog niet mee\. Op regel 2: .+/);
  });

  it('shows a readable bouwblad whose header has a mistake as "kop klopt niet", with the steps that are written', async () => {
    const root = copyOf(EXAMPLE);
    const path = 'bouwbladen/meso-samenhang/periode-2.md';
    writeFileSync(join(root, path), readFileSync(join(root, path), 'utf8').replace('period: 2\n', ''));
    const status = statusOf(await loadCoalition(root), '2026-03-01');
    expect(status.bouwstenen.find((b) => b.id === 'meso-samenhang')!.mandatory).toEqual({
      id: 'meso-samenhang',
      file: path,
      question: 'Hoe vormen de activiteiten van alle partners samen één programma dat past bij de doelen van de coalitie?',
      state: 'kop-klopt-niet',
      stepsFilled: [1, 2, 3, 4],
      problem: { line: 3, message: '"period" ontbreekt in de kop van dit bestand.' },
    });
    const text = renderStatus(status, { color: false });
    expect(text).toMatch(/meso +│ ✕ kop klopt niet +│ ● klaar +│ ● klaar\n +│   4 van 4 ingevuld +│/);
    expect(text).not.toContain('niet te lezen');
    expect(status.next[0].message).toBe(
      `In de kop van ${path} zit een fout, dus telt het bouwblad nog niet mee (stappen 1, 2, 3 en 4 zijn wel ingevuld). Op regel 3: "period" ontbreekt in de kop van dit bestand. Zet in de kop (tussen de twee regels met --- bovenaan) een regel "period: 2", bijvoorbeeld onder de regel "aspect: samenhang".`,
    );
  });

  it('names what check calls an error in a file that counts, with the check command for the folder', async () => {
    const root = copyOf(EXAMPLE);
    const path = 'bouwbladen/meso-samenhang/periode-2.md';
    writeFileSync(join(root, path), readFileSync(join(root, path), 'utf8').replace('## Stap 2', '##Stap 2'));
    const status = statusOf(await loadCoalition(root), '2026-03-01', 'mijn coalitie');
    expect(status.next).toContainEqual({
      message: `Check vindt 1 fout die het rapport tegenhoudt, in ${path}. Check zegt op welke regel, en wat je moet doen.`,
      command: 'npx kwaliteit check "mijn coalitie"',
      files: [path],
    });
  });

  it('shows a mandatory bouwblad it cannot read as "niet te lezen", never as empty', async () => {
    const root = copyOf(EXAMPLE);
    const file = join(root, 'bouwbladen/micro-samenhang/periode-2.md');
    writeFileSync(file, Buffer.from(readFileSync(file, 'utf8').replace(/\n/g, '\r\n'), 'latin1'));
    const status = statusOf(await loadCoalition(root), '2026-03-01');
    expect(status.bouwstenen.find((b) => b.id === 'micro-samenhang')!.mandatory).toMatchObject({ state: 'onleesbaar', file: 'bouwbladen/micro-samenhang/periode-2.md', stepsFilled: [] });
    expect(renderStatus(status, { color: false })).toMatch(/micro +│ ✕ niet te lezen +│/);
    const next = status.next.map((n) => n.message).join('\n');
    expect(next).toContain('Sla het bestand op als UTF-8');
    expect(next).not.toMatch(/geen bouwblad voor de verplichte vraag|micro-samenhang\./);
  });
});

describe('status through the CLI', () => {
  it('prints the grid without colour when NO_COLOR is set or output is not a terminal (built binary)', () => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = runBin(['status', root, '--date', '2026-03-01']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).toContain('Coalitie Kansrijk Rivierstad · periode 2');
    expect(result.stdout.match(/● klaar/g)).toHaveLength(9);
    expect(result.stdout).toContain('+ 1 extra bouwblad');
    expect(snapshot(root)).toEqual(before);
  });

  it('colours the words on a terminal', async () => {
    const { processIo } = await import('../src/cli/io.js');
    const { runStatus } = await import('../src/cli/status.js');
    let out = '';
    const io = { ...processIo(), color: true, stdout: (text: string) => void (out += text) };
    expect(await runStatus(join(REPO, EXAMPLE), { date: '2026-03-01' }, io)).toBe(0);
    expect(out).toMatch(ANSI);
  });

  it('gives JSON for scripts in the documented shape', async () => {
    const result = await runMain(['status', EXAMPLE, '--date', '2026-03-01', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(Object.keys(json)).toEqual(['version', 'date', 'dir', 'name', 'period', 'nextPeriod', 'levels', 'aspects', 'bouwstenen', 'unreadable', 'next']);
    expect(json).toMatchObject({ version: 2, date: '2026-03-01', dir: EXAMPLE, name: 'Coalitie Kansrijk Rivierstad', nextPeriod: null, levels: LEVELS, aspects: ASPECTS, unreadable: [] });
    expect(Object.keys(json.bouwstenen[0])).toEqual(['id', 'level', 'aspect', 'title', 'mandatory', 'extra']);
    expect(Object.keys(json.bouwstenen[0].mandatory)).toEqual(['id', 'file', 'question', 'state', 'stepsFilled', 'problem']);
    expect(Object.keys(json.next[0])).toEqual(['message', 'command', 'files']);
  });

  it('refuses a bad date and a folder without a coalition with exit 2', async () => {
    expect((await runMain(['status', EXAMPLE, '--date', '2026-02-30'])).code).toBe(2);
    const result = runBin(['status', join(REPO, 'src')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('geen coalitie');
  });
});
