// Opens a file that should be a Word document (.docx) and says what is in it
// that mammoth will not carry over. Nothing here reads the document's text: the
// zip is only measured (so a zip bomb is refused before anything is unpacked in
// full) and a few parts are looked at for the presence of comments, tracked
// changes, text boxes and embedded objects.
import { readFile, stat } from 'node:fs/promises';
import JSZip from 'jszip';
import { errors } from '../errors.js';

/** A Word document is rarely more than a few MB; photos can make it larger. */
export const MAX_DOCX_BYTES = 50 * 1024 * 1024;
/** Unpacked, one part of the zip and all parts together. */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;
export const MAX_PARTS = 5_000;

export interface WordFeatures {
  insertions: number;
  deletions: number;
  textBoxes: number;
  objects: number;
  charts: number;
  equations: number;
  smartArt: number;
  /** Headers and footers with words in them (a page number alone does not count). */
  headersFooters: number;
}

export interface WordFile {
  bytes: Buffer;
  features: WordFeatures;
}

const startsWith = (bytes: Buffer, signature: number[]) => signature.every((byte, i) => bytes[i] === byte);

/** What a file that is not a .docx most likely is, so the message can say what to do. */
function notAZip(file: string, bytes: Buffer) {
  // OLE compound files: Word 97–2003 (.doc), and also a .docx saved with a password.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return errors.wordOldFormat(file);
  const head = bytes.subarray(0, 8).toString('latin1');
  if (head.startsWith('{\\rtf')) return errors.wordOtherFormat(file, 'een RTF-bestand');
  if (head.startsWith('%PDF')) return errors.wordOtherFormat(file, 'een PDF');
  return errors.wordNotWord(file);
}

/** Unpacks one part as a stream, counting; stops as soon as the limits are passed. */
function measure(entry: JSZip.JSZipObject, budget: { left: number }, keep: boolean): Promise<Buffer | undefined> {
  return new Promise((resolvePart, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // JSZip's stream is an old-style one: events, not async iteration.
    const stream = entry.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      budget.left -= chunk.length;
      if (size > MAX_PART_BYTES || budget.left < 0) {
        stream.pause();
        stream.removeAllListeners('data');
        reject(new TooLarge(size > MAX_PART_BYTES ? MAX_PART_BYTES : MAX_TOTAL_BYTES));
        return;
      }
      if (keep) chunks.push(chunk);
    });
    stream.on('error', reject);
    stream.on('end', () => resolvePart(keep ? Buffer.concat(chunks) : undefined));
  });
}

class TooLarge extends Error {
  constructor(readonly limit: number) {
    super('too large');
  }
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

export async function readWordFile(path: string, shown: string): Promise<WordFile> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw errors.wordIsFolder(shown);
    if (info.size > MAX_DOCX_BYTES) throw errors.wordTooLarge(shown, Math.round(info.size / 1024 / 1024), MAX_DOCX_BYTES / 1024 / 1024);
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw errors.wordNotFound(shown);
    if (code === 'EACCES' || code === 'EPERM') throw errors.wordUnreadable(shown);
    throw error;
  }
  if (!startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) throw notAZip(shown, bytes);

  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw errors.wordDamaged(shown);
  }
  const entries = Object.values(zip.files).filter((entry) => !entry.dir);
  if (entries.length > MAX_PARTS) throw errors.wordTooManyParts(shown);
  if (!zip.file('word/document.xml')) {
    if (zip.file('mimetype') || zip.file('content.xml')) throw errors.wordOtherFormat(shown, 'een OpenDocument-bestand (.odt)');
    if (zip.file('xl/workbook.xml')) throw errors.wordOtherFormat(shown, 'een Excel-bestand');
    if (zip.file('ppt/presentation.xml')) throw errors.wordOtherFormat(shown, 'een PowerPoint-bestand');
    throw errors.wordNotWord(shown);
  }

  // Every part is unpacked once here, with a cap, before mammoth unpacks the
  // same parts: what passes here cannot grow larger there.
  const kept = new Map<string, string>();
  const budget = { left: MAX_TOTAL_BYTES };
  try {
    for (const entry of entries) {
      const keep = entry.name === 'word/document.xml' || /^word\/(header|footer)\d*\.xml$/.test(entry.name);
      const data = await measure(entry, budget, keep);
      if (data) kept.set(entry.name, data.toString('utf8'));
    }
  } catch (error) {
    if (error instanceof TooLarge) throw errors.wordZipBomb(shown, error.limit / 1024 / 1024, error.limit === MAX_PART_BYTES);
    throw errors.wordDamaged(shown);
  }

  const xml = kept.get('word/document.xml') ?? '';
  const names = entries.map((entry) => entry.name);
  const features: WordFeatures = {
    insertions: count(xml, /<w:ins\b/g) + count(xml, /<w:moveTo\b/g),
    deletions: count(xml, /<w:del\b/g) + count(xml, /<w:moveFrom\b/g),
    // Word and LibreOffice write a text box twice (for new and old readers) inside one mc:AlternateContent.
    textBoxes: Math.max(count(xml, /<wps:txbx\b/g), count(xml, /<v:textbox\b/g)),
    objects: count(xml, /<w:object\b/g),
    charts: names.filter((name) => /^word\/charts\/chart\d*\.xml$/.test(name)).length,
    equations: count(xml, /<m:oMath[\s>]/g),
    smartArt: names.filter((name) => /^word\/diagrams\/data\d*\.xml$/.test(name)).length,
    headersFooters: [...kept].filter(([name, text]) => name !== 'word/document.xml' && /<w:t(?:\s[^>]*)?>[^<]*\p{L}/u.test(text)).length,
  };
  return { bytes, features };
}
