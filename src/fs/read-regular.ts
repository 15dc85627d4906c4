// The one way kwaliteit reads a file inside a coalition folder: the loader's
// disk source, the files upgrade and init look at, the lock. The folder is
// untrusted (anyone can commit to it), so a file is read only when it is a
// regular file that really lies there: no symbolic link is followed (neither
// the file nor a folder on the way), a FIFO or device is never waited on or
// read, and a file above the limit is refused before a single byte is read.
import { Buffer } from 'node:buffer';
import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { join } from 'node:path';

export type ReadOutcome =
  | { ok: true; bytes: Uint8Array }
  /** `code` is the system's error code, or: `too-large` (with `size`), `symlink`, `not-a-file`. */
  | { ok: false; code: string; size?: number };

const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

/**
 * Whether a folder on the way to `path` is a link: O_NOFOLLOW looks at the last
 * name only, and a command that reads a file by its name (upgrade, init) has
 * no listing that skips linked folders. Without O_NOFOLLOW (Windows) the file
 * itself is looked at here too.
 */
async function linkOnTheWay(root: string, path: string): Promise<boolean> {
  const names = path.split('/');
  const upTo = O_NOFOLLOW ? names.length - 1 : names.length;
  for (let i = 1; i <= upTo; i++) {
    const info = await lstat(join(root, ...names.slice(0, i))).catch(() => undefined);
    if (info?.isSymbolicLink()) return true;
  }
  return false;
}

/** The bytes of `path` (relative to `root`, with forward slashes), or why it is not read. */
export async function readRegularFile(root: string, path: string, limit: number): Promise<ReadOutcome> {
  if (await linkOnTheWay(root, path)) return { ok: false, code: 'symlink' };
  let handle;
  try {
    // No following a link at the end of the path, and no waiting on a FIFO: fstat decides first.
    handle = await open(join(root, path), constants.O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'onbekend';
    return { ok: false, code: code === 'ELOOP' ? 'symlink' : code };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { ok: false, code: 'not-a-file' };
    if (info.size > limit) return { ok: false, code: 'too-large', size: info.size };
    return { ok: true, bytes: await handle.readFile() };
  } catch (error) {
    return { ok: false, code: (error as NodeJS.ErrnoException).code ?? 'onbekend' };
  } finally {
    await handle.close();
  }
}

/** Bytes as text the way Node reads a file as 'utf8': a byte-order mark kept, a broken sequence as U+FFFD. */
export const utf8Text = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
