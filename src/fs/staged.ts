// Changes to a coalition folder that land completely or not at all. Everything is
// first written into a hidden folder inside the coalition folder (so a full disk
// or a missing permission shows up before anything visible changes), then moved
// into place, and one file is replaced last as the commit point. Any failure, or
// a checkpoint that throws (Ctrl+C), puts the folder back as it was.
import { link, mkdir, mkdtemp, open, readFile, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FileExistsError } from './atomic.js';

export interface StagedFile {
  /** Relative to the root, with forward slashes. */
  path: string;
  /** Text is written as UTF-8; bytes (an image) as they are. */
  content: string | Uint8Array;
}

export interface StagedChanges {
  /** New files; an existing file is never replaced. */
  create: StagedFile[];
  /** Replaced after all new files are in place, if each still holds its `expected` text. */
  replace?: ReplacedFile | ReplacedFile[];
}

export type ReplacedFile = StagedFile & { expected: string };

export interface StagedOptions {
  /** Test hook: called before every write and every move (fault injection). */
  beforeWrite?: (path: string, index: number) => void | Promise<void>;
  /** Called before every step; throwing (on Ctrl+C) rolls everything back. */
  checkpoint?: () => void;
}

export class FileChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed during the run`);
  }
}

export const STAGING_PREFIX = '.kwaliteit-tmp-';

const exists = (path: string) => stat(path).then(() => true, () => false);

async function writeDurable(path: string, content: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Puts `from` at `to` only if `to` does not exist yet. */
async function placeNew(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new FileExistsError(to);
    // Drives without hard links: an exclusive create still guarantees we never replace a file.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
    try {
      await (await open(to, 'wx')).close();
    } catch (openError) {
      if ((openError as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(to);
      throw openError;
    }
    await rename(from, to);
  }
}

export async function commitStaged(root: string, changes: StagedChanges, options: StagedOptions = {}): Promise<void> {
  let index = 0;
  const step = async (path: string) => {
    options.checkpoint?.();
    await options.beforeWrite?.(path, index++);
  };

  const staging = await mkdtemp(join(root, STAGING_PREFIX));
  const placed: string[] = [];
  const madeDirs: string[] = [];
  const replaced = changes.replace === undefined ? [] : Array.isArray(changes.replace) ? changes.replace : [changes.replace];
  const swapped: string[] = [];
  try {
    for (const file of [...changes.create, ...replaced]) {
      await step(file.path);
      await writeDurable(join(staging, file.path), file.content);
    }
    for (const file of changes.create) {
      await step(file.path);
      const target = join(root, file.path);
      const missing: string[] = [];
      for (let dir = dirname(target); dir.length > root.length && !(await exists(dir)); dir = dirname(dir)) missing.unshift(dir);
      for (const dir of missing) {
        await mkdir(dir);
        madeDirs.push(dir);
      }
      await placeNew(join(staging, file.path), target);
      placed.push(target);
    }
    for (const file of replaced) {
      await step(file.path);
      const current = await readFile(join(root, file.path), 'utf8').catch(() => undefined);
      if (current !== file.expected) throw new FileChangedError(file.path);
      // The text it had, to put back if a later replacement fails.
      if (replaced.length > 1) await writeDurable(join(staging, `${file.path}.old`), file.expected);
    }
    for (const file of replaced) {
      await rename(join(staging, file.path), join(root, file.path));
      swapped.push(file.path);
    }
  } catch (error) {
    for (const path of swapped.reverse()) await rename(join(staging, `${path}.old`), join(root, path)).catch(() => {});
    for (const path of placed.reverse()) await unlink(path).catch(() => {});
    for (const dir of madeDirs.reverse()) await rmdir(dir).catch(() => {});
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
  }
}
