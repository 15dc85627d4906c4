// User Markdown → safe HTML for the report.
//
// Everything a coalition writes is untrusted. The order matters:
//   remark-parse → remark-rehype (raw HTML dropped, never parsed)
//   → rehype-sanitize (GitHub's schema, tightened: no external images at all)
//   → our own trusted transforms, which only ever remove or rewrite what the
//     sanitiser let through (heading levels, local images as data: URIs, links)
//   → rehype-stringify.
// The trusted transforms run after the sanitiser on purpose: data: URIs would
// not survive it, and nothing they add comes from the user's text unchecked.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Root as MdastRoot, RootContent as MdastContent } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { imageType, MAX_IMAGE_BYTES } from '../images/type.js';
import { imageTarget } from '../coalition/images.js';
import type { ParsedBody } from '../markdown/sections.js';
import { WRITE_HERE } from '../scaffold/guidance.js';

export interface MarkdownContext {
  /** Absolute path of the coalition folder: images must resolve inside it. */
  root: string;
  /** The file the Markdown comes from, relative to root (for images and warnings). */
  file: string;
  /** The level the fragment's first heading gets (its section's own heading level + 1). */
  headingBase: number;
  /** Line in `file` where the fragment starts, so warnings can point at the right line. */
  firstLine?: number;
  /** The images of the whole report: each file read once, and a limit on all of them together. */
  images?: ImageBudget;
}

/** All images in one report together: more than this and the report is too heavy to open or send. */
export const MAX_REPORT_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * The images of one report. Each file is read and encoded once, however often it
 * is used; once the report holds MAX_REPORT_IMAGE_BYTES of images (counting every
 * time one is shown), further images are left out, each with a warning.
 */
export class ImageBudget {
  private readonly encoded = new Map<string, { uri: string; size: number }>();
  private used = 0;

  constructor(private readonly limit = MAX_REPORT_IMAGE_BYTES) {}

  /** The data: URI of the image at real path `real`, read once; undefined when it would pass the limit. */
  take(real: string, read: () => { uri: string; size: number } | { reason: string }): { uri: string } | { reason: string } {
    let entry = this.encoded.get(real);
    if (!entry) {
      const result = read();
      if ('reason' in result) return result;
      this.encoded.set(real, (entry = result));
    }
    if (this.used + entry.size > this.limit) {
      return { reason: `past niet meer in het rapport: er staan al ${Math.round(this.used / 1024 / 1024)} MB aan afbeeldingen in (de grens is ${this.limit / 1024 / 1024} MB)` };
    }
    this.used += entry.size;
    return { uri: entry.uri };
  }
}

export interface ReportWarning {
  file: string;
  line?: number;
  message: string;
}

export { MAX_IMAGE_BYTES };

const REMOVED_TAGS = new Set(['picture', 'source', 'input', 'details', 'summary']);

const schema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !REMOVED_TAGS.has(tag)),
  attributes: {
    ...defaultSchema.attributes,
    // longDesc is a URL the reader's browser might fetch.
    img: ['alt', 'title', 'src'],
  },
  protocols: {
    ...defaultSchema.protocols,
    // No protocol at all for images: only paths inside the coalition folder, which
    // the image transform below turns into data: URIs or drops.
    src: [],
    cite: [],
    longDesc: [],
    href: ['http', 'https', 'mailto'],
  },
};

const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: false });
const sanitizer = unified().use(rehypeSanitize, schema);
const stringifier = unified().use(rehypeStringify);

type Parent = Root | Element;

function isElement(node: RootContent | ElementContent | Root, tag?: string): node is Element {
  return node.type === 'element' && (tag === undefined || node.tagName === tag);
}

/** Calls `visit` for every element, parents before children; `visit` may replace the node. */
function transformElements(parent: Parent, visit: (element: Element) => ElementContent[] | undefined): void {
  const next: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (isElement(child)) {
      const replacement = visit(child);
      if (replacement) {
        const holder: Element = { type: 'element', tagName: 'div', properties: {}, children: replacement };
        transformElements(holder, visit);
        next.push(...holder.children);
        continue;
      }
      transformElements(child, visit);
    }
    next.push(child);
  }
  parent.children = next as typeof parent.children;
}

/**
 * Moves the fragment's headings under the report's own structure: the first
 * heading gets `base`, and no heading is ever more than one level deeper than
 * the one before, so the document never skips a level. HTML stops at h6.
 */
function shiftHeadings(tree: Root, base: number): void {
  let previous = base - 1;
  let shallowest = Infinity;
  transformElements(tree, (element) => {
    const match = /^h([1-6])$/.exec(element.tagName);
    if (match) shallowest = Math.min(shallowest, Number(match[1]));
    return undefined;
  });
  transformElements(tree, (element) => {
    const match = /^h([1-6])$/.exec(element.tagName);
    if (!match) return undefined;
    const wanted = base + Number(match[1]) - shallowest;
    const level = Math.min(6, Math.max(base, Math.min(wanted, previous + 1)));
    element.tagName = `h${level}`;
    previous = level;
    return undefined;
  });
}

