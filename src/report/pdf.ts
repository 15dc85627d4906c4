// Prints the report's HTML to PDF with an installed browser through
// puppeteer-core, connected to the browser that browser-process.ts starts. The
// page gets no JavaScript and no network: scripts are off before the content
// loads and every request except data: is aborted. The browser always closes,
// also when something hangs or fails.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { errors, isKwaliteitError } from '../errors.js';
import { BrowserStartError, launchArgs, startBrowserProcess, type BrowserProcess } from './browser-process.js';
import { readDestinations } from './pdf-reader.js';

export interface PdfRenderResult {
  pdf: Uint8Array;
  /** Section id → page number, as printed in the table of contents. */
  pages: Map<string, number>;
}

/** The same margins as the @page rule in report.css: the header and footer live in them. */
export const PAGE_MARGIN = { top: '22mm', right: '20mm', bottom: '22mm', left: '22mm' } as const;

const firstLine = (error: unknown) => String((error as Error)?.message ?? error).split('\n')[0];

class Deadline {
  private readonly end: number;
  expired = false;

  constructor(
    private readonly ms: number,
    private readonly onExpire: () => void,
    private readonly signal?: AbortSignal,
  ) {
    this.end = Date.now() + ms;
  }

  remaining(): number {
    return Math.max(1, this.end - Date.now());
  }

  /** Runs one step; when time runs out first, the browser is killed and a clear error thrown. Ctrl+C stops it too. */
  async run<T>(step: string, task: () => Promise<T>): Promise<T> {
    if (this.signal?.aborted) throw errors.cancelled();
    let timer: NodeJS.Timeout | undefined;
    let onAbort: (() => void) | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.expired = true;
        this.onExpire();
        reject(errors.browserTimeout(Math.max(1, Math.round(this.ms / 1000)), step));
      }, this.remaining());
      onAbort = () => reject(errors.cancelled());
      this.signal?.addEventListener('abort', onAbort, { once: true });
    });
    try {
      return await Promise.race([task(), expired]);
    } catch (error) {
      // A step cut off by Ctrl+C fails with whatever the dying browser says; the user asked to stop.
      if (this.signal?.aborted) throw errors.cancelled();
      if (!isKwaliteitError(error) && (error as Error)?.name === 'TimeoutError') {
        this.expired = true;
        this.onExpire();
        throw errors.browserTimeout(Math.max(1, Math.round(this.ms / 1000)), step);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      if (onAbort) this.signal?.removeEventListener('abort', onAbort);
    }
  }
}

/**
 * For the first print only: everything invisible except the contents' links and
 * the section headings they point at. Visibility never changes the layout, so
 * the pages break exactly as in the real print, but there is almost nothing to
 * paint, which makes the counting print much cheaper.
 */
const COUNTING_STYLE =
  'body * { visibility: hidden !important; } .toc a, h2[id] { visibility: visible !important; } ' +
  // The running header and footer (page-margin boxes, see pageMarginCss) are left out too.
  '@page { @top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } }';

type PageDocument = {
  head: { append(node: unknown): void };
  createElement(tag: string): { id: string; textContent: string };
  getElementById(id: string): { remove(): void } | null;
  querySelectorAll(selector: string): Iterable<{ textContent: string | null }>;
};

/** Our own code, run through the DevTools protocol; the page's scripts stay switched off. */
async function setCounting(page: Page, on: boolean): Promise<void> {
  await page.evaluate(
    (on: boolean, style: string) => {
      // Runs in the page; the project compiles without the DOM types.
      const doc = (globalThis as unknown as { document: PageDocument }).document;
      // A name no heading's id can have (those are slugs: letters, digits and dashes).
      doc.getElementById('kwaliteit:tellen')?.remove();
      if (on) {
        const element = doc.createElement('style');
        element.id = 'kwaliteit:tellen';
        element.textContent = style;
        doc.head.append(element);
      }
    },
    on,
    COUNTING_STYLE,
  );
}

async function fillPageNumbers(page: Page, pages: Map<string, number>): Promise<void> {
  await page.evaluate((entries: [string, number][]) => {
    const doc = (globalThis as unknown as { document: PageDocument }).document;
    for (const [id, number] of entries) {
      for (const slot of doc.querySelectorAll(`[data-toc-page="${id}"]`)) slot.textContent = String(number);
    }
  }, [...pages]);
}

