// Reads where things are in a PDF: the page each named destination points to.
// (The tests read the bookmarks with the same reader: test/helpers/pdf-outline.ts.)
//
// The report's table of contents gets its page numbers from here: the PDF is
// printed once, the destination of each section's link says on which page it
// landed, and the numbers are filled in before the final print. Chrome (Skia) writes the
// catalog, page tree and destinations as plain dictionaries with a classic xref
// table; this reader handles that, nested /Kids, named and action destinations,
// and falls back to scanning for objects when the xref table cannot be used.

interface Ref {
  kind: 'ref';
  num: number;
  gen: number;
}

interface Name {
  kind: 'name';
  value: string;
}

interface PdfString {
  kind: 'string';
  bytes: Uint8Array;
}

export type PdfValue = number | boolean | null | Ref | Name | PdfString | PdfValue[] | Map<string, PdfValue>;

export const isRef = (value: PdfValue | undefined): value is Ref => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map) && value.kind === 'ref';
export const isDict = (value: PdfValue | undefined): value is Map<string, PdfValue> => value instanceof Map;

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

class Parser {
  pos: number;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
  ) {
    this.pos = start;
  }

  private skipSpace(): void {
    const b = this.bytes;
    while (this.pos < b.length) {
      if (WHITESPACE.has(b[this.pos])) this.pos++;
      else if (b[this.pos] === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  private regular(): string {
    const start = this.pos;
    const b = this.bytes;
    while (this.pos < b.length && !WHITESPACE.has(b[this.pos]) && !DELIMITERS.has(b[this.pos])) this.pos++;
    return Buffer.from(b.subarray(start, this.pos)).toString('latin1');
  }

  /** Peeks whether "<int> <int> R" follows, without consuming. */
  private tryRef(first: number): Ref | undefined {
    const saved = this.pos;
    this.skipSpace();
    const gen = this.regular();
    this.skipSpace();
    if (/^\d+$/.test(gen) && this.bytes[this.pos] === 0x52 /* R */) {
      const after = this.bytes[this.pos + 1];
      if (after === undefined || WHITESPACE.has(after) || DELIMITERS.has(after)) {
        this.pos++;
        return { kind: 'ref', num: first, gen: Number(gen) };
      }
    }
    this.pos = saved;
    return undefined;
  }

  value(): PdfValue {
    this.skipSpace();
    const b = this.bytes;
    const c = b[this.pos];
    if (c === undefined) throw new Error('unexpected end of PDF');
    if (c === 0x2f /* / */) {
      this.pos++;
      return { kind: 'name', value: this.regular().replace(/#([0-9a-f]{2})/gi, (_, hex) => String.fromCharCode(parseInt(hex, 16))) };
    }
    if (c === 0x28 /* ( */) return this.literalString();
    if (c === 0x3c /* < */) {
      if (b[this.pos + 1] === 0x3c) return this.dictionary();
      return this.hexString();
    }
    if (c === 0x5b /* [ */) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return items;
        }
        items.push(this.value());
      }
    }
    const word = this.regular();
    if (word === '') {
      this.pos++;
      return null;
    }
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    const number = Number(word);
    if (Number.isNaN(number)) return null;
    if (/^\d+$/.test(word)) return this.tryRef(number) ?? number;
    return number;
  }

  private dictionary(): Map<string, PdfValue> {
    this.pos += 2;
    const dict = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.bytes[this.pos] === 0x3e && this.bytes[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return dict;
      }
      const key = this.value();
      if (typeof key !== 'object' || key === null || Array.isArray(key) || isDict(key) || key.kind !== 'name') throw new Error('bad dictionary key');
      dict.set(key.value, this.value());
    }
  }

  private literalString(): PdfString {
    const b = this.bytes;
    const out: number[] = [];
    let depth = 1;
    this.pos++;
    while (this.pos < b.length) {
      const c = b[this.pos++];
      if (c === 0x5c /* \ */) {
        const n = b[this.pos++];
        const simple: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (n in simple) out.push(simple[n]);
        else if (n >= 0x30 && n <= 0x37) {
          let octal = n - 0x30;
          for (let i = 0; i < 2 && b[this.pos] >= 0x30 && b[this.pos] <= 0x37; i++) octal = octal * 8 + (b[this.pos++] - 0x30);
          out.push(octal & 0xff);
        } else if (n === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (n !== 0x0a) out.push(n);
      } else if (c === 0x28) {
        depth++;
        out.push(c);
      } else if (c === 0x29) {
        if (--depth === 0) break;
        out.push(c);
      } else out.push(c);
    }
    return { kind: 'string', bytes: Uint8Array.from(out) };
  }

  private hexString(): PdfString {
    this.pos++;
    const start = this.pos;
    while (this.pos < this.bytes.length && this.bytes[this.pos] !== 0x3e) this.pos++;
    let hex = Buffer.from(this.bytes.subarray(start, this.pos)).toString('latin1').replace(/[^0-9a-f]/gi, '');
    this.pos++;
    if (hex.length % 2) hex += '0';
    return { kind: 'string', bytes: Uint8Array.from(Buffer.from(hex, 'hex')) };
  }
}

/** PDFDocEncoding differs from Latin-1 only in 0x80–0x9F (and a few unused codes). */
const PDF_DOC_HIGH = '•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž\u{fffd}€';

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
    return out;
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return Buffer.from(bytes.subarray(3)).toString('utf8');
  let out = '';
  for (const byte of bytes) out += byte >= 0x80 && byte <= 0xa0 ? PDF_DOC_HIGH[byte - 0x80] : String.fromCharCode(byte);
  return out;
}

