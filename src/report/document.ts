// The whole report as one HTML document: cover, contents, raster, one section
// per bouwsteen, the samenhang overview and the appendix. One h1 (the cover);
// every other heading nests under it without skipping a level:
//   h2 section · h3 bouwblad · h4 period · h5 step · h6 headings inside a step.
import type { CheckSummary } from '../check/result.js';
import type { Period } from '../coalition/model.js';
import { formatDutchDate } from '../dates.js';
import type { Diagnostic } from '../diagnostic.js';
import { gridLevels } from '../format/grid.js';
import type { ParsedBody } from '../markdown/sections.js';
import { describeProgress } from '../check/describe.js';
import { countErrors, countWarnings } from '../text/counts.js';
import { andList } from '../text/lists.js';
import { bouwsteenAnchor, extraCount, renderGrid } from './grid.js';
import { escapeHtml, html, raw, type SafeHtml } from './html.js';
import type { RootContent } from 'mdast';
import { ImageBudget, mdastToHtml, sectionNodes, type ReportWarning } from './markdown-to-html.js';
import { bouwbladName, type BouwbladPeriodView, type BouwbladView, type BouwsteenView, type ReportModel } from './model.js';
import type { Bookmark } from './pdf-bookmarks.js';
import type { Format } from '../format/format.js';
import { renderSamenhangDrawing, renderSamenhangTable } from './samenhang.js';
import { stateBadge } from './state.js';
import { findingText } from './finding-text.js';
import { PreviewNotes } from './annotations.js';
import type { FragmentCache } from './fragment-cache.js';
import { createHash } from 'node:crypto';

export type ReportStatus = 'concept' | 'definitief';

/** The report's language, in the HTML and in the PDF (/Lang and its metadata). */
export const REPORT_LANGUAGE = 'nl-NL';

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
  /** The title of the HTML page and of the PDF, with "(concept)" for a concept. */
  documentTitle: string;
  /** BCP 47, as in <html lang>. */
  language: string;
  toc: TocEntry[];
  /** The PDF's bookmarks: the sections, the bouwstenen, their bouwbladen and periods. */
  bookmarks: Bookmark[];
  /** Anchor id → the text of its heading, for the description of links in the PDF. */
  targets: Map<string, string>;
  warnings: ReportWarning[];
}

// The report's own words, shared with the Word version (docx.ts) so both say the same.
export const GRID_ID = 'overzicht';
export const SAMENHANG_ID = 'samenhang';
export const APPENDIX_ID = 'bijlage';
export const GRID_TITLE = 'De bouwstenen in één oogopslag';
export const SAMENHANG_TITLE = 'Samenhang tussen de bouwstenen';
export const APPENDIX_TITLE = 'Bijlage: zo is dit rapport gemaakt';
export const GRID_INTRO =
  'Negen bouwstenen: drie niveaus (de rijen, het hoogste bovenaan) en drie aspecten van kwaliteit (de kolommen). Per bouwsteen werkt de coalitie aan een verplichte vraag, en soms aan extra vragen. Elk vak verwijst naar die bouwsteen.';
export const SAMENHANG_INTRO =
  'De bouwstenen staan niet los van elkaar. Werk aan de ene bouwsteen heeft vaak invloed op een andere. Elke pijl hieronder komt uit een bouwblad: het werk in de bouwsteen waar de pijl begint, heeft invloed op de bouwsteen waar de pijl heen wijst. Een dikke pijl noemen meerdere bouwbladen.';
export const APPENDIX_INTRO =
  'Dit rapport is gemaakt uit de bestanden van de coalitie: voor elke bouwsteen de bouwbladen, per periode de vier stappen. De tekst staat er zoals de coalitie die schreef. Voordat het rapport werd gemaakt, is gecontroleerd of alles is ingevuld en klopt.';

/** Sentences both reports use; the HTML and the Word version must not drift apart. */
export const WORDS = {
  missingBouwblad: 'Voor deze vraag is nog geen bouwblad ingevuld.',
  missingPeriod: 'Voor deze periode is nog geen bouwblad ingevuld.',
  missingStep: 'Deze stap is nog niet ingevuld.',
  mandatoryLabel: 'Verplichte vraag',
  extraLabel: (id: string) => `Extra bouwblad · ${bouwbladName(id)}`,
  contributors: 'Bijgedragen door',
  linksTitle: 'Samenhang met andere bouwstenen',
  linksOut: 'Dit werk heeft invloed op',
  linksIn: 'Invloed vanuit andere bouwstenen',
  noLinksOut: 'Geen andere bouwstenen genoemd.',
  noLinksIn: 'Geen andere bouwstenen verwijzen hierheen.',
  findingsCaption: 'Open punten uit de controle',
  noFindings: 'Bij de controle zijn geen open punten gevonden.',
  checkTitle: 'Uitkomst van de controle',
};

