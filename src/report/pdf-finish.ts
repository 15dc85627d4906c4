// After Chrome prints: sets in the PDF what Chrome cannot, for PDF/UA (ISO
// 14289-1) and for a reader who opens it: PDF 1.7, XMP metadata with the title,
// the language and the PDF/UA identifier, the bookmarks panel open with
// bookmarks that are exactly the report's headings, a description on every
// link, and everything untagged on a page (running header and footer, the
// CONCEPT mark, backgrounds and lines) marked as an artifact.
//
// Everything else Chrome made stays as it is: the structure tree, its parent
// tree, MarkInfo, the fonts and the named destinations. Pure JavaScript
// (pdf-lib and node:zlib), so it runs on every computer the report runs on.
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHeader, PDFRawStream, PDFRef, decodePDFRawStream, type PDFContext } from 'pdf-lib';
import { setOutline, type Bookmark } from './pdf-bookmarks.js';
import { markArtifacts } from './pdf-content.js';
import { arrayOf, dictOf, name, text, textString } from './pdf-objects.js';
import { openPdf } from './pdf-file.js';


export interface FinishOptions {
  title: string;
  /** BCP 47, for /Lang and dc:language. */
  language: string;
  creator: string;
  bookmarks: Bookmark[];
  /** Anchor id → what a link to it is called (the heading's text). */
  targets: Map<string, string>;
  /** The moment the report was made, for the metadata. */
  date?: Date;
}

const xml = (value: string) => value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A date in the form XMP wants, with the local offset: 2026-03-01T14:05:09+01:00. */
function xmpDate(date: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone = `${offset >= 0 ? '+' : '-'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`;
}

export function xmpPacket(options: { title: string; language: string; creator: string; producer: string; date: Date }): string {
  const date = xmpDate(options.date);
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(options.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>${xml(options.language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreatorTool>${xml(options.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>${date}</xmp:CreateDate>
   <xmp:ModifyDate>${date}</xmp:ModifyDate>
   <xmp:MetadataDate>${date}</xmp:MetadataDate>
   <pdf:Producer>${xml(options.producer)}</pdf:Producer>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** The decoded bytes of a content stream. */
function contentBytes(stream: PDFRawStream): Uint8Array {
  const filter = stream.dict.get(name('Filter'));
  const single = filter instanceof PDFArray && filter.size() === 1 ? filter.get(0) : filter;
  // Chrome compresses with plain Flate; node's zlib does that much faster than pdf-lib's pako. In this thread:
  // zlib's own threads paid off less than the stream objects they need cost, while the browser shuts down on the other core.
  if (single === name('FlateDecode') && !stream.dict.has(name('DecodeParms'))) return inflateSync(stream.getContents());
  if (filter === undefined) return stream.getContents();
  return decodePDFRawStream(stream).decode();
}

/** Every page's content wrapped where it is not tagged (see pdf-content.ts). */
function markPageArtifacts(doc: PDFDocument): void {
  const { context } = doc;
  const refs = doc.getPages().flatMap((page) => {
    const contents = page.node.get(name('Contents'));
    return (contents instanceof PDFArray ? contents.asArray() : [contents]).filter((ref): ref is PDFRef => ref instanceof PDFRef);
  });
  for (const ref of refs) {
    const stream = context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) continue;
    const marked = markArtifacts(contentBytes(stream));
    if (marked) context.assign(ref, PDFRawStream.of(context.obj({ Filter: 'FlateDecode' }), deflateSync(marked)));
  }
}

/** Page object → 1-based page number. */
function pageNumbers(doc: PDFDocument): Map<PDFRef, number> {
  return new Map(doc.getPages().map((page, index) => [page.ref, index + 1]));
}

/** What a screen reader says for a link: where it goes (PDF/UA 7.18.5). */
function linkDescription(annot: PDFDict, context: PDFContext, targets: Map<string, string>, pages: Map<PDFRef, number>): string {
  const action = dictOf(context, annot.get(name('A')));
  const uri = action ? text(context.lookup(action.get(name('URI')))) : '';
  if (uri) return uri.startsWith('mailto:') ? `E-mail aan ${uri.slice(7)}` : `Website: ${uri}`;
  const dest = context.lookup(annot.get(name('Dest')) ?? action?.get(name('D')));
  const id = text(dest);
  if (id && targets.has(id)) return `Ga naar: ${targets.get(id)}`;
  const explicit = dest instanceof PDFArray ? dest.get(0) : undefined;
  const page = explicit instanceof PDFRef ? pages.get(explicit) : undefined;
  return page ? `Ga naar bladzijde ${page}` : 'Ga naar een andere plek in dit rapport';
}

function describeLinks(doc: PDFDocument, targets: Map<string, string>): void {
  const { context } = doc;
  const pages = pageNumbers(doc);
  for (const page of doc.getPages()) {
    const annots = arrayOf(context, page.node.get(name('Annots')));
    for (const item of annots?.asArray() ?? []) {
      const annot = dictOf(context, item);
      if (!annot || annot.get(name('Subtype')) !== name('Link') || text(annot.get(name('Contents')))) continue;
      annot.set(name('Contents'), textString(linkDescription(annot, context, targets, pages)));
    }
  }
}

export async function finishPdf(bytes: Uint8Array, options: FinishOptions): Promise<Uint8Array> {
  // Chrome's PDF opens without parsing all of it (pdf-file.ts); anything else the usual way, without pauses for the event loop.
  const file = openPdf(bytes);
  const doc = file?.doc ?? (await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity }));
  const { context, catalog } = doc;
  const date = options.date ?? new Date();
  const producer = `${doc.getProducer() || 'Chromium'}; pdf-lib`;

  // PDF/UA-1 is based on PDF 1.7; the header says so (here for pdf-lib's own save, which savePdf falls back to).
  context.header = PDFHeader.forVersion(1, 7);
  doc.setTitle(options.title, { showInWindowTitleBar: true });
  doc.setLanguage(options.language);
  doc.setCreator(options.creator);
  doc.setProducer(producer);
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const xmp = new TextEncoder().encode(xmpPacket({ title: options.title, language: options.language, creator: options.creator, producer, date }));
  catalog.set(name('Metadata'), context.register(context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })));
  catalog.set(name('PageMode'), name('UseOutlines'));

  setOutline(doc, options.bookmarks);
  describeLinks(doc, options.targets);
  markPageArtifacts(doc);
  return file ? file.save('1.7') : doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
}
