// What a test file leaves to clean up (temp folders, preview sessions), undone
// when that file ends. Most test files share one process (vitest.config.ts), so
// a helper module is loaded once for all of them, and an afterAll of its own
// would run after the first file only; test/setup.ts runs for every file and
// calls runFileEnd() in its afterAll.
const tasks = new Set<() => unknown>();

/** Registers `task` (once per helper module) to run at the end of every test file. */
export function atFileEnd(task: () => unknown): void {
  tasks.add(task);
}

export async function runFileEnd(): Promise<void> {
  for (const task of tasks) await task();
}