/** "het verplichte bouwblad en het bouwblad Kinderraad": which bouwbladen name a link. */
export function linkVia(model: ReportModel, ids: string[]): string {
  return andList(ids.map((bouwblad) => (model.bouwstenen.some((b) => b.mandatory?.id === bouwblad) ? 'het verplichte bouwblad' : `het bouwblad ${bouwbladName(bouwblad)}`)));
}
export const TOC_ID = 'inhoud';
export const TOC_TITLE = 'Inhoud';

/** What the report says about the wording while the format file says it is not the official one. */
export const WORDING_NOTE = 'De verplichte vragen in dit rapport zijn in eigen woorden; de officiële tekst staat in het kwaliteitsformat van OCW.';

const MARKUP = /<\/?[a-z!?]/i;

/** The note on the wording, or nothing once the format file holds the official wording. */
export const wordingNote = (format: Pick<Format, 'wording'>) => (format.wording.official ? undefined : WORDING_NOTE);

/** The label above a mandatory question, in both reports. */
export const mandatoryLabel = (format: Pick<Format, 'wording'>) => (format.wording.official ? WORDS.mandatoryLabel : `${WORDS.mandatoryLabel} · in eigen woorden`);

export { findingText };

/** A path that wraps only after a slash, never at the hyphen in "meso-samenhang". */
function filePath(path: string): SafeHtml {
  return raw(path.split('/').map((part) => `<span class="nowrap">${escapeHtml(part)}</span>`).join('/<wbr>'));
}

export const periodRange = (period: Period) => `van ${formatDutchDate(period.from)} tot ${formatDutchDate(period.to)}`;

/** "2025-2028" → "2025–2028": an en dash, as in print. */
export const years = (value: string) => value.replace(/^(\d{4})\s*-\s*(\d{4})$/, '$1–$2');


/** The text of a period's heading in a bouwblad. */
export const periodHeading = (entry: BouwbladPeriodView) => (entry.period ? `Periode ${entry.number} ${periodRange(entry.period)}` : `Periode ${entry.number}`);

/** The PDF's bookmarks, each titled exactly like its heading: the sections, each bouwsteen with its bouwbladen and their periods. */
function bookmarksFor(model: ReportModel, toc: TocEntry[]): Bookmark[] {
  const bouwblad = (view: BouwbladView): Bookmark => ({ title: view.question, level: 3, children: view.periods.map((entry) => ({ title: periodHeading(entry), level: 4, children: [] })) });
  const section = (entry: TocEntry): Bookmark => {
    const view = model.bouwstenen.find((b) => bouwsteenAnchor(b.bouwsteen.id) === entry.id);
    if (!view) return { title: entry.title, level: 2, children: [] };
    const bouwbladen = [
      view.mandatory ? bouwblad(view.mandatory) : { title: view.bouwsteen.mandatoryQuestion, level: 3, children: [] },
      ...view.extras.map(bouwblad),
    ];
    return { title: entry.title, level: 2, children: bouwbladen, closed: true };
  };
  const name = model.coalition.config.config?.name ?? 'Coalitie';
  return [{ title: `Kwaliteitsrapport ${name}`, level: 1, children: [] }, { title: TOC_TITLE, level: 2, children: [] }, ...toc.map(section)];
}

export function reportTitle(model: ReportModel): string {
  const name = model.coalition.config.config?.name ?? 'coalitie';
  return `Kwaliteitsrapport ${name}`;
}

