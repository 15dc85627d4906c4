// kwaliteit preview: the report as a web page on this computer only, with the
// findings of `check` at the bouwblad and step they are about, made again each
// time a file in the coalition folder is saved. The coalition stays in memory:
// after a save, only the files that changed are read and parsed again. Nothing
// is ever written, in the coalition folder or anywhere else.
import { resolve } from 'node:path';
import { checkLoaded } from '../check/check-coalition.js';
import { findCoalitionRoot } from '../coalition/find.js';
import { loadFrom } from '../coalition/load.js';
import { ParseCache } from '../coalition/parse-cache.js';
import { isIsoDate, today } from '../dates.js';
import { errors, isKwaliteitError } from '../errors.js';
import { LiveSource } from '../preview/live-source.js';
import type { PreviewServer } from '../preview/server.js';
import type { ChangeBurst } from '../preview/watch.js';
import { readResource } from '../resources.js';

export const DEFAULT_PORT = 0;

export interface PreviewOptions {
  cwd?: string;
  /** The coalition folder (default: the current folder, or the nearest above it with a kwaliteit.yaml). */
  dir?: string;
  /** 0 (the default): a free port. */
  port?: number;
  /** Check as if today were this day (YYYY-MM-DD); default the real day, at each new page. */
  date?: string;
  /** After each new page. */
  onUpdate?: (update: PreviewUpdate) => void;
  /** Trouble that does not stop the preview: the watcher, or a fault in kwaliteit while making a page. */
  onProblem?: (message: string) => void;
}

export interface PreviewUpdate {
  /** 0 for the first page, then one higher per new page. */
  version: number;
  /** The files (and folders) the watcher reported since the page before. */
  changed: string[];
  /** Server work for this page in ms: reading, parsing, checking and making the page. */
  ms: number;
  /** Files read from disk for this page. */
  reads: number;
  /** Files parsed for this page (the others came from memory). */
  parsed: number;
  errors: number;
  warnings: number;
  /** Set when no report could be made: the page then says why. */
  problem?: string;
}

export interface PreviewSession {
  url: string;
  /** The coalition folder. */
  root: string;
  first: PreviewUpdate;
  /** Stops watching and serving; open pages say that the preview stopped. */
  close(): Promise<void>;
}

/** The parse cache, counting how many files it had to parse: the preview's figures. */
class CountingCache extends ParseCache {
  parses = 0;

  override set(path: string, bytes: Uint8Array, value: unknown): void {
    this.parses++;
    super.set(path, bytes, value);
  }
}

function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw errors.invalidPort(String(port));
  }
  return port;
}

