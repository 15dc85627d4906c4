// Writes that never leave half a file and never replace a file by surprise.
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

async function writeTemp(path: string, content: string | Uint8Array): Promise<string> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    // Text as UTF-8; bytes (a PDF) exactly as they are.
    await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Creates `path` with `content`, atomically, and only if it does not exist yet.
 * The hard link fails when the target exists, so a file that appears between a
 * check and the write is never replaced.
 */
export async function createFileAtomic(path: string, content: string): Promise<void> {
  const temp = await writeTemp(path, content);
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      await unlink(temp).catch(() => {});
      throw new FileExistsError(path);
    }
    // Some shared and FAT-formatted drives have no hard links; an exclusive
    // open of the target still guarantees we never replace a file.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV') {
      try {
        const handle = await open(path, 'wx');
        await handle.close();
      } catch (openError) {
        await unlink(temp).catch(() => {});
        if ((openError as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(path);
        throw openError;
      }
      await rename(temp, path);
      return;
    }
    await unlink(temp).catch(() => {});
    throw error;
  }
  await unlink(temp);
}
