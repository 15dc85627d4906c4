// kwaliteit report when writing goes wrong: a full disk, no permission, Ctrl+C.
// Faults are injected in-process through the write transaction's test seam
// (src/fs/faults.ts), on the way in through the real CLI (main), so the message
// the user sees is tested too.
// Whatever happens, the earlier report stays as it was (HTML and PDF together),
// no temp file is left, and nothing else in the coalition folder changes.
//
// The write faults come after the PDF is printed, and every test prints the
// same HTML: those tests reuse the first print of it, so the file pays for one
// print, not six. The two PDF step tests still start and stop a browser of
// their own (they check that none is left running); the four --format both
// step tests, which are about the files left behind, go without one.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ReportOptions } from '../src/commands/report.js';
import { report } from '../src/commands/report.js';
import type { PdfPrintOptions, PdfRenderResult } from '../src/report/pdf.js';
import { setFaultHook } from '../src/fs/faults.js';
import { copyOf, snapshot, tempDir } from './helpers/folders.js';
import { testBrowser } from './helpers/pdf-tools.js';
import { runMain } from './helpers/run.js';

type Hook = (path: string, index: number) => void;

const fault = vi.hoisted(() => ({
  onProgress: undefined as ((message: string) => void) | undefined,
  /**
   * Set by tests whose fault comes after printing: the print of HTML printed before is reused,
   * with or without a browser started (and stopped) for the run.
   */
  reuse: undefined as 'print' | 'print and browser' | undefined,
  prints: new Map<string, PdfRenderResult>(),
}));

// The CLI's progress lines, seen by the test as they happen.
vi.mock('../src/commands/report.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/commands/report.js')>();
  return {
    ...real,
    report: (options: ReportOptions = {}) =>
      real.report({
        ...options,
        onProgress: (message) => {
          options.onProgress?.(message);
          fault.onProgress?.(message);
        },
      }),
  };
});

// The browser session as the report opens it, with print() remembered per HTML when a test asks for it.
vi.mock('../src/report/pdf.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../src/report/pdf.js')>();
  return {
    ...real,
    openPdfSession: async (options: Parameters<typeof real.openPdfSession>[0]) => {
      let session = fault.reuse === 'print and browser' ? undefined : await real.openPdfSession(options);
      return {
        close: async () => session?.close(),
        async print(html: string, print: PdfPrintOptions) {
          const key = JSON.stringify([html, print.toc]);
          const known = fault.reuse && !print.onRequest ? fault.prints.get(key) : undefined;
          // HTML not printed before (a test run on its own) is printed for real, also without a browser of the run's own.
          if (!known) session ??= await real.openPdfSession(options);
          const result = known ?? (await session!.print(html, print));
          fault.prints.set(key, result);
          // A copy each time, so that no run can change what the next one gets.
          return { pdf: result.pdf.slice(), pages: new Map(result.pages) };
        },
      };
    },
  };
});

afterEach(() => {
  setFaultHook(undefined);
  fault.onProgress = undefined;
  fault.reuse = undefined;
});

const EXAMPLE = 'examples/voorbeeldcoalitie';
const EARLIER = '2026-03-01';
const LATER = '2026-04-01';
const NO_BROWSER_ENV = { KWALITEIT_BROWSER: '/nonexistent', KWALITEIT_BROWSER_PATHS: '/nergens/chromium', PUPPETEER_EXECUTABLE_PATH: '', CHROME_PATH: '' };
const browser = testBrowser();
if (!browser) console.warn('De PDF-tests van report-faults worden overgeslagen: geen browser (Chrome, Edge of Chromium) gevonden; installeer bijvoorbeeld chromium.');

const CAUSES = [
  ['ENOSPC', 'de schijf is vol', 'Maak ruimte vrij op de schijf'],
  ['EACCES', 'geen schrijfrechten', 'vraag de beheerder om schrijfrechten'],
  ['EROFS', 'geen schrijfrechten', 'vraag de beheerder om schrijfrechten'],
] as const;

const failAt = (k: number, code: string): Hook => (_path, index) => {
  if (index === k) throw Object.assign(new Error(`${code}: injected`), { code });
};

/** Everything a report run could leave behind by mistake: its hidden temp files. */
function leftovers(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => /(^|[\\/])\..*\.tmp$/.test(path));
}

/** A copy of the example with an earlier report, made once per format and copied per test. */
function withEarlierReport(template: string): { dir: string; before: Record<string, string> } {
  const dir = join(tempDir(), 'coalitie');
  cpSync(template, dir, { recursive: true });
  return { dir, before: snapshot(dir) };
}

