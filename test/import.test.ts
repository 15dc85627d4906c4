// kwaliteit import with real .docx files made by LibreOffice (see
// test/fixtures/word/README.md): every layout people use, what is kept, what is
// said about what is not, and that check accepts every imported file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadCoalition } from '../src/coalition/load.js';
import { runRules } from '../src/check/run-rules.js';
import { parseMarkdownFile } from '../src/markdown/sections.js';
import { copyOf, fixture, folders, snapshot, tempDir } from './helpers/folders.js';
import { runMain } from './helpers/run.js';

const EXAMPLE = 'examples/voorbeeldcoalitie';
const DATE = '2026-03-01';
const word = (name: string) => join(fixture('word'), name);

afterEach(() => {
  vi.restoreAllMocks();
  vi.doUnmock('../src/cli/prompts.js');
});

function read(root: string, path: string) {
  const text = readFileSync(join(root, path), 'utf8');
  const { frontMatter: { yaml }, body } = parseMarkdownFile(text);
  const parsed = body!;
  const step = (n: number) => parsed.steps.find((s) => s.number === n)!.content.trim();
  const notes = parsed.otherSections.find((s) => s.heading === 'Notities uit Word')?.content.trim();
  return { text, data: yaml!.data as Record<string, unknown>, step, notes, parsed };
}

/** Check's errors (and the warnings named) for these files. */
async function findings(root: string, files: string[], date = DATE) {
  const diagnostics = runRules(await loadCoalition(root), date).filter((d) => files.includes(d.file));
  return diagnostics.filter((d) => d.severity === 'error' || ['stray-files', 'steps-structure', 'raw-html', 'smart-quotes'].includes(d.ruleId)).map((d) => `${d.ruleId} ${d.file}:${d.line ?? ''} ${d.message}`);
}

async function initCoalition(): Promise<string> {
  const root = join(tempDir(), 'nieuw');
  const result = await runMain(['init', root, '--name', 'Coalitie Test', '--lead', 'OBS De Linde', '--municipality', 'Rivierstad', '--subsidy-period', '2025-2028', '--period-from', '2025-09-01', '--period-to', '2026-01-31', '--yes']);
  expect(result.code, result.stderr).toBe(0);
  return root;
}