export class PdfDocument {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfValue>();
  readonly trailer: Map<string, PdfValue>;

  constructor(private readonly bytes: Uint8Array) {
    this.trailer = this.readXref() ?? this.scan();
  }

  private text(from: number, to: number): string {
    return Buffer.from(this.bytes.subarray(from, to)).toString('latin1');
  }

  /** Classic xref tables, following /Prev; undefined when the file uses something else. */
  private readXref(): Map<string, PdfValue> | undefined {
    const tail = this.text(Math.max(0, this.bytes.length - 2048), this.bytes.length);
    const match = /startxref\s+(\d+)/.exec(tail.slice(tail.lastIndexOf('startxref')));
    if (!match) return undefined;
    let offset = Number(match[1]);
    let newest: Map<string, PdfValue> | undefined;
    const seen = new Set<number>();
    while (!seen.has(offset)) {
      seen.add(offset);
      const head = this.text(offset, offset + 4);
      if (head !== 'xref') return undefined;
      let pos = offset + 4;
      // Sections: "<first> <count>" then count 20-byte entries, until "trailer".
      for (;;) {
        const header = /^\s*(\d+)\s+(\d+)[ \t]*\r?\n?/.exec(this.text(pos, pos + 40));
        if (!header) break;
        pos += header[0].length;
        const first = Number(header[1]);
        const count = Number(header[2]);
        for (let i = 0; i < count; i++) {
          const entry = /^\s*(\d{10}) (\d{5}) ([nf])/.exec(this.text(pos, pos + 22));
          if (!entry) return undefined;
          pos += entry[0].length;
          if (entry[3] === 'n' && !this.offsets.has(first + i)) this.offsets.set(first + i, Number(entry[1]));
        }
      }
      const trailerAt = this.text(pos, pos + 64).indexOf('trailer');
      if (trailerAt < 0) return undefined;
      const trailer = new Parser(this.bytes, pos + trailerAt + 7).value();
      if (!isDict(trailer)) return undefined;
      newest ??= trailer;
      const prev = trailer.get('Prev');
      if (typeof prev !== 'number') break;
      offset = prev;
    }
    return newest;
  }

