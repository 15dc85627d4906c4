// Where a path really leads, before anything is written there: every link on
// the way followed, also for a file that does not exist yet. Writes compare
// these real paths, never paths as typed, so a committed link (bouwbladen/x →
// elsewhere, rapport → elsewhere) can never carry a write out of the folder.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/** The real path of `path`: its nearest existing ancestor resolved, and the rest appended as written. */
export function realTarget(path: string): string {
  const rest: string[] = [];
  let at = resolve(path);
  for (;;) {
    try {
      return join(realpathSync.native(at), ...rest.reverse());
    } catch {
      const parent = dirname(at);
      if (parent === at) return resolve(path);
      rest.push(basename(at));
      at = parent;
    }
  }
}

const caseCache = new Map<string, boolean>();

/** Whether the file system of `dir` treats a and A as the same name (Windows, macOS by default). */
export function ignoresCase(dir: string): boolean {
  let known = caseCache.get(dir);
  if (known === undefined) {
    const flipped = dir.replace(/[a-z]/gi, (c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase()));
    try {
      const a = statSync(dir);
      const b = flipped === dir ? undefined : statSync(flipped, { throwIfNoEntry: false });
      known = b !== undefined && a.ino === b.ino && a.dev === b.dev;
    } catch {
      known = process.platform === 'win32' || process.platform === 'darwin';
    }
    caseCache.set(dir, known);
  }
  return known;
}

/** Whether real path `child` is `parent` or below it, compared as the file system compares names. */
export function isInsideReal(parent: string, child: string): boolean {
  const fold = ignoresCase(parent) ? (p: string) => p.toLowerCase() : (p: string) => p;
  const rel = relative(fold(parent), fold(child));
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !/^[a-z]:/i.test(rel) && !rel.startsWith(sep));
}
