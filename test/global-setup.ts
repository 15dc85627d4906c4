// Once per test run, before any test file. The built program run in child
// processes keeps its caches (src/fs/cache-folder.ts) in a folder of this run
// instead of the user's own: each run starts clean, and leaves nothing behind.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), 'kwaliteit-test-cache-'));
  process.env.XDG_CACHE_HOME = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