const samePages = (a: Map<string, number>, b: Map<string, number>) => a.size === b.size && [...a].every(([id, n]) => b.get(id) === n);

export interface PdfSessionOptions {
  executablePath: string;
  /** For everything the browser does together, from start to close. */
  timeoutMs: number;
  onProgress?: (message: string) => void;
  /** Ctrl+C (see cli/interrupt.ts): ends the browser at once and makes print() fail with "cancelled". */
  signal?: AbortSignal;
}

export interface PdfPrintOptions {
  toc: { id: string; title: string }[];
  /**
   * Where each section started when exactly this layout was printed before
   * (pdf-page-cache.ts): then the counting print is left out. Checked like
   * the count: when the pages printed differ, it prints again.
   */
  pages?: Map<string, number>;
  onRequest?: (url: string) => void;
}

export interface PdfSession {
  print(html: string, options: PdfPrintOptions): Promise<PdfRenderResult>;
  /** Always call this, also after an error: it ends the browser and removes its profile. A second call waits for the same. */
  close(): Promise<void>;
}

/**
 * Starts the browser and returns as soon as it is on its way (after loading
 * puppeteer-core, which happens while the browser starts): the caller reads the
 * coalition and writes the HTML while the browser comes up on another core, so
 * starting it costs little time of its own.
 */