class Renderer {
  readonly warnings: ReportWarning[] = [];
  private readonly images = new ImageBudget();
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
    const context = { root: this.model.coalition.root, file, headingBase, firstLine: 1, images: this.images };
    const cache = this.input.preview?.fragments;
    if (!cache || !nodes.length) return raw(mdastToHtml(nodes, context, this.warnings));
    const key = `${file}\u0000${headingBase}\u0000${nodes.length}`;
    let fragment = cache.get(nodes[0], key);
    if (!fragment) {
      const warnings: ReportWarning[] = [];
      fragment = { html: mdastToHtml(nodes, context, warnings), warnings };
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
    const { model, status } = this.input;
    const config = model.coalition.config.config;
    const format = model.coalition.format;
    const rows = coverFacts(this.input).map(([term, lines]): [string, SafeHtml | string] =>
      term.startsWith('Periode') ? [term, html`${lines.map((line) => html`<span class="period-line">${line}</span>`)}`] : [term, lines.join('')],
    );
    const note = html`<p class="status-note">${statusNote(this.input)}</p>`;
    // The no-break space after "Kwaliteitsrapport": Chrome drops a plain space at a line
    // break from the PDF bookmark, which would read "KwaliteitsrapportCoalitie".
    return html`<header class="cover" id="voorblad">
<p class="cover-kicker">School en Omgeving · ${format.title}</p>
<h1><span class="cover-label">Kwaliteitsrapport&nbsp;</span><br><span class="cover-name">${config?.name ?? 'Coalitie'}</span></h1>
<p class="status-badge status-${status}">${status === 'definitief' ? 'Definitief' : 'Concept'}</p>
${note}
<dl class="cover-facts">${rows.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>
${this.coverRaster()}
<p class="cover-foot">Gemaakt volgens het format ${format.title}${format.publisher ? ` (uitgegeven door ${format.publisher})` : ''}.${format.wording.official ? '' : ' De verplichte vragen zijn in eigen woorden, niet de officiële tekst (zie de bijlage).'}</p>
</header>`;
  }

