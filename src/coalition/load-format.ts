// The format a coalition names in kwaliteit.yaml: a bundled one by name, or its
// own copy, which must be a file inside the coalition folder. Anything else (a
// path outside, a link, a device) is refused before it is read, so no file
// outside the folder is ever read or quoted.
import { posix } from 'node:path';
import { errors } from '../errors.js';
import { builtinFormatPath, isBuiltinName, loadFormat } from '../format/load.js';
import type { Format } from '../format/format.js';
import { decodeText } from '../markdown/decode.js';
import { CONFIG_FILE } from './layout.js';
import type { FileSource, Listing } from './source.js';

/** The path inside the coalition a format spec names, or undefined when it leads outside. */
export function formatPathInside(spec: string, root: string): string | undefined {
  const slashed = spec.trim().replace(/\\/g, '/');
  const rootSlashed = root.replace(/\\/g, '/').replace(/\/+$/, '');
  let rel: string;
  if (/^([a-z]:)?\//i.test(slashed)) {
    if (!slashed.toLowerCase().startsWith(`${rootSlashed.toLowerCase()}/`)) return undefined;
    rel = slashed.slice(rootSlashed.length + 1);
  } else rel = slashed;
  const normal = posix.normalize(rel);
  return normal === '..' || normal.startsWith('../') || normal === '.' ? undefined : normal.replace(/^\.\//, '');
}

/** The format and, for a coalition's own format file, its path inside the folder. */
export async function loadCoalitionFormat(source: FileSource, listing: Listing, spec: string | undefined): Promise<{ format: Format; file?: string }> {
  if (isBuiltinName(spec)) return { format: await loadFormat(builtinFormatPath(spec), CONFIG_FILE) };
  const path = formatPathInside(spec!, source.root);
  if (!path) throw errors.formatOutside(spec!.trim(), CONFIG_FILE);
  if (listing.symlinks.some((link) => path === link || path.startsWith(`${link}/`))) throw errors.formatUnreadable(path, CONFIG_FILE, 'het is een snelkoppeling, en die volgt kwaliteit niet');
  const read = await source.read(path);
  if (!read.ok) {
    if (read.code === 'ENOENT' || read.code === 'ENOTDIR') throw errors.formatNotFound(path, CONFIG_FILE);
    const reason =
      read.code === 'not-a-file' || read.code === 'EISDIR'
        ? 'het is geen gewoon bestand'
        : read.code === 'too-large'
          ? 'het is te groot'
          : read.code === 'symlink'
            ? 'het is een snelkoppeling, en die volgt kwaliteit niet'
            : read.code === 'EACCES' || read.code === 'EPERM'
              ? 'je hebt geen leesrechten'
              : `het systeem meldt ${read.code}`;
    throw errors.formatUnreadable(path, CONFIG_FILE, reason);
  }
  const decoded = decodeText(read.bytes);
  if (!decoded.ok) throw errors.formatUnreadable(path, CONFIG_FILE, 'het is geen tekst in UTF-8');
  const { parseFormat } = await import('../format/parse.js');
  return { format: parseFormat(decoded.text, path, `${source.root}/${path}`), file: path };
}
