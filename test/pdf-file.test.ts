// Opening a PDF with objects parsed on demand, and writing it back with what was
// not looked up copied as it was (src/report/pdf-file.ts).
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readOutline } from './helpers/pdf-outline.js';
import { classicXref, openPdf } from '../src/report/pdf-file.js';
import { textString } from '../src/report/pdf-objects.js';
import { buildPdf } from './helpers/tiny-pdf.js';

/** With an Info dictionary (object 4); `extra` goes into the trailer too. */
const pdfWith = (objects: string[], extra = '') => buildPdf(objects, { trailer: `/Info 4 0 R${extra}` });

const OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R /Outlines 5 0 R >>',
  '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 7 0 R >>',
  '<< /Title (Oud) >>',
  '<< /Type /Outlines /First 6 0 R /Last 6 0 R /Count 1 >>',
  '<< /Title (Kop) /Parent 5 0 R /Dest [3 0 R /XYZ 0 100 0] >>',
  '<< /Length 8 0 R >>\nstream\nBT (endobj) Tj ET\nendstream',
  '17',
];
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytesOf = (value: string) => Uint8Array.from(Buffer.from(value, 'latin1'));

describe('a PDF opened on demand', () => {
  it('reads a classic cross-reference table, and refuses one with an earlier revision', () => {
    const pdf = pdfWith(OBJECTS);
    const xref = classicXref(pdf)!;
    expect([...xref.offsets.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(text(pdf).slice(xref.offsets.get(3)!, xref.offsets.get(3)! + 7)).toBe('3 0 obj');
    expect(classicXref(pdfWith(OBJECTS, ' /Prev 9'))).toBeUndefined();
    expect(classicXref(bytesOf('%PDF-1.4\nniets\n'))).toBeUndefined();
    expect(openPdf(pdfWith(OBJECTS, ' /Prev 9'))).toBeUndefined();
  });

  it('parses only what is looked up, writes that anew, copies the rest byte for byte and leaves out what was deleted', () => {
    const original = pdfWith(OBJECTS);
    const file = openPdf(original)!;
    const { doc } = file;
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toBe('Oud');
    doc.setTitle('Nieuw – één');
    doc.context.delete(PDFRef.of(6));
    doc.catalog.delete(PDFName.of('Outlines'));
    const extra = doc.context.register(doc.context.obj({ Type: 'Metadata', Title: textString('één') }));
    // Never looked up: the outline root and the content stream, with its length in an object of its own.
    expect(doc.context.enumerateIndirectObjects().map(([ref]) => ref.objectNumber).sort()).toEqual([1, 2, 3, 4, extra.objectNumber]);

    const out = text(file.save('1.7'));
    expect(out.startsWith('%PDF-1.7\n')).toBe(true);
    for (const number of [5, 7, 8]) expect(out, `object ${number}`).toContain(`${number} 0 obj\n${OBJECTS[number - 1]}\nendobj\n`);
    expect(out).not.toContain('(Kop)');
    expect(out).not.toContain('/Outlines 5 0 R');
    expect(out).toContain('/Title <FEFF00E900E9006E>');

    // The new file reads back: its table points at every object, and pdf-lib and our own reader find them.
    const written = bytesOf(out);
    const xref = classicXref(written)!;
    expect([...xref.offsets.keys()]).toEqual([1, 2, 3, 4, 5, 7, 8, extra.objectNumber]);
    for (const [number, at] of xref.offsets) expect(out.slice(at).startsWith(`${number} 0 obj`), `object ${number}`).toBe(true);
    const again = openPdf(written)!.doc;
    expect(again.getTitle()).toBe('Nieuw – één');
    expect(again.getPages()[0].node.Contents()).toBeDefined();
    expect(readOutline(written)).toEqual([]);
  });

  it('gives the same objects as pdf-lib parsing the whole file', async () => {
    const original = pdfWith(OBJECTS);
    const whole = await PDFDocument.load(original, { updateMetadata: false });
    const lazy = openPdf(original)!.doc;
    for (const number of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const ref = PDFRef.of(number);
      expect(String(lazy.context.lookup(ref)), `object ${number}`).toBe(String(whole.context.lookup(ref)));
    }
    expect(lazy.context.lookup(PDFRef.of(1))).toBeInstanceOf(PDFDict);
    expect(lazy.context.trailerInfo.Info).toBe(PDFRef.of(4));
  });
});
