// The contents' page numbers of reports printed before, so that a report
// printed again (nothing changed) prints once instead of twice: the first print
// only counts on which page each section starts.
//
// Kept in the user's own cache folder (src/fs/cache-folder.ts), never in the
// coalition's folder, and none in CI. An entry is found only by a digest of
// everything that decides where the pages break (the HTML with its running
// header and footer, the margins, the sections, the browser), and holds only that digest
// and the page numbers: nothing of the coalition's text. A guess is never
// trusted either: pdf.ts reads the pages of what it printed and prints again
// when they differ, so a wrong or damaged entry only costs time.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { writeCacheFile } from '../fs/cache-folder.js';
import { readRegularFile, utf8Text } from '../fs/read-regular.js';

/** The shape of the file; raised when it changes. */
const FORMAT = 2;
/** Reports of other coalitions, or of other versions of one, beyond this many are forgotten (oldest first). */
export const KEEP_REPORTS = 50;
/** A few kB at most; anything far larger is not ours. */
const MAX_FILE_BYTES = 256 * 1024;
const FOLDER = 'report';
const FILE = 'pages.json';

/** Everything that decides on which page each section starts. */
export interface PageLayout {
  html: string;
  margin: object;
  /** The sections, in the order of the contents. */
  ids: string[];
  browser: string;
}

export function layoutDigest(layout: PageLayout): string {
  const hash = createHash('sha256').update(`kwaliteit-pages ${FORMAT}\0`);
  for (const part of [layout.browser, JSON.stringify(layout.margin), JSON.stringify(layout.ids), layout.html]) {
    hash.update(`${Buffer.byteLength(part)}\0`).update(part);
  }
  return hash.digest('hex');
}

type Entry = [digest: string, pages: number[]];

const isEntry = (value: unknown): value is Entry =>
  Array.isArray(value) &&
  value.length === 2 &&
  typeof value[0] === 'string' &&
  /^[0-9a-f]{64}$/.test(value[0]) &&
  Array.isArray(value[1]) &&
  value[1].every((n: unknown) => Number.isSafeInteger(n) && (n as number) > 0);

export class PageCache {
  /** The digest of the layout asked about last: report.ts asks get() and then remember() for one layout (the HTML is some 700 kB). */
  private last?: { layout: PageLayout; digest: string };

  private constructor(
    private readonly folder: string,
    /** Newest first. */
    private entries: Entry[],
  ) {}

  /** The cache in kwaliteit's cache folder; a missing, damaged or strange file is an empty cache, and nothing is said about it. */
  static async open(cacheFolder: string): Promise<PageCache> {
    const folder = join(cacheFolder, FOLDER);
    const read = await readRegularFile(folder, FILE, MAX_FILE_BYTES);
    let entries: Entry[] = [];
    if (read.ok) {
      try {
        const content = JSON.parse(utf8Text(read.bytes)) as { format?: unknown; entries?: unknown };
        if (content?.format === FORMAT && Array.isArray(content.entries)) entries = content.entries.filter(isEntry).slice(0, KEEP_REPORTS);
      } catch {
        // Damaged: begin again.
      }
    }
    return new PageCache(folder, entries);
  }

  /** Section id → page, as printed last time for exactly this layout; undefined when unknown. */
  get(layout: PageLayout): Map<string, number> | undefined {
    const digest = this.digestOf(layout);
    const pages = this.entries.find(([known]) => known === digest)?.[1];
    if (!pages || pages.length !== layout.ids.length) return undefined;
    return new Map(layout.ids.map((id, index) => [id, pages[index]]));
  }

  /** Keeps the pages of this layout, newest first (see writeCacheFile). */
  async remember(layout: PageLayout, pages: Map<string, number>): Promise<void> {
    const numbers = layout.ids.map((id) => pages.get(id));
    if (!numbers.every((n): n is number => n !== undefined)) return;
    const digest = this.digestOf(layout);
    const [newest] = this.entries;
    if (newest?.[0] === digest && newest[1].join() === numbers.join()) return;
    this.entries = [[digest, numbers] as Entry, ...this.entries.filter(([known]) => known !== digest)].slice(0, KEEP_REPORTS);
    await writeCacheFile(join(this.folder, FILE), JSON.stringify({ format: FORMAT, entries: this.entries }));
  }

  private digestOf(layout: PageLayout): string {
    if (this.last?.layout !== layout) this.last = { layout, digest: layoutDigest(layout) };
    return this.last.digest;
  }
}
