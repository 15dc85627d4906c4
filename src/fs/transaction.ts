// The one way kwaliteit writes files: all of them or none.
//
// Every file is first written in full to a hidden temp file next to its target
// (so a full disk or a missing permission shows up before anything visible
// changes). commit() then puts the new files in place, never over an existing
// file, and after them replaces the files that are replaced, each only if it
// still holds what we expect. Should anything fail, or Ctrl+C arrive before the
// last step, every file placed or replaced gets its earlier state back, every
// temp file goes, and every folder the transaction made is removed again when
// it is still empty (a folder someone else put a file in stays).
import { randomBytes } from 'node:crypto';
import { copyFile, link, mkdir, open, readFile, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative } from 'node:path';
import { errors, isKwaliteitError } from '../errors.js';
import { faultBeforeStep } from './faults.js';
import { isInsideReal, realTarget } from './real-path.js';

/** A new file was to be created where a file already is. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

/** A file to be replaced no longer holds what we read at the start. */
export class FileChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed during the run`);
  }
}

/** A file would land outside the folder it belongs in, through a link on the way. Nothing was written. */
export class OutsideError extends Error {
  /** Like a file-system code, so the one mapping in errors.ts (writeRefused) turns it into Dutch. */
  readonly code = 'EOUTSIDE';

  constructor(readonly path: string) {
    super(`${path} leads outside the folder`);
  }
}

/** The file system refused to save `target`; `cause` carries its error code. */
export class WriteError extends Error {
  constructor(
    readonly target: string,
    override readonly cause: unknown,
  ) {
    super(`${target} could not be saved: ${(cause as Error)?.message ?? String(cause)}`);
  }

  get code(): string | undefined {
    return (this.cause as NodeJS.ErrnoException)?.code;
  }
}

export interface TransactionOptions {
  /** Paths given to the fault hook are shown relative to this folder. */
  root?: string;
  /** Every file must really land inside this folder (links on the way followed); anything else is refused before it is written. */
  confine?: string;
  /** Ctrl+C: honoured before every step but the last; everything is undone. */
  signal?: AbortSignal;
}

interface Staged {
  target: string;
  temp: string;
  kind: 'create' | 'replace';
  /** For create: leave a file that appeared meanwhile alone instead of failing. */
  keepExisting?: boolean;
  /** For replace: what the file must still hold; undefined replaces whatever is there (or nothing). */
  expected?: string;
  /** A second name for the replaced file, to put it back on rollback. */
  backup?: string;
  done?: 'placed' | 'kept';
}

/** Codes of drives without hard links (FAT, some shares): there an exclusive create stands in. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV']);

const exists = (path: string) => stat(path).then(() => true, () => false);

/** Hidden, and with a name the coalition's .gitignore covers, should a hard crash leave one behind. */
const tempName = (target: string, kind: string) =>
  join(dirname(target), `.kwaliteit-tmp-${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.${kind}.tmp`);

export class WriteTransaction {
  private readonly staged: Staged[] = [];
  private readonly madeDirs: string[] = [];
  private steps = 0;
  private finished = false;

  constructor(private readonly options: TransactionOptions = {}) {}

  /** Stages a new file; commit() puts it in place only if nothing is there by then. */
  create(target: string, content: string | Uint8Array, options: { keepExisting?: boolean } = {}): Promise<void> {
    return this.stage({ target, kind: 'create', ...(options.keepExisting ? { keepExisting: true } : {}) }, content);
  }

  /** Stages a new version of a file; with `expected`, commit() refuses when the file no longer holds it. */
  replace(target: string, content: string | Uint8Array, expected?: string): Promise<void> {
    return this.stage({ target, kind: 'replace', ...(expected !== undefined ? { expected } : {}) }, content);
  }

  /** The files commit() created, as targets; files kept because they appeared meanwhile are not among them. */
  get created(): string[] {
    return this.staged.filter((file) => file.kind === 'create' && file.done === 'placed').map((file) => file.target);
  }

  get kept(): string[] {
    return this.staged.filter((file) => file.done === 'kept').map((file) => file.target);
  }

  private shown(path: string): string {
    if (!this.options.root) return path;
    const rel = relative(this.options.root, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : path;
  }

  /** Ctrl+C counts until the last step has begun: once that runs, the new state is complete and stays. */
  private checkSignal(): void {
    if (this.options.signal?.aborted) throw errors.cancelled();
  }

  /** Before each write, move and replace. */
  private async step(path: string): Promise<void> {
    this.checkSignal();
    await faultBeforeStep(this.shown(path), this.steps++);
  }

  private refuseOutside(target: string): void {
    const { confine } = this.options;
    if (confine && !isInsideReal(realTarget(confine), realTarget(target))) throw new OutsideError(target);
  }

  private async makeParents(dir: string): Promise<void> {
    const missing: string[] = [];
    for (let at = dir; !(await exists(at)); at = dirname(at)) {
      missing.unshift(at);
      if (dirname(at) === at) break;
    }
    for (const path of missing) {
      try {
        await mkdir(path);
        this.madeDirs.push(path);
      } catch (error) {
        // Someone else made it meanwhile: then it is not ours to remove.
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
    }
  }

  private async stage(file: Omit<Staged, 'temp'>, content: string | Uint8Array): Promise<void> {
    if (this.finished) throw new Error('transaction already finished');
    try {
      this.checkSignal();
      this.refuseOutside(file.target);
      await this.makeParents(dirname(file.target));
      await this.step(file.target);
      const entry: Staged = { ...file, temp: tempName(file.target, 'new') };
      const handle = await open(entry.temp, 'wx');
      this.staged.push(entry);
      try {
        // Text as UTF-8; bytes (a PDF, an image) exactly as they are.
        await handle.writeFile(content, typeof content === 'string' ? 'utf8' : undefined);
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw wrap(file.target, error);
    }
  }

  /** Puts every staged file in place, or leaves everything as it was and throws. */
  async commit(): Promise<void> {
    if (this.finished) throw new Error('transaction already finished');
    // New files first, replaced ones after them: a replaced kwaliteit.yaml is the commit point of new-cycle.
    const order = [...this.staged.filter((f) => f.kind === 'create'), ...this.staged.filter((f) => f.kind === 'replace')];
    let current: Staged | undefined;
    try {
      for (const file of order) {
        current = file;
        await this.step(file.target);
        if (file.kind === 'create') await this.placeNew(file);
        else await this.placeReplacement(file);
      }
    } catch (error) {
      await this.rollback();
      throw wrap(current?.target, error);
    }
    this.finished = true;
    await Promise.all(this.staged.map((file) => (file.backup ? unlink(file.backup).catch(() => {}) : undefined)));
  }

  private async placeNew(file: Staged): Promise<void> {
    try {
      await link(file.temp, file.target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        if (!file.keepExisting) throw new FileExistsError(file.target);
        file.done = 'kept';
        await unlink(file.temp).catch(() => {});
        return;
      }
      if (!code || !NO_LINKS.has(code)) throw error;
      try {
        await (await open(file.target, 'wx')).close();
      } catch (openError) {
        if ((openError as NodeJS.ErrnoException).code !== 'EEXIST') throw openError;
        if (!file.keepExisting) throw new FileExistsError(file.target);
        file.done = 'kept';
        await unlink(file.temp).catch(() => {});
        return;
      }
      file.done = 'placed';
      await rename(file.temp, file.target);
      return;
    }
    file.done = 'placed';
    await unlink(file.temp).catch(() => {});
  }

  private async placeReplacement(file: Staged): Promise<void> {
    if (file.expected !== undefined) {
      const current = await readFile(file.target, 'utf8').catch(() => undefined);
      if (current !== file.expected) throw new FileChangedError(file.target);
    }
    if (await exists(file.target)) file.backup = await keepAside(file.target);
    await rename(file.temp, file.target);
    file.done = 'placed';
  }

  /** Undoes whatever happened; safe to call more than once, and after a failed commit. */
  async rollback(): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    for (const file of [...this.staged].reverse()) {
      if (file.done === 'placed') {
        if (file.backup) await rename(file.backup, file.target).catch(() => {});
        else await unlink(file.target).catch(() => {});
      }
      await rm(file.temp, { force: true }).catch(() => {});
      if (file.backup) await rm(file.backup, { force: true }).catch(() => {});
    }
    // Children before parents; rmdir, not rm -r: a folder with someone's file in it stays.
    for (const dir of [...this.madeDirs].reverse()) await rmdir(dir).catch(() => {});
  }
}

/** A second name for `path`: a hard link costs no space; drives without hard links get a copy. */
async function keepAside(path: string): Promise<string> {
  const backup = tempName(path, 'old');
  try {
    await link(path, backup);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code || !NO_LINKS.has(code)) throw error;
    await copyFile(path, backup);
  }
  return backup;
}

/** Our own errors and Ctrl+C pass as they are; a refusal of the file system names the file. */
function wrap(target: string | undefined, error: unknown): unknown {
  if (error instanceof FileExistsError || error instanceof FileChangedError || error instanceof WriteError || error instanceof OutsideError) return error;
  if (isKwaliteitError(error)) return error;
  if (target && (error as NodeJS.ErrnoException)?.code) return new WriteError(target, error);
  return error;
}

/** Runs `work` in a transaction and commits it; any error undoes everything. */
export async function inTransaction<T>(options: TransactionOptions, work: (tx: WriteTransaction) => Promise<T>): Promise<T> {
  const tx = new WriteTransaction(options);
  try {
    const result = await work(tx);
    await tx.commit();
    return result;
  } catch (error) {
    await tx.rollback();
    throw error;
  }
}
