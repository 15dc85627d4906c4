// Output for GitHub Actions: workflow-command annotations (shown on the changed
// lines of a pull request) and a Markdown summary for $GITHUB_STEP_SUMMARY.
import type { CheckResult } from '../check/result.js';
import type { Diagnostic } from '../diagnostic.js';
import { adviceNote, coalitionLabel, summaryLine } from '../check/describe.js';
import { countFindings } from '../text/counts.js';
import { visible } from '../text/visible.js';
import { joinPath } from './join-path.js';

// The same escaping as @actions/core (toolkit command.ts): the runner splits a
// command on newlines, on "::" and, inside properties, on "," — unescaped, a
// message with a newline or a path with a comma would be cut off or misread.
export function escapeData(value: string): string {
  // Other control characters would reach the log of the run as they are: shown as escapes instead.
  return visible(value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(dir: string, d: Diagnostic): string {
  const properties = [`file=${escapeProperty(joinPath(dir, d.file))}`];
  if (d.line !== undefined) {
    properties.push(`line=${d.line}`);
    if (d.column !== undefined) properties.push(`col=${d.column}`);
  }
  properties.push(`title=${escapeProperty(d.ruleId)}`);
  const text = d.hint ? `${d.message} — ${d.hint}` : d.message;
  return `::${d.severity} ${properties.join(',')}::${escapeData(text)}`;
}

export function github(result: CheckResult): string {
  const lines: string[] = [];
  for (const coalition of result.results) {
    for (const diagnostic of coalition.diagnostics) lines.push(annotation(coalition.dir, diagnostic));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** A table cell: a "|" would end the cell and a newline the row; "<" would start HTML GitHub strips. */
export function escapeCell(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, '<br>');
}

// GitHub refuses a step summary over 1 MiB; a few hundred rows say enough and
// the annotations still carry every finding.
const MAX_TABLE_ROWS = 500;

const SEVERITY_LABEL = { error: 'fout', warning: 'waarschuwing' } as const;

export function githubSummary(result: CheckResult): string {
  const out: string[] = ['## Controle van de kwaliteitsmap', ''];
  const several = result.results.length > 1;
  for (const coalition of result.results) {
    out.push(`- **${escapeCell(coalitionLabel(coalition))}**: ${escapeCell(summaryLine(coalition))}`);
  }
  if (several) out.push('', `**${result.results.length} coalities samen**: ${countFindings(result.errors, result.warnings)}.`);
  out.push('');

  const rows: string[] = [];
  let total = 0;
  for (const coalition of result.results) {
    for (const d of coalition.diagnostics) {
      total += 1;
      if (rows.length >= MAX_TABLE_ROWS) continue;
      const text = `${d.message}${d.hint ? ` ${d.hint}` : ''} (${d.ruleId})`;
      rows.push(
        `| ${escapeCell(joinPath(coalition.dir, d.file))} | ${d.line ?? ''} | ${SEVERITY_LABEL[d.severity]} | ${escapeCell(text)} |`,
      );
    }
  }
  if (total === 0) {
    out.push('Alles in orde.', '');
    return out.join('\n');
  }
  const note = adviceNote(result.errors, result.warnings);
  if (note) out.push(note, '');
  out.push('| Bestand | Regel | Soort | Melding |', '| --- | ---: | --- | --- |', ...rows, '');
  if (total > rows.length) {
    out.push(`En nog ${total - rows.length} meldingen. Draai \`kwaliteit check\` zelf om ze allemaal te zien.`, '');
  }
  return out.join('\n');
}