export async function openPdfSession(options: PdfSessionOptions): Promise<PdfSession> {
  const progress = options.onProgress ?? (() => {});
  let browser: Browser | undefined;
  let onRequest: ((url: string) => void) | undefined;
  const { signal } = options;
  let closing: Promise<void> | undefined;
  let connecting: Promise<unknown> | undefined;
  /** The page is ready: the browser came up whole. */
  let up = false;
  // A full or locked temp folder is not a fault in kwaliteit: say what stopped the browser.
  const profile = await mkdtemp(join(tmpdir(), 'kwaliteit-browser-')).catch((error: NodeJS.ErrnoException) => {
    if (!error?.code) throw error;
    const { code } = error;
    const reason =
      code === 'ENOSPC' || code === 'EDQUOT'
        ? 'de schijf is vol'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'geen schrijfrechten'
          : code === 'ENOENT'
            ? 'die map bestaat niet'
            : code;
    throw errors.browserFailed(options.executablePath, `er is geen tijdelijke map voor te maken in ${tmpdir()} (${reason}).`);
  });
  progress(`De browser starten (${options.executablePath})…`);
  let browserProcess: BrowserProcess;
  try {
    // Chromium puts files of its own in the temp folder (org.chromium.Chromium.*): here they land
    // in the profile, which is removed afterwards, also after Ctrl+C.
    browserProcess = startBrowserProcess(options.executablePath, launchArgs(profile), { ...process.env, TMPDIR: profile, TMP: profile, TEMP: profile });
  } catch (error) {
    await rm(profile, { recursive: true, force: true }).catch(() => {});
    throw errors.browserFailed(options.executablePath, firstLine(error));
  }
  const kill = () => browserProcess.kill();
  const deadline = new Deadline(options.timeoutMs, kill, signal);
  signal?.addEventListener('abort', kill, { once: true });
  const puppeteer = import('puppeteer-core');
  puppeteer.catch(() => {});

  const ready = (async (): Promise<Page> => {
    await deadline.run('de browser starten', async () => {
      const endpoint = await browserProcess.endpoint.catch((error: unknown) => {
        throw error instanceof BrowserStartError ? errors.browserFailed(options.executablePath, error.message) : error;
      });
      connecting = (await puppeteer).default.connect({ browserWSEndpoint: endpoint });
      browser = (await connecting.catch((error: unknown) => {
        if ((error as Error)?.name === 'TimeoutError' || signal?.aborted) throw error;
        throw errors.browserFailed(options.executablePath, firstLine(error));
      })) as Browser;
      // A browser that comes up just after the deadline, or after Ctrl+C, must not be left running.
      if (deadline.expired || signal?.aborted) kill();
    });
    // The empty tab the browser starts with (launchArgs opens about:blank) has its renderer running already: a new tab would start another.
    const page = await deadline.run('een pagina openen', async () => (await browser!.pages())[0] ?? browser!.newPage());
    page.setDefaultTimeout(deadline.remaining());
    // Both before any content exists: no script ever runs, no request ever leaves.
    await deadline.run('de pagina voorbereiden', async () => {
      await page.setJavaScriptEnabled(false);
      await page.setRequestInterception(true);
    });
    page.on('request', (request) => {
      onRequest?.(request.url());
      if (request.isInterceptResolutionHandled()) return;
      if (request.url().startsWith('data:')) void request.continue().catch(() => {});
      else void request.abort('blockedbyclient').catch(() => {});
    });
    up = true;
    return page;
  })();
  // Handled where it is awaited; this only keeps an early exit from reporting it as unhandled.
  ready.catch(() => {});
  // puppeteer-core is loaded before the caller goes on (see above).
  await puppeteer.catch(() => {});

  return {
    async print(html, print) {
      const page = await ready;
      onRequest = print.onRequest;
      progress('Het rapport in de browser zetten…');
      await deadline.run('het rapport laden', () => page.setContent(html, { waitUntil: 'load', timeout: deadline.remaining() }));
      const ids = print.toc.map((entry) => entry.id);
      const known = print.pages;
      let pages: Map<string, number>;
      if (known && ids.every((id) => known.has(id))) pages = known;
      else {
        // First print: only to learn on which page each section starts, from the
        // destinations of the contents' links. Margins decide the layout; tagging,
        // bookmarks, backgrounds and the running header and footer do not, and are left out.
        progress('De bladzijden tellen voor de inhoudsopgave…');
        await deadline.run('de inhoudsopgave voorbereiden', () => setCounting(page, true));
        const draft = await deadline.run('de PDF maken', () =>
          page.pdf({ format: 'A4', margin: PAGE_MARGIN, tagged: false, outline: false, waitForFonts: false, timeout: deadline.remaining() }),
        );
        await deadline.run('de inhoudsopgave voorbereiden', () => setCounting(page, false));
        pages = readDestinations(draft, ids);
      }
      const printWith = async (numbers: Map<string, number>, round: number) => {
        await deadline.run('de inhoudsopgave invullen', () => fillPageNumbers(page, numbers));
        progress(round === 0 ? 'De PDF maken…' : 'De PDF opnieuw maken: de bladzijden zijn verschoven…');
        return deadline.run('de PDF maken', () =>
          page.pdf({
            format: 'A4',
            printBackground: true,
            margin: PAGE_MARGIN,
            outline: true,
            tagged: true,
            // The report uses only the computer's own fonts (its security policy allows no others).
            waitForFonts: false,
            timeout: deadline.remaining(),
          }),
        );
      };
      let pdf = await printWith(pages, 0);
      // At most three prints: the numbers sit in fixed-width slots, so the pages hold the first time; checked anyway.
      for (let round = 1; ; round++) {
        const printed = readDestinations(pdf, ids);
        if (samePages(pages, printed)) break;
        pages = printed;
        if (round === 3) break;
        pdf = await printWith(pages, round);
      }
      return { pdf, pages };
    },

    close() {
      // Once: report.ts lets the browser close while it finishes the PDF, and closes again in its finally.
      // A browser that is up is told to close right now, not after the caller's next stretch of work
      // (finishing the PDF): it then shuts down on the other core meanwhile.
      closing ??= shutDown(up && browser ? browser.close().catch(() => {}) : undefined);
      return closing;
    },
  };

  async function shutDown(asked: Promise<void> | undefined): Promise<void> {
    await ready.catch(() => {});
    // After Ctrl+C `ready` fails at once while the connection winds down; the profile goes only after it.
    if (connecting) await Promise.race([connecting.catch(() => {}), new Promise<void>((resolve) => setTimeout(resolve, 5000).unref())]);
    // Asked to close, the browser ends its helper processes and then itself; the profile goes only after that.
    const closed = asked ?? browser?.close().catch(() => {});
    if (!closed) kill();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000).unref());
    await Promise.race([Promise.all([closed, browserProcess.exited]), timeout]);
    kill();
    await Promise.race([browserProcess.exited, new Promise<void>((resolve) => setTimeout(resolve, 1000).unref())]);
    signal?.removeEventListener('abort', kill);
    await rm(profile, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 }).catch(() => {});
  }
}
