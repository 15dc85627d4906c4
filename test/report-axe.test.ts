// The HTML report through axe-core (WCAG 2.0, 2.1 and 2.2, A and AA) at the
// width of a desktop, a phone and the 320 CSS px of WCAG 1.4.10 (reflow), in
// one browser. The report itself runs no script (its CSP forbids it); axe is
// put into the page by puppeteer, from outside, only for this test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../src/commands/report.js';
import { browserArgs } from '../src/report/browser-process.js';
import { tempDir } from './helpers/folders.js';
import { testBrowser } from './helpers/pdf-tools.js';
import { REPO } from './helpers/run.js';

const executablePath = testBrowser();
if (!executablePath) console.warn('De toegankelijkheidstest van het rapport wordt overgeslagen: geen browser (Chrome, Edge of Chromium) gevonden; installeer bijvoorbeeld chromium.');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [1280, 390, 320];

/** The page's document, inside page.evaluate (the project compiles without the DOM types). */
type PageDocument = { documentElement: { scrollWidth: number; clientWidth: number }; activeElement: { closest(selector: string): unknown; getAttribute(name: string): string | null } | null };

async function htmlOf(dir: string): Promise<string> {
  const done = await report({ dir: join(REPO, dir), format: 'html', out: join(tempDir(), 'rapport.html'), date: '2026-03-01' });
  return readFileSync(done.files[0], 'utf8');
}

interface Audit {
  violations: string[];
  scrollWidth: number;
  clientWidth: number;
}

describe.skipIf(!executablePath)('the HTML report, for people with a screen reader, a keyboard or a small screen', () => {
  let browser: Browser;
  let example: string;
  const audits = new Map<string, Audit>();

  /** axe in a page of its own, so that the widths run side by side. */
  async function audit(html: string, width: number): Promise<Audit> {
    const { AxePuppeteer } = await import('@axe-core/puppeteer');
    const page = await browser.newPage();
    await page.setViewport({ width, height: 900 });
    await page.setContent(html, { waitUntil: 'load' });
    // Only the violations in full: axe spends much of its time describing what passed.
    const result = await new AxePuppeteer(page).withTags(TAGS).options({ resultTypes: ['violations'] }).analyze();
    const size = await page.evaluate(() => {
      const { documentElement } = (globalThis as unknown as { document: PageDocument }).document;
      return { scrollWidth: documentElement.scrollWidth, clientWidth: documentElement.clientWidth };
    });
    await page.close();
    return { violations: result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), ...size };
  }

  beforeAll(async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    let hostile: string;
    [browser, example, hostile] = await Promise.all([
      puppeteer.launch({ executablePath: executablePath!, headless: true, args: browserArgs() }),
      htmlOf('examples/voorbeeldcoalitie'),
      htmlOf('test/fixtures/report-hostile'),
    ]);
    const runs = [...WIDTHS.map((width) => [`voorbeeld ${width}`, example, width] as const), ['vijandig 320', hostile, 320] as const];
    const results = await Promise.all(runs.map(([, html, width]) => audit(html, width)));
    runs.forEach(([key], index) => audits.set(key, results[index]));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(WIDTHS)('has no axe violations at %i px, and does not scroll sideways', (width) => {
    const { violations, scrollWidth, clientWidth } = audits.get(`voorbeeld ${width}`)!;
    expect(violations).toEqual([]);
    expect(scrollWidth, `${scrollWidth} px wide in a window of ${clientWidth} px`).toBeLessThanOrEqual(clientWidth);
  });

  it('has no axe violations with hostile content either, at 320 px', () => {
    const { violations, scrollWidth, clientWidth } = audits.get('vijandig 320')!;
    expect(violations).toEqual([]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  });

  it('lets the keyboard reach every bouwsteen in the samenhang drawing, row by row from the top, each with its name', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.setContent(example, { waitUntil: 'load' });
    const reached: string[] = [];
    for (let presses = 0; presses < 400 && reached.length < 9; presses++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => {
        const active = (globalThis as unknown as { document: PageDocument }).document.activeElement;
        return active?.closest('svg.samenhang') ? active.getAttribute('aria-label') : null;
      });
      if (label) reached.push(label);
    }
    expect(reached).toEqual(
      ['macro', 'meso', 'micro'].flatMap((level) => ['Samenhang', 'Samenwerking', 'Uitvoering'].map((aspect) => `${aspect} op ${level}niveau`)),
    );
  }, 60_000);
});
