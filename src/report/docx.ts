// The kwaliteitsrapport as an editable Word document, for partners who want to
// comment in Word. Same model, same parts in the same order and the same words
// as the HTML report (document.ts); only the layout is Word's own: heading
// styles that match the outline (so the navigation pane and the table of
// contents work), tables with header rows, page numbers in the footer.
import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  Header,
  InternalHyperlink,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { ParsedBody } from '../markdown/sections.js';
import { formatDutchDate } from '../dates.js';
import { BULLETS, DocxContent, NUMBERS, wordHeading } from './docx-content.js';
import {
  APPENDIX_ID,
  APPENDIX_INTRO,
  APPENDIX_TITLE,
  appendixFacts,
  checkOutcome,
  coverFacts,
  findingText,
  GRID_ID,
  GRID_INTRO,
  mandatoryLabel,
  wordingNote,
  GRID_TITLE,
  linkVia,
  periodRange,
  reportTitle,
  SAMENHANG_ID,
  SAMENHANG_INTRO,
  SAMENHANG_TITLE,
  statusNote,
  WORDS,
  type DocumentInput,
} from './document.js';
import { andList } from '../text/lists.js';
import { bouwsteenAnchor, extraCount } from './grid.js';
import type { RootContent } from 'mdast';
import { ImageBudget, mdastToHtml, sectionNodes, type ReportWarning } from './markdown-to-html.js';
import type { BouwbladView, BouwsteenView } from './model.js';
import { stateLabel } from './state.js';

type Block = Paragraph | Table | TableOfContents;

/** Word bookmarks: letters, digits and underscores, starting with a letter. */
const bookmark = (id: string) => id.replace(/[^A-Za-z0-9_]/g, '_');

const STATE_FILL: Record<string, string> = { klaar: 'E3F1E6', bezig: 'FFF3D6', leeg: 'F1F3F5' };

const plain = (text: string, options: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}) => new TextRun({ text, ...options });

function heading(level: number, text: string, id?: string): Paragraph {
  const children: ParagraphChild[] = [plain(text)];
  return new Paragraph({ heading: wordHeading(level), children: id ? [new Bookmark({ id: bookmark(id), children })] : children });
}

const para = (text: string, options: { italics?: boolean; bold?: boolean; color?: string; size?: number } = {}) => new Paragraph({ children: [plain(text, options)] });

/** A table with a header row that Word repeats on every page and reads out as column names. */
function table(header: string[], rows: ParagraphChild[][][], fills?: (string | undefined)[][]): Table {
  const cell = (children: ParagraphChild[], fill?: string) =>
    new TableCell({ children: [new Paragraph({ children })], ...(fill ? { shading: { fill, type: 'clear', color: 'auto' } } : {}) });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text) => cell([plain(text, { bold: true })], 'E8EDF2')) }),
      ...rows.map((row, r) => new TableRow({ children: row.map((children, c) => cell(children, fills?.[r]?.[c])) })),
    ],
  });
}

export class DocxRenderer {
  readonly warnings: ReportWarning[] = [];
  private readonly images = new ImageBudget();
  private readonly content: DocxContent;

  constructor(private readonly input: DocumentInput) {
    this.content = new DocxContent((message) => this.warnings.push({ file: '', message }));
  }

  private get model() {
    return this.input.model;
  }

  /** Nodes of a tree the loader already parsed (its lines are the file's). */
  private nodes(nodes: RootContent[], file: string, headingBase: number): Block[] {
    return this.content.blocks(mdastToHtml(nodes, { root: this.model.coalition.root, file, headingBase, firstLine: 1, images: this.images }, this.warnings));
  }

  private parsed(body: ParsedBody, line: number, file: string, headingBase: number): Block[] {
    return this.nodes(sectionNodes(body, line), file, headingBase);
  }

  cover(): Block[] {
    const { model, status } = this.input;
    const format = model.coalition.format;
    const name = model.coalition.config.config?.name ?? 'Coalitie';
    return [
      para(`School en Omgeving · ${format.title}`, { color: '4F5B67' }),
      new Paragraph({ heading: 'Title', children: [plain(`Kwaliteitsrapport ${name}`)] }),
      para(status === 'definitief' ? 'Definitief' : 'Concept', { bold: true, color: status === 'definitief' ? '1E6B3A' : '8A4A00' }),
      para(statusNote(this.input)),
      ...coverFacts(this.input).map(
        ([term, lines]) => new Paragraph({ children: [plain(`${term}: `, { bold: true }), ...lines.flatMap((line, i) => [new TextRun({ text: line, break: i > 0 ? 1 : 0 })])] }),
      ),
      para(`Gemaakt volgens het format ${format.title}${format.publisher ? ` (${format.publisher})` : ''}.`, { italics: true, color: '4F5B67' }),
    ];
  }

