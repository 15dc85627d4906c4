// Loads a whole coalition: config, format, bouwstenen, bouwbladen, from a file
// source (the disk, or memory). A problem in one file becomes a diagnostic on
// that file and the run goes on.
import type { Diagnostic } from '../diagnostic.js';
import { findCoalitionRoot } from './find.js';
import { BOUWBLADEN_DIR, BOUWSTENEN_DIR, CONFIG_FILE, KNOWN_FILES } from './layout.js';
import { loadCoalitionFormat } from './load-format.js';
import type { Filling, ParsedBody } from '../markdown/sections.js';
import { imageTarget } from './images.js';
import type { BouwbladFile, BouwsteenFile, Coalition, MarkdownFile } from './model.js';
import { readConfig } from './read-config.js';
import { openDiskCache } from './disk-cache.js';
import type { ParsedFiles } from './parse-cache.js';
import { parser } from './parser.js';
import type { Entry } from './read-file.js';
import { diskSource, type FileSource, type ReadOutcome } from './source.js';

/** Runs `task` over `items` with at most `limit` at once (file handles are finite). */
async function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

let sharedCache: ParsedFiles | undefined;

/**
 * A host that loads coalitions again and again in one process (the test suite,
 * a long-running preview) can share one cache for every loadCoalition. Nothing
 * in a cached parse depends on the folder it came from, only on the bytes.
 */
export function shareParseCache(cache: ParsedFiles | undefined): void {
  sharedCache = cache;
}

/**
 * The coalition in `dir` (or the nearest folder above it with a kwaliteit.yaml),
 * from disk. A run on its own keeps its parsed files in the user's cache folder
 * (disk-cache.ts), so the next run parses only what changed.
 */
export async function loadCoalition(dir: string): Promise<Coalition> {
  const source = diskSource(await findCoalitionRoot(dir));
  if (sharedCache) return loadFrom(source, { cache: sharedCache });
  const cache = await openDiskCache(source.root);
  const coalition = await loadFrom(source, cache ? { cache } : {});
  await cache?.save();
  return coalition;
}

export interface LoadOptions {
  /** Parsed files of an earlier load: a file whose bytes did not change is not parsed again. */
  cache?: ParsedFiles;
}

