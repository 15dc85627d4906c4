// The heavy half of `kwaliteit report`: read and check the coalition, then
// write the report's HTML (or Word document). `report()` loads this module only
// after it has set the browser starting, so loading it happens while the browser comes up.
import { checkCoalition } from '../check/check-coalition.js';
import type { CheckedCoalition } from '../check/result.js';
import { requireConfig } from '../coalition/require-config.js';
import { packageVersion, readResource } from '../resources.js';
import { renderDocument, renderProblemDocument, type DocumentInput, type PreviewInput, type RenderedDocument, type ReportStatus } from './document.js';
import type { ReportWarning } from './markdown-to-html.js';
import { buildReportModel } from './model.js';

/** Loads the coalition and runs every rule of `check` (with --final when asked). */
export async function loadAndCheck(dir: string, cwd: string, date: string, final: boolean): Promise<CheckedCoalition> {
  const checked = await checkCoalition(dir, { cwd, date, final });
  // Without a readable kwaliteit.yaml there is no name, lead or period to put on the cover.
  requireConfig(checked.coalition);
  return checked;
}

/** kwaliteit's own stylesheet, read once: the preview builds the page again at every save. */
let css: Promise<string> | undefined;
const reportCss = () =>
  (css ??= readResource('templates/report/report.css').catch((error: unknown) => {
    css = undefined;
    throw error;
  }));

/** What both the HTML and the Word report are made from. */
export async function reportInput(checked: CheckedCoalition, status: ReportStatus, date: string, final: boolean, preview?: PreviewInput): Promise<DocumentInput> {
  const { coalition, diagnostics, summary } = checked;
  const model = buildReportModel(coalition, date);
  return { model, status, date, final, diagnostics, summary, version: packageVersion(), css: await reportCss(), ...(preview ? { preview } : {}) };
}

export async function buildReport(checked: CheckedCoalition, status: ReportStatus, date: string, final: boolean, preview?: PreviewInput): Promise<RenderedDocument> {
  return renderDocument(await reportInput(checked, status, date, final, preview));
}

/** The Word version; the docx package is loaded only when it is asked for. */
export async function buildDocxReport(checked: CheckedCoalition, status: ReportStatus, date: string, final: boolean): Promise<{ bytes: Buffer; warnings: ReportWarning[] }> {
  const input = await reportInput(checked, status, date, final);
  const { renderDocx } = await import('./docx.js');
  return renderDocx(input);
}

/** The preview's page when no report can be made (see renderProblemDocument). */
export async function buildProblemPage(problem: { message: string; hint?: string }, preview: PreviewInput): Promise<string> {
  return renderProblemDocument({ problem, version: packageVersion(), css: await reportCss(), preview });
}
