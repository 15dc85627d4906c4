// kwaliteit report --format docx: the Word version of the report. The XML is
// checked for what Word needs (heading styles, the table of contents, header
// rows, language, properties); LibreOffice opens it and prints it to PDF; and a
// bouwblad from it comes back through kwaliteit import with the same steps.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer } from 'docx';
import JSZip from 'jszip';
import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { beforeAll, describe, expect, it } from 'vitest';
import { planImport, readImport } from '../src/commands/import.js';
import { splitFrontMatter } from '../src/markdown/front-matter.js';
import { parseMarkdownFile } from '../src/markdown/sections.js';
import { loadAndCheck, reportInput } from '../src/report/build.js';
import { DOCX_NUMBERING, DocxRenderer } from '../src/report/docx.js';
import { sectionNodes } from '../src/report/markdown-to-html.js';
import { readOutline } from './helpers/pdf-outline.js';
import { copyOf, fixture, tempDir } from './helpers/folders.js';
import { hasPoppler, pdftotext } from './helpers/pdf-tools.js';
import { runMain } from './helpers/run.js';

const DATE = '2026-03-01';
const SECTIONS = [
  'De bouwstenen in één oogopslag',
  'Samenhang op microniveau',
  'Samenwerking op microniveau',
  'Uitvoering op microniveau',
  'Samenhang op mesoniveau',
  'Samenwerking op mesoniveau',
  'Uitvoering op mesoniveau',
  'Samenhang op macroniveau',
  'Samenwerking op macroniveau',
  'Uitvoering op macroniveau',
  'Samenhang tussen de bouwstenen',
  'Bijlage: zo is dit rapport gemaakt',
];
/** The text of the first paragraph, also when it sits in a list. */
function firstParagraph(nodes: RootContent[]): string {
  for (const node of nodes) {
    if (node.type === 'paragraph') return toString(node).replace(/\s+/g, ' ');
    if ('children' in node) {
      const found = firstParagraph(node.children as RootContent[]);
      if (found) return found;
    }
  }
  return '';
}

const hasOffice = () => spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

let root: string;
let out: string;
let zip: JSZip;
const part = async (name: string) => (await zip.file(name)?.async('string')) ?? '';

beforeAll(async () => {
  root = copyOf('examples/voorbeeldcoalitie');
  // A bouwblad from Word with a table, lists and an image, so the report has all of them.
  expect((await runMain(['import', join(fixture('word'), 'inhoud.docx'), root, '--id', 'stem', '--date', DATE])).code).toBe(0);
  out = join(tempDir(), 'rapport.docx');
  const result = await runMain(['report', root, '--format', 'docx', '--out', out, '--date', DATE]);
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain(`Het rapport staat in ${out}`);
  zip = await JSZip.loadAsync(readFileSync(out));
});