export async function loadFrom(source: FileSource, options: LoadOptions = {}): Promise<Coalition> {
  const root = source.root;
  const diagnostics: Diagnostic[] = [];
  const [{ config, diagnostics: configDiagnostics }, listing] = await Promise.all([readConfig(source, options.cache), source.list()]);
  diagnostics.push(...configDiagnostics);

  const formatSpec = typeof (config.data as { format?: unknown } | undefined)?.format === 'string'
    ? ((config.data as { format: string }).format)
    : undefined;
  const { format, file: formatFile } = await loadCoalitionFormat(source, listing, formatSpec);

  for (const { path, code } of listing.unreadableDirs) {
    diagnostics.push({
      file: path,
      ruleId: 'file-unreadable',
      severity: 'error',
      message: `Deze map kan niet worden geopend${code === 'EACCES' || code === 'EPERM' ? ': je hebt geen leesrechten' : ` (${code})`}. Wat erin staat, telt niet mee.`,
      hint: 'Kijk of je de map mag openen, of vraag de beheerder om leesrechten.',
    });
  }
  // kwaliteit.yaml is read by name; when that fails its own finding says why (see readConfig).
  for (const path of (listing.special ?? []).filter((path) => path !== CONFIG_FILE)) {
    diagnostics.push({
      file: path,
      ruleId: 'file-unreadable',
      severity: 'error',
      message: 'Dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of een pijp), dus kwaliteit leest het niet.',
      hint: 'Haal het weg, of zet er een gewoon tekstbestand neer.',
    });
  }
  for (const path of [BOUWSTENEN_DIR, BOUWBLADEN_DIR]) {
    if (!listing.files.includes(path)) continue;
    diagnostics.push({
      file: path,
      ruleId: 'file-unreadable',
      severity: 'error',
      message: `${path} is een bestand, maar hier hoort een map met die naam: daarin staan de ${path === BOUWBLADEN_DIR ? 'bouwbladen' : 'bouwstenen'}.`,
      hint: `Geef het bestand een andere naam, en maak een map ${path}/ (in een nieuwe map met "npx kwaliteit init" zie je hoe het eruitziet).`,
    });
  }
  for (const link of listing.symlinks.filter((path) => path !== CONFIG_FILE)) {
    diagnostics.push({
      file: link,
      ruleId: 'file-symlink',
      severity: 'warning',
      message: 'Dit is een snelkoppeling (symbolische link). kwaliteit volgt die niet, zodat er niets buiten de map van de coalitie wordt gelezen.',
      hint: 'Zet het bestand zelf in de map in plaats van een snelkoppeling.',
    });
  }

  const bouwsteenPaths: string[] = [];
  const bouwbladPaths: string[] = [];
  const strayFiles: string[] = [];
  for (const path of listing.files) {
    const parts = path.split('/');
    if (parts[0] === BOUWSTENEN_DIR && parts.length === 2 && /\.md$/i.test(parts[1])) bouwsteenPaths.push(path);
    else if (parts[0] === BOUWBLADEN_DIR && parts.length === 3 && /\.md$/i.test(parts[2])) bouwbladPaths.push(path);
    // A file named bouwbladen or bouwstenen has its own finding above.
    else if (!KNOWN_FILES.has(path) && path !== BOUWBLADEN_DIR && path !== BOUWSTENEN_DIR && !parts.some((part) => part.startsWith('.'))) strayFiles.push(path);
  }

  const load = async <T>(path: string, parse: (path: string, read: ReadOutcome) => Promise<Entry<T>>): Promise<T> => {
    const read = await source.read(path);
    const cached = read.ok ? (options.cache?.get(path, read.bytes) as Entry<T> | undefined) : undefined;
    const loaded = cached ?? (await parse(path, read));
    if (read.ok && !cached) options.cache?.set(path, read.bytes, loaded);
    diagnostics.push(...loaded.diagnostics);
    return loaded.file;
  };

  const bouwstenen = await mapLimited(bouwsteenPaths, 32, (path) => load<BouwsteenFile>(path, async (...file) => (await parser()).bouwsteenEntry(...file)));
  const bouwbladen = await mapLimited(bouwbladPaths, 32, (path) => load<BouwbladFile>(path, async (...file) => (await parser()).bouwbladEntry(...file)));
  options.cache?.keepOnly([CONFIG_FILE, ...bouwsteenPaths, ...bouwbladPaths]);

  // A part with only an image counts as filled when the image is there, as the report would show it.
  const files = new Set(listing.files);
  const withImages = <T extends MarkdownFile>(file: T): T => {
    const body = file.body && seeImages(file.path, file.body, files);
    return body === file.body ? file : { ...file, body };
  };
  return {
    root,
    config,
    format,
    ...(formatFile ? { formatFile } : {}),
    bouwstenen: bouwstenen.map(withImages),
    bouwbladen: bouwbladen.map(withImages),
    strayFiles,
    diagnostics,
  };
}

/** The body with every image-only part marked filled when one of its images exists in the folder; unchanged parts keep their object. */
function seeImages(path: string, body: ParsedBody, files: Set<string>): ParsedBody {
  const exists = (url: string) => {
    const target = imageTarget(path, url);
    return 'path' in target && files.has(target.path);
  };
  const see = <P extends Filling>(part: P): P => (!part.filled && part.imagesOnly.some(exists) ? { ...part, filled: true } : part);
  if (![body.intro, ...body.steps, ...body.otherSections].some((part) => part.imagesOnly.length)) return body;
  return { ...body, intro: see(body.intro), steps: body.steps.map(see), otherSections: body.otherSections.map(see) };
}

