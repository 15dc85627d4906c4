// Saves the report's files so that a run leaves either the earlier report or the
// complete new one: never half a file, and never a new HTML beside an old PDF.
// Each file is first written in full to a hidden temp file next to its target
// (so a full disk or a missing permission shows up before anything visible
// changes); only when all are written are they renamed into place. Should one
// rename fail, the files already replaced get their earlier version back.
import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, open, readdir, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isKwaliteitError } from '../errors.js';

export interface ReportWriterOptions {
  /** Test hook: called while each temp file is being written, and before each rename (fault injection). */
  beforeWrite?: (path: string, index: number) => void | Promise<void>;
  /** Throws on Ctrl+C; called before each step up to the commit. */
  checkpoint?: () => void;
}

/** A failure to save `target`; `cause` is the error of the file system. */
export class ReportWriteError extends Error {
  constructor(
    readonly target: string,
    override readonly cause: unknown,
  ) {
    super(`${target} could not be saved: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

interface Staged {
  target: string;
  temp: string;
  /** A second name for the file being replaced, to put it back if the commit fails. */
  backup?: string;
  placed?: boolean;
}

const hiddenName = (path: string, kind: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.${kind}.tmp`);

const exists = (path: string) => stat(path).then(() => true, () => false);

/** A second name for `path`: a hard link costs no space; drives without hard links get a copy. */
async function keepAside(path: string): Promise<string> {
  const backup = hiddenName(path, 'old');
  try {
    await link(path, backup);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw error;
    await copyFile(path, backup);
  }
  return backup;
}

export class ReportWriter {
  private readonly staged: Staged[] = [];
  private readonly madeDirs: string[] = [];
  private index = 0;

  constructor(private readonly options: ReportWriterOptions = {}) {}

  private async step(path: string): Promise<void> {
    this.options.checkpoint?.();
    await this.options.beforeWrite?.(path, this.index++);
  }

  /** Writes `content` in full to a temp file next to `target`; nothing visible changes yet. */
  async stage(target: string, content: string | Uint8Array): Promise<void> {
    try {
      this.options.checkpoint?.();
      const made = await mkdir(dirname(target), { recursive: true });
      if (made) this.madeDirs.push(made);
      const file: Staged = { target, temp: hiddenName(target, 'new') };
      const handle = await open(file.temp, 'wx');
      this.staged.push(file);
      try {
        await this.step(target);
        // Text as UTF-8; bytes (a PDF) exactly as they are.
        await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw this.wrap(target, error);
    }
  }

  /** Puts every staged file in place, or, when that fails halfway, puts the earlier files back. */
  async commit(): Promise<void> {
    this.options.checkpoint?.();
    // From here on Ctrl+C no longer stops the run: the renames take a moment,
    // and stopping between them would leave a mix of old and new.
    let current: Staged | undefined;
    try {
      for (const file of this.staged) {
        current = file;
        if (await exists(file.target)) file.backup = await keepAside(file.target);
      }
      for (const file of this.staged) {
        current = file;
        await this.options.beforeWrite?.(file.target, this.index++);
        await rename(file.temp, file.target);
        file.placed = true;
      }
    } catch (error) {
      await this.rollBack();
      throw this.wrap(current!.target, error);
    }
    await Promise.all(this.staged.map((file) => (file.backup ? unlink(file.backup).catch(() => {}) : undefined)));
    this.staged.length = 0;
  }

  /** Removes every temp file, and a folder made for the report; call it after any failure. */
  async discard(): Promise<void> {
    await this.rollBack();
  }

  private async rollBack(): Promise<void> {
    for (const file of [...this.staged].reverse()) {
      if (file.placed) {
        if (file.backup) await rename(file.backup, file.target).catch(() => {});
        else await unlink(file.target).catch(() => {});
      }
      await rm(file.temp, { force: true }).catch(() => {});
      if (file.backup) await rm(file.backup, { force: true }).catch(() => {});
    }
    this.staged.length = 0;
    // mkdir -p returns the topmost folder it made; only what is still empty goes.
    for (const top of this.madeDirs.reverse()) await removeEmptyTree(top);
    this.madeDirs.length = 0;
  }

  private wrap(target: string, error: unknown): unknown {
    // Ctrl+C and our own messages pass through as they are.
    if (isKwaliteitError(error)) return error;
    return new ReportWriteError(target, error);
  }
}

/** Removes `dir` and the empty folders in it; a folder with anything else in it stays. */
async function removeEmptyTree(dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return;
  for (const entry of entries) if (entry.isDirectory()) await removeEmptyTree(join(dir, entry.name));
  await rmdir(dir).catch(() => {});
}
