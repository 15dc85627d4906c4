// The heavy half of `kwaliteit report`: read and check the coalition, then
// write the report's HTML. `report()` loads this module only after it has set
// the browser starting, so loading it happens while the browser comes up.
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { CheckSummary, CoalitionResult } from '../check/result.js';
import { loadCoalition } from '../coalition/load.js';
import { requireConfig } from '../coalition/require-config.js';
import type { Coalition } from '../coalition/model.js';
import { runRules, summarise } from '../commands/check.js';
import type { Diagnostic } from '../diagnostic.js';
import { packageRoot, packageVersion } from '../package-root.js';
import { readBouwsteenIntro, type MarkdownPart } from './bouwsteen-text.js';
import { pageTemplates, renderDocument, type DocumentInput, type RenderedDocument, type ReportStatus } from './document.js';
import type { ReportWarning } from './markdown-to-html.js';
import { buildReportModel } from './model.js';


export interface CheckedCoalition {
  coalition: Coalition;
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  result: CoalitionResult;
}

/** Loads the coalition and runs every rule of `check` (with --final when asked). */
export async function loadAndCheck(dir: string, cwd: string, date: string, final: boolean): Promise<CheckedCoalition> {
  const coalition = await loadCoalition(dir);
  const diagnostics = runRules(coalition, date, final);
  const summary = summarise(coalition, diagnostics, date);
  const config = coalition.config.config;
  const result: CoalitionResult = {
    dir: relative(cwd, coalition.root).split('\\').join('/') || '.',
    root: coalition.root,
    ...(config ? { name: config.name } : {}),
    diagnostics,
    summary,
  };
  // Without a readable kwaliteit.yaml there is no name, lead or period to put on the cover.
  if (!config) requireConfig(coalition);
  return { coalition, diagnostics, summary, result };
}

export interface BuiltReport {
  document: RenderedDocument;
  templates: { headerTemplate: string; footerTemplate: string };
}

/** What both the HTML and the Word report are made from. */
export async function reportInput(checked: CheckedCoalition, status: ReportStatus, date: string, final: boolean): Promise<DocumentInput> {
  const { coalition, diagnostics, summary } = checked;
  const model = buildReportModel(coalition, date);
  const intros = new Map<string, MarkdownPart>();
  const [css] = await Promise.all([
    readFile(join(packageRoot(), 'templates', 'report', 'report.css'), 'utf8'),
    ...coalition.bouwstenen.map(async (file) => {
      const intro = await readBouwsteenIntro(coalition.root, file);
      if (intro) intros.set(file.id, intro);
    }),
  ]);
  return { model, status, date, final, diagnostics, summary, version: packageVersion(), css: css as string, intros };
}

export async function buildReport(checked: CheckedCoalition, status: ReportStatus, date: string, final: boolean): Promise<BuiltReport> {
  const input = await reportInput(checked, status, date, final);
  return { document: renderDocument(input), templates: pageTemplates(input.model, status) };
}

/** The Word version; the docx package is loaded only when it is asked for. */
export async function buildDocxReport(checked: CheckedCoalition, status: ReportStatus, date: string, final: boolean): Promise<{ bytes: Buffer; warnings: ReportWarning[] }> {
  const input = await reportInput(checked, status, date, final);
  const { renderDocx } = await import('./docx.js');
  return renderDocx(input);
}
