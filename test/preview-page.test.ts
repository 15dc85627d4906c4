// The preview's page, made in memory: the report with each finding of the
// check at its bouwblad and step, a marker with guidance at every open step, a
// summary on top, and one script allowed by its hash. The report itself stays
// without any of it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFormat } from '../src/format/load.js';
import { buildReport } from '../src/report/build.js';
import { exampleFiles, exampleWith, checkMemory } from './helpers/memory.js';
import { headingLevels } from './helpers/report-html.js';
import { REPO } from './helpers/run.js';

const DATE = '2026-03-01';
const FILE = 'bouwbladen/meso-samenwerking/periode-2.md';
const page = {
  script: readFileSync(join(REPO, 'templates/preview/client.js'), 'utf8'),
  css: readFileSync(join(REPO, 'templates/preview/preview.css'), 'utf8'),
};

async function previewOf(files: Record<string, string | Uint8Array>, date = DATE): Promise<string> {
  return (await buildReport(await checkMemory(files, date), 'concept', date, false, page)).html;
}

/** The example with step 2 and 3 of one bouwblad left open. */
function withOpenSteps(): Record<string, string | Uint8Array> {
  const text = String(exampleFiles()[FILE]);
  const open = text.replace(/(## Stap 2[^\n]*\n)[\s\S]*?(## Stap 4)/, '$1\n<!-- nog invullen -->\n\n## Stap 3 – Wat hebben we bereikt?\n\nTODO\n\n$2');
  return exampleWith({ [FILE]: open });
}

/** The period section of a file, found by the id the preview gives it. */
const sectionOf = (html: string, file: string) => {
  const id = `bestand-${file.replace(/[^a-z0-9-]+/g, '-')}`;
  const start = html.indexOf(`<section class="period" id="${id}">`);
  expect(start, id).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</section>\n</section>', start));
};
const stepOf = (period: string, number: number) => {
  const start = period.indexOf(`<h5>Stap ${number} `);
  return period.slice(start, period.indexOf('</section>', start));
};

describe('the preview page', () => {
  it('shows a finding under the step it is about, with what to write there', async () => {
    const html = await previewOf(withOpenSteps());
    const format = await loadFormat();
    const period = sectionOf(html, FILE);
    const step2 = stepOf(period, 2);
    expect(step2).toContain('Deze stap is nog niet ingevuld.');
    expect(step2).toContain('<span class="preview-kind">Waarschuwing</span> Stap 2 is nog niet ingevuld. Periode 2 loopt tot en met 31 juli 2026: nog 152 dagen.');
    expect(step2).toContain('Schrijf de doelen en acties op: wat willen jullie bereiken, hoeveel, wie doet wat, en wanneer?');
    expect(step2).toContain(`<p class="preview-todo-label">Wat schrijf je hier?</p><p>${format.steps[1].guidance}</p>`);
    // Step 3 is not due yet in a running period: marked as open, without a finding.
    const step3 = stepOf(period, 3);
    expect(step3).toContain('Wat schrijf je hier?');
    expect(step3).not.toContain('preview-finding');
    // The filled steps get nothing extra.
    expect(stepOf(period, 1)).not.toContain('preview-');
    expect(stepOf(period, 4)).not.toContain('preview-');
  });

  it('starts with a summary that counts and links to each file with findings, then the raster', async () => {
    const html = await previewOf(withOpenSteps());
    const body = html.slice(html.indexOf('<body'));
    expect(body).toMatch(/^<body class="report-concept preview">\n<header class="preview-summary" id="samenvatting" data-errors="0" data-warnings="1">/);
    const summary = body.slice(0, body.indexOf('</header>'));
    expect(summary).toContain('<h1>Coalitie Kansrijk Rivierstad</h1>');
    expect(summary).toContain('Periode 2 (1 februari 2026 – 31 juli 2026, nog 152 dagen): 8 van de 9 verplichte bouwbladen zijn klaar, en het extra bouwblad ook.');
    expect(summary).toContain('Bij de controle: geen fouten en 1 waarschuwing. Fouten los je op voor het definitieve rapport; waarschuwingen zijn advies.');
    expect(summary).toContain(`<a href="#bestand-bouwbladen-meso-samenwerking-periode-2-md">${FILE}</a> <span class="preview-where">1 waarschuwing</span>`);
    // Cover and contents are for the printed report; the page begins at the raster.
    expect(body).not.toContain('class="cover"');
    expect(body).not.toContain('class="toc"');
    expect(body.indexOf('<main>\n<section class="chapter" id="overzicht-sectie"')).toBeGreaterThan(0);
  });

  it('keeps the structure of the report: one h1, no skipped heading, every link lands', async () => {
    const html = await previewOf(withOpenSteps());
    expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
    const levels = headingLevels(html);
    levels.forEach((level, i) => i > 0 && expect(level, `heading ${i}`).toBeLessThanOrEqual(levels[i - 1] + 1));
    const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
    for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) expect(ids).toContain(target);
  });

  it('has one script, its own, allowed by its hash and by nothing else', async () => {
    const html = await previewOf(exampleFiles());
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(scripts[0][1]).toBe(page.script);
    const hash = createHash('sha256').update(page.script).digest('base64');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1];
    expect(csp).toBe(`default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; script-src 'sha256-${hash}'; connect-src 'self'`);
    expect(html).toContain('<title>Kwaliteitsrapport Coalitie Kansrijk Rivierstad (live voorbeeld)</title>');
  });

  it('puts what has no bouwblad (kwaliteit.yaml, a file it cannot read) in the summary or in its place', async () => {
    const config = String(exampleFiles()['kwaliteit.yaml']).replace(/municipality:\n  - .*\n/, '');
    const html = await previewOf(exampleWith({ 'kwaliteit.yaml': config, [FILE]: new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]) }));
    const summary = html.slice(html.indexOf('<header class="preview-summary"'), html.indexOf('</header>'));
    expect(summary).toContain('En over de rest van de map:');
    expect(summary).toMatch(/<span class="preview-kind">Waarschuwing<\/span> [^<]*gemeente[^<]*<span class="preview-where">\(kwaliteit\.yaml, regel \d+\)/);
    // The mandatory bouwblad that cannot be read says why, where the reader expects it.
    const period = sectionOf(html, FILE);
    expect(period).toContain('Voor deze periode is nog geen bouwblad ingevuld.');
    expect(period).toContain('<span class="preview-kind">Fout</span> Dit bestand is opgeslagen als &quot;Unicode&quot; (UTF-16). kwaliteit leest alleen UTF-8.');
  });

  it('never reprints markup from a file, also not in a finding', async () => {
    const text = String(exampleFiles()[FILE]).replace('## Stap 2', '<b onclick="alert(1)">vet</b>\n\n## Stap 2');
    const html = await previewOf(exampleWith({ [FILE]: text }));
    const step1 = stepOf(sectionOf(html, FILE), 1);
    expect(step1).toContain('<span class="preview-kind">Waarschuwing</span> Hier staat HTML-code (…). Die wordt niet in het rapport getoond.');
    expect(html).not.toContain('onclick');
    expect(html).not.toContain('&lt;b');
  });

  it('leaves the report itself without any of it', async () => {
    const report = (await buildReport(await checkMemory(withOpenSteps(), DATE), 'concept', DATE, false)).html;
    expect(report).not.toMatch(/preview|<script|Wat schrijf je hier/);
    expect(report).toContain('<header class="cover" id="voorblad">');
  });
});