  contents(): Block[] {
    const entries = [
      { title: GRID_TITLE, id: GRID_ID },
      ...this.model.bouwstenen.map((view) => ({ title: view.bouwsteen.title, id: bouwsteenAnchor(view.bouwsteen.id) })),
      { title: SAMENHANG_TITLE, id: SAMENHANG_ID },
      { title: APPENDIX_TITLE, id: APPENDIX_ID },
    ];
    return [
      new Paragraph({ pageBreakBefore: true, children: [plain('Inhoud', { bold: true, size: 32 })] }),
      // A real table-of-contents field: Word fills in the page numbers (it offers to when the file opens).
      // Until then the entries stand in it, linked to their sections.
      new TableOfContents('Inhoud', {
        hyperlink: true,
        headingStyleRange: '1-1',
        cachedEntries: entries.map((entry) => ({ title: entry.title, level: 1, href: bookmark(entry.id) })),
      }),
    ];
  }

  grid(): Block[] {
    const { format } = this.model.coalition;
    const period = this.model.period;
    const rows = format.levels.map((level) => {
      const views = format.aspects.map((aspect) => this.model.bouwstenen.find((b) => b.bouwsteen.level === level.id && b.bouwsteen.aspect === aspect.id));
      return {
        cells: [
          [plain(level.title, { bold: true })],
          ...views.map((view): ParagraphChild[] => {
            if (!view) return [];
            const state = stateLabel(view.state, view.filled);
            return [
              new InternalHyperlink({ anchor: bookmark(bouwsteenAnchor(view.bouwsteen.id)), children: [plain(view.bouwsteen.title, { bold: true })] }),
              new TextRun({ text: view.bouwsteen.description, break: 1 }),
              new TextRun({ text: `${state.label}${state.detail ? ` · ${state.detail}` : ''}`, bold: true, break: 1 }),
              ...(view.extras.length ? [new TextRun({ text: `+ ${extraCount(view.extras.length)}`, break: 1 })] : []),
            ];
          }),
        ],
        fills: [undefined, ...views.map((view) => (view ? STATE_FILL[view.state] : undefined))],
      };
    });
    return [
      new Paragraph({ pageBreakBefore: true, heading: wordHeading(2), children: [new Bookmark({ id: bookmark(GRID_ID), children: [plain(GRID_TITLE)] })] }),
      para(GRID_INTRO),
      ...note(wordingNote(this.model.coalition.format)),
      para(period ? `De stand van het verplichte bouwblad in periode ${period.number} (${formatDutchDate(period.from)} – ${formatDutchDate(period.to)}).` : 'Er is nog geen periode vastgelegd in kwaliteit.yaml.', { italics: true }),
      table(['', ...format.aspects.map((a) => a.title)], rows.map((r) => r.cells), rows.map((r) => r.fills)),
      para('Compleet: alle vier stappen zijn ingevuld. Bezig: een deel van de stappen is ingevuld. Nog niet ingevuld: nog geen stap ingevuld, of nog geen bouwblad voor deze periode.', { italics: true, color: '4F5B67' }),
    ];
  }

  bouwsteen(view: BouwsteenView): Block[] {
    const { bouwsteen } = view;
    const file = this.model.coalition.bouwstenen.find((b) => b.id === bouwsteen.id);
    const intro = file?.body?.intro.filled ? file.body.intro : undefined;
    const other = (file?.body?.otherSections ?? []).filter((section) => !/^verdiepende vragen/i.test(section.heading) && section.filled);
    const period = this.model.period;
    const state = stateLabel(view.state, view.filled);
    return [
      new Paragraph({ pageBreakBefore: true, children: [plain(`Bouwsteen ${view.index} van ${this.model.bouwstenen.length} · ${view.levelTitle} · ${view.aspectTitle}`, { color: '4F5B67' })] }),
      heading(2, bouwsteen.title, bouwsteenAnchor(bouwsteen.id)),
      para(`${period ? `Periode ${period.number}: ` : ''}${state.label}${state.detail ? ` · ${state.detail}` : ''} · ${extraCount(view.extras.length)}`, { bold: true }),
      ...(intro ? this.nodes(intro.nodes, file!.path, 3) : [para(bouwsteen.description)]),
      ...(view.mandatory ? this.bouwblad(view.mandatory) : [para(mandatoryLabel(this.model.coalition.format), { color: '4F5B67' }), heading(3, bouwsteen.mandatoryQuestion), para(WORDS.missingBouwblad, { italics: true })]),
      ...view.extras.flatMap((extra) => this.bouwblad(extra)),
      ...this.links(view),
      ...other.flatMap((section) => [heading(3, section.heading), ...this.parsed(file!.body!, section.line, file!.path, 4)]),
    ];
  }

