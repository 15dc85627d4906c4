// The bookmarks and pages of a PDF, for the tests: read with kwaliteit's own
// PDF reader (src/report/pdf-reader.ts), which the report uses for its contents.
import { decodeText, isDict, isRef, namedDestination, pageNumbers, PdfDocument, type PdfValue } from '../../src/report/pdf-reader.js';

export interface OutlineItem {
  title: string;
  /** 1-based page number, or undefined when the destination cannot be resolved. */
  page?: number;
  depth: number;
}

function destinationPage(doc: PdfDocument, catalog: Map<string, PdfValue>, item: Map<string, PdfValue>, pages: Map<number, number>): number | undefined {
  let dest = doc.resolve(item.get('Dest'));
  if (dest === undefined) {
    const action = doc.resolve(item.get('A'));
    if (isDict(action)) dest = doc.resolve(action.get('D'));
  }
  if (typeof dest === 'object' && dest !== null && !Array.isArray(dest) && !isDict(dest) && (dest.kind === 'name' || dest.kind === 'string')) {
    dest = namedDestination(doc, catalog, dest.kind === 'name' ? dest.value : decodeText(dest.bytes));
  }
  if (isDict(dest)) dest = doc.resolve(dest.get('D'));
  if (!Array.isArray(dest)) return undefined;
  const target = dest[0];
  if (isRef(target)) return pages.get(target.num);
  // Remote-style destinations use a 0-based page index instead of a reference.
  return typeof target === 'number' ? target + 1 : undefined;
}

/** Every bookmark of the PDF in reading order (depth-first), with its page. */
export function readOutline(bytes: Uint8Array): OutlineItem[] {
  const doc = new PdfDocument(bytes);
  const catalog = doc.resolve(doc.trailer.get('Root'));
  if (!isDict(catalog)) return [];
  const pages = pageNumbers(doc, catalog.get('Pages'));
  const outlines = doc.resolve(catalog.get('Outlines'));
  if (!isDict(outlines)) return [];
  const items: OutlineItem[] = [];
  const seen = new Set<number>();
  const walk = (first: PdfValue | undefined, depth: number) => {
    for (let ref = first; isRef(ref) && !seen.has(ref.num) && depth < 64; ) {
      seen.add(ref.num);
      const item = doc.resolve(ref);
      if (!isDict(item)) return;
      const title = doc.resolve(item.get('Title'));
      const text = typeof title === 'object' && title !== null && !Array.isArray(title) && !isDict(title) && title.kind === 'string' ? decodeText(title.bytes) : '';
      const page = destinationPage(doc, catalog, item, pages);
      items.push({ title: text, depth, ...(page !== undefined ? { page } : {}) });
      walk(item.get('First'), depth + 1);
      ref = item.get('Next');
    }
  };
  walk(outlines.get('First'), 0);
  return items;
}

/** The number of pages in the PDF. */
export function pageCount(bytes: Uint8Array): number {
  const doc = new PdfDocument(bytes);
  const catalog = doc.resolve(doc.trailer.get('Root'));
  return isDict(catalog) ? pageNumbers(doc, catalog.get('Pages')).size : 0;
}
