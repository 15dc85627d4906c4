// kwaliteit report: the whole coalition folder as the kwaliteitsrapport, as one
// self-contained HTML file and/or an accessible PDF. It reads the same files and
// runs the same checks as `check`, and writes only the report itself.
import { stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import type { CoalitionResult } from '../check/result.js';
import { REPORT_DIR } from '../coalition/layout.js';
import { requireIsoDate, today } from '../dates.js';
import { errors } from '../errors.js';
import { displayPath } from '../text/display-path.js';
import { packageVersion } from '../resources.js';
import { findBrowser } from '../report/browser.js';
import type { ReportStatus } from '../report/document.js';
import type { ReportWarning } from '../report/markdown-to-html.js';
import { openPdfSession, PAGE_MARGIN, type PdfSession } from '../report/pdf.js';
import { PageCache, type PageLayout } from '../report/pdf-page-cache.js';
import { isInsideReal, realTarget } from '../fs/real-path.js';
import { WriteError, WriteTransaction } from '../fs/transaction.js';
import { slugify } from '../text/slug.js';

import { REPORT_FORMATS, type ReportFormat } from './report-formats.js';

export { REPORT_FORMATS, type ReportFormat };
export const REPORT_FILE = 'kwaliteitsrapport';

/**
 * The report's file name without extension: with the coalition's name, so a
 * ministry that receives 130 reports can tell them apart.
 */
export function reportFileName(coalitionName: string | undefined): string {
  const slug = slugify(coalitionName ?? '', 60);
  return slug ? `${REPORT_FILE}-${slug}` : REPORT_FILE;
}
export const DEFAULT_TIMEOUT_MS = 60_000;
/** An hour: more is no use for a report, and timers past 24 days would fire at once. */
export const MAX_TIMEOUT_SECONDS = 3600;

export interface ReportOptions {
  cwd?: string;
  /** The coalition folder (default: the current folder). */
  dir?: string;
  /** Default pdf, or html/docx when --out ends in .html/.docx; both is HTML and PDF. */
  format?: ReportFormat;
  /** Where to write; default <coalition>/rapport/kwaliteitsrapport-<name>.<pdf|html|docx>. */
  out?: string;
  /** Refuse unless the end-of-period check has no errors; the report is then definitief. */
  final?: boolean;
  /** The date of the report and of the check (YYYY-MM-DD); default today. */
  date?: string;
  /** The browser to print with (--browser). */
  browser?: string;
  /** Where the browser search looks for KWALITEIT_BROWSER and friends; default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Replaces the usual browser install paths (tests). */
  browserCandidates?: string[];
  /** How long the browser may take for the whole PDF. */
  timeoutMs?: number;
  onProgress?: (message: string) => void;
  /** Every request the browser page makes; all but data: are aborted. */
  onRequest?: (url: string) => void;
  /** Ctrl+C (see cli/interrupt.ts): stops the browser and saves nothing. */
  signal?: AbortSignal;
  /**
   * kwaliteit's own cache folder (the CLI gives userCacheFolder()): the
   * contents' page numbers are kept there, so the same report made again
   * prints once instead of twice. Without it, nothing is kept.
   */
  cacheFolder?: string;
}

export interface ReportResult {
  /** definitief/concept when written; refused when --final found errors (nothing written). */
  status: ReportStatus | 'refused';
  /** Absolute paths of the files written, HTML before PDF. */
  files: string[];
  date: string;
  final: boolean;
  /** The check's findings, as `check` would show them. */
  coalition: CoalitionResult;
  /** Things left out of the report (images outside the folder and the like). */
  warnings: ReportWarning[];
  /** Section id → PDF page, when a PDF was made. */
  pages?: Map<string, number>;
}


async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a PDF will be made, known before the coalition is read (so the browser can start early). */
function expectsPdf(format: ReportFormat | undefined, out: string | undefined): boolean {
  if (format) return format === 'pdf' || format === 'both';
  return !(out && /\.(html?|docx)$/i.test(out));
}

/** Works out the format and the file per format from --format and --out; `fileName` is used when --out names no file. */
export async function resolveOutputs(
  root: string,
  cwd: string,
  format: ReportFormat | undefined,
  out: string | undefined,
  fileName = REPORT_FILE,
): Promise<{ format: ReportFormat; paths: Partial<Record<'pdf' | 'html' | 'docx', string>> }> {
  const reportDir = join(root, REPORT_DIR);
  let base = join(reportDir, fileName);
  let chosen = format;
  let exact: string | undefined;
  if (out) {
    const target = resolve(cwd, out);
    if (/[\\/]$/.test(out) || (await isDirectory(target))) {
      base = join(target, fileName);
    } else {
      const ext = extname(target).toLowerCase();
      const kind = ext === '.pdf' ? 'pdf' : ext === '.html' || ext === '.htm' ? 'html' : ext === '.docx' ? 'docx' : undefined;
      chosen ??= kind ?? 'pdf';
      if (kind && !(chosen === 'both' && kind !== 'docx') && kind !== chosen) {
        throw errors.invalidOption('--out', out, `dat is een ${kind.toUpperCase()}-bestand, maar --format is ${chosen}`, `Noem het bestand ${target.slice(0, -ext.length)}.${chosen}, of laat --format weg.`);
      }
      base = kind ? target.slice(0, -ext.length) : target;
      // A name without extension gets one; a name the user spelled out is kept as it is.
      if (chosen !== 'both') exact = ext === '' ? `${target}.${chosen}` : target;
    }
  }
  chosen ??= 'pdf';
  const paths: Partial<Record<'pdf' | 'html' | 'docx', string>> = {};
  if (chosen === 'docx') paths.docx = exact ?? `${base}.docx`;
  if (chosen === 'html' || chosen === 'both') paths.html = chosen === 'html' && exact ? exact : `${base}.html`;
  if (chosen === 'pdf' || chosen === 'both') paths.pdf = chosen === 'pdf' && exact ? exact : `${base}.pdf`;
  // Compared where the paths really lead, links followed: a committed link (rapport → elsewhere,
  // or a folder of --out that leads back into the coalition) never carries the report out, or onto kwaliteit.yaml.
  const realRoot = realTarget(root);
  const realReportDir = realTarget(reportDir);
  for (const path of Object.values(paths)) {
    const real = realTarget(path);
    if (isInsideReal(realRoot, real) && !isInsideReal(realReportDir, real)) {
      throw errors.reportOutInsideCoalition(displayPath(cwd, path), `${displayPath(cwd, reportDir)}/`);
    }
    if (isInsideReal(root, path) && !isInsideReal(realRoot, realReportDir)) {
      throw errors.writeOutside(displayPath(cwd, path), displayPath(cwd, root));
    }
  }
  return { format: chosen, paths };
}

/** A file-system failure as a message about the file; anything else is a bug and stays as it is. */
function notSaved(error: unknown, cwd: string): unknown {
  if (!(error instanceof WriteError)) return error;
  return error.code ? errors.reportNotSaved(displayPath(cwd, error.target), error.code) : error.cause;
}

const sortWarnings = (warnings: ReportWarning[]) => [...warnings].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));

