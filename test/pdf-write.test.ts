// Writing a changed PDF with the unchanged objects copied as they were (src/report/pdf-write.ts).
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readOutline } from '../src/report/outline.js';
import { classicXref, savePdf } from '../src/report/pdf-write.js';
import { buildPdf } from './helpers/tiny-pdf.js';

/** With an Info dictionary (object 4); `extra` goes into the trailer too. */
const pdfWith = (objects: string[], extra = '') => buildPdf(objects, { trailer: `/Info 4 0 R${extra}` });

const OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R /Outlines 5 0 R >>',
  '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] >>',
  '<< /Title (Oud) >>',
  '<< /Type /Outlines /First 6 0 R /Last 6 0 R /Count 1 >>',
  '<< /Title (Kop) /Parent 5 0 R /Dest [3 0 R /XYZ 0 100 0] >>',
];
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('writing a changed PDF', () => {
  it('reads a classic cross-reference table, and refuses one with an earlier revision', () => {
    const pdf = pdfWith(OBJECTS);
    const xref = classicXref(pdf)!;
    expect([...xref.offsets.keys()]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(text(pdf).slice(xref.offsets.get(3)!, xref.offsets.get(3)! + 7)).toBe('3 0 obj');
    expect(classicXref(pdfWith(OBJECTS, ' /Prev 9'))).toBeUndefined();
    expect(classicXref(Uint8Array.from(Buffer.from('%PDF-1.4\nniets\n', 'latin1')))).toBeUndefined();
  });

  it('copies what did not change byte for byte, writes what did, and leaves out what was deleted', async () => {
    const original = pdfWith(OBJECTS);
    const doc = await PDFDocument.load(original, { updateMetadata: false });
    const info = PDFRef.of(4);
    doc.context.lookup(info, PDFDict).set(PDFName.of('Title'), PDFHexString.fromText('Nieuw – één'));
    doc.context.delete(PDFRef.of(6));
    doc.catalog.delete(PDFName.of('Outlines'));
    const extra = doc.context.register(doc.context.obj({ Type: 'Metadata' }));
    const out = text(await savePdf(doc, original, { changed: new Set([info, doc.context.trailerInfo.Root as PDFRef]) }, '1.7'));
    expect(out.startsWith('%PDF-1.7\n')).toBe(true);
    for (const number of [2, 3, 5]) expect(out, `object ${number}`).toContain(`${number} 0 obj\n${OBJECTS[number - 1]}\nendobj\n`);
    expect(out).not.toContain('(Kop)');
    expect(out).not.toContain('/Outlines 5 0 R');
    expect(out).toContain(`${extra.objectNumber} 0 obj\n<<\n/Type /Metadata\n>>`);
    // The new file reads back: its table points at every object, and pdf-lib and our own reader find them.
    const again = await PDFDocument.load(Uint8Array.from(Buffer.from(out, 'latin1')), { updateMetadata: false });
    expect(again.getTitle()).toBe('Nieuw – één');
    expect(again.getPageCount()).toBe(1);
    const xref = classicXref(Uint8Array.from(Buffer.from(out, 'latin1')))!;
    expect([...xref.offsets.keys()]).toEqual([1, 2, 3, 4, 5, extra.objectNumber]);
    for (const [number, at] of xref.offsets) expect(out.slice(at).startsWith(`${number} 0 obj`), `object ${number}`).toBe(true);
    expect(readOutline(Uint8Array.from(Buffer.from(out, 'latin1')))).toEqual([]);
  });

  it("falls back to pdf-lib's own save for a file it cannot copy from", async () => {
    const original = pdfWith(OBJECTS, ' /Prev 9');
    const doc = await PDFDocument.load(original, { updateMetadata: false });
    const out = await savePdf(doc, original, { changed: new Set() }, '1.7');
    expect((await PDFDocument.load(out)).getPageCount()).toBe(1);
    expect(readOutline(out).map((item) => item.title)).toEqual(['Kop']);
  });
});