  /** The raster in miniature on the cover: nine blocks, shaded by state, as a picture of where the coalition stands. */
  coverRaster(): SafeHtml {
    const { format } = this.model.coalition;
    const cells = gridLevels(format).flatMap((level) =>
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
    return html`<nav class="toc" aria-labelledby="${TOC_ID}">
<h2 id="${TOC_ID}">${TOC_TITLE}</h2>
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
<p class="intro">${GRID_INTRO}</p>
${this.wordingNote()}
${renderGrid(this.model)}
</section>`;
  }

  /** Said where a reader sees it, as long as the format file says the wording is not official. */
  wordingNote(): SafeHtml | '' {
    const note = wordingNote(this.model.coalition.format);
    return note ? html`<p class="wording-note">${note}</p>` : '';
  }

  mandatoryLabel(): string {
    return mandatoryLabel(this.model.coalition.format);
  }

  bouwsteenSection(view: BouwsteenView): SafeHtml {
    const { bouwsteen } = view;
    const file = this.model.coalition.bouwstenen.find((b) => b.id === bouwsteen.id);
    // The coalition's own words under the title, when there are any; else the format's description.
    const intro = file?.body?.intro;
    const description = intro?.filled ? this.nodes(intro.nodes, file!.path, 3) : html`<p>${bouwsteen.description}</p>`;
    // The format's own questions are not repeated; a section with only guidance in it is left out.
    const other = (file?.body?.otherSections ?? []).filter((section) => !/^verdiepende vragen/i.test(section.heading) && section.filled);
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
<p class="bouwblad-label">${this.mandatoryLabel()}</p>
<h3>${view.bouwsteen.mandatoryQuestion}</h3>
<p class="missing">${WORDS.missingBouwblad}</p>${this.notes ? html`\n${this.notes.forFolder(`bouwbladen/${view.bouwsteen.id}/`)}` : ''}
</section>`;
  }

  bouwblad(bouwblad: BouwbladView): SafeHtml {
    const label = bouwblad.mandatory ? this.mandatoryLabel() : WORDS.extraLabel(bouwblad.id);
    const steps = this.model.coalition.format.steps;
    const notes = this.notes;
    const periods = bouwblad.periods.map((entry) => {
      // The same words as periodHeading(), which titles the bookmark.
      const heading = entry.period ? html`Periode ${entry.number} <span class="period-range">${periodRange(entry.period)}</span>` : html`Periode ${entry.number}`;
      if (!entry.file) {
        // In the preview, a file that is there but cannot be read shows why, in its own place.
        const path = `bouwbladen/${bouwblad.id}/periode-${entry.number}.md`;
        return html`<section class="period"${notes ? html` id="${notes.anchor(path)}"` : ''}>
<h4>${heading}</h4>
<p class="missing">${WORDS.missingPeriod}</p>${notes ? html`\n${notes.forFolder(path)}` : ''}
</section>`;
      }
      const file = entry.file;
      const body = file.body;
      const stepHtml = steps.map((step) => {
        const section = body?.steps.find((s) => s.number === step.number);
        const filled = section && section.filled && body;
        const content = filled ? this.parsed(body, section.line, file.path, 6) : html`<p class="missing">${WORDS.missingStep}</p>`;
        // In the preview: what the check found under this step, and at an open step what to write there.
        const found = notes?.forStep(file.path, step.number);
        const extra = notes ? html`${found ? html`\n${found}` : ''}${filled ? '' : html`\n${notes.todo(step, section !== undefined)}`}` : '';
        return html`<section class="step">
<h5>${step.title}</h5>
${content}${extra}
</section>`;
      });
      const extra = (body?.otherSections ?? []).filter((section) => section.filled).map(
        (section) => html`<section class="step">
<h5>${section.heading}</h5>
${this.parsed(body!, section.line, file.path, 6)}
</section>`,
      );
      const contributors = entry.contributors.length
        ? html`<p class="contributors"><span class="meta-label">${WORDS.contributors}</span> ${andList(entry.contributors)}</p>`
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
    const via = (ids: string[]) => linkVia(this.model, ids);
    const outgoing = this.model.links.filter((edge) => edge.from === id);
    const incoming = this.model.links.filter((edge) => edge.to === id);
    const item = (other: string, ids: string[], direction: 'out' | 'in') =>
      html`<li><span class="arrow" aria-hidden="true">${direction === 'out' ? '→' : '←'}</span> <a href="#${bouwsteenAnchor(other)}">${title(other)}</a> <span class="via">genoemd in ${via(ids)}</span></li>`;
    return html`<section class="links">
<h3>${WORDS.linksTitle}</h3>
<div class="links-columns">
<div><p class="links-label">${WORDS.linksOut}</p>
${outgoing.length ? html`<ul>${outgoing.map((edge) => item(edge.to, edge.via, 'out'))}</ul>` : html`<p class="none">${WORDS.noLinksOut}</p>`}</div>
<div><p class="links-label">${WORDS.linksIn}</p>
${incoming.length ? html`<ul>${incoming.map((edge) => item(edge.from, edge.via, 'in'))}</ul>` : html`<p class="none">${WORDS.noLinksIn}</p>`}</div>
</div>
</section>`;
  }

  samenhangSection(): SafeHtml {
    return html`<section class="chapter" id="${SAMENHANG_ID}-sectie" aria-labelledby="${SAMENHANG_ID}">
<h2 id="${SAMENHANG_ID}">${SAMENHANG_TITLE}</h2>
<p class="intro">${SAMENHANG_INTRO}</p>
<div class="samenhang-figure">
${renderSamenhangDrawing(this.model)}
</div>
${renderSamenhangTable(this.model)}
</section>`;
  }

  appendix(): SafeHtml {
    const { diagnostics, summary } = this.input;
    const facts = appendixFacts(this.input);
    const findings = diagnostics.length
      ? html`<table class="findings">
<caption>${WORDS.findingsCaption}</caption>
<thead><tr><th scope="col">Bestand</th><th scope="col">Soort</th><th scope="col">Wat er is gevonden</th></tr></thead>
<tbody>${diagnostics.map(
          (d) => html`<tr class="finding-${d.severity}">
<td class="finding-file">${filePath(d.file || '.')}${d.line !== undefined ? html`<span class="finding-line">regel ${d.line}</span>` : ''}</td>
<td>${d.severity === 'error' ? 'fout' : 'waarschuwing'}</td>
<td>${findingText(d)}${d.hint ? html`<span class="finding-hint">${d.hint}</span>` : ''}</td>
</tr>`,
        )}</tbody>
</table>`
      : html`<p>${WORDS.noFindings}</p>`;
    return html`<section class="chapter appendix" id="${APPENDIX_ID}-sectie" aria-labelledby="${APPENDIX_ID}">
<h2 id="${APPENDIX_ID}">${APPENDIX_TITLE}</h2>
<p>${APPENDIX_INTRO}</p>
<dl class="facts">${facts.map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}</dl>
${this.wordingNote()}
<h3>${WORDS.checkTitle}</h3>
<p>${checkOutcome(summary)}</p>
${findings}
</section>`;
  }
}

/** The facts on the cover, each with its lines (the periods take one line each). */
export function coverFacts(input: DocumentInput): [string, string[]][] {
  const { model, status, date, summary } = input;
  const config = model.coalition.config.config;
  const municipalities = config?.municipality ?? [];
  const rows: [string, string[]][] = [];
  if (config) rows.push(['Penvoerder', [config.lead]]);
  if (municipalities.length) rows.push([municipalities.length === 1 ? 'Gemeente' : 'Gemeenten', [andList(municipalities)]]);
  if (config) rows.push(['Subsidieperiode', [years(config.subsidyPeriod)]]);
  if (model.periods.length) {
    rows.push([model.periods.length === 1 ? 'Periode' : 'Perioden', model.periods.map((p) => `Periode ${p.number}: ${formatDutchDate(p.from)} – ${formatDutchDate(p.to)}`)]);
  }
  if (summary.period) rows.push(['Stand', [`${summary.bouwstenenComplete} van ${summary.bouwstenenTotal} bouwstenen compleet in periode ${summary.period.number}`]]);
  rows.push(['Datum van het rapport', [formatDutchDate(date)]]);
  rows.push(['Status', [status === 'definitief' ? 'Definitief' : 'Concept']]);
  return rows;
}

export function statusNote(input: DocumentInput): string {
  return input.status === 'definitief'
    ? 'Dit is de definitieve versie van het kwaliteitsrapport. Bij de eindcontrole zijn geen fouten gevonden.'
    : `Dit is een concept: het rapport kan nog veranderen.${input.summary.errors > 0 ? ` Bij de controle zijn nog ${countErrors(input.summary.errors)} gevonden; de bijlage noemt ze.` : ''}`;
}

export function appendixFacts(input: DocumentInput): [string, string][] {
  const { model, date, final, version } = input;
  const format = model.coalition.format;
  return [
    ['Kwaliteitsformat', `${format.title} (${format.id}, versie ${format.version})`],
    ...(format.publisher ? ([['Uitgever van het format', format.publisher]] as [string, string][]) : []),
    ['Tekst van de verplichte vragen', `${format.wording.official ? 'De officiële tekst.' : 'In eigen woorden, niet de officiële tekst.'}${format.wording.source ? ` ${format.wording.source}` : ''}`],
    ['Gemaakt met', `kwaliteit ${version}`],
    ['Datum van het rapport', formatDutchDate(date)],
    ['Soort controle', final ? 'eindcontrole (alle verplichte vragen een volledige ronde)' : 'tussentijdse controle'],
  ];
}

/** The summary sentence of the check in the appendix. */
export function checkOutcome(summary: CheckSummary): string {
  return `${describeProgress(summary)} Er ${summary.errors === 1 ? 'is' : 'zijn'} ${countErrors(summary.errors)} en ${countWarnings(summary.warnings)}.`;
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
<html lang="${REPORT_LANGUAGE}">
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
  const documentTitle = preview ? `${title} (live voorbeeld)` : status === 'concept' ? `${title} (concept)` : title;
  const targets = new Map([[TOC_ID, TOC_TITLE], ...toc.map((entry): [string, string] => [entry.id, entry.title])]);
  const document = shell({ title: documentTitle, version: input.version, css: `${input.css}\n${pageMarginCss(model, status)}`, preview, bodyClass: `report-${status}`, body });
  return { html: document, title, documentTitle, language: REPORT_LANGUAGE, toc, bookmarks: bookmarksFor(model, toc), targets, warnings: renderer.warnings };
}

/** A CSS string of any text: every character that is not a plain letter, digit or space written as an escape, so nothing in a name can end the string or the style element. */
const cssString = (text: string) => `"${[...text].map((c) => (/^[\p{L}\p{N} ]$/u.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;

/**
 * The running header and footer of every printed page, as CSS page-margin boxes
 * (the @page margins of report.css hold them): the coalition's name, the page
 * number of the total, and on a concept the marker, so no printed page can pass
 * for the final version. In the document itself, so printing the HTML from a
 * browser gives them too; Chrome draws them outside the structure tree, and
 * finishing the PDF marks them as artifacts.
 */
export function pageMarginCss(model: ReportModel, status: ReportStatus): string {
  const font = `font-family: 'Source Sans 3', 'Segoe UI', 'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 7.5pt;`;
  const name = model.coalition.config.config?.name ?? '';
  // The margin boxes fill the 22 mm of the top margin: the marker's box is sized and placed within it.
  const marker =
    status === 'concept'
      ? ` @top-right { content: "CONCEPT"; ${font} color: #8a4a00; font-weight: 700; letter-spacing: 0.08em; border: 1px dashed #8a4a00; border-radius: 1mm; padding: 0.3mm 2mm; width: 15mm; height: 3.6mm; margin: 12.8mm 0 4.1mm; text-align: center; vertical-align: middle; }`
      : '';
  return `@page { @top-left { content: ${cssString(`Kwaliteitsrapport · ${name}`)}; ${font} color: #4f5b67; vertical-align: bottom; padding-bottom: 4.3mm; }${marker} @bottom-right { content: "pagina " counter(page) " van " counter(pages); ${font} color: #4f5b67; vertical-align: top; padding-top: 6mm; } }`;
}
