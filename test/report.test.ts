// kwaliteit report, the HTML side and everything that needs no browser.
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { report, reportFileName, resolveOutputs } from '../src/commands/report.js';
import { loadFormat } from '../src/format/load.js';
import { browserCandidates, defaultBrowserPaths, findBrowser } from '../src/report/browser.js';
import { markdownToHtml, type ReportWarning } from '../src/report/markdown-to-html.js';
import { copyOf, snapshot, tempDir } from './helpers/folders.js';
import { expectSafeStructure, headingLevels } from './helpers/report-html.js';
import { REPO, runBin, runMain } from './helpers/run.js';

const EXAMPLE = 'examples/voorbeeldcoalitie';
const DATE = '2026-03-01';
/** Hides every browser on this machine: the test decides where kwaliteit looks. */
const NO_BROWSER_ENV = { KWALITEIT_BROWSER: '/nonexistent', KWALITEIT_BROWSER_PATHS: '/nergens/chromium', PUPPETEER_EXECUTABLE_PATH: '', CHROME_PATH: '' };

describe('kwaliteit report --format html on the example', () => {
  let html: string;
  let stderr: string;
  const titles: string[] = [];

  beforeAll(async () => {
    const format = await loadFormat();
    titles.push(...format.bouwstenen.map((b) => b.title));
    const out = join(tempDir(), 'rapport.html');
    const result = await runMain(['report', EXAMPLE, '--format', 'html', '--out', out, '--date', DATE], { ...NO_BROWSER_ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(out);
    stderr = result.stderr;
    html = readFileSync(out, 'utf8');
  });

  it('is one safe, self-contained, well-structured document', () => {
    expectSafeStructure(html);
    expect(html).toContain('<title>Kwaliteitsrapport Coalitie Kansrijk Rivierstad (concept)</title>');
  });

  it('works without any browser, and tells how far it is on stderr', () => {
    expect(stderr).toContain('De coalitie lezen');
    expect(stderr).toContain('Opgeslagen');
  });

  it('has all nine bouwstenen, in the order of the format, each with the text of its steps', () => {
    expect(titles).toHaveLength(9);
    let at = html.indexOf('<main>');
    for (const title of titles) {
      const heading = html.indexOf(`>${title}</h2>`, at);
      expect(heading, title).toBeGreaterThan(at);
      at = heading;
    }
    expect(html).toContain('Hoe houden we de samenwerking tussen de scholen en de welzijnspartners in onze drie wijken stevig en stabiel');
    expect(html).toContain('De kinderraad startte op 6 november 2025, met 4 meisjes en 2 jongens.');
    expect(html).toContain('<h5>Stap 4 – Wat is je bijgestelde startvraag?</h5>');
  });

  it('shows every period in order as "van … tot …", the mandatory bouwblad before the extra ones', () => {
    const section = html.slice(html.indexOf('id="bouwsteen-micro-uitvoering-sectie"'), html.indexOf('id="bouwsteen-meso-samenhang-sectie"'));
    expect(section).toContain('Periode 1 <span class="period-range">van 1 september 2025 tot 31 januari 2026</span>');
    expect(section.indexOf('Periode 1 <span')).toBeLessThan(section.indexOf('Periode 2 <span'));
    expect(section.indexOf('Verplichte vraag')).toBeLessThan(section.indexOf('Extra bouwblad · Kinderraad'));
    expect(section).toContain('Tom Visser (opbouwwerker Oosterwaard, Stichting Welzijn Rivierstad)');
  });

  it('links each bouwsteen to and from the others (section 2.4 of the handreiking)', () => {
    const section = html.slice(html.indexOf('id="bouwsteen-meso-samenwerking-sectie"'), html.indexOf('id="bouwsteen-meso-uitvoering-sectie"'));
    const out = section.slice(section.indexOf('Dit werk heeft invloed op'), section.indexOf('Invloed vanuit andere bouwstenen'));
    const into = section.slice(section.indexOf('Invloed vanuit andere bouwstenen'));
    expect(out).toContain('href="#bouwsteen-micro-samenwerking"');
    expect(out).toContain('href="#bouwsteen-macro-samenwerking"');
    expect(into).toContain('href="#bouwsteen-macro-samenhang"');
    expect(into).toContain('href="#bouwsteen-micro-samenwerking"');
  });

  it('has the 3×3 grid with the state in words, macro on top as in status, and the samenhang drawing', () => {
    const grid = html.slice(html.indexOf('<table class="grid">'), html.indexOf('</table>', html.indexOf('<table class="grid">')));
    expect(grid.match(/<td class="cell cell-klaar">/g)).toHaveLength(9);
    expect(grid.match(/<span class="state-label">Compleet<\/span>/g)).toHaveLength(9);
    expect(grid).toContain('+ 1 extra bouwblad');
    expect([...grid.matchAll(/<th scope="row"><span>(\w+)<\/span>/g)].map((m) => m[1])).toEqual(['Macroniveau', 'Mesoniveau', 'Microniveau']);
    // Every cell has a slot for its bouwsteen's page in the PDF; the web page leaves it empty.
    expect(grid.match(/<span data-toc-page="bouwsteen-[a-z-]+"><\/span>/g)).toHaveLength(9);
    // The drawing holds links, so it is a group (an image may not hold links), in the same orientation.
    expect(html).toMatch(/<svg class="samenhang"[^>]*role="group"/);
    const drawing = html.slice(html.indexOf('<svg class="samenhang"'));
    expect(drawing.indexOf('aria-label="Samenhang op macroniveau"')).toBeLessThan(drawing.indexOf('aria-label="Samenhang op microniveau"'));
    expect(html).not.toContain('<figure');
    expect(html.match(/<path class="edge/g)!.length).toBeGreaterThan(5);
  });

  it('says at the grid and in the appendix that the mandatory questions are not the official wording', () => {
    const note = 'De verplichte vragen in dit rapport zijn in eigen woorden; de officiële tekst staat in het kwaliteitsformat van OCW.';
    const grid = html.slice(html.indexOf('id="overzicht-sectie"'), html.indexOf('<table class="grid">'));
    const appendix = html.slice(html.indexOf('id="bijlage-sectie"'));
    expect(grid).toContain(note);
    expect(appendix).toContain(note);
    expect(appendix).toContain('<dt>Tekst van de verplichte vragen</dt><dd>In eigen woorden, niet de officiële tekst.');
    // The bundled format names no publisher: nobody but kwaliteit made it.
    expect(html).not.toContain('Uitgever van het format');
    expect(html).not.toMatch(/\(Ministerie van OCW, uitgevoerd door/);
    expect(html).toContain('Verplichte vraag · in eigen woorden');
  });

  it('drops the note, without any code change, for a format file with the official wording, and names its publisher', async () => {
    const { applyFixture, checkFixtures } = await import('./helpers/check-fixtures.js');
    const dir = applyFixture(checkFixtures().find((f) => f.name === 'format-official')!);
    const out = join(tempDir(), 'officieel.html');
    const result = await runMain(['report', dir, '--format', 'html', '--out', out, '--date', DATE], { ...NO_BROWSER_ENV });
    expect(result.code, result.stderr).toBe(0);
    const official = readFileSync(out, 'utf8');
    expect(official).not.toContain('in eigen woorden');
    expect(official).not.toContain('class="wording-note"');
    expect(official).toContain('<p class="bouwblad-label">Verplichte vraag</p>');
    expect(official).toContain('<dt>Uitgever van het format</dt><dd>Gelijke Kansen Alliantie</dd>');
    expect(official).toContain('<dt>Tekst van de verplichte vragen</dt><dd>De officiële tekst. Het kwaliteitsformat van OCW (testgegevens).</dd>');
    expect(official).toContain('(uitgegeven door Gelijke Kansen Alliantie)');
  });

  it('is made the same way in-process and by the built program', () => {
    const out = join(tempDir(), 'rapport.html');
    const result = runBin(['report', EXAMPLE, '--format', 'html', '--out', out, '--date', DATE], { env: NO_BROWSER_ENV });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(html);
  });
});

describe('where kwaliteit report writes', () => {
  it('writes rapport/kwaliteitsrapport-<coalition>.html in the coalition folder and nothing else', async () => {
    const dir = copyOf(EXAMPLE);
    const before = snapshot(dir);
    const result = await runMain(['report', '--format', 'html', '--date', DATE], {}, dir);
    expect(result.code, result.stderr).toBe(0);
    const after = snapshot(dir);
    expect(Object.keys(after).filter((f) => !(f in before))).toEqual(['rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.html']);
    for (const [file, hash] of Object.entries(before)) expect(after[file], file).toBe(hash);
    expect(result.stdout).toContain('rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.html');
  });

  it('the README names the file each format writes: rapport/kwaliteitsrapport-<naam> with .pdf, .html or .docx', async () => {
    const name = reportFileName('Coalitie Kansrijk Rivierstad');
    for (const format of ['pdf', 'html', 'docx'] as const) {
      expect((await resolveOutputs('/c', '/w', format, undefined, name)).paths).toEqual({ [format]: `/c/rapport/${name}.${format}` });
    }
    const named = [...readFileSync(join(REPO, 'README.md'), 'utf8').matchAll(/rapport\/(kwaliteitsrapport[^`\s)]*)/g)].map((match) => match[1]);
    expect(named.length).toBeGreaterThan(2);
    for (const file of named) expect(file).toMatch(new RegExp(`^(kwaliteitsrapport-<naam>|${name})\\.(pdf|html|docx)$`));
  });

  it('replaces an earlier report without leaving temporary files', async () => {
    const dir = copyOf(EXAMPLE);
    expect((await runMain(['report', dir, '--format', 'html', '--date', DATE])).code).toBe(0);
    expect((await runMain(['report', dir, '--format', 'html', '--date', '2026-04-01'])).code).toBe(0);
    expect(Object.keys(snapshot(join(dir, 'rapport')))).toEqual(['kwaliteitsrapport-coalitie-kansrijk-rivierstad.html']);
    expect(readFileSync(join(dir, 'rapport', 'kwaliteitsrapport-coalitie-kansrijk-rivierstad.html'), 'utf8')).toContain('1 april 2026');
  });

  it('refuses an --out between the coalition\'s own files (exit 2), so nothing is ever overwritten', async () => {
    const dir = copyOf(EXAMPLE);
    const before = snapshot(dir);
    for (const out of ['kwaliteit.yaml', 'bouwbladen/kinderraad/periode-1.md', 'verslag.html']) {
      const result = await runMain(['report', dir, '--format', 'html', '--out', join(dir, out), '--date', DATE]);
      expect(result.code, out).toBe(2);
      expect(result.stderr).toContain('buiten');
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('works out the files from --format and --out', async () => {
    const root = '/c';
    expect(await resolveOutputs(root, '/w', undefined, undefined)).toEqual({ format: 'pdf', paths: { pdf: '/c/rapport/kwaliteitsrapport.pdf' } });
    expect(await resolveOutputs(root, '/w', 'both', undefined)).toEqual({
      format: 'both',
      paths: { html: '/c/rapport/kwaliteitsrapport.html', pdf: '/c/rapport/kwaliteitsrapport.pdf' },
    });
    expect((await resolveOutputs(root, '/w', undefined, 'x/verslag.html')).paths).toEqual({ html: '/w/x/verslag.html' });
    expect((await resolveOutputs(root, '/w', 'both', 'verslag.pdf')).paths).toEqual({ html: '/w/verslag.html', pdf: '/w/verslag.pdf' });
    expect((await resolveOutputs(root, '/w', 'pdf', 'verslag')).paths).toEqual({ pdf: '/w/verslag.pdf' });
    expect((await resolveOutputs(root, '/w', undefined, 'verslag.htm')).paths).toEqual({ html: '/w/verslag.htm' });
    expect((await resolveOutputs(root, '/w', 'pdf', 'verslag.v2')).paths).toEqual({ pdf: '/w/verslag.v2' });
    expect((await resolveOutputs(root, '/w', 'html', 'uit/')).paths).toEqual({ html: '/w/uit/kwaliteitsrapport.html' });
    await expect(resolveOutputs(root, '/w', 'pdf', 'verslag.html')).rejects.toThrow(/HTML-bestand/);
    // The name of the coalition goes into the default name, also in a folder given with --out.
    const name = reportFileName('Coalitie Kansrijk Rivierstad');
    expect(name).toBe('kwaliteitsrapport-coalitie-kansrijk-rivierstad');
    expect((await resolveOutputs(root, '/w', 'both', undefined, name)).paths).toEqual({
      html: '/c/rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.html',
      pdf: '/c/rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.pdf',
    });
    expect((await resolveOutputs(root, '/w', 'pdf', 'uit/', name)).paths).toEqual({ pdf: '/w/uit/kwaliteitsrapport-coalitie-kansrijk-rivierstad.pdf' });
    expect((await resolveOutputs(root, '/w', 'pdf', 'verslag.pdf', name)).paths).toEqual({ pdf: '/w/verslag.pdf' });
  });

  it('makes a plain file name of any coalition name', () => {
    expect(reportFileName('Samen Sterk in Zuid-Oost / Den Haag')).toBe('kwaliteitsrapport-samen-sterk-in-zuid-oost-den-haag');
    expect(reportFileName('Coalitie Één & Café')).toBe('kwaliteitsrapport-coalitie-een-cafe');
    expect(reportFileName('«»')).toBe('kwaliteitsrapport');
    expect(reportFileName(undefined)).toBe('kwaliteitsrapport');
    expect(reportFileName('x'.repeat(300)).length).toBeLessThanOrEqual('kwaliteitsrapport-'.length + 60);
  });

  it('says which formats exist when --format is wrong (exit 2)', async () => {
    const result = await runMain(['report', EXAMPLE, '--format', 'word']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('pdf, html, both, docx');
  });
});

describe('concept and definitief', () => {
  /** The example after period 2 has ended, with step 3 of one bouwblad (or more) emptied: an error each for check --final. */
  function withError(bouwbladen = ['meso-samenwerking']): string {
    const dir = copyOf(EXAMPLE);
    for (const id of bouwbladen) {
      const file = join(dir, `bouwbladen/${id}/periode-2.md`);
      const text = readFileSync(file, 'utf8');
      const start = text.indexOf('## Stap 3');
      const end = text.indexOf('## Stap 4');
      // A step whose heading is no heading is an error (an empty step would only be advice before --final).
      writeFileSync(file, `${text.slice(0, start)}### Stap 3 – Wat hebben we bereikt?\n\n<!-- Nog invullen. -->\n\n${text.slice(end)}`);
    }
    return dir;
  }

  it('--final refuses with the findings (exit 1) and writes nothing', async () => {
    const dir = withError();
    const before = snapshot(dir);
    const result = await runMain(['report', dir, '--final', '--format', 'html', '--date', '2026-08-15']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('bouwbladen/meso-samenwerking/periode-2.md');
    expect(result.stdout).toContain('fout');
    expect(result.stderr).toContain('Het rapport is niet gemaakt: bij de eindcontrole is nog 1 fout gevonden (zie hierboven).\nLos die op en probeer het opnieuw.');
    expect(snapshot(dir)).toEqual(before);
  });

  it('--final tells about the findings before it misses a browser', async () => {
    const result = await runMain(['report', withError(), '--final', '--date', '2026-08-15'], NO_BROWSER_ENV);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('browser');
  });

  it('without --final the same folder renders as a concept that names the open findings', async () => {
    const dir = withError();
    const out = join(tempDir(), 'concept.html');
    const result = await runMain(['report', dir, '--format', 'html', '--out', out, '--date', '2026-08-15']);
    expect(result.code, result.stderr).toBe(0);
    // What to fix, precisely: the file as it can be opened from here, the line, the message and the hint.
    const lines = result.stderr.split('\n');
    const at = lines.indexOf('Dit is een concept: bij de controle is nog 1 fout gevonden. Los die op voor het definitieve rapport:');
    expect(at, result.stderr).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(new RegExp(`^  - ${join(dir, 'bouwbladen/meso-samenwerking/periode-2').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.md, regel \\d+: Stap 3 is geen kopje`));
    expect(lines[at + 2]).toMatch(/^    → \S/);
    expect(lines[at + 3]).toBe('Ook de bijlage van het rapport noemt die fout.');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('status-badge status-concept');
    expect(html).toContain('Deze stap is nog niet ingevuld.');
    const appendix = html.slice(html.indexOf('id="bijlage-sectie"'));
    expect(appendix.replace(/<[^>]+>/g, '')).toContain('bouwbladen/meso-samenwerking/periode-2.md');
    expect(appendix).toMatch(/<td>fout<\/td>/);
  });

  it('counts in good Dutch: "zijn nog 2 fouten", each listed', async () => {
    const dir = withError(['meso-samenwerking', 'micro-samenhang']);
    const result = await runMain(['report', dir, '--format', 'html', '--out', join(tempDir(), 'c.html'), '--date', '2026-08-15']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('Dit is een concept: bij de controle zijn nog 2 fouten gevonden. Los ze op voor het definitieve rapport:\n');
    expect(result.stderr).toContain(`  - ${join(dir, 'bouwbladen/meso-samenwerking/periode-2.md')}, regel `);
    expect(result.stderr).toContain(`  - ${join(dir, 'bouwbladen/micro-samenhang/periode-2.md')}, regel `);
    expect(result.stderr).toContain('Ook de bijlage van het rapport noemt ze.');
    const refused = await runMain(['report', dir, '--final', '--format', 'html', '--date', '2026-08-15']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('bij de eindcontrole zijn nog 2 fouten gevonden (zie hierboven).\nLos ze op en probeer het opnieuw.');
  });

  it('--final on a complete folder is definitief, without a concept marker', async () => {
    const out = join(tempDir(), 'definitief.html');
    const result = await runMain(['report', EXAMPLE, '--final', '--format', 'html', '--out', out, '--date', '2026-08-15']);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('status-badge status-definitief');
    expect(html).not.toContain('class="status-badge status-concept"');
    expect(html).toContain('<title>Kwaliteitsrapport Coalitie Kansrijk Rivierstad</title>');
    expect(html).toContain('eindcontrole');
  });
});

describe('finding a browser', () => {
  it('exits 2 with every path it tried, how to install one and the --format html hint', async () => {
    const dir = copyOf(EXAMPLE);
    const before = snapshot(dir);
    for (const result of [await runMain(['report', dir, '--date', DATE], NO_BROWSER_ENV), runBin(['report', dir, '--date', DATE], { env: NO_BROWSER_ENV })]) {
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('Er is geen browser gevonden');
      expect(result.stderr).toContain('  - /nonexistent');
      expect(result.stderr).toContain('  - /nergens/chromium');
      expect(result.stderr).toContain('apt install chromium');
      expect(result.stderr).toContain('--format html');
    }
    expect(snapshot(dir)).toEqual(before);
  });

  it('with --browser, tries only that one', async () => {
    const result = await runMain(['report', EXAMPLE, '--browser', '/geen/browser', '--date', DATE], NO_BROWSER_ENV);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--browser opgaf');
    expect(result.stderr).toContain('  - /geen/browser');
    expect(result.stderr).not.toContain('/nonexistent');
  });

  it('looks in this order: --browser, KWALITEIT_BROWSER, PUPPETEER_EXECUTABLE_PATH, CHROME_PATH, the usual places', () => {
    const env = { KWALITEIT_BROWSER: '/a', PUPPETEER_EXECUTABLE_PATH: '/b', CHROME_PATH: '/c' };
    expect(browserCandidates({ env, candidates: ['/d'] })).toEqual(['/a', '/b', '/c', '/d']);
    expect(browserCandidates({ env, explicit: '/x', candidates: ['/d'] })).toEqual(['/x']);
    expect(findBrowser({ env, candidates: ['/d'], isUsable: (p) => p === '/c' || p === '/d' })).toBe('/c');
    expect(browserCandidates({ env: { KWALITEIT_BROWSER_PATHS: '/e:/f' }, platform: 'linux' })).toEqual(['/e', '/f']);
    expect(browserCandidates({ env: { KWALITEIT_BROWSER_PATHS: '' }, platform: 'linux' })).toEqual([]);
    // --browser chromium: looked up on the PATH.
    expect(browserCandidates({ env: { PATH: '/opt/bin:/usr/bin' }, explicit: 'chromium', platform: 'linux' })).toEqual(['/opt/bin/chromium', '/usr/bin/chromium']);
  });

  it('knows the usual install places of Chrome, Edge and Chromium on each system', () => {
    expect(defaultBrowserPaths('linux', {})).toContain('/usr/bin/chromium');
    expect(defaultBrowserPaths('darwin', { HOME: '/Users/x' })).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    const windows = defaultBrowserPaths('win32', { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\x\\AppData\\Local' });
    expect(windows).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(windows.some((p) => p.endsWith('msedge.exe'))).toBe(true);
  });
});

describe('Markdown in the report', () => {
  const context = { root: REPO, file: 'x.md', headingBase: 3 };

  it('nests headings under the report structure without skipping a level', () => {
    const warnings: ReportWarning[] = [];
    expect(headingLevels(markdownToHtml('# A\n\n### B\n\n###### C\n\n## D', context, warnings))).toEqual([3, 4, 5, 4]);
    expect(headingLevels(markdownToHtml('### A\n\n#### B', { ...context, headingBase: 6 }, warnings))).toEqual([6, 6]);
  });

  it('drops raw HTML and dangerous links, keeps web links as plain links', () => {
    const warnings: ReportWarning[] = [];
    const out = markdownToHtml('<b onclick="x()">vet</b> [a](javascript:alert(1)) [b](https://example.org) [c](andere.md)<x-y>', context, warnings);
    expect(out).toBe('<p>vet a <a href="https://example.org">b</a> c</p>');
  });

  it('escapes what the front-matter says, everywhere it shows up', async () => {
    const dir = copyOf(EXAMPLE);
    const file = join(dir, 'bouwbladen/kinderraad/periode-1.md');
    writeFileSync(
      file,
      readFileSync(file, 'utf8')
        .replace('  - Tom Visser (opbouwwerker Oosterwaard, Stichting Welzijn Rivierstad)', '  - "<img src=x onerror=alert(1)>"')
        .replace(/^question: .*$/m, 'question: "<script>alert(2)</script> Hoeveel invloed?"'),
    );
    const yaml = join(dir, 'kwaliteit.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('name: Coalitie Kansrijk Rivierstad', 'name: "Coalitie <i>Rivier</i>"'));
    const out = join(tempDir(), 'r.html');
    const result = await runMain(['report', dir, '--format', 'html', '--out', out, '--date', DATE]);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    expectSafeStructure(html);
    expect(html).not.toContain('<i>Rivier');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt; Hoeveel invloed?');
  });

  it('drops an image that is a link out of the folder, with a warning', async () => {
    const dir = copyOf(EXAMPLE);
    const outside = join(tempDir(), 'geheim.png');
    writeFileSync(outside, readFileSync(join(REPO, 'test/fixtures/report-hostile/bouwbladen/kinderraad/tekening.png')));
    symlinkSync(outside, join(dir, 'bouwbladen/kinderraad/link.png'));
    mkdirSync(join(dir, 'bouwbladen/kinderraad/plaatjes'));
    writeFileSync(join(dir, 'bouwbladen/kinderraad/plaatjes/goed.png'), readFileSync(outside));
    const file = join(dir, 'bouwbladen/kinderraad/periode-1.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Stap 4', '![link](link.png)\n\n![goed](plaatjes/goed.png)\n\n## Stap 4'));
    const result = await report({ dir, format: 'html', out: join(tempDir(), 'r.html'), date: DATE });
    expect(result.warnings.map((w) => w.message)).toEqual([expect.stringContaining('snelkoppeling')]);
    const html = readFileSync(result.files[0], 'utf8');
    expect(html.match(/data:image\/png;base64/g)).toHaveLength(1);
    rmSync(outside);
    expect(existsSync(outside)).toBe(false);
  });
});
