// kwaliteit preview in a real browser (Debian's chromium through puppeteer-core),
// on a copy of the example: saving a bouwblad changes the open page in place,
// without a reload and without losing the reader's place; hostile Markdown runs
// nothing and fetches nothing; a broken file shows its finding and comes back.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFormat } from '../src/format/load.js';
import { browserArgs } from '../src/report/browser-process.js';
import { copyOf, tempDir } from './helpers/folders.js';
import { testBrowser } from './helpers/pdf-tools.js';
import { startPreview, type TestPreview } from './helpers/preview.js';
import { REPO } from './helpers/run.js';

const executablePath = testBrowser();
const FILE = 'bouwbladen/meso-samenwerking/periode-2.md';
const HOSTILE = join(REPO, 'test/fixtures/report-hostile/bouwbladen/kinderraad');

// The page's globals, as far as these tests use them inside the page (the project compiles without the DOM types).
interface PageElement {
  textContent: string;
  dataset: Record<string, string>;
  src?: string;
  getBoundingClientRect(): { top: number };
  scrollIntoView(): void;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
}
declare const document: PageElement & {
  body: PageElement;
  getElementById(id: string): PageElement | null;
  querySelector(selector: string): PageElement | null;
  addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
};
declare const window: { __bijgewerkt: number; __violations: string[]; __same?: boolean; scrollBy(x: number, y: number): void };
declare const setTimeout: (callback: () => void, ms: number) => number;
declare const clearTimeout: (timer: number) => void;
declare const MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
const PERIOD = 'bestand-bouwbladen-meso-samenwerking-periode-2-md';

