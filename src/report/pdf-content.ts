// Marks everything on a page that is not tagged as an artifact (PDF/UA 7.1:
// content is either part of the structure tree or an artifact).
//
// Chrome tags what belongs to the document's structure (marked content with an
// MCID) and leaves the rest unmarked: the running header and footer with the
// CONCEPT mark, backgrounds, borders and lines. This pass wraps each unmarked
// graphics object in `/Artifact BMC … EMC`. It only inserts bytes between
// operators; it never changes one. The wrappers nest properly with everything
// around them: they never cross q/Q, BT/ET or another marked-content sequence,
// and never sit inside a path (between its first point and its painting operator).

const SPACE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) SPACE[c] = 1;
const DELIMITER = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIMITER[c.charCodeAt(0)] = 1;

/** An operator of up to three characters as one number, so that no string is made per operator. */
const code = (op: string) => op.charCodeAt(0) | ((op.charCodeAt(1) || 0) << 8) | ((op.charCodeAt(2) || 0) << 16);
const codes = (ops: string[]) => new Set(ops.map(code));

/** Operators that start or extend a path. */
const PATH = codes(['m', 'l', 'c', 'v', 'y', 'h', 're']);
/** Operators that paint (or clip) the current path and end it. */
const PAINT = codes(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*', 'n']);
/** Operators that show text, inside BT … ET. */
const SHOW_TEXT = codes(['Tj', 'TJ', "'", '"']);
/** Operators that paint on their own: an XObject, a shading, an inline image. */
const PAINT_ALONE = codes(['Do', 'sh', 'BI']);
const [BMC, BDC, EMC, BT, ET, Q_SAVE, Q_RESTORE, BI, TRUE, FALSE, NULL] = ['BMC', 'BDC', 'EMC', 'BT', 'ET', 'q', 'Q', 'BI', 'tru', 'fal', 'nul'].map(code);

const OPEN = new TextEncoder().encode('/Artifact BMC\n');
const CLOSE = new TextEncoder().encode('\nEMC\n');

/** Skips a literal string "( … )" starting at `i`; returns the index after it. */
function skipString(bytes: Uint8Array, i: number): number {
  let depth = 0;
  for (; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x5c /* \ */) i++;
    else if (c === 0x28) depth++;
    else if (c === 0x29 && --depth === 0) return i + 1;
  }
  return i;
}

/** The index just after "EI" that ends an inline image's data, which may hold any bytes. */
function skipInlineImage(bytes: Uint8Array, i: number): number {
  for (i += 1; i + 1 < bytes.length; i++) {
    if (bytes[i] === 0x45 && bytes[i + 1] === 0x49 && SPACE[bytes[i - 1]] && (i + 2 >= bytes.length || SPACE[bytes[i + 2]] || DELIMITER[bytes[i + 2]])) return i + 2;
  }
  return bytes.length;
}

/**
 * Calls `onOperator` for every operator of a content stream, in order, with its
 * code (see `code`) and where its first operand starts.
 */