  /** For files without a usable xref table: every "n g obj", the last one wins. */
  private scan(): Map<string, PdfValue> {
    this.offsets.clear();
    const text = this.text(0, this.bytes.length);
    const pattern = /(?:^|[\r\n\s])(\d+)\s+(\d+)\s+obj\b/g;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      this.offsets.set(Number(match[1]), match.index + match[0].indexOf(match[1]));
    }
    const trailerAt = text.lastIndexOf('trailer');
    if (trailerAt >= 0) {
      const trailer = new Parser(this.bytes, trailerAt + 7).value();
      if (isDict(trailer)) return trailer;
    }
    // No trailer (xref streams): find the catalog itself.
    for (const [num] of this.offsets) {
      const value = this.object(num);
      if (isDict(value) && (value.get('Type') as Name | undefined)?.value === 'Catalog') return new Map([['Root', { kind: 'ref', num, gen: 0 } as Ref]]);
    }
    throw new Error('PDF without a catalog');
  }

  object(num: number): PdfValue {
    if (this.cache.has(num)) return this.cache.get(num)!;
    const offset = this.offsets.get(num);
    if (offset === undefined) return null;
    const header = /^\s*\d+\s+\d+\s+obj/.exec(this.text(offset, offset + 32));
    if (!header) return null;
    const value = new Parser(this.bytes, offset + header[0].length).value();
    this.cache.set(num, value);
    return value;
  }

  resolve(value: PdfValue | undefined): PdfValue | undefined {
    let current = value;
    for (let hops = 0; isRef(current) && hops < 32; hops++) current = this.object(current.num);
    return current;
  }
}

/** Page object number → 1-based page number, walking nested /Kids in order. */
export function pageNumbers(doc: PdfDocument, pages: PdfValue | undefined): Map<number, number> {
  const numbers = new Map<number, number>();
  const seen = new Set<number>();
  const walk = (node: PdfValue | undefined) => {
    if (!isRef(node) || seen.has(node.num)) return;
    seen.add(node.num);
    const dict = doc.resolve(node);
    if (!isDict(dict)) return;
    const kids = doc.resolve(dict.get('Kids'));
    if (Array.isArray(kids)) kids.forEach(walk);
    else numbers.set(node.num, numbers.size + 1);
  };
  walk(pages);
  return numbers;
}

export function namedDestination(doc: PdfDocument, catalog: Map<string, PdfValue>, name: string): PdfValue | undefined {
  const dests = doc.resolve(catalog.get('Dests'));
  if (isDict(dests) && dests.has(name)) return doc.resolve(dests.get(name));
  const names = doc.resolve(catalog.get('Names'));
  const tree = isDict(names) ? doc.resolve(names.get('Dests')) : undefined;
  const search = (node: PdfValue | undefined, depth: number): PdfValue | undefined => {
    if (!isDict(node) || depth > 32) return undefined;
    const pairs = doc.resolve(node.get('Names'));
    if (Array.isArray(pairs)) {
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        const key = pairs[i];
        if (typeof key === 'object' && key !== null && !Array.isArray(key) && !isDict(key) && key.kind === 'string' && decodeText(key.bytes) === name) {
          return doc.resolve(pairs[i + 1]);
        }
      }
    }
    const kids = doc.resolve(node.get('Kids'));
    if (Array.isArray(kids)) for (const kid of kids) {
      const found = search(doc.resolve(kid), depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return search(tree, 0);
}

/**
 * The page each named destination points to. Chrome makes one for every element
 * an internal link points at (the contents links to each section's heading), in
 * every PDF it prints, tagged or not.
 */
export function readDestinations(bytes: Uint8Array, names: string[]): Map<string, number> {
  const doc = new PdfDocument(bytes);
  const catalog = doc.resolve(doc.trailer.get('Root'));
  const result = new Map<string, number>();
  if (!isDict(catalog)) return result;
  const pages = pageNumbers(doc, catalog.get('Pages'));
  for (const name of names) {
    let dest = namedDestination(doc, catalog, name);
    if (isDict(dest)) dest = doc.resolve(dest.get('D'));
    const target = Array.isArray(dest) ? dest[0] : undefined;
    const page = isRef(target) ? pages.get(target.num) : undefined;
    if (page !== undefined) result.set(name, page);
  }
  return result;
}
