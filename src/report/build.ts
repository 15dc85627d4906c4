// The heavy half of `kwaliteit report`: read and check the coalition, then
// write the report's HTML. `report()` loads this module only after it has set
// the browser starting, so loading it happens while the browser comes up.
import { relative } from 'node:path';
import type { CheckSummary, CoalitionResult } from '../check/result.js';
import { loadCoalition } from '../coalition/load.js';
import { requireConfig } from '../coalition/require-config.js';
import type { Coalition } from '../coalition/model.js';
import { runRules, summarise } from '../commands/check.js';
import type { Diagnostic } from '../diagnostic.js';
import { packageVersion, readResource } from '../resources.js';
import { readBouwsteenIntro, type MarkdownPart } from './bouwsteen-text.js';
import { pageTemplates, renderDocument, type RenderedDocument, type ReportStatus } from './document.js';
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

export async function buildReport(checked: CheckedCoalition, status: ReportStatus, date: string, final: boolean): Promise<BuiltReport> {
  const { coalition, diagnostics, summary } = checked;
  const model = buildReportModel(coalition, date);
  const intros = new Map<string, MarkdownPart>();
  const [css] = await Promise.all([
    readResource('templates/report/report.css'),
    ...coalition.bouwstenen.map(async (file) => {
      const intro = await readBouwsteenIntro(coalition.root, file);
      if (intro) intros.set(file.id, intro);
    }),
  ]);
  const document = renderDocument({ model, status, date, final, diagnostics, summary, version: packageVersion(), css: css as string, intros });
  return { document, templates: pageTemplates(model, status) };
}