export function scanOperators(bytes: Uint8Array, onOperator: (op: number, start: number) => void): void {
  const length = bytes.length;
  let start = -1;
  let i = 0;
  let nesting = 0; // arrays and dictionaries among the operands
  while (i < length) {
    const c = bytes[i];
    if (SPACE[c]) {
      i++;
      continue;
    }
    if (c === 0x25 /* % */) {
      while (i < length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
      continue;
    }
    if (start < 0) start = i;
    if (c === 0x28 /* ( */) i = skipString(bytes, i);
    else if (c === 0x3c /* < */) {
      if (bytes[i + 1] === 0x3c) {
        nesting++;
        i += 2;
      } else {
        while (i < length && bytes[i] !== 0x3e) i++;
        i++;
      }
    } else if (c === 0x3e /* > */) {
      if (bytes[i + 1] === 0x3e) nesting = Math.max(0, nesting - 1);
      i += 2;
    } else if (c === 0x5b /* [ */ || c === 0x7b) {
      nesting++;
      i++;
    } else if (c === 0x5d /* ] */ || c === 0x7d) {
      nesting = Math.max(0, nesting - 1);
      i++;
    } else if (c === 0x2f /* / */) {
      i++;
      while (i < length && !SPACE[bytes[i]] && !DELIMITER[bytes[i]]) i++;
    } else if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
      // A number: the most common token by far.
      i++;
      while (i < length && !SPACE[bytes[i]] && !DELIMITER[bytes[i]]) i++;
    } else {
      const from = i;
      let op = 0;
      while (i < length && !SPACE[bytes[i]] && !DELIMITER[bytes[i]]) {
        if (i - from < 3) op |= bytes[i] << (8 * (i - from));
        i++;
      }
      if (i === from) {
        i++; // a stray delimiter such as ")"
        continue;
      }
      if (nesting > 0 || op === TRUE || op === FALSE || op === NULL) continue;
      onOperator(i - from > 3 ? -1 : op, start);
      start = -1;
      // The data of an inline image follows ID, up to EI; BI … EI counts as one operator.
      if (op === BI) i = skipInlineImageData(bytes, i);
    }
  }
}

/** From just after BI: past the image's dictionary, ID and its data, to just after EI. */
function skipInlineImageData(bytes: Uint8Array, i: number): number {
  for (;;) {
    const id = bytes.indexOf(0x49 /* I */, i);
    if (id < 0 || id + 1 >= bytes.length) return bytes.length;
    if (bytes[id - 1] === 0x44 /* D */ && SPACE[bytes[id - 2]] && SPACE[bytes[id + 1]]) return skipInlineImage(bytes, id + 1);
    i = id + 1;
  }
}

/**
 * The content stream with every unmarked graphics object wrapped as an
 * artifact, or undefined when there is nothing to wrap.
 */
export function markArtifacts(bytes: Uint8Array): Uint8Array | undefined {
  const inserts: { at: number; what: Uint8Array }[] = [];
  let depth = 0; // marked-content sequences open (BMC/BDC … EMC)
  let open = false; // an artifact of ours is open
  let inText = false;
  let inPath = false;
  const openAt = (at: number) => {
    inserts.push({ at, what: OPEN });
    open = true;
  };
  const closeAt = (at: number) => {
    if (!open) return;
    inserts.push({ at, what: CLOSE });
    open = false;
  };
  scanOperators(bytes, (op, start) => {
    if (op === BMC || op === BDC) {
      if (depth === 0 && !inPath) closeAt(start);
      depth++;
    } else if (op === EMC) {
      if (depth > 0) depth--;
    } else if (op === BT || op === ET) {
      // An artifact never spans the edge of a text object.
      if (depth === 0) closeAt(start);
      inText = op === BT;
    } else if (op === Q_SAVE || op === Q_RESTORE) {
      if (depth === 0 && !inPath) closeAt(start);
    } else if (PATH.has(op)) {
      if (!inPath && depth === 0 && !open) openAt(start);
      inPath = true;
    } else if (PAINT.has(op)) {
      inPath = false;
    } else if (depth === 0 && !open && (inText ? SHOW_TEXT.has(op) : PAINT_ALONE.has(op))) {
      openAt(start);
    }
  });
  if (open) inserts.push({ at: bytes.length, what: CLOSE });
  if (inserts.length === 0) return undefined;
  const size = bytes.length + inserts.reduce((sum, insert) => sum + insert.what.length, 0);
  const out = new Uint8Array(size);
  let from = 0;
  let to = 0;
  for (const insert of inserts) {
    out.set(bytes.subarray(from, insert.at), to);
    to += insert.at - from;
    out.set(insert.what, to);
    to += insert.what.length;
    from = insert.at;
  }
  out.set(bytes.subarray(from), to);
  return out;
}
