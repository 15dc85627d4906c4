// kwaliteit report as PDF: needs a browser and poppler-utils (CI installs
// Debian's chromium and poppler-utils); without them these tests skip and say why.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFormat } from '../src/format/load.js';
import { readOutline } from './helpers/pdf-outline.js';
import { tempDir } from './helpers/folders.js';
import { expectAccessiblePdf, hasQpdf, headingsAtPageEnd, pageTexts, readPdfStructure } from './helpers/pdf-structure.js';
import { pdfinfo, pdfPrinter, pdfSkipReason, pdftotext, testBrowser } from './helpers/pdf-tools.js';
import { runBinAsync, runMain } from './helpers/run.js';

const EXAMPLE = 'examples/voorbeeldcoalitie';
const DATE = '2026-03-01';
const skip = pdfSkipReason();
if (skip) console.warn(`De PDF-tests van kwaliteit report worden overgeslagen: ${skip}.`);
const noQpdf = !hasQpdf();
if (!skip && noQpdf) console.warn('De structuurcontrole van de PDF wordt overgeslagen: qpdf ontbreekt; installeer qpdf.');

/** The line above each bouwsteen's title (printed in capitals). */
const eyebrow = (index: number) => new RegExp(`Bouwsteen ${index + 1} van 9`, 'i');

/** Section title → the page number the table of contents gives it (from `pdftotext -layout`). */
function tocNumbers(pages: string[]): Map<string, number> {
  const toc = pages.find((page) => /^\s*Inhoud\s*$/m.test(page))!;
  const numbers = new Map<string, number>();
  for (const line of toc.split('\n')) {
    const match = /^\s*(\S.*?\S)\s{2,}(\d+)\s*$/.exec(line);
    if (match) numbers.set(match[1], Number(match[2]));
  }
  return numbers;
}

