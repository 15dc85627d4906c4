// Where the preview shows each finding of the check: under the step of the
// bouwblad whose section its line falls in, or at the file as a whole. What the
// report does not show as a bouwblad (kwaliteit.yaml, a file that cannot be
// read) is left for the summary on top; the renderer decides that.
import type { Coalition } from '../coalition/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { ParsedBody } from '../markdown/sections.js';

export interface FileFindings {
  /** By step number: the findings whose line lies under that `## Stap N` heading. */
  steps: Map<number, Diagnostic[]>;
  /** About the file as a whole, its head or its title. */
  whole: Diagnostic[];
}

/** The step number whose section holds `line`, or undefined above the first `##` or under another `##` heading. */
function stepAt(body: ParsedBody | undefined, line: number): number | undefined {
  if (!body) return undefined;
  const sections = [
    ...body.steps.map((step) => ({ line: step.line, number: step.number as number | undefined })),
    ...body.otherSections.map((section) => ({ line: section.line, number: undefined })),
  ].sort((a, b) => a.line - b.line);
  let found: number | undefined;
  for (const section of sections) {
    if (section.line > line) break;
    found = section.number;
  }
  return found;
}

export function placeFindings(coalition: Coalition, diagnostics: Diagnostic[]): Map<string, FileFindings> {
  const bodies = new Map(coalition.bouwbladen.map((file) => [file.path, file.body]));
  const placed = new Map<string, FileFindings>();
  for (const diagnostic of diagnostics) {
    let entry = placed.get(diagnostic.file);
    if (!entry) placed.set(diagnostic.file, (entry = { steps: new Map(), whole: [] }));
    const step = diagnostic.line === undefined ? undefined : stepAt(bodies.get(diagnostic.file), diagnostic.line);
    if (step === undefined) entry.whole.push(diagnostic);
    else entry.steps.set(step, [...(entry.steps.get(step) ?? []), diagnostic]);
  }
  return placed;
}
