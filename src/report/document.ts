// The whole report as one HTML document: cover, contents, raster, one section
// per bouwsteen, the samenhang overview and the appendix. One h1 (the cover);
// every other heading nests under it without skipping a level:
//   h2 section · h3 bouwblad · h4 period · h5 step · h6 headings inside a step.
import type { CheckSummary } from '../check/result.js';
import type { Period } from '../coalition/model.js';
import { formatDutchDate } from '../dates.js';
import type { Diagnostic } from '../diagnostic.js';
import { isFilled, type ParsedBody } from '../markdown/sections.js';
import { describeProgress } from '../check/describe.js';
import { countErrors, countWarnings } from '../text/counts.js';
import { bouwsteenAnchor, extraCount, renderGrid } from './grid.js';
import { escapeHtml, html, raw, type SafeHtml } from './html.js';
import type { RootContent } from 'mdast';
import { mdastToHtml, sectionNodes, type ReportWarning } from './markdown-to-html.js';
import { bouwbladName, type BouwbladView, type BouwsteenView, type ReportModel } from './model.js';
import { renderSamenhangDrawing, renderSamenhangTable } from './samenhang.js';
import { stateBadge } from './state.js';
import { findingText } from './finding-text.js';
import { PreviewNotes } from './annotations.js';
import type { FragmentCache } from './fragment-cache.js';
import { createHash } from 'node:crypto';

export type ReportStatus = 'concept' | 'definitief';

export interface DocumentInput {
  model: ReportModel;
  status: ReportStatus;
  /** The date of the report (YYYY-MM-DD). */
  date: string;
  final: boolean;
  diagnostics: Diagnostic[];
  summary: CheckSummary;
  /** kwaliteit's own version. */
  version: string;
  css: string;
  /** What `kwaliteit preview` adds; the report leaves it out, so its bytes stay the same. */
  preview?: PreviewInput;
}

export interface PreviewInput {
  /** The preview's own update client: the only script on the page, allowed by its hash and nothing else. */
  script: string;
  /** The preview's own styles, after the report's. */
  css: string;
  /** Pieces rendered for an earlier page, by the parsed nodes they came from. */
  fragments?: FragmentCache;
}

export interface TocEntry {
  /** The id of the section's heading, also used for the page-number slot. */
  id: string;
  /** Exactly the heading's text: the PDF bookmark of the heading has this title. */
  title: string;
  group?: 'bouwstenen';
}

export interface RenderedDocument {
  html: string;
  title: string;
  toc: TocEntry[];
  warnings: ReportWarning[];
}

const GRID_ID = 'overzicht';
const SAMENHANG_ID = 'samenhang';
const APPENDIX_ID = 'bijlage';
const GRID_TITLE = 'De bouwstenen in één oogopslag';
const SAMENHANG_TITLE = 'Samenhang tussen de bouwstenen';
const APPENDIX_TITLE = 'Bijlage: zo is dit rapport gemaakt';

export { findingText };

/** A path that wraps only after a slash, never at the hyphen in "meso-samenhang". */
function filePath(path: string): SafeHtml {
  return raw(path.split('/').map((part) => `<span class="nowrap">${escapeHtml(part)}</span>`).join('/<wbr>'));
}

export const periodRange = (period: Period) => `van ${formatDutchDate(period.from)} tot ${formatDutchDate(period.to)}`;

/** "2025-2028" → "2025–2028": an en dash, as in print. */
const years = (value: string) => value.replace(/^(\d{4})\s*-\s*(\d{4})$/, '$1–$2');