  /** One bouwblad with all its periods: exported, and read back by `kwaliteit import`. */
  bouwblad(bouwblad: BouwbladView): Block[] {
    const steps = this.model.coalition.format.steps;
    const blocks: Block[] = [para(bouwblad.mandatory ? mandatoryLabel(this.model.coalition.format) : WORDS.extraLabel(bouwblad.id), { color: '4F5B67' }), heading(3, bouwblad.question)];
    for (const entry of bouwblad.periods) {
      blocks.push(heading(4, entry.period ? `Periode ${entry.number} ${periodRange(entry.period)}` : `Periode ${entry.number}`));
      if (!entry.file) {
        blocks.push(para(WORDS.missingPeriod, { italics: true }));
        continue;
      }
      const { file } = entry;
      const body = file.body;
      if (entry.contributors.length) blocks.push(new Paragraph({ children: [plain(`${WORDS.contributors}: `, { bold: true }), plain(andList(entry.contributors))] }));
      for (const step of steps) {
        const section = body?.steps.find((s) => s.number === step.number);
        blocks.push(heading(5, step.title));
        blocks.push(...(section && section.filled && body ? this.parsed(body, section.line, file.path, 6) : [para(WORDS.missingStep, { italics: true })]));
      }
      for (const section of (body?.otherSections ?? []).filter((s) => s.filled)) {
        blocks.push(heading(5, section.heading), ...this.parsed(body!, section.line, file.path, 6));
      }
    }
    return blocks;
  }

  links(view: BouwsteenView): Block[] {
    const id = view.bouwsteen.id;
    const title = (other: string) => this.model.coalition.format.bouwsteen(other)?.title ?? other;
    const item = (other: string, ids: string[], arrow: string) =>
      new Paragraph({
        numbering: { reference: BULLETS, level: 0 },
        children: [plain(`${arrow} `), new InternalHyperlink({ anchor: bookmark(bouwsteenAnchor(other)), children: [plain(title(other))] }), plain(` (genoemd in ${linkVia(this.model, ids)})`, { color: '4F5B67' })],
      });
    const outgoing = this.model.links.filter((edge) => edge.from === id);
    const incoming = this.model.links.filter((edge) => edge.to === id);
    return [
      heading(3, WORDS.linksTitle),
      para(WORDS.linksOut, { bold: true }),
      ...(outgoing.length ? outgoing.map((edge) => item(edge.to, edge.via, '→')) : [para(WORDS.noLinksOut, { italics: true })]),
      para(WORDS.linksIn, { bold: true }),
      ...(incoming.length ? incoming.map((edge) => item(edge.from, edge.via, '←')) : [para(WORDS.noLinksIn, { italics: true })]),
    ];
  }

  samenhang(): Block[] {
    const title = (id: string) => this.model.coalition.format.bouwsteen(id)?.title ?? id;
    const rows = this.model.bouwstenen
      .map((view) => ({ view, targets: this.model.links.filter((edge) => edge.from === view.bouwsteen.id) }))
      .filter(({ targets }) => targets.length > 0)
      .map(({ view, targets }) => [[plain(view.bouwsteen.title, { bold: true })], targets.flatMap((edge, i) => [new TextRun({ text: title(edge.to), break: i > 0 ? 1 : 0 })])]);
    return [
      new Paragraph({ pageBreakBefore: true, heading: wordHeading(2), children: [new Bookmark({ id: bookmark(SAMENHANG_ID), children: [plain(SAMENHANG_TITLE)] })] }),
      para(SAMENHANG_INTRO),
      para('De tekening met pijlen staat in de PDF en in de webpagina. Hieronder staat hetzelfde als tabel.', { italics: true }),
      ...(rows.length ? [table(['Het werk in', 'heeft invloed op'], rows)] : [para('In de bouwbladen zijn nog geen links naar andere bouwstenen vastgelegd.')]),
    ];
  }

  appendix(): Block[] {
    const { diagnostics, summary } = this.input;
    return [
      new Paragraph({ pageBreakBefore: true, heading: wordHeading(2), children: [new Bookmark({ id: bookmark(APPENDIX_ID), children: [plain(APPENDIX_TITLE)] })] }),
      para(APPENDIX_INTRO),
      ...appendixFacts(this.input).map(([term, value]) => new Paragraph({ children: [plain(`${term}: `, { bold: true }), plain(value)] })),
      ...note(wordingNote(this.model.coalition.format)),
      heading(3, WORDS.checkTitle),
      para(checkOutcome(summary)),
      ...(diagnostics.length
        ? [
            para(WORDS.findingsCaption, { bold: true }),
            table(
              ['Bestand', 'Soort', 'Wat er is gevonden'],
              diagnostics.map((d) => [
                [plain(d.file || '.'), ...(d.line !== undefined ? [new TextRun({ text: `regel ${d.line}`, break: 1, color: '4F5B67' })] : [])],
                [plain(d.severity === 'error' ? 'fout' : 'waarschuwing')],
                [plain(findingText(d)), ...(d.hint ? [new TextRun({ text: d.hint, break: 1, italics: true })] : [])],
              ]),
            ),
          ]
        : [para(WORDS.noFindings)]),
    ];
  }
}

