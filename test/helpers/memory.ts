// Coalitions in memory, the way ESLint's RuleTester and markdownlint's `strings`
// test rules: no folder copied, nothing on disk. The example is read once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLoaded } from '../../src/check/check-coalition.js';
import type { CheckedCoalition } from '../../src/check/result.js';
import { loadFrom } from '../../src/coalition/load.js';
import type { Coalition } from '../../src/coalition/model.js';
import { ParseCache } from '../../src/coalition/parse-cache.js';
import { memorySource, type MemoryFiles } from '../../src/coalition/source.js';
import { REPO } from './run.js';

/** Every file under `dir` as it is tracked: what a report run or a crash left behind (rapport/, locks) is not. */
export function readTree(dir: string): MemoryFiles {
  const files: MemoryFiles = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? (entry as { path?: string }).path ?? dir, entry.name).slice(dir.length + 1).split('\\').join('/');
    if (path.startsWith('rapport/') || path.startsWith('.kwaliteit')) continue;
    files[path] = readFileSync(join(dir, path));
  }
  return files;
}

let example: MemoryFiles | undefined;

/** examples/voorbeeldcoalitie as bytes, read once per test file. */
export function exampleFiles(): MemoryFiles {
  example ??= readTree(join(REPO, 'examples', 'voorbeeldcoalitie'));
  return { ...example };
}

/** The example with some files replaced or added (text or bytes) and some removed. */
export function exampleWith(changes: MemoryFiles = {}, remove: string[] = []): MemoryFiles {
  const files = { ...exampleFiles(), ...changes };
  for (const path of remove) delete files[path];
  return files;
}

/** Parses of the example's files, kept across loads in a test file (see test/setup.ts): only what a test changes is parsed again. */
export const cache = new ParseCache();

export const loadMemory = (files: MemoryFiles): Promise<Coalition> => loadFrom(memorySource(files), { cache });

export async function checkMemory(files: MemoryFiles, date: string, final = false): Promise<CheckedCoalition> {
  return checkLoaded(await loadMemory(files), { date, final, cwd: '/' });
}