function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** The image as a data: URI, or the reason (Dutch) why it is left out. */
function embedImage(src: string, context: MarkdownContext): { uri: string } | { reason: string } {
  const inside = imageTarget(context.file, src);
  if ('reason' in inside) return inside;
  const root = realpathSync(context.root);
  const target = resolve(context.root, inside.path);
  let real: string;
  try {
    // realpath follows every link on the way: a link that points out of the folder is caught here.
    real = realpathSync(target);
  } catch {
    return { reason: 'bestaat niet' };
  }
  if (!isInside(root, real)) return { reason: 'verwijst via een snelkoppeling naar een plek buiten de map van de coalitie' };
  return (context.images ?? new ImageBudget()).take(real, () => {
    const info = statSync(real);
    if (!info.isFile()) return { reason: 'is geen bestand' };
    if (info.size > MAX_IMAGE_BYTES) return { reason: `is groter dan ${MAX_IMAGE_BYTES / 1024 / 1024} MB` };
    const bytes = readFileSync(real);
    // The bytes decide the type, not the name: a renamed file cannot smuggle in anything else.
    const kind = imageType(bytes);
    if (!kind) return { reason: 'is geen PNG-, JPEG-, GIF- of WebP-afbeelding' };
    return { uri: `data:${kind.mime};base64,${bytes.toString('base64')}`, size: bytes.length };
  });
}

/** Where each image pointed before sanitising, by source offset: only to name it in a warning. */
function originalImageSources(tree: Root): Map<number, string> {
  const sources = new Map<number, string>();
  transformElements(tree, (element) => {
    const offset = element.position?.start.offset;
    if (element.tagName === 'img' && offset !== undefined && typeof element.properties.src === 'string') {
      sources.set(offset, element.properties.src);
    }
    return undefined;
  });
  return sources;
}

function embedImages(tree: Root, original: Map<number, string>, context: MarkdownContext, warnings: ReportWarning[]): void {
  transformElements(tree, (element) => {
    if (element.tagName !== 'img') return undefined;
    const src = typeof element.properties.src === 'string' ? element.properties.src : '';
    // No src left means the sanitiser refused its protocol (http:, javascript: …).
    const result = src ? embedImage(src, context) : { reason: 'staat niet in de map van de coalitie (een adres op internet of een ander apparaat)' };
    if ('uri' in result) {
      element.properties = { src: result.uri, alt: element.properties.alt ?? '' };
      return undefined;
    }
    const start = element.position?.start;
    const shown = src || (start?.offset !== undefined ? original.get(start.offset) : undefined) || '';
    warnings.push({
      file: context.file,
      ...(start && context.firstLine !== undefined ? { line: context.firstLine + start.line - 1 } : {}),
      message: `De afbeelding ${shown ? `"${shown}" ` : ''}is weggelaten: die ${result.reason}.`,
    });
    return [];
  });
}

/** Keeps web and mail links; any other link (a file, a missing target) becomes plain text. */
function keepOnlyWebLinks(tree: Root): void {
  transformElements(tree, (element) => {
    if (element.tagName !== 'a') return undefined;
    const href = typeof element.properties.href === 'string' ? element.properties.href : '';
    if (/^(https?:\/\/|mailto:)/i.test(href)) {
      element.properties = { href };
      return undefined;
    }
    return element.children;
  });
}

function render(unsafe: Root, context: MarkdownContext, warnings: ReportWarning[]): string {
  const original = originalImageSources(unsafe);
  const tree = sanitizer.runSync(unsafe) as Root;
  shiftHeadings(tree, context.headingBase);
  embedImages(tree, original, context, warnings);
  keepOnlyWebLinks(tree);
  return String(stringifier.stringify(tree)).trim();
}

/** Renders one piece of a coalition's Markdown as safe HTML. */
export function markdownToHtml(markdown: string, context: MarkdownContext, warnings: ReportWarning[]): string {
  return render(toHast.runSync(toHast.parse(markdown)) as Root, context, warnings);
}

/**
 * The same for Markdown the loader already parsed (a step of a bouwblad), so it
 * is not parsed twice. `context.firstLine` is the file line of the tree's line 1.
 */
export function mdastToHtml(nodes: MdastContent[], context: MarkdownContext, warnings: ReportWarning[]): string {
  const root: MdastRoot = { type: 'root', children: nodes };
  return render(toHast.runSync(root) as Root, context, warnings);
}

/** The scaffold's "…" under a step, left standing when someone wrote below it instead of in its place. */
const isWriteHere = (node: MdastContent) =>
  node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'text' && node.children[0].value.trim() === WRITE_HERE;

/** The top-level nodes under the `##` heading on `line`, up to the next `#` or `##` heading. */
export function sectionNodes(body: ParsedBody, line: number): MdastContent[] {
  const children = body.tree.children;
  const start = children.findIndex((node) => node.type === 'heading' && node.position?.start.line === line);
  if (start < 0) return [];
  const nodes: MdastContent[] = [];
  for (const node of children.slice(start + 1)) {
    if (node.type === 'heading' && node.depth <= 2) break;
    if (!isWriteHere(node)) nodes.push(node);
  }
  return nodes;
}
