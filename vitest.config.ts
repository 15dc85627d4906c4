import { accessSync, constants, statSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The tests write thousands of small files, each made durable with fsync the
// way kwaliteit writes: on a disk that is most of the suite's time, in memory
// almost nothing. So temp folders go to /dev/shm when the machine has it and
// TMPDIR is not set. The code under test is the same; only the disk is faster.
function memoryTemp(): string | undefined {
  try {
    if (!statSync('/dev/shm').isDirectory()) return undefined;
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return undefined;
  }
}
const shm = memoryTemp();
if (!process.env.TMPDIR && shm) process.env.TMPDIR = shm;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The default leaves one of CI's two cores idle; most tests wait on files and child processes anyway.
    maxWorkers: 2,
  },
});
