// The outside tools the PDF tests need: a browser and poppler's pdftotext/pdfinfo.
// CI installs Debian's chromium and poppler-utils; elsewhere the PDF tests skip
// with a message that says what is missing.
import { spawnSync } from 'node:child_process';
import { findBrowser } from '../../src/report/browser.js';
import type { PdfPrintOptions, PdfRenderResult, PdfSession, PdfSessionOptions } from '../../src/report/pdf.js';

export function testBrowser(): string | undefined {
  try {
    return findBrowser({ env: process.env });
  } catch {
    return undefined;
  }
}

const has = (tool: string) => spawnSync(tool, ['-v'], { encoding: 'utf8' }).error === undefined;

export const hasPoppler = () => has('pdftotext') && has('pdfinfo');

/** Why the PDF tests cannot run here, or undefined when they can. */
export function pdfSkipReason(): string | undefined {
  if (!testBrowser()) return 'geen browser (Chrome, Edge of Chromium) gevonden; installeer bijvoorbeeld chromium';
  if (!hasPoppler()) return 'pdftotext/pdfinfo ontbreken; installeer poppler-utils';
  return undefined;
}

export function pdftotext(file: string, layout = true): string {
  const result = spawnSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout;
}

export function pdfinfo(file: string, ...args: string[]): string {
  const result = spawnSync('pdfinfo', [...args, file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdfinfo failed: ${result.stderr}`);
  return result.stdout;
}

/**
 * One browser session for the documents a test file prints itself, the way the
 * report prints with src/report/pdf.ts: started at the first print, ended by
 * close() (in afterAll). Its time limit runs from that first print to close().
 */
export function pdfPrinter(options: PdfSessionOptions): { print(html: string, print: PdfPrintOptions): Promise<PdfRenderResult>; close(): Promise<void> } {
  let session: Promise<PdfSession> | undefined;
  return {
    async print(html, print) {
      session ??= import('../../src/report/pdf.js').then(({ openPdfSession }) => openPdfSession(options));
      return (await session).print(html, print);
    },
    async close() {
      await (await session?.catch(() => undefined))?.close();
    },
  };
}
