// The PDF's bookmarks (outline), set from the headings the report knows instead
// of the ones Chrome makes: Chrome makes one per heading (149 in the example,
// every step included) and loses the space where a heading wraps onto a new line.
import { PDFDict, PDFNumber, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { dictOf, name, text, textString } from './pdf-objects.js';

export interface Bookmark {
  /** Exactly the text of the heading it points at. */
  title: string;
  /** The heading's level (1 for h1 …): Chrome's outline has one item per heading, nested by level. */
  level: number;
  children: Bookmark[];
  /** Shown with its children folded away. */
  closed?: boolean;
}

/** Whitespace is left out when comparing: Chrome loses the space where a heading wraps ("dekinderen"). */
const squeeze = (value: string) => value.replace(/\s+/g, '');

interface ChromeItem {
  title: string;
  depth: number;
  dest: PDFObject | undefined;
}

/** Chrome's outline, one item per heading in document order, and the refs of its objects. */
function readChromeOutline(doc: PDFDocument): { items: ChromeItem[]; refs: PDFRef[] } {
  const { context } = doc;
  const items: ChromeItem[] = [];
  const refs: PDFRef[] = [];
  const outlines = doc.catalog.get(name('Outlines'));
  if (outlines instanceof PDFRef) refs.push(outlines);
  const root = dictOf(context, outlines);
  const seen = new Set<PDFRef>();
  const walk = (first: PDFObject | undefined, depth: number) => {
    for (let ref = first; ref instanceof PDFRef && !seen.has(ref) && depth < 64; ) {
      seen.add(ref);
      refs.push(ref);
      const item = dictOf(context, ref);
      if (!item) return;
      const action = dictOf(context, item.get(name('A')));
      items.push({ title: text(context.lookup(item.get(name('Title')))), depth, dest: item.get(name('Dest')) ?? action?.get(name('D')) });
      walk(item.get(name('First')), depth + 1);
      ref = item.get(name('Next'));
    }
  };
  if (root) walk(root.get(name('First')), 0);
  return { items, refs };
}

/**
 * Replaces Chrome's outline (every heading, spaces lost at line breaks) with
 * ours: only the bookmarks asked for, titled exactly as their headings, each
 * pointing where Chrome's item for that heading pointed.
 */
export function setOutline(doc: PDFDocument, bookmarks: Bookmark[]): void {
  const { context } = doc;
  const { items, refs } = readChromeOutline(doc);
  let next = 0;
  const destinationOf = (bookmark: Bookmark): PDFObject | undefined => {
    const wanted = squeeze(bookmark.title);
    for (let i = next; i < items.length; i++) {
      if (items[i].depth === bookmark.level - 1 && squeeze(items[i].title) === wanted) {
        next = i + 1;
        return items[i].dest;
      }
    }
    return undefined;
  };
  for (const ref of refs) context.delete(ref);

  interface Made {
    ref: PDFRef;
    dict: PDFDict;
    closed: boolean;
    /** Items shown below it when it is open. */
    below: number;
  }
  const shown = (list: Made[]) => list.reduce((sum, item) => sum + 1 + (item.closed ? 0 : item.below), 0);
  const build = (list: Bookmark[]): Made[] => {
    const made: Made[] = [];
    for (const bookmark of list) {
      // Looked up before the children: the headings come in document order.
      const dest = destinationOf(bookmark);
      const children = build(bookmark.children);
      // A heading Chrome did not print (it always should) gets no bookmark; its children move up.
      if (!dest) {
        made.push(...children);
        continue;
      }
      const ref = context.nextRef();
      const dict = context.obj({});
      dict.set(name('Title'), textString(bookmark.title));
      dict.set(name('Dest'), dest);
      link(children, ref, dict);
      const below = shown(children);
      if (children.length) dict.set(name('Count'), PDFNumber.of(bookmark.closed ? -below : below));
      context.assign(ref, dict);
      made.push({ ref, dict, closed: Boolean(bookmark.closed) && children.length > 0, below });
    }
    return made;
  };
  /** Chains the items as the children of `parent`. */
  const link = (items: Made[], parentRef: PDFRef, parent: PDFDict) => {
    items.forEach((item, index) => {
      item.dict.set(name('Parent'), parentRef);
      if (index > 0) item.dict.set(name('Prev'), items[index - 1].ref);
      else item.dict.delete(name('Prev'));
      if (index + 1 < items.length) item.dict.set(name('Next'), items[index + 1].ref);
      else item.dict.delete(name('Next'));
    });
    if (items.length) {
      parent.set(name('First'), items[0].ref);
      parent.set(name('Last'), items[items.length - 1].ref);
    }
  };
  const top = build(bookmarks);
  const rootRef = context.nextRef();
  const root = context.obj({ Type: 'Outlines' });
  link(top, rootRef, root);
  if (top.length) root.set(name('Count'), PDFNumber.of(shown(top)));
  context.assign(rootRef, root);
  doc.catalog.set(name('Outlines'), rootRef);
}
