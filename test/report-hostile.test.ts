// A coalition folder with hostile content in its bouwbladen (test/fixtures/report-hostile):
// a script, an onerror attribute, an iframe, a javascript: link, images from the
// web and from outside the folder, a fake PNG. None of it may reach either output
// or cause a request; the one real image inside the folder is embedded.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { report, type ReportResult } from '../src/commands/report.js';
import { tempDir } from './helpers/folders.js';
import { expectAccessiblePdf, hasQpdf, headingsAtPageEnd } from './helpers/pdf-structure.js';
import { pdfSkipReason, pdftotext } from './helpers/pdf-tools.js';
import { expectSafeStructure } from './helpers/report-html.js';
import { REPO, runBin, runMain } from './helpers/run.js';

const HOSTILE = join(REPO, 'test/fixtures/report-hostile');
const DATE = '2026-03-01';
const skip = pdfSkipReason();

/** Traces of the hostile content, as text: none may appear anywhere in the report. */
const TRACES = ['alert(', 'evil.example', 'javascript:', 'passwd', 'onerror', 'onload', '<iframe', '<object', 'nep.png', 'data:text/html'];

function expectNoTraces(text: string, where: string) {
  for (const trace of TRACES) expect(text.toLowerCase(), `${trace} in ${where}`).not.toContain(trace.toLowerCase());
}

describe('kwaliteit report on hostile Markdown', () => {
  let html: string;
  let result: ReportResult;

  beforeAll(async () => {
    result = await report({ dir: HOSTILE, format: 'html', out: join(tempDir(), 'r.html'), date: DATE });
    html = readFileSync(result.files[0], 'utf8');
  });

  it('leaves no trace of it in the HTML', () => {
    expectSafeStructure(html);
    expectNoTraces(html, 'HTML');
    // Our own stylesheet is the only one.
    expect(html.match(/<style/g)).toHaveLength(1);
    // The text around the hostile bits is still there.
    expect(html).toContain('Een tekening van de eerste bijeenkomst:');
    expect(html).toContain('Meer lezen? klik of hier.');
  });

  it('embeds the one real image inside the folder as a data: URI', () => {
    const png = readFileSync(join(HOSTILE, 'bouwbladen/kinderraad/tekening.png')).toString('base64');
    expect(html).toContain(`<img src="data:image/png;base64,${png}" alt="Tekening van de kinderraad">`);
    expect(html.match(/<img /g)).toHaveLength(1);
  });

  it('warns about every image it left out, with file and line', () => {
    const warnings = result.warnings.map((w) => `${w.file}:${w.line} ${w.message}`);
    expect(warnings).toEqual([
      expect.stringMatching(/^bouwbladen\/kinderraad\/periode-1\.md:\d+ De afbeelding "http:\/\/evil\.example\/x\.png" is weggelaten/),
      expect.stringMatching(/^bouwbladen\/kinderraad\/periode-1\.md:\d+ .*"\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd".*buiten de map/),
      expect.stringMatching(/^bouwbladen\/kinderraad\/periode-1\.md:\d+ .*"nep\.png".*geen PNG/),
      expect.stringMatching(/^bouwbladen\/kinderraad\/periode-1\.md:\d+ .*"\/\/evil\.example\/y\.png"/),
      expect.stringMatching(/^bouwbladen\/micro-samenhang\/periode-1\.md:\d+ .*"https:\/\/evil\.example\/pixel\.png"/),
      expect.stringMatching(/^bouwstenen\/micro-uitvoering\.md:\d+ .*"file:\/\/\/etc\/passwd"/),
    ]);
    const fixture = readFileSync(join(HOSTILE, result.warnings[0].file), 'utf8').split('\n');
    expect(fixture[result.warnings[0].line! - 1]).toBe('![x](http://evil.example/x.png)');
  });

  it('shows the actual raw-html findings in the appendix, without reprinting the code', () => {
    const appendix = html.slice(html.indexOf('id="bijlage-sectie"'));
    expect(appendix.replace(/<[^>]+>/g, '')).toContain('bouwbladen/kinderraad/periode-1.md');
    const rawHtml = result.coalition.diagnostics.filter((d) => d.ruleId === 'raw-html');
    expect(rawHtml.length).toBeGreaterThan(1);
    // The finding as check says it, with the quoted code left out.
    expect(appendix.match(/Hier staat HTML-code \(…\)\. Die wordt niet in het rapport getoond\./g)).toHaveLength(rawHtml.length);
  });

  it('warns on stderr when run from the command line, in-process and as the built program', async () => {
    for (const run of [
      await runMain(['report', HOSTILE, '--format', 'html', '--out', join(tempDir(), 'a.html'), '--date', DATE]),
      runBin(['report', HOSTILE, '--format', 'html', '--out', join(tempDir(), 'b.html'), '--date', DATE]),
    ]) {
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr.match(/^Let op: /gm)).toHaveLength(6);
    }
  });

  describe.skipIf(Boolean(skip))('as PDF', () => {
    let requests: string[];
    let pdfFile: string;
    let pdfHtml: string;

    beforeAll(async () => {
      requests = [];
      const done = await report({ dir: HOSTILE, format: 'both', out: join(tempDir(), 'r.pdf'), date: DATE, onRequest: (url) => requests.push(url) });
      [pdfHtml, pdfFile] = [readFileSync(done.files[0], 'utf8'), done.files[1]];
    }, 120_000);

    it.skipIf(!hasQpdf())('passes the structural check, its one image a figure with alt text', () => {
      const pdf = expectAccessiblePdf(pdfFile, pdfHtml);
      expect(pdf.structTypes.filter((type) => type === 'Figure')).toHaveLength(1);
    });

    it('leaves no heading alone at the bottom of a page', () => {
      expect(headingsAtPageEnd(pdfFile, pdfHtml)).toEqual([]);
    });

    it('makes no request other than data: (the image)', () => {
      expect(requests.length).toBeGreaterThan(0);
      expect(requests.every((url) => url.startsWith('data:'))).toBe(true);
    });

    it('leaves no trace of it in the PDF text, and has the embedded image', () => {
      expectNoTraces(pdftotext(pdfFile), 'PDF');
      expectNoTraces(readFileSync(pdfFile).toString('latin1'), 'PDF bytes');
      const images = spawnSync('pdfimages', ['-list', pdfFile], { encoding: 'utf8' });
      if (images.error === undefined) expect(images.stdout.trim().split('\n').slice(2)).toHaveLength(1);
    });
  });
});
