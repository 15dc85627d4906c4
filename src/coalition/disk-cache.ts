// Parsed files kept between runs, so a second `check` (or `report`, `status`)
// parses only the files that changed, and a run that finds them all never loads
// the parsers. One file per coalition folder, in the user's own cache folder
// (src/fs/cache-folder.ts): never in the coalition's folder, and none in CI,
// where a clean machine would only pay for writing it.
//
// It is never trusted over the files: an entry counts only for the exact bytes
// it was made from (their SHA-256) and for this very build of kwaliteit. A cache
// file that is missing, damaged, too large or from another build is not used,
// and nothing is ever said about it: without it, a run is only slower.
import { createHash } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { userCacheFolder, writeCacheFile } from '../fs/cache-folder.js';
import { readRegularFile } from '../fs/read-regular.js';
import { locatable, plainYaml, type ParsedYaml, type PlainYaml } from '../yaml/locate.js';
import type { ParsedFiles } from './parse-cache.js';

// Set by scripts/build.mjs from kwaliteit's sources and locked dependencies: a
// parse made by other code is never used. Run from the sources there is none.
declare const KWALITEIT_BUILD_ID: string | undefined;
const BUILD_ID = typeof KWALITEIT_BUILD_ID === 'undefined' ? undefined : KWALITEIT_BUILD_ID;

/** The shape of a cache file; raised when it changes. */
const FORMAT = 1;
/** A coalition's parsed files take well under 1 MB; anything far larger is not ours. */
const MAX_CACHE_FILE_BYTES = 64 * 1024 * 1024;
/**
 * Folders checked once and never again (a moved folder, a test copy) are cleared
 * away beyond this many: the oldest go until half are left, so that this costs a
 * run only now and then.
 */
export const KEEP_FOLDERS = 200;

interface CacheFile {
  format: number;
  build: string;
  /** v8.serialize's own format follows the V8 version. */
  v8: string;
  root: string;
  entries: [path: string, digest: string, value: unknown][];
}

/** An entry as kept: the yaml of a file (or of kwaliteit.yaml) without its two functions. */
type Stored = { file?: { yaml?: ParsedYaml | PlainYaml }; config?: { yaml?: ParsedYaml | PlainYaml } };

function store(value: unknown): unknown {
  const entry = value as Stored;
  if (entry.file?.yaml) return { ...entry, file: { ...entry.file, yaml: plainYaml(entry.file.yaml as ParsedYaml) } };
  if (entry.config?.yaml) return { ...entry, config: { ...entry.config, yaml: plainYaml(entry.config.yaml as ParsedYaml) } };
  return value;
}

function revive(value: unknown): unknown {
  const entry = value as Stored;
  if (entry.file?.yaml) return { ...entry, file: { ...entry.file, yaml: locatable(entry.file.yaml) } };
  if (entry.config?.yaml) return { ...entry, config: { ...entry.config, yaml: locatable(entry.config.yaml) } };
  return value;
}

const digestOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export interface DiskCacheOptions {
  /** The user's cache folder (default: userCacheFolder()); undefined means no cache. */
  folder?: string;
  /** Default: the build's own id. */
  build?: string;
}

export class DiskParseCache implements ParsedFiles {
  private readonly entries = new Map<string, { digest: string; value: unknown }>();
  private readonly digests = new Map<string, string>();
  private changed = false;
  hits = 0;

  constructor(
    private readonly file: string,
    private readonly root: string,
    private readonly build: string,
    stored: CacheFile | undefined,
  ) {
    for (const [path, digest, value] of stored?.entries ?? []) this.entries.set(path, { digest, value });
  }

  get(path: string, bytes: Uint8Array): unknown {
    const digest = digestOf(bytes);
    this.digests.set(path, digest);
    const entry = this.entries.get(path);
    if (entry?.digest !== digest) return undefined;
    this.hits++;
    return revive(entry.value);
  }

  set(path: string, bytes: Uint8Array, value: unknown): void {
    this.entries.set(path, { digest: this.digests.get(path) ?? digestOf(bytes), value: store(value) });
    this.changed = true;
  }

  keepOnly(paths: Iterable<string>): void {
    const keep = new Set(paths);
    for (const path of this.entries.keys()) {
      if (keep.has(path)) continue;
      this.entries.delete(path);
      this.changed = true;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  /** Writes the cache file when something changed (see writeCacheFile). */
  async save(): Promise<void> {
    if (!this.changed) return;
    this.changed = false;
    let bytes: Buffer;
    try {
      const content: CacheFile = { format: FORMAT, build: this.build, v8: process.versions.v8, root: this.root, entries: [...this.entries].map(([path, { digest, value }]) => [path, digest, value]) };
      bytes = serialize(content);
    } catch {
      return; // Something in a parse that cannot be kept: then this coalition has no cache.
    }
    const isNew = !(await stat(this.file).then(() => true, () => false));
    if ((await writeCacheFile(this.file, bytes)) && isNew) await clearOld(dirname(this.file)).catch(() => {});
  }
}

/** Beyond KEEP_FOLDERS cache files, removes those written longest ago until half are left. */
async function clearOld(folder: string): Promise<void> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.bin'));
  if (names.length <= KEEP_FOLDERS) return;
  const dated = await Promise.all(names.map(async (name) => ({ name, time: (await stat(join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => a.time - b.time);
  await Promise.all(dated.slice(0, names.length - KEEP_FOLDERS / 2).map(({ name }) => rm(join(folder, name), { force: true }).catch(() => {})));
}

/** The parse cache of the coalition in `root`, or undefined where there is none to use (CI, no home folder, run from the sources). */
export async function openDiskCache(root: string, options: DiskCacheOptions = {}): Promise<DiskParseCache | undefined> {
  const folder = 'folder' in options ? options.folder : userCacheFolder();
  const build = options.build ?? BUILD_ID;
  if (!folder || !build) return undefined;
  const parseFolder = join(folder, 'parse');
  const name = `${createHash('sha256').update(root).digest('hex').slice(0, 32)}.bin`;
  const read = await readRegularFile(parseFolder, name, MAX_CACHE_FILE_BYTES);
  let stored: CacheFile | undefined;
  if (read.ok) {
    try {
      const content = deserialize(read.bytes) as CacheFile;
      if (content?.format === FORMAT && content.build === build && content.v8 === process.versions.v8 && content.root === root && Array.isArray(content.entries)) stored = content;
    } catch {
      // Damaged: begin again.
    }
  }
  return new DiskParseCache(join(parseFolder, name), root, build, stored);
}