describe('import: the layouts people use', () => {
  it('steps as headings, with the bouwsteen and the period in the text', async () => {
    const root = copyOf(EXAMPLE);
    const result = await runMain(['import', word('koppen.docx'), root, '--date', DATE]);
    expect(result.code, result.stderr).toBe(0);
    const path = 'bouwbladen/hoe-sluiten-we-aan-bij-wat-kinderen/periode-2.md';
    expect(result.stderr).toContain(`Het bouwblad staat klaar: ${root}/${path}`);
    const file = read(root, path);
    expect(file.data).toMatchObject({ level: 'micro', aspect: 'samenhang', period: 2, mandatory: false, question: 'Hoe sluiten we aan bij wat kinderen thuis lezen?' });
    expect(file.step(1)).toBe(
      'Hoe zorgen we dat de **leesclub** aansluit bij de boeken die kinderen *thuis* lezen?\n\nIn de Molenwijk lezen veel kinderen thuis in het Arabisch of Turks.',
    );
    // Headings inside a step stay below the step; lists keep their nesting and numbers; links stay links.
    expect(file.step(2)).toContain('### Doelen');
    expect(file.step(2)).toMatch(/^- Voor 1 april 2026 hebben 30 kinderen een boek in hun thuistaal gelezen\.\n\n {2}- Verantwoordelijk: Bibliotheek Rivierstad\.$/m);
    expect(file.step(2)).toContain('1. De bibliotheek kiest voor 1 maart 2026 samen met ouders de boeken.\n2. De leesclub komt elke woensdag bij elkaar.');
    expect(file.step(2)).toContain('[de website van de bibliotheek](https://www.bibliotheekrivierstad.nl/leesclub)');
    expect(file.step(4)).toBe('Hoe krijgen we ook de ouders die zelf weinig lezen bij de leesclub?');
    expect(file.notes).toBeUndefined();
    expect(await findings(root, [path])).toEqual([]);
  });

  it('steps as bold paragraphs and plain lines; the empty bouwblad of init is filled with -y', async () => {
    const root = await initCoalition();
    const path = 'bouwbladen/micro-samenwerking/periode-1.md';
    const before = snapshot(root);
    // Without a terminal and without -y, an existing bouwblad is never touched, not even an empty one.
    const refused = await runMain(['import', word('vet.docx'), root, '--bouwsteen', 'micro-samenwerking', '--mandatory', '--period', '1', '--date', '2025-10-01']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${path} (nog niet ingevuld)`);
    expect(refused.stderr).toContain('Geef dan -y mee');
    expect(snapshot(root)).toEqual(before);

    const result = await runMain(['import', word('vet.docx'), root, '--bouwsteen', 'micro-samenwerking', '--mandatory', '--period', '1', '--date', '2025-10-01', '-y']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('vult een bouwblad dat nog leeg was');
    const file = read(root, path);
    expect(file.data).toMatchObject({ level: 'micro', aspect: 'samenwerking', period: 1, mandatory: true, question: 'Hoe werken begeleiders, leerkrachten en ouders samen, zodat elk kind zich welkom en gezien voelt?' });
    expect(file.notes).toBe('Dit schreven we na het teamoverleg van 12 september 2025, met de leerkrachten en de begeleiders van de BSO.');
    expect(file.step(1)).toBe('Hoe zorgen we dat leerkrachten en begeleiders elkaar elke week even spreken?');
    // "Stap 2: …" in bold with the answer after it on the same line.
    expect(file.step(2)).toBe('Voor 1 november 2025 is er op elke school een vast moment van tien minuten. De teamleider van de BSO plant het.');
    // "3. Wat hebben we bereikt?" and "Stap 4 – …" as plain lines.
    expect(file.step(3)).toContain('Op twee scholen lukt het elke week.');
    expect(file.step(4)).toBe('Hoe vinden we op De Vlinderboom een moment dat voor iedereen past?');
    expect(Object.keys(snapshot(root)).filter((p) => !(p in before))).toEqual([]);
    expect(await findings(root, [path], '2025-10-01')).toEqual([]);
  });

  it('the form: a table with the steps in the left column and the answers on the right', async () => {
    const root = copyOf(EXAMPLE);
    const result = await runMain(['import', word('formulier.docx'), root, '--id', 'wisselingen', '--date', DATE]);
    expect(result.code, result.stderr).toBe(0);
    const path = 'bouwbladen/wisselingen/periode-1.md';
    const file = read(root, path);
    expect(file.data).toMatchObject({
      level: 'meso',
      aspect: 'samenwerking',
      period: 1,
      mandatory: false,
      question: 'Hoe houden we de samenwerking tussen scholen en partners in de wijk stevig, ook als mensen van functie of organisatie wisselen?',
      contributors: ['Fatima el Amrani (coördinator, Stichting Welzijn Rivierstad)', 'Tom Visser', 'Esra Kaya'],
    });
    expect(file.step(1)).toBe('Hoe blijft de samenwerking in het Havenkwartier doorgaan als de opbouwwerker vertrekt?\n\nVorig jaar viel het overleg twee keer stil.');
    expect(file.step(2)).toBe('Doelen:\n\n- Voor 1 december 2025 heeft elke wijk een vast aanspreekpunt.\n- Elk kwartaal is er een wijkoverleg.\n\nVerantwoordelijk: Fatima el Amrani.');
    expect(file.step(4)).toBe('Hoe zorgen we dat een nieuwe opbouwwerker snel weet wat er is afgesproken?');
    // The rows with the bouwsteen, question, period and names are in the front-matter, not repeated as notes.
    expect(file.notes).toBeUndefined();
    expect(await findings(root, [path])).toEqual([]);
  });

  it('several periods become one file per period; an empty period is left out and said so', async () => {
    const root = copyOf(EXAMPLE);
    const result = await runMain(['import', word('perioden.docx'), root, '--id', 'bereik', '--date', DATE]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Periode 3 in het document is nog leeg: daarvoor is geen bestand gemaakt.');
    const first = read(root, 'bouwbladen/bereik/periode-1.md');
    const second = read(root, 'bouwbladen/bereik/periode-2.md');
    expect(first.data).toMatchObject({ level: 'meso', aspect: 'uitvoering', period: 1, question: 'Hoe bereiken we de kinderen voor wie het programma bedoeld is?' });
    // The second period is known only by its dates ("van 1 februari 2026 tot 31 juli 2026").
    expect(second.data).toMatchObject({ period: 2 });
    expect(first.notes).toBe('Dit bouwblad houden we bij over het hele schooljaar.');
    expect(first.step(3)).toBe('We spraken 35 ouders. De grootste drempel is de tijd: veel kinderen moeten om vier uur thuis zijn.');
    expect(second.step(1)).toBe('Hoe passen we de tijden aan zodat ook deze kinderen mee kunnen doen?');
    expect(second.step(4)).toBe('Hoe houden we deze kinderen vast na de zomer?');
    expect(folders(join(root, 'bouwbladen/bereik'))).toEqual([]);
    expect(await findings(root, ['bouwbladen/bereik/periode-1.md', 'bouwbladen/bereik/periode-2.md'])).toEqual([]);
  });

  it('lists, a table with merged cells, an image; a comment, tracked changes, a text box and a header are reported', async () => {
    const root = copyOf(EXAMPLE);
    const result = await runMain(['import', word('inhoud.docx'), root, '--id', 'stem', '--date', DATE]);
    expect(result.code, result.stderr).toBe(0);
    const path = 'bouwbladen/stem/periode-1.md';
    const file = read(root, path);
    expect(file.data).toMatchObject({ level: 'micro', aspect: 'uitvoering', period: 1, question: 'Hoe geven we kinderen een stem in het middagprogramma?' });
    // The tracked insertion is in, the tracked deletion ("vier") is not: the accepted text.
    expect(file.step(1)).toBe('We willen echt weten wat kinderen van het aanbod vinden.');
    expect(file.step(2)).toContain('- De kinderraad komt drie keer bij elkaar.');
    expect(file.step(2)).toContain('  - Twee kinderen per school.\n  - Gekozen door de klas.');
    expect(file.step(2)).toContain('1. Tom Visser maakt een uitleg voor de klassen.');
    expect(file.step(2)).toContain('| School       | Bijeenkomsten |            |\n| ------------ | ------------- | ---------- |\n| De Regenboog | 6 november    | 4 december |\n|              | 15 januari    | 29 januari |');
    expect(file.step(2)).toContain('![Stemmen per activiteit: dansen, koken, sport](stemmen-per-activiteit-dansen-koken.png)');
    const image = readFileSync(join(root, 'bouwbladen/stem/stemmen-per-activiteit-dansen-koken.png'));
    expect([...image.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    // The text box's text is kept, as a paragraph after its own.
    expect(file.step(3)).toBe('De kinderraad gaf vier adviezen. De coalitie nam er drie over.\n\nLet op: de kookclub komt later.');
    expect(result.stderr).toContain('Opmerking bij stap 1: "Vragen we het ook aan de ouders?". Opmerkingen worden niet overgenomen.');
    expect(result.stderr).toContain('Bijgehouden wijzigingen (1 stuk tekst toegevoegd, 1 verwijderd): overgenomen alsof ze allemaal zijn geaccepteerd.');
    expect(result.stderr).toContain('1 tekstvak: de tekst staat nu als gewone alinea');
    expect(result.stderr).toContain('Kop- en voetteksten (wat boven of onder aan elke bladzijde staat): niet overgenomen.');
    expect(file.text).not.toContain('Vragen we het ook aan de ouders');
    // The image is referenced, so stray-files has nothing to say; the report embeds it.
    expect(await findings(root, [path, 'bouwbladen/stem/stemmen-per-activiteit-dansen-koken.png'])).toEqual([]);
    const out = join(tempDir(), 'rapport.html');
    expect((await runMain(['report', root, '--format', 'html', '--out', out, '--date', DATE])).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<th>School</th>\n<th>Bijeenkomsten</th>');
    expect(html).toMatch(/<img src="data:image\/png;base64,[^"]+" alt="Stemmen per activiteit: dansen, koken, sport">/);
    expect(html).toContain('<li>Gekozen door de klas.</li>');
  });

  it('a Dutch document: curly quotes stay in the text, non-breaking spaces and soft hyphens do not', async () => {
    const root = copyOf(EXAMPLE);
    const result = await runMain(['import', word('nederlands.docx'), root, '--id', 'ideeen', '--date', DATE]);
    expect(result.code, result.stderr).toBe(0);
    const path = 'bouwbladen/ideeen/periode-1.md';
    const file = read(root, path);
    // The question was the title between curly quotes; it is one of the format's questions of micro-samenhang.
    expect(file.data).toMatchObject({ level: 'micro', aspect: 'samenhang', period: 1, question: 'Hoe weten we wat kinderen zelf graag willen doen, en wat doen we met hun ideeën?' });
    expect(file.step(1)).toBe('De kinderen zeggen: ‘we willen vaker naar buiten’. De coördinator vraagt: “Hoe regelen we dat in de winter?”');
    expect(file.step(2)).toContain('Voor 1 december 2025 houden we een kinderraadvergadering met 12 kinderen; verantwoordelijk: Tom Visser.');
    expect(file.step(2)).toContain('Het e-mailadres');
    expect(file.text).not.toMatch(/[\u00a0\u00ad\u2011\u200b]/);
    expect(file.step(3)).toBe('Eén keer per maand gaan we naar het park. Dat vinden de kinderen ‘super’.');
    expect(await findings(root, [path])).toEqual([]);
  });
});

describe('import: refusals, with nothing changed', () => {
  it('never overwrites a bouwblad with work in it', async () => {
    const root = copyOf(EXAMPLE);
    expect((await runMain(['import', word('koppen.docx'), root, '--id', 'leesclub', '--date', DATE])).code).toBe(0);
    const before = snapshot(root);
    const again = await runMain(['import', word('koppen.docx'), root, '--id', 'leesclub', '--date', DATE, '-y']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Deze bouwbladen bestaan al, en ik overschrijf geen werk');
    expect(again.stderr).toContain('bouwbladen/leesclub/periode-2.md');
    expect(snapshot(root)).toEqual(before);
  });

  it('names the flags that are missing when there is no terminal', async () => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['import', word('vet.docx'), root, '--date', DATE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('zonder terminal kan ik er niet naar vragen: --bouwsteen, --question, --period');
    expect(snapshot(root)).toEqual(before);
  });

  it('--dry-run shows the plan and writes nothing', async () => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['import', word('inhoud.docx'), root, '--date', DATE, '--dry-run']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Dit zou ik maken uit');
    expect(result.stderr).toContain('bouwbladen/hoe-geven-we-kinderen-een-stem/periode-1.md');
    expect(result.stderr).toContain('Er is niets opgeslagen (--dry-run)');
    expect(snapshot(root)).toEqual(before);
  });

  it('a period that kwaliteit.yaml does not have', async () => {
    const root = copyOf(EXAMPLE);
    const result = await runMain(['import', word('vet.docx'), root, '--bouwsteen', 'micro-samenwerking', '--question', 'Hoe spreken we elkaar?', '--period', '5', '--date', DATE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Periode 5 staat niet in kwaliteit.yaml.');
    expect(result.stderr).toContain('new-cycle');
  });

  it.each([
    ['a Word 97 file (.doc)', 'koppen.doc', 'is geen .docx-bestand: het is een ouder Word-bestand (.doc)'],
    ['an OpenDocument file', 'koppen.odt', 'is geen Word-document, maar een OpenDocument-bestand (.odt)'],
    ['a document without steps', 'geen-stappen.docx', 'heb ik geen stappen van een bouwblad gevonden'],
    ['a file that is not there', 'bestaat-niet.docx', 'bestaat niet'],
  ])('%s', async (_name, file, message) => {
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['import', word(file), root, '--date', DATE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(snapshot(root)).toEqual(before);
  });

  it('renamed text, a damaged zip and a zip bomb', async () => {
    const root = copyOf(EXAMPLE);
    const dir = tempDir();
    const text = join(dir, 'tekst.docx');
    writeFileSync(text, 'Stap 1 – Wat is je startvraag?\nGewoon tekst uit Kladblok.\n');
    const damaged = join(dir, 'kapot.docx');
    const real = readFileSync(word('koppen.docx'));
    writeFileSync(damaged, real.subarray(0, Math.floor(real.length / 2)));
    // Made by scripts/word-fixtures.mjs: a 70 kB file whose document part unpacks to 70 MB.
    const bomb = word('bom.docx');
    expect(readFileSync(bomb).length).toBeLessThan(100 * 1024);

    const before = snapshot(root);
    for (const [file, message] of [
      [text, 'is geen Word-document (.docx)'],
      [damaged, 'is beschadigd'],
      [bomb, 'wordt uitgepakt veel te groot'],
    ]) {
      const result = await runMain(['import', file, root, '--date', DATE]);
      expect(result.code, file).toBe(2);
      expect(result.stderr).toContain(message);
    }
    expect(snapshot(root)).toEqual(before);
  });
});

describe('import on a terminal', () => {
  it('asks for what the document does not say: the bouwsteen, the question, the period and the name', async () => {
    const askBouwsteen = vi.fn(async () => 'micro-samenwerking');
    const askImportQuestion = vi.fn(async () => ({ question: 'Hoe spreken leerkrachten en begeleiders elkaar?', mandatory: false }));
    const askImportPeriod = vi.fn(async () => 1);
    const askBouwbladId = vi.fn(async (suggestion: string) => suggestion);
    const confirmImport = vi.fn(async () => true);
    vi.doMock('../src/cli/prompts.js', () => ({ canPrompt: () => true, askBouwsteen, askImportQuestion, askImportPeriod, askBouwbladId, confirmImport }));
    const root = copyOf(EXAMPLE);
    const result = await runMain(['import', word('vet.docx'), root, '--date', DATE]);
    expect(result.code, result.stderr).toBe(0);
    expect((askImportQuestion.mock.calls[0] as unknown[])[0]).toBe('Hoe werken begeleiders, leerkrachten en ouders samen, zodat elk kind zich welkom en gezien voelt?');
    // The period that runs on the date is offered first.
    expect((askImportPeriod.mock.calls[0] as unknown[])[1]).toBe(2);
    expect((askBouwbladId.mock.calls[0] as unknown[])[0]).toBe('hoe-spreken-leerkrachten-en-begeleiders');
    expect(confirmImport).toHaveBeenCalledOnce();
    const file = read(root, 'bouwbladen/hoe-spreken-leerkrachten-en-begeleiders/periode-1.md');
    expect(file.data).toMatchObject({ level: 'micro', aspect: 'samenwerking', period: 1, mandatory: false });
  });

  it('asks nothing the document says, and stops without saving when the answer is no', async () => {
    const confirmImport = vi.fn(async () => false);
    const askBouwbladId = vi.fn(async (suggestion: string) => suggestion);
    vi.doMock('../src/cli/prompts.js', () => ({ canPrompt: () => true, askBouwbladId, confirmImport }));
    const root = copyOf(EXAMPLE);
    const before = snapshot(root);
    const result = await runMain(['import', word('formulier.docx'), root, '--date', DATE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Gestopt. Er is niets opgeslagen.');
    expect(snapshot(root)).toEqual(before);
  });
});

it('never writes through a symbolic link in the bouwbladen folder', async () => {
  const { symlinkSync } = await import('node:fs');
  const root = copyOf(EXAMPLE);
  const outside = tempDir();
  symlinkSync(outside, join(root, 'bouwbladen', 'leesclub'));
  const result = await runMain(['import', word('koppen.docx'), root, '--id', 'leesclub', '--date', DATE]);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('bouwbladen/leesclub is een snelkoppeling');
  expect(snapshot(outside)).toEqual({});
});