it('--out ending in .docx makes the Word report, without a browser', async () => {
  const file = join(tempDir(), 'voor-de-partners.docx');
  const result = await runMain(['report', 'examples/voorbeeldcoalitie', '--out', file, '--date', DATE], { KWALITEIT_BROWSER: '/nonexistent', KWALITEIT_BROWSER_PATHS: '/nergens/chromium', PUPPETEER_EXECUTABLE_PATH: '', CHROME_PATH: '' });
  expect(result.code, result.stderr).toBe(0);
  expect([...readFileSync(file).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  expect((await runMain(['report', 'examples/voorbeeldcoalitie', '--format', 'both', '--out', file])).stderr).toContain('--format is both');
});

describe('the Word report', () => {
  it('has heading styles that follow the outline: sections, bouwblad, period, step', async () => {
    const xml = await part('word/document.xml');
    const headings = [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<w:pStyle w:val="(Heading\d|Title)"\/>(?:(?!<\/w:p>).)*?<\/w:p>/g)].map((m) => [m[1], [...m[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')]);
    const level1 = headings.filter(([style]) => style === 'Heading1').map(([, text]) => text);
    expect(level1).toEqual(SECTIONS);
    // Each heading style carries its outline level, for the navigation pane.
    expect(await part('word/styles.xml')).toMatch(/w:styleId="Heading1">.*?<w:outlineLvl w:val="0"\/>/);
    expect(headings[0]).toEqual(['Title', 'Kwaliteitsrapport Coalitie Kansrijk Rivierstad']);
    expect(headings.filter(([style, text]) => style === 'Heading2' && text === 'Hoe geven we kinderen een stem in het middagprogramma?')).toHaveLength(1);
    expect(headings.filter(([style, text]) => style === 'Heading3' && text.startsWith('Periode 1 van 1 september 2025')).length).toBeGreaterThan(9);
    // 21 bouwblad files of the example plus the imported one, four steps each.
    expect(headings.filter(([style, text]) => style === 'Heading4' && text === 'Stap 1 – Wat is je startvraag?')).toHaveLength(22);
    // Never a level skipped on the way down.
    let previous = 0;
    for (const [style] of headings.filter(([s]) => s !== 'Title')) {
      const level = Number(style.slice(-1));
      expect(level).toBeLessThanOrEqual(previous + 1);
      previous = level;
    }
  });

  it('has a table-of-contents field, tables with header rows, alt text, page numbers and nl-NL', async () => {
    const xml = await part('word/document.xml');
    expect(xml).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-1&quot;<\/w:instrText>/);
    expect(await part('word/settings.xml')).toMatch(/<w:updateFields( w:val="true")?\/>/);
    // The grid, the samenhang table and the table from Word (the example has no open findings).
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(3);
    expect(xml).toMatch(/<wp:docPr [^>]*descr="Stemmen per activiteit: dansen, koken, sport"/);
    expect(Object.keys(zip.files).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
    expect(await part('word/styles.xml')).toMatch(/<w:docDefaults>.*<w:lang w:val="nl-NL"\/>.*<\/w:docDefaults>/s);
    const footer = Object.keys(zip.files).find((name) => /^word\/footer\d*\.xml$/.test(name))!;
    const footerXml = await part(footer);
    expect(footerXml).toContain('PAGE');
    expect(footerXml).toContain('NUMPAGES');
    const core = await part('docProps/core.xml');
    expect(core).toContain('<dc:title>Kwaliteitsrapport Coalitie Kansrijk Rivierstad (concept)</dc:title>');
    expect(core).toContain('<dc:creator>OBS De Regenboog</dc:creator>');
  });

  it('opens in LibreOffice with the headings as its outline, and its text holds every bouwsteen and step of the example', (context) => {
    if (!hasOffice() || !hasPoppler()) return context.skip('LibreOffice (libreoffice-writer) of poppler-utils ontbreekt');
    const dir = tempDir();
    // With bookmarks: LibreOffice makes them from the outline of the headings, as its navigator (and Word's navigation pane) shows it.
    const filter = 'pdf:writer_pdf_Export:{"ExportBookmarks":{"type":"boolean","value":"true"}}';
    const converted = spawnSync('soffice', ['--headless', '--convert-to', filter, '--outdir', dir, out], { encoding: 'utf8', timeout: 120_000 });
    expect(converted.status, converted.stderr).toBe(0);
    const pdf = readFileSync(join(dir, 'rapport.pdf'));
    const outline = readOutline(pdf);
    expect(outline.filter((item) => item.depth === 0).map((item) => item.title)).toEqual(SECTIONS);
    expect(outline.filter((item) => item.depth === 1).map((item) => item.title)).toContain('Hoe geven we kinderen een stem in het middagprogramma?');
    const text = pdftotext(join(dir, 'rapport.pdf'), false).replace(/\s+/g, ' ');
    for (const title of ['De bouwstenen in één oogopslag', 'Samenhang tussen de bouwstenen', 'Bijlage: zo is dit rapport gemaakt']) expect(text).toContain(title);
    for (const level of ['micro', 'meso', 'macro']) {
      for (const aspect of ['Samenhang', 'Samenwerking', 'Uitvoering']) expect(text).toContain(`${aspect} op ${level}niveau`);
    }
    expect(text.split('Stap 4 – Wat is je bijgestelde startvraag?').length - 1).toBe(22);
    // The first words of every step that the example filled in.
    const example = join(root, 'bouwbladen');
    for (const id of ['meso-samenwerking', 'kinderraad', 'gemeenschappelijke-taal', 'macro-uitvoering']) {
      const body = parseMarkdownFile(readFileSync(join(example, id, 'periode-1.md'), 'utf8')).body!;
      for (const step of body.steps) expect(text).toContain(firstParagraph(sectionNodes(body, step.line)).slice(0, 50));
    }
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('round trip: a bouwblad exported to Word comes back through import', () => {
  const plainSteps = (markdown: string) => {
    const body = parseMarkdownFile(markdown).body!;
    return body.steps.map((step) => [step.number, toString({ type: 'root', children: sectionNodes(body, step.line) }).replace(/\s+/g, ' ').trim()]);
  };

  it.each(['meso-samenwerking', 'kinderraad', 'gemeenschappelijke-taal'])('%s: the same step texts, period by period', async (id) => {
    const source = copyOf('examples/voorbeeldcoalitie');
    const checked = await loadAndCheck(source, source, DATE, false);
    const input = await reportInput(checked, 'concept', DATE, false);
    const view = input.model.bouwstenen.flatMap((b) => [b.mandatory, ...b.extras]).find((b) => b?.id === id)!;
    const document = new Document({ numbering: DOCX_NUMBERING, sections: [{ children: new DocxRenderer(input).bouwblad(view) }] });
    const file = join(tempDir(), `${id}.docx`);
    writeFileSync(file, await Packer.toBuffer(document));

    // Into the same coalition without that bouwblad, so nothing is in the way.
    const target = copyOf('examples/voorbeeldcoalitie');
    rmSync(join(target, 'bouwbladen', id), { recursive: true });
    const imported = await readImport({ dir: target, file });
    const plan = await planImport(imported, view.mandatory ? {} : { id });
    expect(plan.id).toBe(id);
    expect(plan.files.map((f) => f.path)).toEqual(view.periods.map((p) => `bouwbladen/${id}/periode-${p.number}.md`));
    for (const planned of plan.files) {
      const original = readFileSync(join(source, planned.path), 'utf8');
      expect(plainSteps(planned.content)).toEqual(plainSteps(original));
      const front = (text: string) => splitFrontMatter(text).yaml!.data as Record<string, unknown>;
      expect(front(planned.content)).toMatchObject({ level: front(original).level, aspect: front(original).aspect, period: front(original).period, mandatory: front(original).mandatory, question: front(original).question, contributors: front(original).contributors });
    }
  });
});
