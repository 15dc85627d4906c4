// Lists the files of a coalition folder without ever following a symbolic link,
// so nothing outside the folder is read.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isSystemFile, SKIPPED_DIRS } from './layout.js';

export interface Listing {
  files: string[];
  symlinks: string[];
  /** Entries that are neither file, folder nor link (a FIFO, a device): never opened. */
  special?: string[];
  /** Folders that could not be opened, with the system's error code. */
  unreadableDirs: { path: string; code: string }[];
}

export async function listFiles(root: string): Promise<Listing> {
  const listing: Listing = { files: [], symlinks: [], special: [], unreadableDirs: [] };
  const visit = async (relative: string) => {
    let entries;
    try {
      entries = await readdir(join(root, relative), { withFileTypes: true });
    } catch (error) {
      // A bouwbladen folder nobody may open must not vanish without a word.
      if (relative) listing.unreadableDirs.push({ path: relative, code: (error as NodeJS.ErrnoException).code ?? 'onbekend' });
      return;
    }
    await Promise.all(
      entries.map(async (entry) => {
        const path = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isSymbolicLink()) listing.symlinks.push(path);
        else if (entry.isDirectory()) {
          if (!SKIPPED_DIRS.has(entry.name) || relative) await visit(path);
        } else if (entry.isFile()) {
          if (!isSystemFile(entry.name)) listing.files.push(path);
        } else listing.special!.push(path);
      }),
    );
  };
  await visit('');
  listing.files.sort();
  listing.symlinks.sort();
  listing.special!.sort();
  listing.unreadableDirs.sort((a, b) => a.path.localeCompare(b.path));
  return listing;
}
