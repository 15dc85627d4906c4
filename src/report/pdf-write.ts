// Writes a PDF that pdf-lib has changed, copying every object that did not
// change byte for byte from the original: only the changed and new objects are
// serialised, which takes a fraction of the time of pdf-lib's own save (it
// serialises all of Chrome's ~2,700 objects again). The result is one clean
// revision with a new cross-reference table, not an incremental update.
//
// This needs the original's classic cross-reference table, which is what
// Chrome (Skia) writes; for anything else it falls back to pdf-lib's save.
import type { PDFDocument, PDFObject, PDFRef } from 'pdf-lib';

export interface Changes {
  /** Objects of the original that were changed in place or replaced. */
  changed: Set<PDFRef>;
}

const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/** Object number → offset, and where the table starts; undefined unless it is one classic table without earlier revisions. */
export function classicXref(bytes: Uint8Array): { offsets: Map<number, number>; xrefAt: number } | undefined {
  const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) return undefined;
  const xrefAt = Number(start[1]);
  if (xrefAt <= 0 || xrefAt >= bytes.length || latin1(bytes, xrefAt, xrefAt + 4) !== 'xref') return undefined;
  const table = latin1(bytes, xrefAt, bytes.length);
  const trailerAt = table.indexOf('trailer');
  if (trailerAt < 0 || /\/Prev\b|\/XRefStm\b/.test(table.slice(trailerAt))) return undefined;
  const offsets = new Map<number, number>();
  const lines = table.slice(4, trailerAt).split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean);
  for (let i = 0; i < lines.length; ) {
    const section = /^(\d+) (\d+)$/.exec(lines[i++]);
    if (!section) return undefined;
    const [first, count] = [Number(section[1]), Number(section[2])];
    for (let k = 0; k < count; k++, i++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(lines[i] ?? '');
      if (!entry) return undefined;
      if (entry[3] === 'n') offsets.set(first + k, Number(entry[1]));
    }
  }
  return { offsets, xrefAt };
}

function serialise(ref: PDFRef, object: PDFObject): Uint8Array {
  const head = `${ref.objectNumber} ${ref.generationNumber} obj\n`;
  const out = new Uint8Array(head.length + object.sizeInBytes() + 8);
  out.set(Buffer.from(head, 'latin1'), 0);
  const end = head.length + object.copyBytesInto(out, head.length);
  out.set(Buffer.from('\nendobj\n', 'latin1'), end);
  return out;
}

/** The PDF with its header saying `version`, every unchanged object as it was and every changed or new one written anew. */
export async function savePdf(doc: PDFDocument, original: Uint8Array, changes: Changes, version: string): Promise<Uint8Array> {
  const xref = classicXref(original);
  const objects = doc.context.enumerateIndirectObjects();
  // Every object pdf-lib holds must be one the table knows, or new (numbered above the original's); otherwise the table is not to be trusted.
  const highest = xref ? Math.max(0, ...xref.offsets.keys()) : 0;
  if (!xref || objects.some(([ref]) => ref.objectNumber <= highest && !xref.offsets.has(ref.objectNumber))) {
    return doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  }
  const starts = [...xref.offsets.values(), xref.xrefAt].sort((a, b) => a - b);
  const endOf = new Map(starts.slice(0, -1).map((at, index) => [at, starts[index + 1]]));

  const chunks: Uint8Array[] = [Buffer.from(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`, 'latin1')];
  let size = chunks[0].length;
  const written = new Map<number, { offset: number; generation: number }>();
  const { changed } = changes;
  for (const [ref, object] of objects.sort(([a], [b]) => a.objectNumber - b.objectNumber)) {
    const at = xref.offsets.get(ref.objectNumber);
    const chunk = at === undefined || changed.has(ref) ? serialise(ref, object) : original.subarray(at, endOf.get(at));
    written.set(ref.objectNumber, { offset: size, generation: ref.generationNumber });
    chunks.push(chunk);
    size += chunk.length;
  }

  // One subsection per run of consecutive object numbers; numbers not listed are free.
  const numbers = [...written.keys()];
  let table = 'xref\n0 1\n0000000000 65535 f \n';
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
    table += `${numbers[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const entry = written.get(numbers[k])!;
      table += `${String(entry.offset).padStart(10, '0')} ${String(entry.generation).padStart(5, '0')} n \n`;
    }
    i = j + 1;
  }
  const { Root, Info, ID } = doc.context.trailerInfo;
  const trailer = [`/Size ${doc.context.largestObjectNumber + 1}`, `/Root ${Root}`, Info ? `/Info ${Info}` : '', ID ? `/ID ${ID}` : ''].filter(Boolean).join(' ');
  chunks.push(Buffer.from(`${table}trailer\n<< ${trailer} >>\nstartxref\n${size}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
