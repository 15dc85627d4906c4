// Runs a command with a fault hook on its write transaction (see src/fs/faults.ts).
import { setFaultHook, type FaultHook } from '../../src/fs/faults.js';

export async function withFaults<T>(hook: FaultHook, run: () => Promise<T>): Promise<T> {
  setFaultHook(hook);
  try {
    return await run();
  } finally {
    setFaultHook(undefined);
  }
}
