// A check fixture is a change to the example coalition: files in overlay/ that
// replace or add to it, files to delete, the date to check against, and the
// findings expected (rule, file, line).
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { MemoryFiles } from '../../src/coalition/source.js';
import { copyOf, fixture } from './folders.js';
import { exampleWith, readTree } from './memory.js';

export interface ExpectedFinding {
  ruleId: string;
  file: string;
  line?: number;
  severity: 'error' | 'warning';
}

export interface CheckFixture {
  name: string;
  description: string;
  date: string;
  final: boolean;
  delete: string[];
  expected: ExpectedFinding[];
}

export function checkFixtures(): CheckFixture[] {
  const root = fixture('check');
  return readdirSync(root)
    .sort()
    .map((name) => ({ name, ...JSON.parse(readFileSync(join(root, name, 'fixture.json'), 'utf8')) }));
}

/** The example in memory with the fixture applied. */
export function fixtureFiles(item: CheckFixture): MemoryFiles {
  const overlay = join(fixture('check'), item.name, 'overlay');
  return exampleWith(existsSync(overlay) ? readTree(overlay) : {}, item.delete);
}

/** A fresh copy of the example on disk with the fixture applied. */
export function applyFixture(item: CheckFixture): string {
  const dir = copyOf('examples/voorbeeldcoalitie');
  const overlay = join(fixture('check'), item.name, 'overlay');
  if (existsSync(overlay)) cpSync(overlay, dir, { recursive: true });
  for (const path of item.delete) rmSync(join(dir, path));
  return dir;
}
