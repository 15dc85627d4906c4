// The parse half of loading: bytes to a checked file, with its diagnostics. It
// brings the Markdown parser, the yaml package and zod, which are most of what a
// run costs to load, so the loader imports it (through parser.ts) only for a file
// that is not in the parse cache.
import { ConfigSchema } from '../config/schema.js';
import type { Diagnostic } from '../diagnostic.js';
import { loadGfm, mayNeedGfm, parseMarkdownFile } from '../markdown/sections.js';
import { parseYaml } from '../yaml/parse.js';
import { BouwbladFrontMatterSchema, BouwsteenFrontMatterSchema } from './front-matter-schema.js';
import { BOUWSTENEN_DIR, CONFIG_FILE, PERIOD_FILE } from './layout.js';
import type { BouwbladFile, BouwsteenFile, ConfigFile } from './model.js';
import { fileError, textOf, unreadableFile, type Entry, type ReadResult } from './read-file.js';
import { validate } from './schema-diagnostics.js';
import type { FileSource, ReadOutcome } from './source.js';

export type ConfigEntry = { config: ConfigFile; diagnostics: Diagnostic[] };

function lineEndOf(text: string): '\r\n' | '\n' {
  const crlf = text.match(/\r\n/g)?.length ?? 0;
  const lf = (text.match(/\n/g)?.length ?? 0) - crlf;
  return crlf > lf ? '\r\n' : '\n';
}

export function parseMarkdownBytes(path: string, bytes: Uint8Array): ReadResult {
  const { text, diagnostics } = textOf(path, { ok: true, bytes });
  if (text === undefined) return { file: { path, readable: false }, diagnostics };
  return parseMarkdownText(path, text, diagnostics);
}

export async function readMarkdownFile(source: FileSource, path: string): Promise<ReadResult> {
  const read = await source.read(path);
  return read.ok ? parseMarkdownBytes(path, read.bytes) : unreadableFile(path, read);
}

/** The parse half of readMarkdownFile, for text that is already in memory. */
export function parseMarkdownText(path: string, text: string, diagnostics: Diagnostic[] = []): ReadResult {
  if (!text.trim()) {
    diagnostics.push(
      fileError(path, 'file-empty', 'Dit bestand is leeg.', 'Vul het bestand, of haal het weg. In een nieuwe map met "npx kwaliteit init" zie je hoe een bouwblad eruitziet.'),
    );
    return { file: { path, readable: false }, diagnostics };
  }
  const parsed = parseMarkdownFile(text);
  if (parsed.tooComplex) {
    const { message, hint, line } = parsed.tooComplex;
    diagnostics.push(fileError(path, 'file-too-complex', message, hint, line));
    return { file: { path, readable: false }, diagnostics };
  }
  const { yaml, problems } = parsed.frontMatter;
  for (const problem of problems) diagnostics.push({ file: path, ruleId: 'yaml-syntax', severity: 'error', ...problem });
  if (!parsed.body) return { file: { path, readable: false, ...(yaml ? { yaml } : {}) }, diagnostics };

  const data = yaml?.data;
  if (yaml && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    diagnostics.push({
      file: path,
      line: 2,
      column: 1,
      ruleId: 'yaml-syntax',
      severity: 'error',
      message: 'De kop van het bestand (tussen de twee regels ---) is geen lijst van namen met waarden.',
      hint: 'Schrijf de kop als regels "naam: waarde", zoals "level: meso".',
    });
    return { file: { path, readable: false, yaml }, diagnostics };
  }
  return {
    file: {
      path,
      readable: true,
      yaml,
      data: data as Record<string, unknown> | undefined,
      body: parsed.body,
      lineEnd: lineEndOf(text),
    },
    diagnostics,
  };
}

/** A bouwsteen file (bouwstenen/<id>.md), parsed and its front-matter checked. */
export async function bouwsteenEntry(path: string, read: ReadOutcome): Promise<Entry<BouwsteenFile>> {
  const parsed = await parseRead(path, read);
  const file: BouwsteenFile = { ...parsed.file, id: path.slice(BOUWSTENEN_DIR.length + 1).replace(/\.md$/i, '') };
  const checked = parsed.file.readable ? validate(BouwsteenFrontMatterSchema, parsed.file.data, parsed.file.yaml, path, 'front-matter-schema', parsed.file.body).diagnostics : [];
  return { file, diagnostics: [...parsed.diagnostics, ...checked] };
}

/** A bouwblad file (bouwbladen/<id>/<name>.md), parsed and its front-matter checked. */
export async function bouwbladEntry(path: string, read: ReadOutcome): Promise<Entry<BouwbladFile>> {
  const parsed = await parseRead(path, read);
  const [, id, name] = path.split('/');
  const periodMatch = PERIOD_FILE.exec(name);
  const file: BouwbladFile = { ...parsed.file, id, ...(periodMatch ? { filePeriod: Number(periodMatch[1]) } : {}) };
  const found = [...parsed.diagnostics];
  if (parsed.file.readable) {
    const checked = validate(BouwbladFrontMatterSchema, parsed.file.data, parsed.file.yaml, path, 'front-matter-schema', parsed.file.body);
    found.push(...checked.diagnostics);
    if (checked.value) file.frontMatter = checked.value;
  }
  return { file, diagnostics: found };
}

async function parseRead(path: string, read: ReadOutcome): Promise<ReadResult> {
  if (!read.ok) return unreadableFile(path, read);
  // Tables (which import writes from Word) need the GFM parser; it loads only for a file that may hold one.
  if (mayNeedGfm(read.bytes)) await loadGfm();
  return parseMarkdownBytes(path, read.bytes);
}

/** kwaliteit.yaml, parsed and checked against its schema. */
export function configEntry(read: ReadOutcome): ConfigEntry {
  const path = CONFIG_FILE;
  const { text, bom, diagnostics } = textOf(path, read);
  if (text === undefined) return { config: { path, data: undefined }, diagnostics };
  if (!text.trim()) {
    diagnostics.push(
      fileError(
        path,
        'file-empty',
        'kwaliteit.yaml is leeg. Daarin horen de naam van de coalitie, de penvoerder en de perioden.',
        'Zet de inhoud terug uit een eerdere versie (bijvoorbeeld met git). Of maak in een lege map een nieuwe coalitie met "npx kwaliteit init" en neem de kwaliteit.yaml daaruit over.',
      ),
    );
    return { config: { path, data: undefined }, diagnostics };
  }
  const yaml = parseYaml(text);
  for (const problem of yaml.problems) diagnostics.push({ file: path, ruleId: 'yaml-syntax', severity: 'error', ...problem });
  if (yaml.problems.length) return { config: { path, data: undefined, yaml }, diagnostics };

  const checked = validate(ConfigSchema, yaml.data, yaml, path, 'config-schema');
  diagnostics.push(...checked.diagnostics);
  const value = checked.value;
  const config = value && {
    name: value.name,
    lead: value.lead,
    municipality: value.municipality,
    subsidyPeriod: value.subsidyPeriod,
    subsidyYears: value.subsidyPeriod.split('-').map(Number) as [number, number],
    format: value.format,
    periods: value.periods,
  };
  return { config: { path, data: yaml.data, yaml, config, text: bom ? `\uFEFF${text}` : text }, diagnostics };
}