describe.skipIf(Boolean(skip))('kwaliteit report as PDF', () => {
  let dir: string;
  let pdfFile: string;
  let html: string;
  let text: string;
  let pages: string[];
  let titles: string[];
  /** kwaliteit's cache folder for the reports made here (the CLI finds it through XDG_CACHE_HOME; CI='' lets it keep one). */
  let cacheEnv: NodeJS.ProcessEnv;
  // The small documents below share one browser; every report starts its own.
  let progress: string[] = [];
  const printer = pdfPrinter({ executablePath: testBrowser() ?? '', timeoutMs: 120_000, onProgress: (message) => progress.push(message) });

  afterAll(() => printer.close());

  beforeAll(async () => {
    titles = (await loadFormat()).bouwstenen.map((b) => b.title);
    dir = tempDir();
    pdfFile = join(dir, 'rapport.pdf');
    cacheEnv = { XDG_CACHE_HOME: tempDir(), CI: '' };
    const result = await runMain(['report', EXAMPLE, '--format', 'both', '--out', pdfFile, '--date', DATE], cacheEnv);
    html = readFileSync(join(dir, 'rapport.html'), 'utf8');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('De browser starten');
    text = pdftotext(pdfFile);
    pages = text.split('\f');
  }, 120_000);

  it('is a tagged A4 PDF with a title and the Dutch language', () => {
    const info = pdfinfo(pdfFile);
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^Title:\s+Kwaliteitsrapport Coalitie Kansrijk Rivierstad \(concept\)$/m);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$/m);
    expect(Number(/^Pages:\s+(\d+)$/m.exec(info)![1])).toBeGreaterThan(10);
    expect(readFileSync(pdfFile).toString('latin1')).toContain('/Lang (nl-NL)');
  });

  it('has page numbers, the concept marker, all nine bouwstenen and the text of the steps', () => {
    expect(text).toContain('pagina 1 van');
    expect(pages[0]).toContain('CONCEPT');
    for (const title of titles) expect(text, title).toContain(title);
    const flat = pdftotext(pdfFile, false).replace(/\s+/g, ' ');
    expect(flat).toContain('Hoe houden we de samenwerking tussen de scholen en de welzijnspartners in onze drie wijken stevig en stabiel');
    expect(flat).toContain('De kinderraad startte op 6 november 2025, met 4 meisjes en 2 jongens.');
    expect(flat).toContain('Stap 3 – Wat hebben we bereikt?');
  });

  it('has a bookmark for every bouwsteen, pointing at its page', () => {
    const outline = readOutline(readFileSync(pdfFile));
    for (const [index, title] of titles.entries()) {
      const bookmark = outline.find((item) => item.title === title);
      expect(bookmark, title).toBeDefined();
      expect(pages[bookmark!.page! - 1], title).toMatch(eyebrow(index));
    }
    // poppler reads the same outline.
    const dests = pdfinfo(pdfFile, '-dests');
    expect(dests.split('\n').length).toBeGreaterThan(9);
  });

  it.skipIf(noQpdf)('passes the structural check: PDF 1.7, XMP with PDF/UA, bookmarks shown, links described, no untagged content', () => {
    const pdf = expectAccessiblePdf(pdfFile, html);
    // The bouwstenen, their bouwbladen and periods: far fewer than Chrome's one per heading (149), none per step.
    expect(pdf.outline.length).toBeLessThan(60);
    expect(pdf.outline.some((item) => item.title.startsWith('Stap '))).toBe(false);
    expect(pdf.outline.find((item) => item.title.startsWith('Hoe werken begeleiders, leerkrachten en ouders samen'))?.title).toBe(
      'Hoe werken begeleiders, leerkrachten en ouders samen, zodat elk kind zich welkom en gezien voelt?',
    );
  });

  it.skipIf(noQpdf)('draws the contents\' dotted lines on the contents page only', () => {
    // Chrome often (in three of four prints here) drew an element with a CSS transform again on every page, outside
    // what the page shows: a third of every page's content was once the contents' dots, which made printing and
    // finishing the PDF that much slower.
    const { dots } = readPdfStructure(pdfFile);
    const contentsPage = pages.findIndex((page) => /^\s*Inhoud\s*$/m.test(page)) + 1;
    expect(dots[contentsPage - 1]).toBeGreaterThan(100);
    expect(dots.flatMap((count, index) => (count > 0 ? [index + 1] : []))).toEqual([contentsPage]);
  });

  it.skipIf(noQpdf)('has each bookmark on the page of its heading', async () => {
    const { readPdfStructure } = await import('./helpers/pdf-structure.js');
    const texts = pageTexts(pdfFile).map((page) => page.replace(/\s+/g, '').toLowerCase());
    for (const item of readPdfStructure(pdfFile).outline) expect(texts[item.page - 1], item.title).toContain(item.title.replace(/\s+/g, '').toLowerCase());
  });

  it('leaves no heading alone at the bottom of a page', () => {
    expect(headingsAtPageEnd(pdfFile, html)).toEqual([]);
  });

  it('says that the mandatory questions are not the official wording', () => {
    const flat = pdftotext(pdfFile, false).replace(/\s+/g, ' ');
    expect(flat.match(/De verplichte vragen in dit rapport zijn in eigen woorden; de officiële tekst staat in het kwaliteitsformat van OCW\./g)).toHaveLength(2);
  });

  it('shows in each cell of the grid the page of its bouwsteen, macro on top', () => {
    const grid = pages.find((page) => /De bouwstenen in één oogopslag/.test(page) && /bladzijde \d+/.test(page))!;
    const inGrid = [...grid.matchAll(/bladzijde (\d+)/g)].map((m) => Number(m[1]));
    const toc = tocNumbers(pages);
    const order = ['macro', 'meso', 'micro'].flatMap((level) => ['samenhang', 'samenwerking', 'uitvoering'].map((aspect) => titles.find((t) => t.startsWith(aspect[0].toUpperCase() + aspect.slice(1)) && t.endsWith(`${level}niveau`))!));
    // Row by row from the top; within a row the text lines up by height, not by column.
    const rows = (numbers: (number | undefined)[]) => [0, 3, 6].map((at) => [...numbers.slice(at, at + 3)].sort((a, b) => a! - b!));
    expect(rows(inGrid)).toEqual(rows(order.map((title) => toc.get(title))));
  });

  it.skipIf(noQpdf)('has a structural check that sees what Chrome alone leaves, and what finishing it sets', async () => {
    const { readPdfStructure } = await import('./helpers/pdf-structure.js');
    const { finishPdf } = await import('../src/report/pdf-finish.js');
    // The running header is a page-margin box, as in the report: Chrome leaves it untagged.
    const bare = `<!DOCTYPE html><html lang="nl-NL"><head><title>Kaal</title><style>@page { margin: 22mm; @top-left { content: "CONCEPT"; font-size: 8pt; } }</style></head><body><h1>Kop</h1><p><a href="#b">Verder</a></p>
<h2 id="b">Een kop onderaan</h2><div style="break-before: page"><p>Tekst op de volgende bladzijde.</p></div></body></html>`;
    const { pdf } = await printer.print(bare, { toc: [] });
    const file = join(tempDir(), 'kaal.pdf');
    writeFileSync(file, pdf);
    const raw = readPdfStructure(file);
    expect(raw.header).toBe('%PDF-1.4');
    expect(raw.xmp).toBeUndefined();
    expect(raw.catalog['/PageMode']).toBeUndefined();
    expect(raw.untagged.length).toBeGreaterThan(0);
    expect(raw.links.map((link) => link.contents)).toEqual(['']);
    expect(headingsAtPageEnd(file, bare)).toEqual(['bladzijde 1: Een kop onderaan']);

    const finished = join(tempDir(), 'af.pdf');
    const bookmarks = [{ title: 'Kop', level: 1, children: [] }, { title: 'Een kop onderaan', level: 2, children: [] }];
    writeFileSync(finished, await finishPdf(pdf, { title: 'Kaal', language: 'nl-NL', creator: 'test', bookmarks, targets: new Map([['b', 'Een kop onderaan']]) }));
    const done = readPdfStructure(finished);
    expect(done.header).toBe('%PDF-1.7');
    expect(done.untagged).toEqual([]);
    expect(done.orphanMcids).toEqual([]);
    expect(done.links.map((link) => link.contents)).toEqual(['Ga naar: Een kop onderaan']);
    expect(done.outline.map((item) => `${item.depth} ${item.title} p${item.page}`)).toEqual(['0 Kop p1', '0 Een kop onderaan p1']);
    expect(done.structTypes).toEqual(raw.structTypes);
  });

  it('runs no script and lets no request through, even if unsafe HTML got that far', async () => {
    const requests: string[] = [];
    const unsafe = `<!DOCTYPE html><html lang="nl"><head><title>Veilig</title></head><body><h1>Kop</h1>
<img src="http://127.0.0.1:9/x.png"><link rel="stylesheet" href="https://evil.example/x.css">
<script>document.title = 'script liep'; document.body.textContent = 'script liep';</script></body></html>`;
    const { pdf } = await printer.print(unsafe, { toc: [], onRequest: (url) => requests.push(url) });
    expect(requests).toContain('http://127.0.0.1:9/x.png');
    const file = join(tempDir(), 'unsafe.pdf');
    writeFileSync(file, pdf);
    expect(pdfinfo(file)).toMatch(/^Title:\s+Veilig$/m);
    expect(pdftotext(file)).toContain('Kop');
    expect(pdftotext(file)).not.toContain('script liep');
  });

  it('prints once when it knows the pages from an earlier print, and gets them right also from a wrong guess', async () => {
    const doc = `<!DOCTYPE html><html lang="nl"><head><title>Drie</title></head><body>
<nav class="toc"><a href="#a">Eerste <span data-toc-page="a"></span></a> <a href="#b">Tweede <span data-toc-page="b"></span></a></nav>
<h2 id="a" style="break-before: page">Eerste deel</h2><h2 id="b" style="break-before: page">Tweede deel</h2></body></html>`;
    const options = { toc: [{ id: 'a', title: 'Eerste' }, { id: 'b', title: 'Tweede' }] };
    const right = new Map([['a', 2], ['b', 3]]);
    const printWith = async (pages?: Map<string, number>) => {
      progress = [];
      const result = await printer.print(doc, { ...options, ...(pages ? { pages } : {}) });
      const file = join(tempDir(), 'drie.pdf');
      writeFileSync(file, result.pdf);
      return { pages: result.pages, progress, contents: pdftotext(file).split('\f')[0].replace(/\s+/g, ' ').trim() };
    };
    const counted = await printWith();
    expect(counted).toEqual({ pages: right, progress: expect.arrayContaining(['De bladzijden tellen voor de inhoudsopgave…']), contents: 'Eerste 2 Tweede 3' });
    const known = await printWith(right);
    expect(known).toEqual({ pages: right, progress: ['Het rapport in de browser zetten…', 'De PDF maken…'], contents: 'Eerste 2 Tweede 3' });
    const wrong = await printWith(new Map([['a', 7], ['b', 9]]));
    expect(wrong).toEqual({ pages: right, progress: ['Het rapport in de browser zetten…', 'De PDF maken…', 'De PDF opnieuw maken: de bladzijden zijn verschoven…'], contents: 'Eerste 2 Tweede 3' });
    // A guess without every section is no guess.
    expect((await printWith(new Map([['a', 2]]))).progress).toContain('De bladzijden tellen voor de inhoudsopgave…');
  });

  it('makes the same report again with one print, from the page numbers it kept', async () => {
    const again = join(tempDir(), 'opnieuw.pdf');
    const result = await runMain(['report', EXAMPLE, '--format', 'both', '--out', again, '--date', DATE], cacheEnv);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('De bladzijden tellen');
    expect(result.stderr).not.toContain('opnieuw maken');
    expect(tocNumbers(pdftotext(again).split('\f'))).toEqual(tocNumbers(pages));
  });

  it('has the right page numbers in the table of contents', () => {
    const toc = tocNumbers(pages);
    expect(toc.size).toBeGreaterThanOrEqual(12);
    for (const [index, title] of titles.entries()) {
      const page = pages.findIndex((p) => eyebrow(index).test(p)) + 1;
      expect(page, title).toBeGreaterThan(0);
      expect(toc.get(title), title).toBe(page);
    }
    const firstPageWith = (heading: string) => pages.findIndex((p, i) => i > 1 && new RegExp(`^\\s*${heading}\\s*$`, 'm').test(p)) + 1;
    expect(toc.get('Samenhang tussen de bouwstenen')).toBe(firstPageWith('Samenhang tussen de bouwstenen'));
    expect(toc.get('Bijlage: zo is dit rapport gemaakt')).toBe(firstPageWith('Bijlage: zo is dit rapport gemaakt'));
    expect(toc.get('De bouwstenen in één oogopslag')).toBe(firstPageWith('De bouwstenen in één oogopslag'));
  });

  // The built program and the two browsers that never work: mostly waiting, so side by side.
  it.concurrent('is made the same way by the built program, HTML and PDF side by side', async ({ expect }) => {
    const out = join(tempDir(), 'verslag.pdf');
    const result = await runBinAsync(['report', EXAMPLE, '--format', 'both', '--out', out, '--date', DATE, '--final']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('verslag.html');
    expect(result.stdout).toContain('verslag.pdf');
    expect(pdfinfo(out)).toMatch(/^Title:\s+Kwaliteitsrapport Coalitie Kansrijk Rivierstad$/m);
    const binText = pdftotext(out);
    expect(binText).not.toContain('CONCEPT');
    expect(tocNumbers(binText.split('\f'))).toEqual(tocNumbers(pages));
  });

  it.concurrent('stops a browser that hangs, with a clear message (exit 2)', async ({ expect }) => {
    const fake = join(tempDir(), 'hangende-browser');
    writeFileSync(fake, '#!/bin/sh\nexec sleep 30\n');
    chmodSync(fake, 0o755);
    const started = Date.now();
    const result = await runMain(['report', EXAMPLE, '--browser', fake, '--timeout', '1.5', '--out', join(tempDir(), 'x.pdf'), '--date', DATE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('reageerde niet binnen');
    expect(result.stderr).toContain('--format html');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it.concurrent('says so when the browser cannot start (exit 2)', async ({ expect }) => {
    const fake = join(tempDir(), 'kapotte-browser');
    writeFileSync(fake, '#!/bin/sh\necho "kapot" >&2\nexit 3\n');
    chmodSync(fake, 0o755);
    const result = await runMain(['report', EXAMPLE, '--browser', fake, '--out', join(tempDir(), 'x.pdf'), '--date', DATE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('kon niet starten');
  });
});
