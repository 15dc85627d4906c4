// Runs a command with a fault hook on its write transaction (see src/fs/faults.ts).
// The hook belongs to that run, not to the process: the one hook set in
// src/fs/faults.ts looks up the run it is called in (its async context), so runs
// with hooks of their own can go side by side (it.concurrent).
import { AsyncLocalStorage } from 'node:async_hooks';
import { setFaultHook, type FaultHook } from '../../src/fs/faults.js';

const hookOfRun = new AsyncLocalStorage<FaultHook>();
let running = 0;

export async function withFaults<T>(hook: FaultHook, run: () => Promise<T>): Promise<T> {
  if (running++ === 0) setFaultHook((path, step) => hookOfRun.getStore()?.(path, step));
  try {
    return await hookOfRun.run(hook, run);
  } finally {
    if (--running === 0) setFaultHook(undefined);
  }
}
