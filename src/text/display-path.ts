// How a path is shown to a person, everywhere: relative to where they are when
// it lies below that folder (with forward slashes, which every shell accepts),
// "." for that folder itself, and the full path otherwise, so it can be copied.
import { isAbsolute, relative } from 'node:path';

export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  if (rel.startsWith('..') || isAbsolute(rel)) return path;
  return rel.split('\\').join('/');
}

/** The folder as an extra argument for a command in a hint: "" for the current folder, else " <folder>". */
export const folderArgument = (shown: string) => (shown === '.' ? '' : ` ${/\s/.test(shown) ? `"${shown}"` : shown}`);

/** The folder argument for the coalition at `root`, seen from `cwd`. */
export const folderArgumentFor = (cwd: string, root: string) => folderArgument(displayPath(cwd, root));
