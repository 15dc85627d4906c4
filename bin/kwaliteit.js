#!/usr/bin/env node
import module from 'node:module';
import { join } from 'node:path';
import { userCacheFolder } from '../dist/cache-folder.js';

// Node 22 and later keep the compiled code of kwaliteit's modules between runs,
// so a run spends less time compiling before it starts (Node 20 has no such
// cache: nothing changes there). It is only a cache: Node checks each entry
// against the code it belongs to, and a folder it cannot write just means no cache.
// Not in CI, which starts from a clean machine every time (userCacheFolder says so).
try {
  const folder = userCacheFolder();
  if (folder) module.enableCompileCache?.(join(folder, 'compile'));
} catch {
  // A cache that cannot be used only means no cache.
}

// Imported only now, so its modules are compiled with the cache on.
const { exitOnSignal, main } = await import('../dist/cli.js');

exitOnSignal();

// A failed write to stdout (cli/io.ts) may have set code 2 meanwhile; it is never lowered.
const code = await main(process.argv.slice(2));
process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
