// A file of the coalition that a command needs whole and as it is, not as a
// finding: the README, CI jobs and package.json that upgrade brings up to date,
// the package.json init looks at. Read through the source as the loader reads,
// so the same refusals hold (no link, no FIFO or device, nothing above the size
// limit); where the loader would make a finding, the command stops and says why.
import { errors } from '../errors.js';
import { utf8Text } from '../fs/read-regular.js';
import { MAX_FILE_BYTES } from './limits.js';
import { sizeText } from './read-file.js';
import type { FileSource } from './source.js';

/**
 * The text of `path` (decoded as UTF-8 the way Node reads a file, a byte-order
 * mark kept), or undefined when there is no such file. A file that is there but
 * may not be read throws a catalogued error naming `shown`.
 */
export async function readWholeText(source: FileSource, path: string, shown = path): Promise<string | undefined> {
  const read = await source.read(path);
  if (read.ok) return utf8Text(read.bytes);
  switch (read.code) {
    case 'ENOENT':
    case 'ENOTDIR':
    // No file can be there; a command that then writes there says why that fails.
    case 'ENAMETOOLONG':
      return undefined;
    case 'symlink':
      throw errors.fileIsLink(shown);
    case 'not-a-file':
    case 'EISDIR':
      throw errors.fileNotRegular(shown);
    case 'too-large':
      throw errors.fileTooLarge(shown, sizeText(read.size ?? 0), sizeText(MAX_FILE_BYTES));
    default:
      throw errors.fileUnreadable(shown, read.code === 'EACCES' || read.code === 'EPERM' ? 'je hebt geen leesrechten' : `het systeem meldt ${read.code}`);
  }
}