export async function report(options: ReportOptions = {}): Promise<ReportResult> {
  const cwd = options.cwd ?? process.cwd();
  const date = requireIsoDate(options.date ?? today(), '--date');
  const final = Boolean(options.final);
  const progress = options.onProgress ?? (() => {});
  if (options.format && !(REPORT_FORMATS as readonly string[]).includes(options.format)) {
    throw errors.invalidOption('--format', options.format, 'dat soort rapport bestaat niet', `Kies uit: ${REPORT_FORMATS.join(', ')}.`);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_SECONDS * 1000) {
    throw errors.invalidOption('--timeout', String(timeoutMs / 1000), 'dat is geen aantal seconden', 'Geef een getal groter dan 0, bijvoorbeeld --timeout 120.');
  }

  const findExecutable = () =>
    findBrowser({ explicit: options.browser && /[\\/]/.test(options.browser) ? resolve(cwd, options.browser) : options.browser, env: options.env ?? process.env, ...(options.browserCandidates ? { candidates: options.browserCandidates } : {}) });
  const { signal } = options;
  const checkpoint = () => {
    if (signal?.aborted) throw errors.cancelled();
  };
  let browserPath = '';
  let pageCache: Promise<PageCache | undefined> | undefined;
  const open = (executablePath: string) => {
    browserPath = executablePath;
    // Read while the browser starts; a cache that cannot be read is no cache.
    const { cacheFolder } = options;
    pageCache = cacheFolder ? PageCache.open(cacheFolder).catch(() => undefined) : undefined;
    return openPdfSession({ executablePath, timeoutMs, onProgress: progress, ...(signal ? { signal } : {}) });
  };
  const dir = resolve(cwd, options.dir ?? '.');
  // The browser starts first; it comes up while the rest of the program loads,
  // the coalition is read and the HTML is made, so that work costs no extra time.
  let session: PdfSession | undefined;
  if (expectsPdf(options.format, options.out)) {
    let executablePath: string;
    try {
      executablePath = findExecutable();
    } catch (error) {
      // A folder that is not a coalition, or --final with errors, matters more than a missing browser: tell that first.
      const checked = await (await import('../report/build.js')).loadAndCheck(dir, cwd, date, final);
      if (final && checked.summary.errors > 0) return { status: 'refused', files: [], date, final, coalition: checked.result, warnings: [] };
      throw error;
    }
    checkpoint();
    session = await open(executablePath);
  }
  // HTML and PDF are saved together at the end, so a failure or Ctrl+C anywhere
  // leaves the earlier report as it was, both files of it.
  const writer = new WriteTransaction({ ...(signal ? { signal } : {}) });
  try {
    const build = await import('../report/build.js');
    progress('De coalitie lezen…');
    const checked = await build.loadAndCheck(dir, cwd, date, final);
    if (final && checked.summary.errors > 0) {
      return { status: 'refused', files: [], date, final, coalition: checked.result, warnings: [] };
    }

    const fileName = reportFileName(checked.coalition.config.config?.name);
    const { paths } = await resolveOutputs(checked.coalition.root, cwd, options.format, options.out, fileName);
    checkpoint();
    if (paths.pdf && !session) session = await open(findExecutable());

    progress('Het rapport opmaken…');
    const status: ReportStatus = final ? 'definitief' : 'concept';
    const files: string[] = [];
    if (paths.docx) {
      const word = await build.buildDocxReport(checked, status, date, final);
      await writer.replace(paths.docx, word.bytes);
      await writer.commit();
      progress(`Opgeslagen: ${displayPath(cwd, paths.docx)}`);
      return { status, files: [paths.docx], date, final, coalition: checked.result, warnings: sortWarnings(word.warnings) };
    }
    const document = await build.buildReport(checked, status, date, final);

    // The HTML goes to its temp file before the PDF is printed: a full disk shows up before the slow part.
    if (paths.html) {
      await writer.replace(paths.html, document.html);
      files.push(paths.html);
    }
    let pages: Map<string, number> | undefined;
    if (paths.pdf && session) {
      // pdf-lib loads while the browser prints.
      const finishing = import('../report/pdf-finish.js');
      finishing.catch(() => {});
      const layout: PageLayout = { html: document.html, margin: PAGE_MARGIN, ids: document.toc.map((entry) => entry.id), browser: browserPath };
      const cache = await pageCache;
      const known = cache?.get(layout);
      const printed = await session.print(document.html, {
        toc: document.toc,
        ...(known ? { pages: known } : {}),
        ...(options.onRequest ? { onRequest: options.onRequest } : {}),
      });
      pages = printed.pages;
      const remembered = cache?.remember(layout, pages);
      // The browser is done: it shuts down while the PDF is finished.
      void session.close();
      progress('De PDF toegankelijk maken…');
      const pdf = await (await finishing).finishPdf(printed.pdf, {
        title: document.documentTitle,
        language: document.language,
        creator: `kwaliteit ${packageVersion()}`,
        bookmarks: document.bookmarks,
        targets: document.targets,
      });
      await remembered;
      checkpoint();
      await writer.replace(paths.pdf, pdf);
      files.push(paths.pdf);
    }
    await writer.commit();
    for (const file of files) progress(`Opgeslagen: ${displayPath(cwd, file)}`);
    return { status, files, date, final, coalition: checked.result, warnings: sortWarnings(document.warnings), ...(pages ? { pages } : {}) };
  } catch (error) {
    await writer.rollback();
    throw notSaved(error, cwd);
  } finally {
    await session?.close();
  }
}
