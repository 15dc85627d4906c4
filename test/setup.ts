// Runs before every test file, also when files share one process (vitest.config.ts).
//
// The loads share one parse cache, as a long-running preview does: a file whose
// bytes did not change is not parsed again. The built program run in child
// processes keeps its own on disk, in a folder of this test run
// (test/global-setup.ts); test/disk-cache.test.ts tests that one.
import { afterAll } from 'vitest';
import { shareParseCache } from '../src/coalition/load.js';
import { runFileEnd } from './helpers/file-end.js';
import { cache } from './helpers/memory.js';

shareParseCache(cache);

// Temp folders and preview sessions of this file go when it ends (see helpers/file-end.ts).
afterAll(runFileEnd);
