// The default, human output: per coalition, per file, one line per finding,
// and a closing line that says how far the coalition is.
import { Chalk } from 'chalk';
import type { CheckResult, CoalitionResult } from '../check/result.js';
import type { Diagnostic } from '../diagnostic.js';
import { adviceNote, coalitionLabel, summaryLine } from '../check/describe.js';
import { countFindings } from '../text/counts.js';
import { visible } from '../text/visible.js';
import { joinPath } from './join-path.js';

export interface StylishOptions {
  color: boolean;
}

const SEVERITY_LABEL = { error: 'fout', warning: 'waarschuwing' } as const;

function location(diagnostic: Diagnostic): string {
  if (diagnostic.line === undefined) return '';
  return diagnostic.column === undefined ? String(diagnostic.line) : `${diagnostic.line}:${diagnostic.column}`;
}

/** Keeps the first-seen order of files, so the formatter never re-sorts what check decided. */
function groupByFile(diagnostics: Diagnostic[]): Map<string, Diagnostic[]> {
  const groups = new Map<string, Diagnostic[]>();
  for (const diagnostic of diagnostics) {
    const group = groups.get(diagnostic.file);
    if (group) group.push(diagnostic);
    else groups.set(diagnostic.file, [diagnostic]);
  }
  return groups;
}

/** Continuation lines of a multi-line text line up under its first line instead of at the margin. */
const indentContinuation = (text: string, indent: string) => text.replace(/\r?\n/g, `\n${indent}`);

export function stylish(result: CheckResult, options: StylishOptions): string {
  // An explicit level, not chalk's own detection: the CLI alone decides (TTY, NO_COLOR),
  // and tests get the same output on every machine.
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const several = result.results.length > 1;
  const lines: string[] = [];

  const coalitionBlock = (coalition: CoalitionResult) => {
    if (several) lines.push(c.bold(visible(coalitionLabel(coalition))));
    if (coalition.diagnostics.length === 0 && !coalition.failed) {
      lines.push(c.green('Alles in orde.'));
    }
    // Pad on the plain text, then colour: escape codes have no width on screen.
    const locationWidth = Math.max(0, ...coalition.diagnostics.map((d) => location(d).length));
    const severityWidth = Math.max(0, ...coalition.diagnostics.map((d) => SEVERITY_LABEL[d.severity].length));
    for (const [file, diagnostics] of groupByFile(coalition.diagnostics)) {
      if (lines.length > 0) lines.push('');
      // A finding about the folder itself (no file) is shown under the folder's own name.
      lines.push(c.underline(visible(several || !file || file === '.' ? joinPath(coalition.dir, file) : file)));
      for (const d of diagnostics) {
        const where = c.dim(location(d).padEnd(locationWidth));
        const label = SEVERITY_LABEL[d.severity].padEnd(severityWidth);
        const severity = d.severity === 'error' ? c.red(label) : c.yellow(label);
        const prefix = `  ${where}  ${severity}  `;
        const messageIndent = ' '.repeat(2 + locationWidth + 2 + severityWidth + 2);
        lines.push(`${prefix}${indentContinuation(visible(d.message), messageIndent)}  ${c.dim(d.ruleId)}`);
        if (d.hint) lines.push(`    ${c.cyan('→')} ${indentContinuation(visible(d.hint), '      ')}`);
      }
    }
    if (coalition.diagnostics.length > 0) lines.push('');
    const { errors, warnings } = coalition.summary;
    const closing = visible(summaryLine(coalition));
    lines.push(errors > 0 || coalition.failed ? c.bold.red(closing) : warnings > 0 ? c.bold.yellow(closing) : c.bold(closing));
    const note = several || coalition.failed ? undefined : adviceNote(errors, warnings);
    if (note) lines.push(c.dim(note));
  };

  if (result.results.length === 0) lines.push('Er is geen coalitie gecontroleerd.');
  result.results.forEach((coalition, index) => {
    if (index > 0) lines.push('');
    coalitionBlock(coalition);
  });

  if (several) {
    lines.push('');
    lines.push(c.bold(`${result.results.length} coalities gecontroleerd: ${countFindings(result.errors, result.warnings)}.`));
    const note = adviceNote(result.errors, result.warnings);
    if (note) lines.push(c.dim(note));
  }
  return `${lines.join('\n')}\n`;
}
