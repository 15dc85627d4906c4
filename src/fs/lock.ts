// One writer at a time per coalition folder: two runs of new-cycle (or new-cycle
// and add) must never both decide that a file is theirs to create.
import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { errors } from '../errors.js';

export const LOCK_FILE = '.kwaliteit.lock';

export interface LockContext {
  /** Throws "cancelled" once Ctrl+C has been pressed; call it between steps that can be undone. */
  checkpoint(): void;
}

/** Runs `task` while holding the lock of `root`; `signal` (Ctrl+C, see cli/interrupt.ts) stops it at its next checkpoint. */
export async function withLock<T>(root: string, command: string, task: (lock: LockContext) => Promise<T>, signal?: AbortSignal): Promise<T> {
  const path = join(root, LOCK_FILE);
  let handle;
  try {
    handle = await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // The file says since when, so a person can judge whether it is left over from a crash.
    const since = await readFile(path, 'utf8').then((text) => /since: (.+)/.exec(text)?.[1], () => undefined);
    throw errors.locked(path, since);
  }
  try {
    try {
      await handle.writeFile(`command: kwaliteit ${command}\npid: ${process.pid}\nsince: ${new Date().toLocaleString('nl-NL')}\n`);
    } finally {
      await handle.close();
    }
    return await task({
      checkpoint: () => {
        if (signal?.aborted) throw errors.cancelled();
      },
    });
  } finally {
    await unlink(path).catch(() => {});
  }
}