export async function preview(options: PreviewOptions = {}): Promise<PreviewSession> {
  const cwd = options.cwd ?? process.cwd();
  if (options.date !== undefined && !isIsoDate(options.date)) throw errors.invalidDate('--date', options.date);
  const port = checkPort(options.port ?? DEFAULT_PORT);
  const root = await findCoalitionRoot(resolve(cwd, options.dir ?? '.'));
  const onProblem = options.onProblem ?? (() => {});

  // The watcher, the web server and the report's renderer load only here, so `check` starts as fast as before.
  const [{ watchFolder }, { startPreviewServer }, build, { previewPolicy }, { fileAnchor }, { FragmentCache }] = await Promise.all([
    import('../preview/watch.js'),
    import('../preview/server.js'),
    import('../report/build.js'),
    import('../report/document.js'),
    import('../report/annotations.js'),
    import('../report/fragment-cache.js'),
  ]);
  const [script, css] = await Promise.all([readResource('templates/preview/client.js'), readResource('templates/preview/preview.css')]);
  const page = { script, css, fragments: new FragmentCache() };
  // Listening comes first: a port that is taken is said before any other work.
  const server: PreviewServer = await startPreviewServer({ port, policy: previewPolicy(script) });
  const source = new LiveSource(root);
  const cache = new CountingCache();
  let readsBefore = 0;

  /** One new page, from what is in memory and what the watcher named. */
  async function make(changed: string[]): Promise<{ html: string; update: Omit<PreviewUpdate, 'version'> }> {
    const started = performance.now();
    const parses = cache.parses;
    const date = options.date ?? today();
    let html: string;
    let counts: Pick<PreviewUpdate, 'errors' | 'warnings' | 'problem'>;
    try {
      const checked = checkLoaded(await loadFrom(source, { cache }), { cwd, date });
      html = (await build.buildReport(checked, 'concept', date, false, page)).html;
      counts = { errors: checked.summary.errors, warnings: checked.summary.warnings };
    } catch (error) {
      // A format file that cannot be used, or a fault in kwaliteit: the page says so and the preview keeps watching.
      const known = isKwaliteitError(error) ? error : errors.internal(error);
      if (!isKwaliteitError(error)) onProblem(`${known.message}${error instanceof Error && error.stack ? `\n${error.stack}` : ''}`);
      html = await build.buildProblemPage(known, page);
      counts = { errors: 1, warnings: 0, problem: known.message };
    }
    // Reads since the page before: a re-check reads before this page is begun.
    const update = { changed, ms: performance.now() - started, reads: source.reads - readsBefore, parsed: cache.parses - parses, ...counts };
    readsBefore = source.reads;
    return { html, update };
  }

  // What the watcher reported waits here while a page is being made, and goes into the next page together.
  let stale = new Set<string>();
  /** Files already read again (a re-check found them changed): in the next page, not forgotten again. */
  let fresh = new Set<string>();
  let structural = false;
  let running: Promise<void> | undefined;
  /** From the first page on: a save during the first page waits for it. */
  let ready = false;
  let shown = '';
  let version = 0;
  let closed = false;

  async function drain(): Promise<void> {
    while ((stale.size || fresh.size) && ready && !closed) {
      source.forget(stale, structural);
      const changed = [...new Set([...stale, ...fresh])].sort();
      stale = new Set();
      fresh = new Set();
      structural = false;
      // Images are read while rendering; when anything but Markdown changed, every piece is made again.
      if (changed.some((path) => !/\.md$/i.test(path))) page.fragments.clear();
      const { html, update } = await make(changed);
      // A save that changes nothing in the page (the same text again) is no news.
      if (closed || html === shown) continue;
      shown = html;
      server.publish(html, changed.map((file) => ({ file, anchor: fileAnchor(file) })));
      options.onUpdate?.({ version: ++version, ...update });
    }
  }
  const kick = () => {
    running ??= drain().finally(() => {
      running = undefined;
      if ((stale.size || fresh.size) && ready && !closed) kick();
    });
  };
  const onBurst = async (burst: ChangeBurst) => {
    for (const path of burst.paths) stale.add(path);
    structural ||= burst.structural;
    const recheck = [...burst.recheck].filter((path) => !burst.paths.has(path));
    const changed = await Promise.all(recheck.map((path) => source.reread(path)));
    recheck.forEach((path, i) => changed[i] && fresh.add(path));
    kick();
  };

  const watch = await watchFolder(
    root,
    (burst) => void onBurst(burst),
    { onError: (error) => onProblem(`De map wordt niet meer helemaal in de gaten gehouden: ${error.message}`) },
  ).catch(async (error: NodeJS.ErrnoException) => {
    await server.close();
    throw errors.watchFailed(root, error.code ?? error.message);
  });
  try {
    const first = await make([]);
    shown = first.html;
    server.publish(first.html, []);
    const firstUpdate = { version, ...first.update };
    options.onUpdate?.(firstUpdate);
    ready = true;
    kick();
    return {
      url: server.url,
      root,
      first: firstUpdate,
      async close() {
        if (closed) return;
        closed = true;
        await watch.close();
        await running;
        await server.close();
      },
    };
  } catch (error) {
    await watch.close();
    await server.close();
    throw error;
  }
}
