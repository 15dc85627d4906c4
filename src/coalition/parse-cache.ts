// Files already parsed, by path, kept with their bytes: a later load that
// finds the same bytes takes the parse from here instead of parsing again.
// A command that runs once has no use for it; the preview (and tests that
// load the same coalition many times) keep one across loads.
import { Buffer } from 'node:buffer';

/** What the loader asks of a cache of parsed files: this one in memory, or the one kept on disk (disk-cache.ts). */
export interface ParsedFiles {
  /** The parse of `path` when it was made from exactly these bytes. */
  get(path: string, bytes: Uint8Array): unknown;
  set(path: string, bytes: Uint8Array, value: unknown): void;
  /** Forgets files that are gone. */
  keepOnly(paths: Iterable<string>): void;
}

export class ParseCache implements ParsedFiles {
  private readonly entries = new Map<string, { bytes: Uint8Array; value: unknown }>();
  hits = 0;

  get(path: string, bytes: Uint8Array): unknown {
    const entry = this.entries.get(path);
    if (!entry || !Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength).equals(bytes)) return undefined;
    this.hits++;
    return entry.value;
  }

  set(path: string, bytes: Uint8Array, value: unknown): void {
    this.entries.set(path, { bytes, value });
  }

  /** Forgets files that are gone, so a long preview session does not grow without end. */
  keepOnly(paths: Iterable<string>): void {
    const keep = new Set(paths);
    for (const path of this.entries.keys()) if (!keep.has(path)) this.entries.delete(path);
  }

  get size(): number {
    return this.entries.size;
  }
}
