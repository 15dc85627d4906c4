// Tells the preview which files of the coalition changed, a burst at a time: one
// save in an editor is often several events (write a temporary file, rename it
// over the old one, remove a backup), and a burst becomes one new page.
//
// chokidar, not Node's own recursive fs.watch: on Linux that loses a file once
// an editor has replaced it by renaming (vim, and many others), and then sees
// neither the next save nor the file's removal. chokidar watches each folder and
// picks the new file up again.
import { basename, relative, sep } from 'node:path';
import { watch } from 'chokidar';
import { isSystemFile, SKIPPED_DIRS } from '../coalition/layout.js';

export interface ChangeBurst {
  /** Relative paths with forward slashes: files, and folders that came or went. */
  paths: Set<string>;
  /** Files or folders came or went (not only changed). */
  structural: boolean;
  /** Files to read once more and compare: they may have changed without a word (see SETTLE_MS). */
  recheck: Set<string>;
}

/**
 * chokidar reports at most one change per file per 50 ms and drops the rest,
 * so a second save soon after the first would go unseen. After each change the
 * file is looked at once more, when that window has passed.
 */
const SETTLE_MS = 60;

export interface WatchOptions {
  /** Quiet time that ends a burst. */
  quietMs?: number;
  /** A burst that goes on and on is still reported after this long. */
  maxWaitMs?: number;
  onError?: (error: Error) => void;
}

export interface FolderWatch {
  close(): Promise<void>;
}

/** vim's swap file for `periode-2.md` is `.periode-2.md.swp` (or .swo, .swn … when there are more). */
const isSwapFile = (name: string) => /^\..+\.sw[a-p]$/.test(name);

export async function watchFolder(root: string, onBurst: (burst: ChangeBurst) => void, options: WatchOptions = {}): Promise<FolderWatch> {
  const quietMs = options.quietMs ?? 40;
  const maxWaitMs = options.maxWaitMs ?? 250;
  const toRelative = (path: string) => relative(root, path).split(sep).join('/');
  // What never changes the page is never watched: what the loader never lists (the
  // system's own files; version control, tools and the report's output at the top
  // of the folder), and vim's swap files, which it rewrites every few seconds while
  // someone types.
  const ignored = (path: string) => {
    const rel = toRelative(path);
    if (rel === '' || rel.startsWith('..')) return false;
    return SKIPPED_DIRS.has(rel.split('/')[0]) || isSystemFile(basename(path)) || isSwapFile(basename(path));
  };
  // atomic: false — a rename over a file is reported at once as removed and added;
  // the burst makes one page of it, without chokidar's extra wait of 100 ms.
  const watcher = watch(root, { ignoreInitial: true, followSymlinks: false, atomic: false, ignored });

  const empty = (): ChangeBurst => ({ paths: new Set(), structural: false, recheck: new Set() });
  let burst = empty();
  let quiet: NodeJS.Timeout | undefined;
  let longest: NodeJS.Timeout | undefined;
  const settling = new Map<string, NodeJS.Timeout>();
  const flush = () => {
    clearTimeout(quiet);
    clearTimeout(longest);
    quiet = longest = undefined;
    const done = burst;
    burst = empty();
    if (done.paths.size || done.recheck.size) onBurst(done);
  };
  const wake = () => {
    clearTimeout(quiet);
    quiet = setTimeout(flush, quietMs);
    longest ??= setTimeout(flush, maxWaitMs);
  };
  const note = (path: string, structural: boolean) => {
    burst.paths.add(toRelative(path));
    burst.structural ||= structural;
    wake();
  };
  const settle = (path: string) => {
    clearTimeout(settling.get(path));
    settling.set(
      path,
      setTimeout(() => {
        settling.delete(path);
        burst.recheck.add(toRelative(path));
        wake();
      }, SETTLE_MS),
    );
  };
  watcher.on('change', (path) => {
    note(path, false);
    settle(path);
  });
  for (const event of ['add', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, (path) => note(path, true));
  watcher.on('error', (error) => options.onError?.(error as Error));

  await new Promise<void>((resolve, reject) => {
    watcher.once('ready', resolve);
    watcher.once('error', reject);
  });
  return {
    async close() {
      clearTimeout(quiet);
      clearTimeout(longest);
      for (const timer of settling.values()) clearTimeout(timer);
      await watcher.close();
    },
  };
}