describe.skipIf(!executablePath)('kwaliteit preview in the browser', () => {
  let browser: Browser;
  let page: Page;
  let live: TestPreview;
  let dir: string;
  let original: string;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  let navigations = 0;

  const edit = (file: string, change: (text: string) => string) => writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  /** Resolves with the time the page shows `text`; set up before the save. Fails after 5 s. */
  const shows = (text: string) =>
    page.evaluate(
      (wanted) =>
        new Promise<number>((resolve, reject) => {
          const look = () => {
            if (!document.body.textContent.includes(wanted)) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve(Date.now());
          };
          const observer = new MutationObserver(look);
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`the page did not show "${wanted}" within 5 s`));
          }, 5000);
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
          look();
        }),
      text,
    );
  const text = () => page.evaluate(() => document.body.textContent);

  beforeAll(async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    dir = copyOf('examples/voorbeeldcoalitie');
    original = readFileSync(join(dir, FILE), 'utf8');
    // The browser comes up while the preview reads the coalition.
    [browser, live] = await Promise.all([
      puppeteer.launch({ executablePath, headless: true, userDataDir: tempDir('kwaliteit-preview-profile-'), args: browserArgs() }),
      startPreview(dir),
    ]);
    page = await browser.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++);
    // Counts the client's "updated" events and any content-security-policy violation, from before the page's own script.
    await page.evaluateOnNewDocument(() => {
      window.__bijgewerkt = 0;
      window.__violations = [];
      document.addEventListener('kwaliteit-preview-bijgewerkt', () => window.__bijgewerkt++);
      document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto(live.url);
    // Connected: the client fetched the page once on opening its event stream.
    await page.waitForFunction(() => window.__bijgewerkt >= 1, { timeout: 10_000 });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens at the summary and the raster, and says it is live', async () => {
    expect(await page.title()).toBe('Kwaliteitsrapport Coalitie Kansrijk Rivierstad (live voorbeeld)');
    const status = await page.evaluate(() => document.querySelector('.preview-status')!.textContent);
    expect(status).toBe('Live: ververst vanzelf. Nu geen fouten of waarschuwingen.');
    expect(await text()).toContain('De bouwstenen in één oogopslag');
  });

  it('shows a new sentence without a reload, and keeps the reader where they were', async () => {
    await page.evaluate((id) => {
      window.__same = true;
      document.getElementById(id)!.scrollIntoView();
      window.scrollBy(0, 700);
    }, PERIOD);
    // The reader looks at step 4; text is added above it, in step 1.
    const stepFour = () => page.evaluate((id) => document.getElementById(id)!.querySelectorAll('h5')[3].getBoundingClientRect().top, PERIOD);
    const before = await stepFour();
    const sentence = 'Een nieuwe zin van de coördinator, die de pagina meteen laat zien.';
    const seen = shows(sentence);
    edit(FILE, (t) => t.replace('## Stap 2', `${sentence}\n\n${'Nog een alinea die ruimte inneemt. '.repeat(12)}\n\n## Stap 2`));
    await seen;
    expect(await page.evaluate(() => window.__same)).toBe(true);
    expect(navigations).toBe(1);
    expect(Math.abs((await stepFour()) - before)).toBeLessThanOrEqual(2);
    const status = await page.evaluate(() => document.querySelector('.preview-status')!.textContent);
    expect(status).toMatch(/^Bijgewerkt om \d\d:\d\d:\d\d: geen fouten of waarschuwingen · bouwbladen\/meso-samenwerking\/periode-2\.md$/);
  });

  it('updates within a second, save after save', async () => {
    const delays: number[] = [];
    for (let i = 1; i <= 3; i++) {
      const seen = shows(`Versie ${i} van stap 1.`);
      await page.evaluate(() => 0);
      const saved = Date.now();
      edit(FILE, (t) => t.replace(/(Versie \d van stap 1\.\n\n)?## Stap 2/, `Versie ${i} van stap 1.\n\n## Stap 2`));
      delays.push((await seen) - saved);
    }
    delays.sort((a, b) => a - b);
    expect(delays[1], `delays ${delays.join(', ')} ms`).toBeLessThan(1000);
  });

  it('marks a step whose text is deleted, with what to write there', async () => {
    const guidance = (await loadFormat()).steps[1].guidance;
    const seen = shows('Wat schrijf je hier?');
    edit(FILE, (t) => t.replace(/(## Stap 2[^\n]*\n)[\s\S]*?(## Stap 3)/, '$1\n$2'));
    await seen;
    const step = await page.evaluate((id) => document.getElementById(id)!.querySelectorAll('section.step')[1].textContent, PERIOD);
    expect(step).toContain('Deze stap is nog niet ingevuld.');
    expect(step).toMatch(/Waarschuwing Stap 2 is nog niet ingevuld\. Periode 2 loopt tot en met 31 juli 2026: nog \d+ dag/);
    expect(step).toContain(guidance);
    await page.waitForFunction(() => document.querySelector('.preview-status')!.textContent.includes('1 waarschuwing'));
    expect(await page.evaluate(() => document.querySelector('#samenvatting')!.dataset.warnings)).toBe('1');
  });

  it('runs no script and requests nothing beyond the preview, whatever a bouwblad holds', async () => {
    const seen = shows('Een tekening van de eerste bijeenkomst:');
    for (const name of ['tekening.png', 'nep.png']) copyFileSync(join(HOSTILE, name), join(dir, 'bouwbladen/kinderraad', name));
    copyFileSync(join(HOSTILE, 'periode-1.md'), join(dir, 'bouwbladen/kinderraad/periode-1.md'));
    await seen;
    const origin = new URL(live.url).origin;
    expect(requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => window.__violations)).toEqual([]);
    const found = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      frames: document.querySelectorAll('iframe, object, embed').length,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      images: Array.from(document.querySelectorAll('img')).map((img) => (img.src ?? '').slice(0, 22)),
    }));
    expect(found).toEqual({ scripts: 1, frames: 0, handlers: 0, images: ['data:image/png;base64,'] });
  });

  it('shows the finding of a file it cannot read, keeps the rest updating, and brings the file back when mended', async () => {
    let seen = shows('De regel kan niet worden gelezen: de opmaak (YAML) klopt hier niet.');
    writeFileSync(join(dir, FILE), '---\nlevel: meso\naspect: [samenwerking\n---\n# Half opgeslagen\n');
    await seen;
    const place = await page.evaluate((id) => document.getElementById(id)!.textContent, PERIOD);
    expect(place).toContain('Voor deze periode is nog geen bouwblad ingevuld.');
    expect(place).toContain('Fout De regel kan niet worden gelezen: de opmaak (YAML) klopt hier niet. (bouwbladen/meso-samenwerking/periode-2.md, regel 3)');

    seen = shows('Ook de rest wordt nog bijgewerkt.');
    edit('bouwbladen/macro-samenhang/periode-2.md', (t) => t.replace('## Stap 2', 'Ook de rest wordt nog bijgewerkt.\n\n## Stap 2'));
    await seen;

    seen = shows('Sinds eind januari 2026 heeft het Havenkwartier een nieuwe opbouwwerker');
    writeFileSync(join(dir, FILE), original);
    await seen;
    expect(await text()).not.toContain('De regel kan niet worden gelezen');
  });

  it('tells the reader when the preview has stopped', async () => {
    await live.session.close();
    await page.waitForFunction(() => document.querySelector('.preview-status')!.dataset.state === 'lost', { timeout: 10_000 });
    expect(await page.evaluate(() => document.querySelector('.preview-status')!.textContent)).toContain('Geen verbinding met de preview.');
  });
});
