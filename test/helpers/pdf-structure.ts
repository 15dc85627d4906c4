// The structural PDF check: reads a PDF through Debian's qpdf (`qpdf --json`,
// streams decoded) and says what a PDF/UA reviewer would look for first. It
// shares no code with src/report: qpdf parses the file, and the content
// streams are read by the small tokenizer below, not by src/report/pdf-content.ts.
//
// What it is: a check of the points the report promises (version, XMP
// metadata, language, title shown, bookmarks panel, structure tree with parent
// tree, figures with alt text, links with a description, no untagged content).
// What it is not: a full PDF/UA validation (veraPDF or PAC); reading order,
// the meaning of alt text and colour contrast need a person.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { atFileEnd } from './file-end.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface QpdfObject {
  value?: Json;
  stream?: { dict: { [key: string]: Json }; data?: string };
}

export const hasQpdf = () => spawnSync('qpdf', ['--version'], { encoding: 'utf8' }).error === undefined;

export interface OutlineEntry {
  title: string;
  depth: number;
  /** 1-based. */
  page: number;
}

export interface PdfStructure {
  header: string;
  catalog: { [key: string]: Json };
  info: { [key: string]: Json };
  xmp: string | undefined;
  outline: OutlineEntry[];
  /** Every struct element's /S (without the slash), in tree order. */
  structTypes: string[];
  figuresWithoutAlt: number;
  /** Every link annotation: its description, and whether the parent tree puts it in a /Link element. */
  links: { page: number; contents: string; inLinkElement: boolean }[];
  /** Painting operators outside any artifact or tagged (MCID) marked content, per page. */
  untagged: { page: number; operator: string }[];
  /** MCIDs on a page that its parent tree entry does not point at a struct element. */
  orphanMcids: { page: number; mcid: number }[];
  pages: number;
  namedDestinations: number;
  /** Per page: the 1-by-1 squares Chrome draws a dotted line with (the contents' leaders are the only dotted lines). */
  dots: number[];
}

function qpdfJson(file: string): { objects: Map<string, QpdfObject>; outlines: Json[]; pages: { object: string }[] } {
  const result = spawnSync('qpdf', ['--json', '--json-key=qpdf', '--json-key=outlines', '--json-key=pages', '--json-stream-data=inline', '--decode-level=generalized', file], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 3) throw new Error(`qpdf failed: ${result.stderr}`);
  const json = JSON.parse(result.stdout) as { qpdf: [unknown, { [key: string]: QpdfObject }]; outlines: Json[]; pages: { object: string }[] };
  return { objects: new Map(Object.entries(json.qpdf[1])), outlines: json.outlines, pages: json.pages };
}

/** qpdf writes text strings as "u:…" and names as "/…". */
const textOf = (value: Json | undefined) => (typeof value === 'string' ? value.replace(/^u:/, '') : '');

// ---- content streams: a tokenizer of its own ----

const TOKEN =
  /\s+|%[^\r\n]*|\((?:\\[\s\S]|[^\\()]|\((?:\\[\s\S]|[^\\()])*\))*\)|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|\/[^\s()<>[\]{}/%]*|[+-]?(?:\d+\.?\d*|\.\d+)|[^\s()<>[\]{}/%]+/g;

const PAINTING = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'Tj', 'TJ', "'", '"', 'Do', 'sh', 'BI']);