/** The failure as the user sees it: exit 2, what and why in Dutch, what to do, no stack trace. */
function expectSaveFailure(result: { code: number; stderr: string }, file: string, cause: string, hint: string): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toContain(`Fout: Het rapport kon niet worden opgeslagen als ${file} (${cause}).`);
  expect(result.stderr).toContain('Er is niets veranderd');
  expect(result.stderr).toContain(hint);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toContain('injected');
}

describe('report --format html when writing fails', () => {
  let template: string;

  beforeAll(async () => {
    template = copyOf(EXAMPLE);
    const made = await runMain(['report', template, '--format', 'html', '--date', EARLIER], NO_BROWSER_ENV);
    expect(made.code, made.stderr).toBe(0);
  });

  // Step 0 writes the temp file, step 1 puts it in place.
  describe.each(CAUSES)('with %s', (code, cause, hint) => {
    it.each([0, 1])('at step %i: exit 2, a Dutch message, the earlier report unchanged', async (k) => {
      const { dir, before } = withEarlierReport(template);
      setFaultHook(failAt(k, code));
      const result = await runMain(['report', dir, '--format', 'html', '--date', LATER], NO_BROWSER_ENV);
      expectSaveFailure(result, join(dir, 'rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.html'), cause, hint);
      expect(snapshot(dir)).toEqual(before);
      expect(leftovers(dir)).toEqual([]);
      expect(result.stdout).toBe('');
    });
  });

  it('names the file relative to where the command runs', async () => {
    const { dir } = withEarlierReport(template);
    setFaultHook(failAt(0, 'ENOSPC'));
    const inside = await runInside(dir, ['report', '--format', 'html', '--date', LATER]);
    expect(inside.stderr).toContain('opgeslagen als rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.html (de schijf is vol)');
  });

  it('shows the stack with --debug', async () => {
    const { dir } = withEarlierReport(template);
    setFaultHook(failAt(0, 'ENOSPC'));
    const result = await runMain(['report', dir, '--format', 'html', '--date', LATER, '--debug'], NO_BROWSER_ENV);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('de schijf is vol');
    expect(result.stderr).toMatch(/\n\s+at /);
  });

  it('leaves no empty rapport/ folder behind when the first report fails', async () => {
    const dir = copyOf(EXAMPLE);
    const before = snapshot(dir);
    setFaultHook(failAt(0, 'ENOSPC'));
    const result = await runMain(['report', dir, '--format', 'html', '--date', LATER], NO_BROWSER_ENV);
    expect(result.code).toBe(2);
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(join(dir, 'rapport'))).toBe(false);
  });

  it('calls an error without a file-system code what it is: a fault in kwaliteit itself', async () => {
    const { dir, before } = withEarlierReport(template);
    setFaultHook((_path, index) => {
      if (index === 0) throw new TypeError('kapot van binnen');
    });
    const result = await runMain(['report', dir, '--format', 'html', '--date', LATER], NO_BROWSER_ENV);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Er ging iets mis in kwaliteit zelf');
    expect(result.stderr).toContain('Meld het');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('report --format html on Ctrl+C', () => {
  let template: string;

  beforeAll(async () => {
    template = copyOf(EXAMPLE);
    expect((await runMain(['report', template, '--format', 'html', '--date', EARLIER], NO_BROWSER_ENV)).code).toBe(0);
  });

  it('stops before anything is saved (exit 2), and lets go of Ctrl+C afterwards', async () => {
    const { dir, before } = withEarlierReport(template);
    const listeners = process.listenerCount('SIGINT');
    // What the terminal does on Ctrl+C, delivered in-process while the HTML is being written.
    setFaultHook((_path, index) => {
      if (index === 0) process.emit('SIGINT');
    });
    const result = await runMain(['report', dir, '--format', 'html', '--date', LATER], NO_BROWSER_ENV);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Gestopt. Er is niets opgeslagen.');
    expect(result.stderr).not.toContain('Opgeslagen:');
    expect(result.stdout).toBe('');
    expect(snapshot(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });

  it('leaves the old report or the complete new one, wherever it is stopped', async () => {
    for (const k of [0, 1]) {
      const { dir, before } = withEarlierReport(template);
      const controller = new AbortController();
      setFaultHook((_path, index) => {
        if (index === k) controller.abort();
      });
      const outcome = await report({ dir, format: 'html', date: LATER, signal: controller.signal }).then(
        () => 'saved',
        (error: { code?: string }) => error.code,
      );
      const html = readFileSync(join(dir, 'rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.html'), 'utf8');
      if (outcome === 'saved') expect(html, `k=${k}`).toContain('1 april 2026');
      else {
        expect(outcome, `k=${k}`).toBe('cancelled');
        expect(snapshot(dir), `k=${k}`).toEqual(before);
      }
      expect(leftovers(dir), `k=${k}`).toEqual([]);
    }
  });
});

/** The browser processes this test process started that are still running. */
function browserChildren(): string[] {
  const ps = spawnSync('ps', ['-o', 'pid=,args=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  return ps.stdout.split('\n').filter((line) => /chrom|edge/i.test(line));
}

describe.skipIf(!browser)('report with a PDF', () => {
  let template: string;

  beforeAll(async () => {
    template = copyOf(EXAMPLE);
    const made = await runMain(['report', template, '--format', 'both', '--date', EARLIER]);
    expect(made.code, made.stderr).toBe(0);
  }, 60_000);

  // Step 0 writes the PDF's temp file, step 1 puts it in place. The other causes are
  // worded the same way for the HTML above; here each step is covered once.
  it.each([
    ['ENOSPC', 0, 'de schijf is vol', 'Maak ruimte vrij op de schijf'],
    ['EROFS', 1, 'geen schrijfrechten', 'vraag de beheerder om schrijfrechten'],
  ] as const)('%s while saving the PDF (step %i): exit 2, a Dutch message, the earlier PDF unchanged', async (code, k, cause, hint) => {
    const { dir, before } = withEarlierReport(template);
    fault.reuse = 'print';
    setFaultHook(failAt(k, code));
    const result = await runMain(['report', dir, '--format', 'pdf', '--date', LATER]);
    expectSaveFailure(result, join(dir, 'rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.pdf'), cause, hint);
    expect(snapshot(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    expect(browserChildren()).toEqual([]);
  });

  // --format both: 0 writes the HTML, 1 the PDF, 2 puts the HTML in place, 3 the PDF.
  // A new HTML beside the old PDF would be neither the old report nor the new one,
  // so at step 3 the HTML already in place must get its earlier version back.
  it.each([0, 1, 2, 3])('with --format both, a failure at step %i keeps both earlier files', async (k) => {
    const { dir, before } = withEarlierReport(template);
    fault.reuse = 'print and browser';
    setFaultHook(failAt(k, k % 2 ? 'EACCES' : 'ENOSPC'));
    const result = await runMain(['report', dir, '--format', 'both', '--date', LATER]);
    const file = k % 2 ? 'kwaliteitsrapport-coalitie-kansrijk-rivierstad.pdf' : 'kwaliteitsrapport-coalitie-kansrijk-rivierstad.html';
    expectSaveFailure(result, join(dir, 'rapport', file), k % 2 ? 'geen schrijfrechten' : 'de schijf is vol', k % 2 ? 'schrijfrechten' : 'ruimte vrij');
    expect(snapshot(dir), `k=${k}`).toEqual(before);
    expect(leftovers(dir), `k=${k}`).toEqual([]);
  });

  it('says what is wrong when the browser gets no temp folder, instead of calling it a fault in kwaliteit', async () => {
    const { dir, before } = withEarlierReport(template);
    vi.stubEnv('TMPDIR', join(dir, 'bestaat-niet'));
    const result = await runMain(['report', dir, '--date', LATER]).finally(() => vi.unstubAllEnvs());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('kon niet starten: er is geen tijdelijke map voor te maken');
    expect(result.stderr).toContain('(die map bestaat niet)');
    expect(result.stderr).not.toContain('kwaliteit zelf');
    expect(snapshot(dir)).toEqual(before);
  });

  it.each(['De browser starten', 'De PDF maken'])('on Ctrl+C at "%s…": stops the browser, saves nothing, exits 2', async (moment) => {
    const { dir, before } = withEarlierReport(template);
    const listeners = process.listenerCount('SIGINT');
    let pressed = 0;
    fault.onProgress = (message) => {
      if (!pressed && message.startsWith(moment)) {
        pressed = Date.now();
        // Were puppeteer's own Ctrl+C handler still on, it would end this test process (exit 130).
        setTimeout(() => process.emit('SIGINT'), 50);
      }
    };
    const result = await runMain(['report', dir, '--format', 'both', '--date', LATER]);
    expect(pressed).toBeGreaterThan(0);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('Gestopt. Er is niets opgeslagen.');
    expect(result.stderr).not.toContain('Opgeslagen:');
    expect(Date.now() - pressed).toBeLessThan(6_000);
    expect(snapshot(dir)).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
    expect(browserChildren()).toEqual([]);
    expect(process.listenerCount('SIGINT')).toBe(listeners);
  });
});

/** runMain from inside `dir`, so paths in messages are shown relative to it. */
async function runInside(dir: string, args: string[]): Promise<{ code: number; stderr: string }> {
  const cwd = process.cwd();
  const spy = vi.spyOn(process, 'cwd').mockReturnValue(dir);
  try {
    const result = await runMain(args, NO_BROWSER_ENV);
    return { code: result.code, stderr: result.stderr };
  } finally {
    spy.mockRestore();
    expect(process.cwd()).toBe(cwd);
  }
}
