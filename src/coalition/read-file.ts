// Reads one Markdown file into front-matter and sections. Every problem becomes
// a diagnostic on that file; nothing here throws for what a person wrote.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { decodeText } from '../markdown/decode.js';
import { splitFrontMatter } from '../markdown/front-matter.js';
import { loadGfm, MAY_NEED_GFM, parseBody } from '../markdown/sections.js';
import type { MarkdownFile } from './model.js';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface ReadResult {
  file: MarkdownFile;
  diagnostics: Diagnostic[];
}

function lineEndOf(text: string): '\r\n' | '\n' {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

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

export async function readText(
  root: string,
  path: string,
): Promise<{ text?: string; diagnostics: Diagnostic[] }> {
  const diagnostic = (ruleId: string, message: string, hint: string, line = 1, column = 1) => fileError(path, ruleId, message, hint, line, column);
  let bytes: Buffer;
  try {
    const info = await stat(join(root, path));
    if (info.size > MAX_FILE_BYTES) {
      return {
        diagnostics: [
          diagnostic(
            'file-too-large',
            `Dit bestand is ${(info.size / 1024 / 1024).toFixed(1)} MB. Dat is te groot voor een bouwblad (de grens is 2 MB), dus het wordt overgeslagen.`,
            'Haal grote stukken tekst of ingeplakte plaatjes weg; zet plaatjes als los bestand in de map en verwijs ernaar.',
          ),
        ],
      };
    }
    bytes = await readFile(join(root, path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return {
      diagnostics: [
        diagnostic(
          'file-unreadable',
          `Dit bestand kan niet worden gelezen${code === 'EACCES' || code === 'EPERM' ? ': je hebt geen leesrechten' : code ? ` (${code})` : ''}.`,
          'Kijk of het bestand bestaat en of je het mag openen.',
        ),
      ],
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    return {
      diagnostics: [
        decoded.reason === 'utf-16'
          ? diagnostic(
              'file-encoding',
              'Dit bestand is opgeslagen als "Unicode" (UTF-16). kwaliteit leest alleen UTF-8.',
              'Sla het bestand op als UTF-8. In Kladblok: Opslaan als → Codering: UTF-8.',
              1,
              1,
            )
          : decoded.reason === 'word'
          ? diagnostic(
              'file-encoding',
              'Dit is een Word-document (of een ander zip-bestand), maar het heeft de naam van een Markdown-bestand. kwaliteit leest alleen platte tekst.',
              'Kopieer de tekst uit Word naar het bouwblad in een teksteditor (zoals Kladblok of Visual Studio Code), en sla het op als UTF-8.',
              1,
              1,
            )
          : decoded.reason === 'binary'
          ? diagnostic(
              'file-encoding',
              'Dit is geen tekstbestand (het bevat binaire gegevens), maar het heeft wel de naam van een Markdown-bestand.',
              'Haal het bestand weg of geef het een andere naam. Een bouwblad is platte tekst.',
              decoded.line,
              decoded.column,
            )
          : diagnostic(
              'file-encoding',
              `Dit bestand is niet als UTF-8 opgeslagen (het eerste vreemde teken staat op regel ${decoded.line}). Letters als ë en é komen dan verkeerd over.`,
              'Sla het bestand op als UTF-8. In Kladblok: Opslaan als → Codering: UTF-8. In Word: Opslaan als → Platte tekst → Unicode (UTF-8).',
              decoded.line,
              decoded.column,
            ),
      ],
    };
  }
  return { text: decoded.text, diagnostics: [] };
}

export async function readMarkdownFile(root: string, path: string): Promise<ReadResult> {
  const { text, diagnostics } = await readText(root, path);
  if (text === undefined) return { file: { path, readable: false }, diagnostics };

  if (!text.trim()) {
    diagnostics.push(
      fileError(path, 'file-empty', 'Dit bestand is leeg.', 'Vul het bestand, of haal het weg. In een nieuwe map met "npx kwaliteit init" zie je hoe een bouwblad eruitziet.'),
    );
    return { file: { path, readable: false }, diagnostics };
  }
  const split = splitFrontMatter(text);
  for (const problem of split.problems) {
    diagnostics.push({ file: path, ruleId: 'yaml-syntax', severity: 'error', ...problem });
  }
  if (split.problems.length) return { file: { path, readable: false, yaml: split.yaml }, diagnostics };

  const data = split.yaml?.data;
  if (split.yaml && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    diagnostics.push({
      file: path,
      line: 2,
      column: 1,
      ruleId: 'yaml-syntax',
      severity: 'error',
      message: 'De kop van het bestand (tussen de twee regels ---) is geen lijst van namen met waarden.',
      hint: 'Schrijf de kop als regels "naam: waarde", zoals "level: meso".',
    });
    return { file: { path, readable: false, yaml: split.yaml }, diagnostics };
  }
  if (MAY_NEED_GFM.test(split.body)) await loadGfm();
  return {
    file: {
      path,
      readable: true,
      yaml: split.yaml,
      data: data as Record<string, unknown> | undefined,
      body: parseBody(split.body, split.bodyLineOffset),
      lineEnd: lineEndOf(text),
    },
    diagnostics,
  };
}
