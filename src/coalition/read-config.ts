import { CONFIG_FILE } from './layout.js';
import type { ParsedFiles } from './parse-cache.js';
import type { ConfigEntry } from './parse-file.js';
import { parser } from './parser.js';
import type { FileSource } from './source.js';

/** kwaliteit.yaml, parsed and checked; with a cache, parsed again only when its bytes changed. */
export async function readConfig(source: FileSource, cache?: ParsedFiles): Promise<ConfigEntry> {
  const read = await source.read(CONFIG_FILE);
  const cached = read.ok ? (cache?.get(CONFIG_FILE, read.bytes) as ConfigEntry | undefined) : undefined;
  if (cached) return cached;
  const result = (await parser()).configEntry(read);
  if (read.ok) cache?.set(CONFIG_FILE, read.bytes, result);
  return result;
}