function list(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`;
}

export function reportTitle(model: ReportModel): string {
  const name = model.coalition.config.config?.name ?? 'coalitie';
  return `Kwaliteitsrapport ${name}`;
}

class Renderer {
  readonly warnings: ReportWarning[] = [];
  /** Only in the preview. */
  readonly notes: PreviewNotes | undefined;

  constructor(private readonly input: DocumentInput) {
    if (input.preview) this.notes = new PreviewNotes(input.model.coalition, input.diagnostics);
  }

  private get model() {
    return this.input.model;
  }

  /** Nodes of a tree the loader already parsed (its lines are the file's). */
  nodes(nodes: RootContent[], file: string, headingBase: number): SafeHtml {
    const cache = this.input.preview?.fragments;
    if (!cache || !nodes.length) return raw(mdastToHtml(nodes, { root: this.model.coalition.root, file, headingBase, firstLine: 1 }, this.warnings));
    const key = `${file}\u0000${headingBase}\u0000${nodes.length}`;
    let fragment = cache.get(nodes[0], key);
    if (!fragment) {
      const warnings: ReportWarning[] = [];
      fragment = { html: mdastToHtml(nodes, { root: this.model.coalition.root, file, headingBase, firstLine: 1 }, warnings), warnings };
      cache.set(nodes[0], key, fragment);
    }
    this.warnings.push(...fragment.warnings);
    return raw(fragment.html);
  }

  /** The section under the `##` heading on `line`. */
  parsed(body: ParsedBody, line: number, file: string, headingBase: number): SafeHtml {
    return this.nodes(sectionNodes(body, line), file, headingBase);
  }

  cover(): SafeHtml {
    const { model, status, date, summary } = this.input;
    const config = model.coalition.config.config;
    const format = model.coalition.format;
    const municipalities = config?.municipality ?? [];
    const rows: [string, SafeHtml | string][] = [];
    if (config) rows.push(['Penvoerder', config.lead]);
    if (municipalities.length) rows.push([municipalities.length === 1 ? 'Gemeente' : 'Gemeenten', list(municipalities)]);
    if (config) rows.push(['Subsidieperiode', years(config.subsidyPeriod)]);
    if (model.periods.length) {
      rows.push([
        model.periods.length === 1 ? 'Periode' : 'Perioden',
        html`${model.periods.map((p) => html`<span class="period-line">Periode ${p.number}: ${formatDutchDate(p.from)} – ${formatDutchDate(p.to)}</span>`)}`,
      ]);
    }
    if (summary.period) {
      rows.push([
        'Stand',
        `${summary.bouwstenenComplete} van ${summary.bouwstenenTotal} bouwstenen compleet in periode ${summary.period.number}`,
      ]);
    }
    rows.push(['Datum van het rapport', formatDutchDate(date)]);
    rows.push(['Status', status === 'definitief' ? 'Definitief' : 'Concept']);
    const note =
      status === 'definitief'
        ? html`<p class="status-note">Dit is de definitieve versie van het kwaliteitsrapport. Bij de eindcontrole zijn geen fouten gevonden.</p>`
        : html`<p class="status-note">Dit is een concept: het rapport kan nog veranderen.${summary.errors > 0 ? ` Bij de controle zijn nog ${countErrors(summary.errors)} gevonden; de bijlage noemt ze.` : ''}</p>`;
    // The no-break space after "Kwaliteitsrapport": Chrome drops a plain space at a line
    // break from the PDF bookmark, which would read "KwaliteitsrapportCoalitie".
    return html`<header class="cover" id="voorblad">
<p class="cover-kicker">School en Omgeving · ${format.title}</p>
<h1><span class="cover-label">Kwaliteitsrapport&nbsp;</span><br><span class="cover-name">${config?.name ?? 'Coalitie'}</span></h1>
<p class="status-badge status-${status}">${status === 'definitief' ? 'Definitief' : 'Concept'}</p>
${note}
<dl class="cover-facts">${rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>
${this.coverRaster()}
<p class="cover-foot">Gemaakt volgens het format ${format.title}${format.publisher ? ` (${format.publisher})` : ''}.</p>
</header>`;
  }

  /** The raster in miniature on the cover: nine blocks, shaded by state, as a picture of where the coalition stands. */
  coverRaster(): SafeHtml {
    const { format } = this.model.coalition;
    const cells = format.levels.flatMap((level) =>
      format.aspects.map((aspect) => {
        const view = this.model.bouwstenen.find((b) => b.bouwsteen.level === level.id && b.bouwsteen.aspect === aspect.id);
        return html`<span class="mini-cell mini-${level.id} mini-${view?.state ?? 'leeg'}"></span>`;
      }),
    );
    return html`<div class="cover-raster" aria-hidden="true">${cells}</div>`;
  }

  toc(entries: TocEntry[]): SafeHtml {
    const item = (entry: TocEntry) =>
      html`<li><a href="#${entry.id}"><span class="toc-title">${entry.title}</span><span class="toc-dots"></span><span class="toc-page" data-toc-page="${entry.id}"></span></a></li>`;
    const before = entries.filter((e) => !e.group && e.id === GRID_ID);
    const bouwstenen = entries.filter((e) => e.group === 'bouwstenen');
    const after = entries.filter((e) => !e.group && e.id !== GRID_ID);
    return html`<nav class="toc" aria-labelledby="inhoud">
<h2 id="inhoud">Inhoud</h2>
<ol class="toc-list">
${before.map(item)}
<li class="toc-group"><span class="toc-group-title">De negen bouwstenen</span>
<ol>${bouwstenen.map(item)}</ol></li>
${after.map(item)}
</ol>
</nav>`;
  }

  gridSection(): SafeHtml {
    return html`<section class="chapter" id="${GRID_ID}-sectie" aria-labelledby="${GRID_ID}">
<h2 id="${GRID_ID}">${GRID_TITLE}</h2>
<p class="intro">Het kwaliteitsformat heeft negen bouwstenen: drie niveaus (de rijen) en drie aspecten van kwaliteit (de kolommen). Per bouwsteen werkt de coalitie aan een verplichte vraag, en soms aan extra vragen. Elk vak verwijst naar de bladzijden van die bouwsteen.</p>
${renderGrid(this.model)}
</section>`;
  }

  bouwsteenSection(view: BouwsteenView): SafeHtml {
    const { bouwsteen } = view;
    const file = this.model.coalition.bouwstenen.find((b) => b.id === bouwsteen.id);
    // The coalition's own words under the title, when there are any; else the format's description.
    const intro = file?.body?.intro;
    const description = intro && isFilled(intro.markdown) ? this.nodes(intro.nodes, file!.path, 3) : html`<p>${bouwsteen.description}</p>`;
    // The format's own questions are not repeated; a section with only guidance in it is left out.
    const other = (file?.body?.otherSections ?? []).filter((section) => !/^verdiepende vragen/i.test(section.heading) && isFilled(section.content));
    const period = this.model.period;
    return html`<section class="chapter bouwsteen" id="${bouwsteenAnchor(bouwsteen.id)}-sectie" aria-labelledby="${bouwsteenAnchor(bouwsteen.id)}">
<p class="eyebrow">Bouwsteen ${view.index} van ${this.model.bouwstenen.length} · ${view.levelTitle} · ${view.aspectTitle}</p>
<h2 id="${bouwsteenAnchor(bouwsteen.id)}">${bouwsteen.title}</h2>
<div class="bouwsteen-status">${period ? html`<span class="status-when">Periode ${period.number}:</span> ` : ''}${stateBadge(view.state, view.filled)}<span class="status-extra">${extraCount(view.extras.length)}</span></div>
<div class="description">${description}</div>${file && this.notes ? html`\n${this.notes.forFile(file.path, [])}` : ''}
${view.mandatory ? this.bouwblad(view.mandatory) : this.missingMandatory(view)}
${view.extras.map((extra) => this.bouwblad(extra))}
${this.links(view)}
${other.map(
  (section) => html`<section class="bouwsteen-extra">
<h3>${section.heading}</h3>
${this.parsed(file!.body!, section.line, file!.path, 4)}
</section>`,
)}
</section>`;
  }

  missingMandatory(view: BouwsteenView): SafeHtml {
    return html`<section class="bouwblad bouwblad-mandatory">
<p class="bouwblad-label">Verplichte vraag</p>
<h3>${view.bouwsteen.mandatoryQuestion}</h3>
<p class="missing">Voor deze vraag is nog geen bouwblad ingevuld.</p>${this.notes ? html`\n${this.notes.forFolder(`bouwbladen/${view.bouwsteen.id}/`)}` : ''}
</section>`;
  }

  bouwblad(bouwblad: BouwbladView): SafeHtml {
    const label = bouwblad.mandatory ? 'Verplichte vraag' : `Extra bouwblad · ${bouwbladName(bouwblad.id)}`;
    const steps = this.model.coalition.format.steps;
    const periods = bouwblad.periods.map((entry) => {
      const heading = entry.period ? html`Periode ${entry.number} <span class="period-range">${periodRange(entry.period)}</span>` : html`Periode ${entry.number}`;
      const notes = this.notes;
      if (!entry.file) {
        // In the preview, a file that is there but cannot be read shows why, in its own place.
        const path = `bouwbladen/${bouwblad.id}/periode-${entry.number}.md`;
        return html`<section class="period"${notes ? html` id="${notes.anchor(path)}"` : ''}>
<h4>${heading}</h4>
<p class="missing">Voor deze periode is nog geen bouwblad ingevuld.</p>${notes ? html`\n${notes.forFolder(path)}` : ''}
</section>`;
      }
      const file = entry.file;
      const body = file.body;
      const stepHtml = steps.map((step) => {
        const section = body?.steps.find((s) => s.number === step.number);
        const filled = section && section.filled && body;
        const content = filled ? this.parsed(body, section.line, file.path, 6) : html`<p class="missing">Deze stap is nog niet ingevuld.</p>`;
        // In the preview: what the check found under this step, and at an open step what to write there.
        const found = notes?.forStep(file.path, step.number);
        const extra = notes ? html`${found ? html`\n${found}` : ''}${filled ? '' : html`\n${notes.todo(step, section !== undefined)}`}` : '';
        return html`<section class="step">
<h5>${step.title}</h5>
${content}${extra}
</section>`;
      });
      const extra = (body?.otherSections ?? []).filter((section) => isFilled(section.content)).map(
        (section) => html`<section class="step">
<h5>${section.heading}</h5>
${this.parsed(body!, section.line, file.path, 6)}
</section>`,
      );
      const contributors = entry.contributors.length
        ? html`<p class="contributors"><span class="meta-label">Bijgedragen door</span> ${list(entry.contributors)}</p>`
        : '';
      return html`<section class="period"${notes ? html` id="${notes.anchor(file.path)}"` : ''}>
<h4>${heading}</h4>
${contributors}${notes ? html`\n${notes.forFile(file.path, steps.map((step) => step.number))}` : ''}
${stepHtml}
${extra}
</section>`;
    });
    return html`<section class="bouwblad${bouwblad.mandatory ? ' bouwblad-mandatory' : ' bouwblad-extra'}">
<p class="bouwblad-label">${label}</p>
<h3>${bouwblad.question}</h3>
${periods}
</section>`;
  }

  links(view: BouwsteenView): SafeHtml {
    const id = view.bouwsteen.id;
    const title = (other: string) => this.model.coalition.format.bouwsteen(other)?.title ?? other;
    const via = (ids: string[]) =>
      list(ids.map((bouwblad) => (this.model.bouwstenen.some((b) => b.mandatory?.id === bouwblad) ? 'het verplichte bouwblad' : `het bouwblad ${bouwbladName(bouwblad)}`)));
    const outgoing = this.model.links.filter((edge) => edge.from === id);
    const incoming = this.model.links.filter((edge) => edge.to === id);
    const item = (other: string, ids: string[], direction: 'out' | 'in') =>
      html`<li><span class="arrow" aria-hidden="true">${direction === 'out' ? '→' : '←'}</span> <a href="#${bouwsteenAnchor(other)}">${title(other)}</a> <span class="via">genoemd in ${via(ids)}</span></li>`;
    return html`<section class="links">
<h3>Samenhang met andere bouwstenen</h3>
<div class="links-columns">
<div><p class="links-label">Dit werk heeft invloed op</p>
${outgoing.length ? html`<ul>${outgoing.map((edge) => item(edge.to, edge.via, 'out'))}</ul>` : html`<p class="none">Geen andere bouwstenen genoemd.</p>`}</div>
<div><p class="links-label">Invloed vanuit andere bouwstenen</p>
${incoming.length ? html`<ul>${incoming.map((edge) => item(edge.from, edge.via, 'in'))}</ul>` : html`<p class="none">Geen andere bouwstenen verwijzen hierheen.</p>`}</div>
</div>
</section>`;
  }

  samenhangSection(): SafeHtml {
    return html`<section class="chapter" id="${SAMENHANG_ID}-sectie" aria-labelledby="${SAMENHANG_ID}">
<h2 id="${SAMENHANG_ID}">${SAMENHANG_TITLE}</h2>
<p class="intro">De bouwstenen staan niet los van elkaar. Werk aan de ene bouwsteen heeft vaak invloed op een andere. Elke pijl hieronder komt uit een bouwblad: het werk in de bouwsteen waar de pijl begint, heeft invloed op de bouwsteen waar de pijl heen wijst. Een dikke pijl noemen meerdere bouwbladen.</p>
<figure class="samenhang-figure">
${renderSamenhangDrawing(this.model)}
</figure>
${renderSamenhangTable(this.model)}
</section>`;
  }

  appendix(): SafeHtml {
    const { model, date, final, diagnostics, summary, version } = this.input;
    const format = model.coalition.format;
    const facts: [string, string][] = [
      ['Kwaliteitsformat', `${format.title} (${format.id}, versie ${format.version})`],
      ...(format.publisher ? ([['Uitgever van het format', format.publisher]] as [string, string][]) : []),
      ['Gemaakt met', `kwaliteit ${version}`],
      ['Datum van het rapport', formatDutchDate(date)],
      ['Soort controle', final ? 'eindcontrole (alle verplichte vragen een volledige ronde)' : 'tussentijdse controle'],
    ];
    const findings = diagnostics.length
      ? html`<table class="findings">
<caption>Open punten uit de controle</caption>
<thead><tr><th scope="col">Bestand</th><th scope="col">Soort</th><th scope="col">Wat er is gevonden</th></tr></thead>
<tbody>${diagnostics.map(
          (d) => html`<tr class="finding-${d.severity}">
<td class="finding-file">${filePath(d.file || '.')}${d.line !== undefined ? html`<span class="finding-line">regel ${d.line}</span>` : ''}</td>
<td>${d.severity === 'error' ? 'fout' : 'waarschuwing'}</td>
<td>${findingText(d)}${d.hint ? html`<span class="finding-hint">${d.hint}</span>` : ''}</td>
</tr>`,
        )}</tbody>
</table>`
      : html`<p>Bij de controle zijn geen open punten gevonden.</p>`;
    return html`<section class="chapter appendix" id="${APPENDIX_ID}-sectie" aria-labelledby="${APPENDIX_ID}">
<h2 id="${APPENDIX_ID}">${APPENDIX_TITLE}</h2>
<p>Dit rapport is gemaakt uit de bestanden van de coalitie: voor elke bouwsteen de bouwbladen, per periode de vier stappen. De tekst staat er zoals de coalitie die schreef. Voordat het rapport werd gemaakt, is gecontroleerd of alles is ingevuld en klopt.</p>
<dl class="facts">${facts.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>
<h3>Uitkomst van de controle</h3>
<p>${describeProgress(summary)} Er ${summary.errors === 1 ? 'is' : 'zijn'} ${countErrors(summary.errors)} en ${countWarnings(summary.warnings)}.</p>
${findings}
</section>`;
  }
}

