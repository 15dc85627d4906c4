#!/usr/bin/env node
import module from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/**
 * kwaliteit's own cache folder, per user (never in a coalition's folder, never
 * a folder others can write to): safe to delete at any time.
 */
function cacheFolder() {
  const { env, platform } = process;
  if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'kwaliteit', 'Cache') : undefined;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'kwaliteit');
  return join(env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), '.cache'), 'kwaliteit');
}

// Node 22 and later keep the compiled code of kwaliteit's modules between runs,
// so a run spends less time compiling before it starts (Node 20 has no such
// cache: nothing changes there). It is only a cache: Node checks each entry
// against the code it belongs to, and a folder it cannot write just means no cache.
// Not in CI, which starts from a clean machine every time: writing it would only cost.
try {
  const folder = process.env.CI ? undefined : cacheFolder();
  if (folder) module.enableCompileCache?.(join(folder, 'compile'));
} catch {
  // No home folder: run without the cache.
}

// Imported only now, so its modules are compiled with the cache on.
const { exitOnSignal, main } = await import('../dist/cli.js');

exitOnSignal();

// A failed write to stdout (cli/io.ts) may have set code 2 meanwhile; it is never lowered.
const code = await main(process.argv.slice(2));
process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
