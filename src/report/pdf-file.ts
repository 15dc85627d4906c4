// Opens Chrome's PDF with pdf-lib without parsing all of it, and writes it
// back without serialising all of it.
//
// Chrome's report has some 2,700 objects, most of them the structure tree,
// which finishing the PDF never touches. pdf-lib parses every object when it
// loads a file and writes every one again when it saves; for this report that
// was most of the time the finishing took. Here each object is parsed the first
// time something looks it up (through the file's cross-reference table), and
// on saving every object that was looked up (and may have changed) is written
// anew, while every other one is copied byte for byte. The result is one clean
// revision with a new cross-reference table, not an incremental update.
//
// This needs the classic cross-reference table Chrome (Skia) writes; for any
// other file `openPdf` returns undefined and the caller uses pdf-lib as usual.
// It uses three of pdf-lib's parser methods that its types keep private; the
// version is pinned (1.17.1, the last release) and the tests cover it.
import { PDFDocument, PDFParser, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';

const latin1 = (bytes: Uint8Array, from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('latin1');

/** Object number → offset, and where the table starts; undefined unless it is one classic table without earlier revisions. */
export function classicXref(bytes: Uint8Array): { offsets: Map<number, number>; xrefAt: number; trailerAt: number } | undefined {
  const tail = latin1(bytes, Math.max(0, bytes.length - 1024), bytes.length);
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!start) return undefined;
  const xrefAt = Number(start[1]);
  if (xrefAt <= 0 || xrefAt >= bytes.length || latin1(bytes, xrefAt, xrefAt + 4) !== 'xref') return undefined;
  const table = latin1(bytes, xrefAt, bytes.length);
  const trailer = table.indexOf('trailer');
  if (trailer < 0 || /\/Prev\b|\/XRefStm\b|\/Encrypt\b/.test(table.slice(trailer))) return undefined;
  const offsets = new Map<number, number>();
  const lines = table.slice(4, trailer).split(/\r\n|\r|\n/).map((line) => line.trim()).filter(Boolean);
  for (let i = 0; i < lines.length; ) {
    const section = /^(\d+) (\d+)$/.exec(lines[i++]);
    if (!section) return undefined;
    const [first, count] = [Number(section[1]), Number(section[2])];
    for (let k = 0; k < count; k++, i++) {
      const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(lines[i] ?? '');
      if (!entry) return undefined;
      if (entry[3] === 'n' && Number(entry[2]) === 0) offsets.set(first + k, Number(entry[1]));
      else if (entry[3] === 'n') return undefined;
    }
  }
  return { offsets, xrefAt, trailerAt: xrefAt + trailer };
}

/** The parts of pdf-lib's parser used here (public in its JavaScript, private in its types). */
interface ParserInternals {
  context: PDFContext;
  bytes: { moveTo(offset: number): void; offset(): number };
  parseIndirectObjectHeader(): PDFRef;
  skipWhitespaceAndComments(): void;
  parseObject(): PDFObject;
  maybeParseTrailerDict(): void;
}

/** pdf-lib's table of objects, filled as objects are looked up. */
class ObjectsOnDemand extends Map<PDFRef, PDFObject> {
  readonly deleted = new Set<number>();

  constructor(private readonly parseAt: (ref: PDFRef) => PDFObject | undefined) {
    super();
  }

  override get(ref: PDFRef): PDFObject | undefined {
    if (!super.has(ref) && !this.deleted.has(ref.objectNumber)) {
      const object = this.parseAt(ref);
      if (object !== undefined) super.set(ref, object);
    }
    return super.get(ref);
  }

  override delete(ref: PDFRef): boolean {
    this.deleted.add(ref.objectNumber);
    return super.delete(ref);
  }
}

export interface OpenPdf {
  doc: PDFDocument;
  /** The file with its header saying `version`: what was looked up written anew, the rest as it was. */
  save(version: string): Uint8Array;
}

export function openPdf(bytes: Uint8Array): OpenPdf | undefined {
  const xref = classicXref(bytes);
  if (!xref) return undefined;
  const parser = PDFParser.forBytesWithOptions(bytes, Infinity, false, false) as unknown as ParserInternals;
  const { context } = parser;
  const objects = new ObjectsOnDemand((ref) => {
    const at = xref.offsets.get(ref.objectNumber);
    if (at === undefined || ref.generationNumber !== 0) return undefined;
    const position = parser.bytes.offset();
    try {
      parser.bytes.moveTo(at);
      if (parser.parseIndirectObjectHeader() !== ref) return undefined;
      parser.skipWhitespaceAndComments();
      return parser.parseObject();
    } catch {
      // What cannot be parsed is missing, as pdf-lib's own load leaves it (an invalid object).
      return undefined;
    } finally {
      parser.bytes.moveTo(position);
    }
  });
  (context as unknown as { indirectObjects: Map<PDFRef, PDFObject> }).indirectObjects = objects;
  parser.bytes.moveTo(xref.trailerAt);
  parser.maybeParseTrailerDict();
  const highest = Math.max(0, ...xref.offsets.keys());
  context.largestObjectNumber = highest;
  // The constructor pdf-lib's own load() uses, on this context.
  const Document = PDFDocument as unknown as new (context: PDFContext, ignoreEncryption: boolean, updateMetadata: boolean) => PDFDocument;
  const doc = new Document(context, false, false);

  return {
    doc,
    save(version) {
      // Every object looked up is written anew (it may have changed); new ones are numbered above the original's.
      const looked = new Map(context.enumerateIndirectObjects().map(([ref, object]) => [ref.objectNumber, { ref, object }]));
      const starts = [...xref.offsets.values(), xref.xrefAt].sort((a, b) => a - b);
      const endOf = new Map(starts.slice(0, -1).map((at, index) => [at, starts[index + 1]]));
      const chunks: Uint8Array[] = [Buffer.from(`%PDF-${version}\n%\xe2\xe3\xcf\xd3\n`, 'latin1')];
      let size = chunks[0].length;
      const written = new Map<number, number>();
      const numbers = [...new Set([...xref.offsets.keys(), ...looked.keys()])].filter((n) => !objects.deleted.has(n)).sort((a, b) => a - b);
      for (const number of numbers) {
        const fresh = looked.get(number);
        let chunk: Uint8Array;
        if (fresh) {
          const head = Buffer.from(`${number} 0 obj\n`, 'latin1');
          chunk = new Uint8Array(head.length + fresh.object.sizeInBytes() + 8);
          chunk.set(head, 0);
          const end = head.length + fresh.object.copyBytesInto(chunk, head.length);
          chunk.set(Buffer.from('\nendobj\n', 'latin1'), end);
        } else {
          const at = xref.offsets.get(number)!;
          chunk = bytes.subarray(at, endOf.get(at));
        }
        written.set(number, size);
        chunks.push(chunk);
        size += chunk.length;
      }
      // One subsection per run of consecutive object numbers; numbers not listed are free.
      let table = 'xref\n0 1\n0000000000 65535 f \n';
      for (let i = 0; i < numbers.length; ) {
        let j = i;
        while (j + 1 < numbers.length && numbers[j + 1] === numbers[j] + 1) j++;
        table += `${numbers[i]} ${j - i + 1}\n`;
        for (let k = i; k <= j; k++) table += `${String(written.get(numbers[k])).padStart(10, '0')} 00000 n \n`;
        i = j + 1;
      }
      const { Root, Info, ID } = context.trailerInfo;
      const trailer = [`/Size ${Math.max(highest, context.largestObjectNumber) + 1}`, `/Root ${Root}`, Info ? `/Info ${Info}` : '', ID ? `/ID ${ID}` : ''].filter(Boolean).join(' ');
      chunks.push(Buffer.from(`${table}trailer\n<< ${trailer} >>\nstartxref\n${size}\n%%EOF\n`, 'latin1'));
      return Buffer.concat(chunks);
    },
  };
}
