// Many folders in one check are spread over this thread and worker threads
// (src/check/spread.ts, with the built worker from dist/). Each folder's answer
// must be the one it gets when checked alone, at its own place, errors included.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { checkInThisThread, checkSpread, type Settled, type SpreadItem } from '../src/check/spread.js';
import { REPO } from './helpers/run.js';

const workerUrl = pathToFileURL(join(REPO, 'dist/check-worker.js'));
const plain = (entry: Settled) => (entry instanceof Error ? { error: { ...(entry as object), message: entry.message } } : entry);

it.skipIf(availableParallelism() < 2)('this thread and a worker each take a share; every answer lands at its folder', async () => {
  // 16 folders: enough for two threads (8 each). One does not exist, one is a file.
  const dirs = Array.from({ length: 16 }, (_, i) => (i === 5 ? 'nergens' : i === 10 ? 'package.json' : 'examples/voorbeeldcoalitie'));
  const items: SpreadItem[] = dirs.map((dir, index) => ({ dir, index }));
  const run = { cwd: REPO, date: '2026-03-01' };
  const [spread, alone] = await Promise.all([checkSpread(items, run, workerUrl), checkInThisThread(items, run)]);
  expect(spread.map(plain)).toEqual(alone.map(plain));
  expect(spread[5]).toBeInstanceOf(Error);
  expect(spread[10]).toBeInstanceOf(Error);
  expect(spread.filter((entry) => !(entry instanceof Error))).toHaveLength(14);
});
