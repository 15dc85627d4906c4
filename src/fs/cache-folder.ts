// kwaliteit's own cache folder, per user: never in a coalition's folder, never a
// folder others can write to, and safe to delete at any time. What is kept there
// only saves time; every reader checks an entry against what it stands for.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, posix, win32 } from 'node:path';

export interface CacheFolderHost {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: () => string;
}

const thisMachine: CacheFolderHost = { env: process.env, platform: process.platform, home: homedir };

/**
 * The folder (for this machine, or as `given` differs from it: another
 * environment, another platform), or undefined when there is none to use: in CI (which starts clean
 * every time, so writing a cache would only cost) and without a home folder.
 */
export function userCacheFolder(given: Partial<CacheFolderHost> = {}): string | undefined {
  const host = { ...thisMachine, ...given };
  const { env, platform } = host;
  if (env.CI) return undefined;
  // The platform's own path rules, also when a test asks about another platform.
  const { isAbsolute, join } = platform === 'win32' ? win32 : posix;
  try {
    if (platform === 'win32') return env.LOCALAPPDATA && isAbsolute(env.LOCALAPPDATA) ? join(env.LOCALAPPDATA, 'kwaliteit', 'Cache') : undefined;
    if (platform === 'darwin') return join(host.home(), 'Library', 'Caches', 'kwaliteit');
    return join(env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(host.home(), '.cache'), 'kwaliteit');
  } catch {
    // No home folder (homedir() throws when the user has none).
    return undefined;
  }
}

/**
 * Writes one file of the cache folder whole, under a temporary name first, so no
 * run ever reads half of one; when two runs write at once, one of them is kept.
 * Readable for this user only. Not a coalition's file, so not the write
 * transaction: a cache that cannot be written only means no cache, and false.
 */
export async function writeCacheFile(file: string, content: string | Uint8Array): Promise<boolean> {
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    await writeFile(temp, content, { flag: 'wx', mode: 0o600 });
    await rename(temp, file);
    return true;
  } catch {
    await rm(temp, { force: true }).catch(() => {});
    return false;
  }
}
