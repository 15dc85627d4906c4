// A coalition's own text for the Word report. It goes through the same
// pipeline as the HTML report (Markdown → sanitised HTML, images checked and
// embedded, only web links kept), and that safe HTML is then laid out as Word
// paragraphs, lists, tables and images. So both reports show the same, and
// nothing the sanitiser removed can come back in Word.
import type { Element, ElementContent, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import {
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { imageSize } from 'image-size';

const parser = unified().use(rehypeParse, { fragment: true });

export const BULLETS = 'opsomming';
export const NUMBERS = 'nummering';

/** Heading levels: the HTML report's h2 (a section) is Word's Heading 1, and so on down. */
export const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
export const wordHeading = (htmlLevel: number) => HEADINGS[Math.min(5, Math.max(0, htmlLevel - 2))];

/** The widest an image may be on an A4 page with the margins used, in pixels at 96 dpi. */
const MAX_IMAGE_WIDTH = 600;

interface Inline {
  bold?: boolean;
  italics?: boolean;
  strike?: boolean;
  code?: boolean;
  superScript?: boolean;
  subScript?: boolean;
}

export interface DocxWarning {
  message: string;
}

const isElement = <T extends string>(node: ElementContent | Root, ...tags: T[]): node is Element & { tagName: T } =>
  node.type === 'element' && (tags.length === 0 || (tags as string[]).includes(node.tagName));

export class DocxContent {
  private listInstance = 0;

  constructor(private readonly onWarning: (message: string) => void) {}

  /** Safe HTML (from markdown-to-html) as Word blocks. */
  blocks(safeHtml: string): (Paragraph | Table)[] {
    const tree = parser.parse(safeHtml) as Root;
    return this.flow(tree.children as ElementContent[], 0);
  }

  private flow(nodes: ElementContent[], quote: number, style: Inline = {}): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    let loose: ElementContent[] = [];
    const flush = () => {
      if (loose.some((node) => node.type !== 'text' || node.value.trim())) out.push(this.paragraph(loose, style, quote));
      loose = [];
    };
    for (const node of nodes) {
      if (!isElement(node)) {
        loose.push(node);
        continue;
      }
      const heading = /^h([1-6])$/.exec(node.tagName);
      if (heading) {
        flush();
        out.push(new Paragraph({ heading: wordHeading(Number(heading[1])), children: this.runs(node.children, {}) }));
      } else if (node.tagName === 'p') {
        flush();
        out.push(this.paragraph(node.children, style, quote));
      } else if (node.tagName === 'ul' || node.tagName === 'ol') {
        flush();
        out.push(...this.list(node, 0));
      } else if (node.tagName === 'table') {
        flush();
        out.push(this.table(node));
      } else if (node.tagName === 'blockquote') {
        flush();
        out.push(...this.flow(node.children, quote + 1));
      } else if (node.tagName === 'pre') {
        flush();
        const text = textOf(node).replace(/\n$/, '');
        out.push(new Paragraph({ children: text.split('\n').flatMap((line, i) => [new TextRun({ text: line, font: 'Consolas', break: i > 0 ? 1 : 0 })]) }));
      } else if (node.tagName === 'hr') {
        flush();
        out.push(new Paragraph({ border: { bottom: { style: 'single', size: 6, color: '9AA5B1', space: 1 } }, children: [] }));
      } else if (node.tagName === 'div' || node.tagName === 'section') {
        flush();
        out.push(...this.flow(node.children, quote));
      } else loose.push(node);
    }
    flush();
    return out;
  }

  private paragraph(nodes: ElementContent[], style: Inline, quote: number): Paragraph {
    return new Paragraph({ children: this.runs(nodes, style), ...(quote ? { indent: { left: 567 * quote }, style: 'Quote' } : {}) });
  }

  private list(list: Element, level: number): Paragraph[] {
    const ordered = list.tagName === 'ol';
    // Each numbered list starts again at 1.
    const instance = ordered ? ++this.listInstance : 0;
    const out: Paragraph[] = [];
    for (const item of list.children) {
      if (!isElement(item, 'li')) continue;
      const inline: ElementContent[] = [];
      const nested: Element[] = [];
      for (const child of item.children) {
        if (isElement(child, 'ul', 'ol')) nested.push(child);
        else if (isElement(child, 'p')) inline.push(...(inline.length ? [{ type: 'text', value: ' ' } as ElementContent] : []), ...child.children);
        else inline.push(child);
      }
      out.push(new Paragraph({ numbering: { reference: ordered ? NUMBERS : BULLETS, level: Math.min(level, 5), ...(ordered ? { instance } : {}) }, children: this.runs(inline, {}) }));
      for (const sub of nested) out.push(...this.list(sub, level + 1));
    }
    return out;
  }

  private table(table: Element): Table {
    const rows: { header: boolean; cells: Element[] }[] = [];
    const visit = (element: Element, header: boolean) => {
      for (const child of element.children) {
        if (!isElement(child)) continue;
        if (child.tagName === 'tr') rows.push({ header, cells: child.children.filter((c): c is Element => isElement(c, 'td', 'th')) });
        else if (child.tagName === 'thead') visit(child, true);
        else if (child.tagName === 'tbody' || child.tagName === 'tfoot') visit(child, false);
      }
    };
    visit(table, false);
    return new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: rows.map(
        (row) =>
          new TableRow({
            // The header row repeats on every page, and tells a screen reader what each column is.
            tableHeader: row.header,
            children: row.cells.map((cell) => {
              const blocks = this.flow(cell.children, 0, row.header ? { bold: true } : {});
              const span = Number(cell.properties.colSpan ?? 1);
              return new TableCell({
                children: blocks.length ? blocks : [new Paragraph('')],
                ...(span > 1 ? { columnSpan: span } : {}),
                ...(row.header ? { shading: { fill: 'E8EDF2', type: 'clear', color: 'auto' } } : {}),
              });
            }),
          }),
      ),
    });
  }

  runs(nodes: ElementContent[], style: Inline): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const node of nodes) {
      if (node.type === 'text') {
        const text = node.value.replace(/\s+/g, ' ');
        if (text) out.push(textRun(text, style));
        continue;
      }
      if (!isElement(node)) continue;
      switch (node.tagName) {
        case 'strong':
        case 'b':
          out.push(...this.runs(node.children, { ...style, bold: true }));
          break;
        case 'em':
        case 'i':
          out.push(...this.runs(node.children, { ...style, italics: true }));
          break;
        case 'del':
        case 's':
          out.push(...this.runs(node.children, { ...style, strike: true }));
          break;
        case 'code':
          out.push(...this.runs(node.children, { ...style, code: true }));
          break;
        case 'sup':
          out.push(...this.runs(node.children, { ...style, superScript: true }));
          break;
        case 'sub':
          out.push(...this.runs(node.children, { ...style, subScript: true }));
          break;
        case 'br':
          out.push(new TextRun({ text: '', break: 1 }));
          break;
        case 'a': {
          const href = String(node.properties.href ?? '');
          const children = this.runs(node.children, style).filter((child): child is TextRun => child instanceof TextRun);
          if (href) out.push(new ExternalHyperlink({ link: href, children }));
          else out.push(...children);
          break;
        }
        case 'img': {
          const image = this.image(node);
          if (image) out.push(image);
          break;
        }
        default:
          out.push(...this.runs(node.children, style));
      }
    }
    return out;
  }

  private image(node: Element): ImageRun | TextRun | undefined {
    const src = String(node.properties.src ?? '');
    const alt = String(node.properties.alt ?? '');
    const match = /^data:image\/(png|jpeg|gif|webp);base64,(.+)$/.exec(src);
    if (!match) return undefined;
    const type = match[1] === 'jpeg' ? 'jpg' : match[1];
    if (type === 'webp') {
      // Word documents made with the docx package hold PNG, JPEG, GIF and BMP.
      this.onWarning(`De WebP-afbeelding${alt ? ` "${alt}"` : ''} staat niet in het Word-rapport (wel in de PDF en de webpagina).`);
      return new TextRun({ text: `[Afbeelding${alt ? `: ${alt}` : ''}]`, italics: true });
    }
    const data = Buffer.from(match[2], 'base64');
    let size: { width?: number; height?: number };
    try {
      size = imageSize(data);
    } catch {
      return undefined;
    }
    const width = size.width ?? MAX_IMAGE_WIDTH;
    const height = size.height ?? Math.round(width * 0.6);
    const scale = Math.min(1, MAX_IMAGE_WIDTH / width);
    return new ImageRun({
      type: type as 'png' | 'jpg' | 'gif',
      data,
      transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
      // The alt text is what a screen reader says, and what Word shows under "Alternatieve tekst".
      altText: { name: alt || 'Afbeelding', description: alt, title: alt },
    });
  }
}

export function textRun(text: string, style: Inline = {}): TextRun {
  return new TextRun({
    text,
    ...(style.bold ? { bold: true } : {}),
    ...(style.italics ? { italics: true } : {}),
    ...(style.strike ? { strike: true } : {}),
    ...(style.superScript ? { superScript: true } : {}),
    ...(style.subScript ? { subScript: true } : {}),
    ...(style.code ? { font: 'Consolas' } : {}),
  });
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (isElement(node)) return node.children.map(textOf).join('');
  return '';
}