/** Painting operators that are in no artifact and no marked content with an MCID. */
export function untaggedOperators(content: string): { operators: string[]; mcids: number[] } {
  const found: string[] = [];
  const mcids: number[] = [];
  // Per open marked-content sequence: does it (or one around it) make its content tagged or an artifact?
  const stack: boolean[] = [];
  let operands: string[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(content); match; match = TOKEN.exec(content)) {
    const token = match[0];
    if (/^\s/.test(token) || token.startsWith('%')) continue;
    const isOperator = /^[A-Za-z'"*]+$/.test(token) && !['true', 'false', 'null'].includes(token) && !operands.includes('[') && !operands.includes('<<');
    if (!isOperator) {
      if (token === ']' || token === '>>') {
        const open = token === ']' ? '[' : '<<';
        const at = operands.lastIndexOf(open);
        operands = [...operands.slice(0, at), operands.slice(at).join(' ') + ` ${token}`];
      } else operands.push(token);
      continue;
    }
    const covered = stack.length > 0 && stack[stack.length - 1];
    if (token === 'BMC' || token === 'BDC') {
      const tag = operands[0] ?? '';
      const mcid = /\/MCID\s+(\d+)/.exec(operands.slice(1).join(' '));
      if (mcid) mcids.push(Number(mcid[1]));
      stack.push(covered || tag === '/Artifact' || Boolean(mcid));
    } else if (token === 'EMC') stack.pop();
    else if (token === 'ID') {
      // Inline image data: skip to EI.
      const end = content.indexOf('EI', TOKEN.lastIndex);
      TOKEN.lastIndex = end < 0 ? content.length : end + 2;
      if (!covered) found.push('BI');
    } else if (PAINTING.has(token) && !covered) found.push(token);
    operands = [];
  }
  return { operators: found, mcids };
}

/** What was read of each file, for as long as it holds the same bytes: several tests look at one PDF. */
const read = new Map<string, { bytes: Buffer; structure: PdfStructure }>();
atFileEnd(() => read.clear());

export function readPdfStructure(file: string): PdfStructure {
  const bytes = readFileSync(file);
  const known = read.get(file);
  if (known?.bytes.equals(bytes)) return known.structure;
  const structure = readPdfStructureAfresh(file);
  read.set(file, { bytes, structure });
  return structure;
}

function readPdfStructureAfresh(file: string): PdfStructure {
  const { objects, outlines, pages } = qpdfJson(file);
  const value = (ref: Json | undefined): Json | undefined => {
    if (typeof ref === 'string' && / \d+ R$/.test(ref)) {
      const object = objects.get(`obj:${ref}`);
      return object?.value ?? (object?.stream?.dict as Json | undefined);
    }
    return ref;
  };
  const dict = (ref: Json | undefined) => {
    const v = value(ref);
    return v && typeof v === 'object' && !Array.isArray(v) ? v : undefined;
  };
  /** An array (direct or through a reference); a single item, such as one kid of /K, as a list of that one (not resolved). */
  const array = (ref: Json | undefined): Json[] => {
    const v = value(ref);
    return Array.isArray(v) ? v : ref === undefined ? [] : [ref];
  };
  const streamText = (ref: Json | undefined) => {
    const data = typeof ref === 'string' ? objects.get(`obj:${ref}`)?.stream?.data : undefined;
    return data === undefined ? '' : Buffer.from(data, 'base64').toString('latin1');
  };

  const trailer = objects.get('trailer')!.value as { [key: string]: Json };
  const catalog = dict(trailer['/Root'])!;
  const info = dict(trailer['/Info']) ?? {};
  const metadata = catalog['/Metadata'];
  const xmp = metadata ? Buffer.from(streamText(metadata), 'latin1').toString('utf8') : undefined;

  const outline: OutlineEntry[] = [];
  const walk = (items: Json[], depth: number) => {
    for (const item of items as { title: string; destpageposfrom1: number; kids: Json[] }[]) {
      outline.push({ title: item.title, depth, page: item.destpageposfrom1 });
      walk(item.kids, depth + 1);
    }
  };
  walk(outlines, 0);

  const structTypes: string[] = [];
  let figuresWithoutAlt = 0;
  const seen = new Set<Json>();
  const visit = (ref: Json | undefined) => {
    const node = dict(ref);
    if (!node || seen.has(node)) return;
    seen.add(node);
    if (typeof node['/S'] === 'string') {
      structTypes.push(node['/S'].slice(1));
      if (node['/S'] === '/Figure' && !textOf(node['/Alt']) && !textOf(node['/ActualText'])) figuresWithoutAlt++;
    }
    for (const kid of array(node['/K'])) if (typeof kid === 'string') visit(kid);
  };
  const structRoot = dict(catalog['/StructTreeRoot']);
  for (const kid of array(structRoot?.['/K'])) visit(kid);

  // The parent tree: StructParents key → array of struct elements, one per MCID.
  const parentTree = new Map<number, Json[]>();
  const parentTreeValue = new Map<number, Json>();
  const collect = (ref: Json | undefined) => {
    const node = dict(ref);
    if (!node) return;
    const nums = array(node['/Nums']);
    for (let i = 0; i + 1 < nums.length; i += 2) {
      parentTree.set(nums[i] as number, array(nums[i + 1]));
      parentTreeValue.set(nums[i] as number, nums[i + 1]);
    }
    for (const kid of array(node['/Kids'])) collect(kid);
  };
  collect(structRoot?.['/ParentTree']);

  const links: PdfStructure['links'] = [];
  const untagged: { page: number; operator: string }[] = [];
  const orphanMcids: { page: number; mcid: number }[] = [];
  const dots: number[] = [];
  pages.forEach(({ object }, index) => {
    const page = dict(object)!;
    for (const annot of array(page['/Annots'])) {
      const a = dict(annot);
      if (a?.['/Subtype'] !== '/Link') continue;
      // An annotation's /StructParent key maps to its struct element directly (not to an array, as for pages).
      const parent = typeof a['/StructParent'] === 'number' ? parentTreeValue.get(a['/StructParent']) : undefined;
      links.push({ page: index + 1, contents: textOf(a['/Contents']), inLinkElement: dict(parent)?.['/S'] === '/Link' });
    }
    const content = array(page['/Contents']).map((ref) => streamText(ref)).join('\n');
    dots.push(content.match(/^\S+ \S+ 1 1 re\s+f$/gm)?.length ?? 0);
    const { operators, mcids } = untaggedOperators(content);
    for (const operator of operators) untagged.push({ page: index + 1, operator });
    const entry = typeof page['/StructParents'] === 'number' ? parentTree.get(page['/StructParents']) : undefined;
    for (const mcid of mcids) {
      const parent = dict(entry?.[mcid]);
      if (!parent || typeof parent['/S'] !== 'string') orphanMcids.push({ page: index + 1, mcid });
    }
  });

  const names = dict(dict(catalog['/Names'])?.['/Dests']);
  const oldDests = dict(catalog['/Dests']);
  const namedDestinations = Object.keys(oldDests ?? {}).length + array(names?.['/Names']).length / 2;

  return {
    header: readFileSync(file).subarray(0, 8).toString('latin1'),
    catalog,
    info,
    xmp,
    outline,
    structTypes,
    figuresWithoutAlt,
    links,
    untagged,
    orphanMcids,
    pages: pages.length,
    namedDestinations,
    dots,
  };
}

/** The bookmarks the report should have, read from its HTML: the h1, every h2, each bouwblad's question (h3) and its periods (h4). */
/** The text of some markup, as a reader sees it. */
const plain = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

export function expectedBookmarks(html: string): { title: string; depth: number }[] {
  const wanted: { title: string; depth: number }[] = [];
  const pattern = /(<p class="bouwblad-label">[^<]*<\/p>\s*)?(<section class="period">\s*)?<h([1-4])[^>]*>([\s\S]*?)<\/h\3>/g;
  for (const [, label, period, level, inner] of html.matchAll(pattern)) {
    const depth = Number(level) <= 2 ? 0 : Number(level) - 2;
    if (Number(level) <= 2 || (level === '3' && label) || (level === '4' && period)) wanted.push({ title: plain(inner), depth });
  }
  return wanted;
}

/**
 * Every point the report promises of its PDF's structure (see the README,
 * "Toegankelijk"), for the PDF of `html`.
 */
export function expectAccessiblePdf(file: string, html: string): PdfStructure {
  const pdf = readPdfStructure(file);
  const title = plain(/<title>([^<]*)<\/title>/.exec(html)![1]);
  const lang = /<html lang="([^"]+)"/.exec(html)![1];
  // PDF 1.7, XMP metadata with the title, the language and PDF/UA-1.
  expect(pdf.header).toBe('%PDF-1.7');
  expect(pdf.xmp, 'XMP metadata').toBeDefined();
  const xmp = pdf.xmp!;
  const xmlText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
  expect(xmp).toContain(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(title)}</rdf:li></rdf:Alt></dc:title>`);
  expect(xmp).toContain(`<dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>`);
  expect(textOf(pdf.info['/Title'])).toBe(title);
  // Opens with the bookmarks shown and the title (not the file name) in the window.
  expect(pdf.catalog['/PageMode']).toBe('/UseOutlines');
  expect((pdf.catalog['/ViewerPreferences'] as { [key: string]: Json })['/DisplayDocTitle']).toBe(true);
  expect(textOf(pdf.catalog['/Lang'])).toBe(lang);
  // Chrome's structure tree, intact: marked, a tree with a parent tree that every MCID on every page resolves through.
  expect((pdf.catalog['/MarkInfo'] as { [key: string]: Json })['/Marked']).toBe(true);
  expect(pdf.structTypes[0]).toBe('Document');
  for (const type of ['H1', 'H2', 'H3', 'H4', 'H5', 'P', 'L', 'LI', 'Table', 'TH', 'TD', 'Link']) expect(pdf.structTypes, type).toContain(type);
  expect(pdf.orphanMcids).toEqual([]);
  expect(pdf.namedDestinations).toBeGreaterThanOrEqual(12);
  // Every figure has alt text; every link says where it goes.
  expect(pdf.figuresWithoutAlt).toBe(0);
  expect(pdf.links.length).toBeGreaterThan(20);
  expect(pdf.links.filter((link) => !link.contents)).toEqual([]);
  expect(pdf.links.filter((link) => !link.inLinkElement)).toEqual([]);
  // Nothing on any page is left untagged: header, footer, CONCEPT and lines are artifacts.
  expect(pdf.untagged.slice(0, 5)).toEqual([]);
  // Bookmarks: exactly the headings, h1 and the sections, each bouwsteen's bouwbladen and their periods, and nothing deeper.
  expect(pdf.outline.map(({ title: t, depth }) => ({ title: t, depth }))).toEqual(expectedBookmarks(html));
  expect(Math.max(...pdf.outline.map((item) => item.depth))).toBe(2);
  return pdf;
}

const squeeze = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** The text of each page, as pdftotext reads it (reading order, not layout). */
export function pageTexts(file: string): string[] {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
  return result.stdout.split('\f').slice(0, -1);
}

/**
 * Pages whose last lines are a heading, or a label that belongs to what comes
 * after it ("Verplichte vraag", the line above a bouwsteen's title): a heading
 * left alone at the bottom of a page.
 */
export function headingsAtPageEnd(file: string, html: string): string[] {
  const headings = [...html.matchAll(/<(h[2-6])[^>]*>([\s\S]*?)<\/\1>|<p class="(?:bouwblad-label|eyebrow|links-label)">([\s\S]*?)<\/p>/g)]
    .map((m) => squeeze(plain(m[2] ?? m[3])))
    .filter((heading) => heading.length >= 5);
  const found: string[] = [];
  pageTexts(file).forEach((page, index) => {
    // The running header and footer come after the body in Chrome's PDF; they are no part of the page's end.
    const lines = page
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/^pagina \d+ van \d+$/.test(line) && line !== 'CONCEPT' && !line.startsWith('Kwaliteitsrapport ·'));
    for (let k = 1; k <= 3 && k <= lines.length; k++) {
      const tail = squeeze(lines.slice(-k).join(' '));
      if (headings.includes(tail)) {
        found.push(`bladzijde ${index + 1}: ${lines.slice(-k).join(' ')}`);
        break;
      }
    }
  });
  return found;
}
