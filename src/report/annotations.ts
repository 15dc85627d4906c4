// What the preview adds to the report: each finding of the check next to the
// bouwblad and step it is about, a marker with what to write at every step that
// is still open, and a short summary on top with whatever has no place below.
// The report itself never calls this, so it stays exactly as it was.
import { describeProgress } from '../check/describe.js';
import type { CheckSummary } from '../check/result.js';
import type { Coalition } from '../coalition/model.js';
import type { Diagnostic } from '../diagnostic.js';
import type { Step } from '../format/format.js';
import { countErrors, countFindings, countWarnings } from '../text/counts.js';
import { findingText } from './finding-text.js';
import { anchorId, html, type SafeHtml } from './html.js';
import type { ReportWarning } from './markdown-to-html.js';
import { placeFindings, type FileFindings } from './placement.js';

/** The id of a file's place in the page, so the summary can link to it. */
export const fileAnchor = (path: string) => anchorId('bestand', path);

const kind = (diagnostic: Diagnostic) => (diagnostic.severity === 'error' ? 'Fout' : 'Waarschuwing');

function item(diagnostic: Diagnostic, showFile: boolean): SafeHtml {
  const where = [showFile ? diagnostic.file || '.' : '', diagnostic.line !== undefined ? `regel ${diagnostic.line}` : ''].filter(Boolean).join(', ');
  return html`<li class="preview-finding preview-${diagnostic.severity}"><span class="preview-kind">${kind(diagnostic)}</span> ${findingText(diagnostic)}${where ? html` <span class="preview-where">(${where})</span>` : ''}${diagnostic.hint ? html`<span class="preview-hint">${diagnostic.hint}</span>` : ''}</li>`;
}

function list(diagnostics: Diagnostic[], showFile = false): SafeHtml | '' {
  if (!diagnostics.length) return '';
  return html`<aside class="preview-notes" aria-label="Uit de controle"><ul>${diagnostics.map((d) => item(d, showFile))}</ul></aside>`;
}

/** Counts for one file, e.g. "1 fout en 2 waarschuwingen", leaving out what is zero. */
function fileCount(diagnostics: Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return [errors ? countErrors(errors) : '', warnings ? countWarnings(warnings) : ''].filter(Boolean).join(' en ');
}

export class PreviewNotes {
  private readonly placed: Map<string, FileFindings>;
  /** Findings already shown at their place; the summary lists the rest. */
  private readonly shown = new Set<Diagnostic>();
  /** Files that have a place in the page, and the id of that place. */
  private readonly anchors = new Map<string, string>();

  constructor(
    private readonly coalition: Coalition,
    private readonly diagnostics: Diagnostic[],
  ) {
    this.placed = placeFindings(coalition, diagnostics);
  }

  private take(diagnostics: Diagnostic[]): Diagnostic[] {
    for (const diagnostic of diagnostics) this.shown.add(diagnostic);
    return diagnostics;
  }

  /** The id for the place of `file` in the page. */
  anchor(file: string): string {
    const id = fileAnchor(file);
    this.anchors.set(file, id);
    return id;
  }

  /** Findings about a file as a whole, and those under steps the page does not show (a "Stap 5", say). */
  forFile(file: string, shownSteps: number[]): SafeHtml | '' {
    const found = this.placed.get(file);
    if (!found) return '';
    const rest = [...found.steps].filter(([number]) => !shownSteps.includes(number)).flatMap(([, diagnostics]) => diagnostics);
    return list(this.take([...found.whole, ...rest]));
  }

  forStep(file: string, step: number): SafeHtml | '' {
    return list(this.take(this.placed.get(file)?.steps.get(step) ?? []));
  }

  /** Every finding about files under `folder`: a bouwblad whose files are missing or cannot be read. */
  forFolder(folder: string): SafeHtml | '' {
    const found = [...this.placed].filter(([file]) => file.startsWith(folder)).flatMap(([, f]) => [...f.whole, ...[...f.steps.values()].flat()]);
    return list(this.take(found.filter((d) => !this.shown.has(d))), true);
  }

  /** The marker at a step that is not filled in yet: what to write there, in the format's own words. */
  todo(step: Step, headingPresent: boolean): SafeHtml {
    const missingHeading = headingPresent
      ? ''
      : html`<p>Het kopje van deze stap staat nog niet in het bestand. Zet deze regel erin: <code>## ${step.title}</code></p>`;
    return html`<aside class="preview-todo" aria-label="Nog in te vullen"><p class="preview-todo-label">Wat schrijf je hier?</p>${missingHeading}<p>${step.guidance}</p></aside>`;
  }

  /** The summary on top; call it after the rest of the page, so it knows what found a place there. */
  summary(summary: CheckSummary, formatTitle: string, warnings: ReportWarning[]): SafeHtml {
    const name = this.coalition.config.config?.name ?? 'Coalitie';
    const total = summary.errors + summary.warnings;
    const count =
      total === 0
        ? 'Bij de controle zijn geen fouten en geen waarschuwingen gevonden.'
        : `Bij de controle: ${countFindings(summary.errors, summary.warnings)}. Fouten los je op voor het definitieve rapport; waarschuwingen zijn advies.`;
    const files = [...this.anchors]
      .map(([file, id]) => ({ file, id, found: this.diagnostics.filter((d) => d.file === file && this.shown.has(d)) }))
      .filter((entry) => entry.found.length > 0);
    const here = files.length
      ? html`<p class="preview-label">Ze staan bij het bouwblad en de stap waar ze over gaan:</p>
<ul class="preview-files">${files.map((entry) => html`<li><a href="#${entry.id}">${entry.file}</a> <span class="preview-where">${fileCount(entry.found)}</span></li>`)}</ul>`
      : '';
    const elsewhere = this.diagnostics.filter((d) => !this.shown.has(d));
    const rest = elsewhere.length
      ? html`<p class="preview-label">${files.length ? 'En over de rest van de map:' : 'Over de map:'}</p>
${list(elsewhere, true)}`
      : '';
    const left = warnings.length
      ? html`<p class="preview-label">Niet in het rapport:</p>
<aside class="preview-notes" aria-label="Niet in het rapport"><ul>${warnings.map(
          (w) => html`<li class="preview-finding preview-warning"><span class="preview-kind">Let op</span> ${w.message} <span class="preview-where">(${w.file}${w.line !== undefined ? `, regel ${w.line}` : ''})</span></li>`,
        )}</ul></aside>`
      : '';
    return html`<header class="preview-summary" id="samenvatting" data-errors="${summary.errors}" data-warnings="${summary.warnings}">
<p class="preview-kicker">Live voorbeeld · ${formatTitle}</p>
<h1>${name}</h1>
<p>Zo ziet het kwaliteitsrapport er nu uit. Sla je een bestand in de map op, dan ververst deze pagina vanzelf.</p>
<p class="preview-progress">${describeProgress(summary)}</p>
<p class="preview-count preview-count-${summary.errors ? 'error' : summary.warnings ? 'warning' : 'ok'}">${count}</p>
${here}
${rest}
${left}
</header>`;
  }
}