const bulletLevels = ['•', '◦', '▪', '•', '◦', '▪'].map((text, level) => ({
  level,
  format: LevelFormat.BULLET,
  text,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 260 } } },
}));
const numberLevels = [0, 1, 2, 3, 4, 5].map((level) => ({
  level,
  format: level % 2 === 0 ? LevelFormat.DECIMAL : LevelFormat.LOWER_LETTER,
  text: `%${level + 1}.`,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: 360 * (level + 1), hanging: 300 } } },
}));

/**
 * Says that the "Inhoud" block is a table of contents (docPartGallery), as Word
 * itself writes it. The docx package leaves that out; Word does not mind, but
 * LibreOffice then shows the field's code instead of the entries.
 */
async function markTableOfContents(bytes: Buffer): Promise<Buffer> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const marked = xml.replace(
    '<w:sdtPr><w:alias w:val="Inhoud"/></w:sdtPr>',
    '<w:sdtPr><w:alias w:val="Inhoud"/><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>',
  );
  if (marked === xml) return bytes;
  zip.file('word/document.xml', marked);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The list styles every Word document from kwaliteit uses. */
export const DOCX_NUMBERING = { config: [{ reference: BULLETS, levels: bulletLevels }, { reference: NUMBERS, levels: numberLevels }] };

/** The wording note as a paragraph, when there is one. */
const note = (text: string | undefined): Block[] => (text ? [para(text, { italics: true })] : []);

export async function renderDocx(input: DocumentInput): Promise<{ bytes: Buffer; warnings: ReportWarning[] }> {
  const renderer = new DocxRenderer(input);
  const { model, status } = input;
  const config = model.coalition.config.config;
  const title = reportTitle(model);
  const small = { size: 16, color: '4F5B67' };
  const document = new Document({
    title: status === 'concept' ? `${title} (concept)` : title,
    creator: config?.lead ?? 'kwaliteit',
    description: `Kwaliteitsrapport volgens ${model.coalition.format.title}, gemaakt met kwaliteit ${input.version}.`,
    // Word asks to update the table of contents when the file opens.
    features: { updateFields: true },
    styles: {
      default: {
        // Each heading style carries its outline level: Word's navigation pane and the table of contents use it.
        // The language of the whole document: spelling check and screen readers read Dutch.
        document: { run: { language: { value: 'nl-NL' }, font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 100 } } },
        title: { run: { size: 48, bold: true, color: '1F3A4D' } },
        heading1: { run: { size: 36, bold: true, color: '1F3A4D' }, paragraph: { outlineLevel: 0, spacing: { before: 240, after: 120 } } },
        heading2: { run: { size: 28, bold: true, color: '1F3A4D' }, paragraph: { outlineLevel: 1, spacing: { before: 240, after: 80 } } },
        heading3: { run: { size: 24, bold: true, color: '2B4C63' }, paragraph: { outlineLevel: 2, spacing: { before: 200, after: 60 } } },
        heading4: { run: { size: 22, bold: true, color: '2B4C63' }, paragraph: { outlineLevel: 3, spacing: { before: 160, after: 40 } } },
        heading5: { run: { size: 22, bold: true, italics: true, color: '2B4C63' }, paragraph: { outlineLevel: 4 } },
        heading6: { run: { size: 22, italics: true, color: '2B4C63' }, paragraph: { outlineLevel: 5 } },
      },
    },
    numbering: DOCX_NUMBERING,
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1300, bottom: 1300, left: 1250, right: 1130 } } },
        headers: {
          default: new Header({
            children: [new Paragraph({ children: [plain(`Kwaliteitsrapport · ${config?.name ?? ''}`, small), ...(status === 'concept' ? [plain('    CONCEPT', { ...small, bold: true, color: '8A4A00' })] : [])] })],
          }),
        },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ ...small, children: ['pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: [
          ...renderer.cover(),
          ...renderer.contents(),
          ...renderer.grid(),
          ...model.bouwstenen.flatMap((view) => renderer.bouwsteen(view)),
          ...renderer.samenhang(),
          ...renderer.appendix(),
        ],
      },
    ],
  });
  return { bytes: await markTableOfContents(await Packer.toBuffer(document)), warnings: renderer.warnings };
}

