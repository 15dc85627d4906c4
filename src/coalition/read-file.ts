// Reads one file of a coalition through its source: bytes to text, or the one
// diagnostic that says why there is no text (parse-file.ts does the rest).
// Nothing here throws for what a person wrote.
import type { Diagnostic } from '../diagnostic.js';
import { decodeText } from '../markdown/decode.js';
import { MAX_FILE_BYTES } from './limits.js';
import type { MarkdownFile } from './model.js';
import type { FileSource, ReadOutcome } from './source.js';

/** What loading one file gives: the file as the rules see it, and what loading found. */
export interface Entry<T> {
  file: T;
  diagnostics: Diagnostic[];
}

export type ReadResult = Entry<MarkdownFile>;

/** An error the loader finds in a file itself, before any rule runs. */
export const fileError = (file: string, ruleId: string, message: string, hint: string, line = 1, column = 1): Diagnostic => ({
  file,
  line,
  column,
  ruleId,
  severity: 'error',
  message,
  hint,
});

/** "300 kB", "11,0 MB" */
export const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.round(bytes / 1024)} kB` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`);

function unreadable(path: string, code: string, size: number | undefined): Diagnostic {
  if (code === 'too-large') {
    return fileError(
      path,
      'file-too-large',
      `Dit bestand is ${sizeText(size ?? 0)}. Dat is te groot voor een bouwblad (de grens is ${sizeText(MAX_FILE_BYTES)}), dus het wordt overgeslagen.`,
      'Haal grote stukken tekst of ingeplakte plaatjes weg; zet plaatjes als los bestand in de map en verwijs ernaar.',
    );
  }
  if (code === 'symlink') {
    return fileError(
      path,
      'file-unreadable',
      'Dit is een snelkoppeling (symbolische link). kwaliteit volgt die niet, zodat er niets buiten de map van de coalitie wordt gelezen.',
      'Zet het bestand zelf in de map in plaats van een snelkoppeling.',
    );
  }
  if (code === 'not-a-file') {
    return fileError(path, 'file-unreadable', 'Dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp), dus het wordt niet gelezen.', 'Zet hier een gewoon tekstbestand neer.');
  }
  return fileError(
    path,
    'file-unreadable',
    `Dit bestand kan niet worden gelezen${code === 'EACCES' || code === 'EPERM' ? ': je hebt geen leesrechten' : ` (${code})`}.`,
    'Kijk of het bestand bestaat en of je het mag openen.',
  );
}

function badEncoding(path: string, decoded: Exclude<ReturnType<typeof decodeText>, { ok: true }>): Diagnostic {
  switch (decoded.reason) {
    case 'utf-16':
      return fileError(path, 'file-encoding', 'Dit bestand is opgeslagen als "Unicode" (UTF-16). kwaliteit leest alleen UTF-8.', 'Sla het bestand op als UTF-8. In Kladblok: Opslaan als → Codering: UTF-8.');
    case 'word':
      return fileError(
        path,
        'file-encoding',
        'Dit is een Word-document (of een ander zip-bestand), maar het heeft de naam van een Markdown-bestand. kwaliteit leest alleen platte tekst.',
        'Kopieer de tekst uit Word naar het bouwblad in een teksteditor (zoals Kladblok of Visual Studio Code), en sla het op als UTF-8.',
      );
    case 'binary':
      return fileError(
        path,
        'file-encoding',
        'Dit is geen tekstbestand (het bevat binaire gegevens), maar het heeft wel de naam van een Markdown-bestand.',
        'Haal het bestand weg of geef het een andere naam. Een bouwblad is platte tekst.',
        decoded.line,
        decoded.column,
      );
    default:
      return fileError(
        path,
        'file-encoding',
        `Dit bestand is niet als UTF-8 opgeslagen (het eerste vreemde teken staat op regel ${decoded.line}). Letters als ë en é komen dan verkeerd over.`,
        'Sla het bestand op als UTF-8. In Kladblok: Opslaan als → Codering: UTF-8. In Word: Opslaan als → Platte tekst → Unicode (UTF-8).',
        decoded.line,
        decoded.column,
      );
  }
}

/** The text of bytes, or the one diagnostic that says why they are not text we read. */
function decode(path: string, bytes: Uint8Array): { text?: string; bom?: boolean; diagnostics: Diagnostic[] } {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { diagnostics: [badEncoding(path, decoded)] };
  return { text: decoded.text, bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf, diagnostics: [] };
}

/** The text of a file (without a byte-order mark; `bom` says whether it had one), or the one diagnostic that says why there is none. */
export async function readText(source: FileSource, path: string): Promise<{ text?: string; bom?: boolean; diagnostics: Diagnostic[] }> {
  return textOf(path, await source.read(path));
}

/** The same for a file already read. */
export function textOf(path: string, read: ReadOutcome): { text?: string; bom?: boolean; diagnostics: Diagnostic[] } {
  if (!read.ok) return { diagnostics: [unreadable(path, read.code, read.size)] };
  return decode(path, read.bytes);
}

/** A file that could not be read at all, as the loader records it. */
export const unreadableFile = (path: string, read: Extract<ReadOutcome, { ok: false }>): ReadResult => ({
  file: { path, readable: false },
  diagnostics: [unreadable(path, read.code, read.size)],
});

