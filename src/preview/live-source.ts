// The coalition as the preview keeps it: each file's bytes in memory, read from
// disk once and again only after the watcher names that file; the listing is
// made again only when files or folders come or go. Every read goes through the
// disk source, so the same refusals hold: no link is followed, no FIFO or device
// is opened, no file above the size limit is read.
import { Buffer } from 'node:buffer';
import { diskSource, type FileSource, type Listing, type ReadOutcome } from '../coalition/source.js';

export class LiveSource implements FileSource {
  readonly root: string;
  private readonly disk: FileSource;
  private readonly files = new Map<string, Promise<ReadOutcome>>();
  private listing: Promise<Listing> | undefined;
  /** Files read from disk so far, and listings made: what the preview's figures count. */
  reads = 0;
  listings = 0;

  constructor(root: string) {
    this.root = root;
    this.disk = diskSource(root);
  }

  list(): Promise<Listing> {
    if (!this.listing) {
      this.listings++;
      this.listing = this.disk.list();
    }
    return this.listing;
  }

  read(path: string): Promise<ReadOutcome> {
    let outcome = this.files.get(path);
    if (!outcome) {
      this.reads++;
      outcome = this.disk.read(path);
      this.files.set(path, outcome);
    }
    return outcome;
  }

  /** Reads `path` from disk again; true when it now differs from what was kept (and the new bytes are kept). */
  async reread(path: string): Promise<boolean> {
    const kept = this.files.get(path);
    if (!kept) return false;
    this.reads++;
    const [before, now] = await Promise.all([kept, this.disk.read(path)]);
    const same = before.ok && now.ok ? Buffer.from(before.bytes.buffer, before.bytes.byteOffset, before.bytes.byteLength).equals(now.bytes) : !before.ok && !now.ok && before.code === now.code;
    if (!same) this.files.set(path, Promise.resolve(now));
    return !same;
  }

  /**
   * Forgets what the watcher reported, so the next load reads it again. A path
   * may be a folder: everything under it goes too. `structural` means files or
   * folders came or went, so the listing is made again.
   */
  forget(paths: Iterable<string>, structural: boolean): void {
    for (const path of paths) {
      this.files.delete(path);
      for (const known of [...this.files.keys()]) if (known.startsWith(`${path}/`)) this.files.delete(known);
    }
    if (structural) this.listing = undefined;
  }
}
