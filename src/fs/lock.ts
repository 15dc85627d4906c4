// One writer at a time per coalition folder: two runs of new-cycle (or new-cycle
// and add) must never both decide that a file is theirs to create. A lock left
// by a run that no longer exists (the computer crashed, the window was closed)
// is noticed and taken over, and the command says so.
import { hostname } from 'node:os';
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { errors, writeRefused } from '../errors.js';
import { readRegularFile, utf8Text } from './read-regular.js';

export const LOCK_FILE = '.kwaliteit.lock';
/** A lock holds four short lines; anything larger is not one of ours. */
const LOCK_LIMIT = 4096;

export interface LockInfo {
  command?: string;
  pid?: number;
  host?: string;
  since?: string;
}

export interface LockContext {
  /** Set when a lock of a run that no longer exists was found and taken over. */
  staleSince?: string;
}

/** Reads both forms: the lines this version writes ("pid: 12"), and JSON from earlier ones. */
export function parseLock(text: string): LockInfo {
  try {
    const data = JSON.parse(text) as LockInfo;
    if (data && typeof data === 'object') return data;
  } catch {
    // Not JSON: the plain lines.
  }
  const field = (name: string) => new RegExp(`^${name}: (.+)$`, 'm').exec(text)?.[1]?.trim();
  const pid = Number(field('pid'));
  return { command: field('command'), ...(Number.isInteger(pid) && pid > 0 ? { pid } : {}), host: field('host'), since: field('since') };
}

/** A lock is stale only when we can be sure: written on this computer, by a process that is gone. */
export function isStale(info: LockInfo, host = hostname(), alive = processAlive): boolean {
  return info.host === host && info.pid !== undefined && info.pid !== process.pid && !alive(info.pid);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function acquire(path: string, command: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(`command: kwaliteit ${command}\npid: ${process.pid}\nhost: ${hostname()}\nsince: ${new Date().toLocaleString('nl-NL')}\n`);
  } finally {
    await handle.close();
  }
}

/** Runs `task` while holding the lock of `root`. */
export async function withLock<T>(root: string, command: string, task: (lock: LockContext) => Promise<T>): Promise<T> {
  const path = join(root, LOCK_FILE);
  const context: LockContext = {};
  try {
    await acquire(path, command);
  } catch (error) {
    // A folder nobody may write in (or a full disk) is said as such, before anything else is tried.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw writeRefused(root, error) ?? error;
    // A lock someone committed may be a link (to a secret, to /dev/zero): then it says nothing, and stays a lock.
    const read = await readRegularFile(root, LOCK_FILE, LOCK_LIMIT);
    const info = parseLock(read.ok ? utf8Text(read.bytes) : '');
    if (!isStale(info)) throw errors.locked(path, info.since);
    // Gone for good: take it over. Should another run beat us to it, its lock wins.
    await unlink(path).catch(() => {});
    try {
      await acquire(path, command);
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code === 'EEXIST') throw errors.locked(path, undefined);
      throw again;
    }
    context.staleSince = info.since ?? 'onbekend';
  }
  try {
    return await task(context);
  } finally {
    await unlink(path).catch(() => {});
  }
}