// No script, no network: even opened in a browser, the file can load nothing but its own images.
const REPORT_POLICY = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:";

/** The preview's policy: the report's, plus its own update client (by its hash) and the way back to the preview. */
export function previewPolicy(script: string): string {
  const hash = createHash('sha256').update(script, 'utf8').digest('base64');
  return `${REPORT_POLICY}; script-src 'sha256-${hash}'; connect-src 'self'`;
}

/** The frame around every page: the policy, kwaliteit's styles and, in the preview only, its client. */
function shell(page: { title: string; version: string; css: string; preview: PreviewInput | undefined; bodyClass: string; body: SafeHtml }): string {
  const { preview } = page;
  const csp = preview ? previewPolicy(preview.script) : REPORT_POLICY;
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kwaliteit ${escapeHtml(page.version)}">
<title>${escapeHtml(page.title)}</title>
<style>
${page.css}${preview ? `\n${preview.css}` : ''}
</style>${preview ? `\n<script>${preview.script}</script>` : ''}
</head>
<body class="${page.bodyClass}${preview ? ' preview' : ''}">
${page.body}
</body>
</html>
`;
}

/** The preview's page when no report can be made at all: what is wrong and what to do; it keeps listening for the repair. */
export function renderProblemDocument(input: { problem: { message: string; hint?: string }; version: string; css: string; preview: PreviewInput }): string {
  const { problem } = input;
  const body = html`<header class="preview-summary preview-problem" id="samenvatting" data-errors="1" data-warnings="0">
<p class="preview-kicker">Live voorbeeld</p>
<h1>Het rapport kan nu niet worden gemaakt</h1>
<p class="preview-message">${problem.message}</p>${problem.hint ? html`\n<p class="preview-hint">${problem.hint}</p>` : ''}
<p>Verbeter het en sla het bestand op: deze pagina ververst dan vanzelf.</p>
</header>`;
  return shell({ title: 'Het rapport kan nu niet worden gemaakt (live voorbeeld)', version: input.version, css: input.css, preview: input.preview, bodyClass: 'report-concept', body });
}

export function renderDocument(input: DocumentInput): RenderedDocument {
  const renderer = new Renderer(input);
  const { model, status } = input;
  const title = reportTitle(model);
  const toc: TocEntry[] = [
    { id: GRID_ID, title: GRID_TITLE },
    ...model.bouwstenen.map((view) => ({ id: bouwsteenAnchor(view.bouwsteen.id), title: view.bouwsteen.title, group: 'bouwstenen' as const })),
    { id: SAMENHANG_ID, title: SAMENHANG_TITLE },
    { id: APPENDIX_ID, title: APPENDIX_TITLE },
  ];
  // The sections first: the preview's summary says what found a place in them.
  const sections = html`${renderer.gridSection()}
${model.bouwstenen.map((view) => renderer.bouwsteenSection(view))}
${renderer.samenhangSection()}
${renderer.appendix()}`;
  const { preview } = input;
  // The preview starts at the raster: the cover and the contents are for the printed report.
  const body = renderer.notes
    ? html`${renderer.notes.summary(input.summary, model.coalition.format.title, renderer.warnings)}
<main>
${sections}
</main>`
    : html`${renderer.cover()}
<main>
${renderer.toc(toc)}
${sections}
</main>`;
  const shownTitle = preview ? `${title} (live voorbeeld)` : status === 'concept' ? `${title} (concept)` : title;
  const document = shell({ title: shownTitle, version: input.version, css: input.css, preview, bodyClass: `report-${status}`, body });
  return { html: document, title, toc, warnings: renderer.warnings };
}

/**
 * Header and footer of every PDF page. Chrome renders these apart from the
 * document, so they carry their own font and size; the concept marker sits in
 * the header of every page, so no printed page can pass for the final version.
 */
export function pageTemplates(model: ReportModel, status: ReportStatus): { headerTemplate: string; footerTemplate: string } {
  const font = `font-family: 'Source Sans 3', 'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif;`;
  const name = escapeHtml(model.coalition.config.config?.name ?? '');
  const marker =
    status === 'concept'
      ? `<span style="color:#8a4a00; font-weight:700; letter-spacing:0.08em; border:1px dashed #8a4a00; padding:0.5mm 2mm; border-radius:1mm;">CONCEPT</span>`
      : '';
  return {
    headerTemplate: `<div style="${font} font-size:7.5pt; color:#4f5b67; width:100%; margin:0 20mm 0 22mm; padding-top:8mm; display:flex; justify-content:space-between; align-items:center;"><span>Kwaliteitsrapport · ${name}</span>${marker}</div>`,
    footerTemplate: `<div style="${font} font-size:7.5pt; color:#4f5b67; width:100%; margin:0 20mm 0 22mm; padding-bottom:7mm; text-align:right;">pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>`,
  };
}
