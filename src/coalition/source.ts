// Where the loader gets a coalition's files from: the disk, or memory (tests,
// and later the preview's own cache). The loader never touches the file system
// itself, so every rule runs the same on a folder and on a handful of strings.
//
// The disk source reads only regular files inside the folder (src/fs/read-regular.ts):
// symbolic links are listed but never followed, and FIFOs, devices and files
// above the size limit are refused before a single byte is read.
import { readRegularFile, type ReadOutcome } from '../fs/read-regular.js';
import { MAX_FILE_BYTES } from './limits.js';
import { listFiles, type Listing } from './list-files.js';

export type { Listing, ReadOutcome };

export interface FileSource {
  /** The folder the paths are relative to; for memory, a name that is never opened. */
  readonly root: string;
  /** Every file, relative with forward slashes; links and folders that cannot be opened listed apart. */
  list(): Promise<Listing>;
  /** One file; `path` as list() gives it. */
  read(path: string): Promise<ReadOutcome>;
}

export function diskSource(root: string): FileSource {
  return {
    root,
    list: () => listFiles(root),
    read: (path) => readRegularFile(root, path, MAX_FILE_BYTES),
  };
}

export interface MemoryFiles {
  [path: string]: string | Uint8Array;
}

/** A coalition held in memory: paths relative with forward slashes, text as UTF-8. */
export function memorySource(files: MemoryFiles, extra: Partial<Omit<Listing, 'files'>> = {}, root = '/geheugen/coalitie'): FileSource {
  const encoder = new TextEncoder();
  return {
    root,
    async list() {
      return {
        files: Object.keys(files).sort(),
        symlinks: [...(extra.symlinks ?? [])].sort(),
        unreadableDirs: [...(extra.unreadableDirs ?? [])],
      };
    },
    async read(path) {
      const content = files[path];
      if (content === undefined) return { ok: false, code: 'ENOENT' };
      const bytes = typeof content === 'string' ? encoder.encode(content) : content;
      if (bytes.length > MAX_FILE_BYTES) return { ok: false, code: 'too-large', size: bytes.length };
      return { ok: true, bytes };
    },
  };
}
