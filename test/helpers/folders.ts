import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { atFileEnd } from './file-end.js';
import { REPO } from './run.js';

const made: string[] = [];
atFileEnd(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder, removed after the test file. */
export function tempDir(prefix = 'kwaliteit-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/**
 * What belongs to the coalition itself: not what a run of kwaliteit leaves in the
 * example (the README's main command writes rapport/), so no test depends on it.
 */
const tracked = (from: string) => (source: string) => {
  const rel = source.slice(from.length + 1).split(sep)[0];
  return rel !== 'rapport' && !rel.startsWith('.kwaliteit');
};

/** A copy of a folder under the repository (e.g. examples/voorbeeldcoalitie) at `dir` (default: a new temp folder). */
export function copyOf(relative: string, dir = join(tempDir(), 'coalitie')): string {
  const from = join(REPO, relative);
  cpSync(from, dir, { recursive: true, filter: tracked(from) });
  return dir;
}

export const fixture = (name: string) => join(REPO, 'test', 'fixtures', name);

/** Relative path → sha256 of every file under dir: to prove nothing changed. */
export function snapshot(dir: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const entry of readdirSync(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      // A link is recorded as where it points, never followed: it may point out of the folder.
      else if (entry.isSymbolicLink()) result[path] = `link:${readlinkSync(join(dir, path))}`;
      // A FIFO or a device is never read: reading a FIFO waits for a writer that never comes.
      else if (!entry.isFile()) result[path] = 'special';
      else result[path] = createHash('sha256').update(readFileSync(join(dir, path))).digest('hex');
    }
  };
  if (statSync(dir, { throwIfNoEntry: false })) walk('');
  return result;
}

/** Relative path of every folder under dir, sorted: snapshot() sees only files, so an empty folder left behind would pass it. */
export function folders(dir: string): string[] {
  if (!statSync(dir, { throwIfNoEntry: false })) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => lstatSync(join(dir, path)).isDirectory())
    .map((path) => path.split(sep).join('/'))
    .sort();
}
