// What coalitions' files and machines throw at kwaliteit (test/fixtures/bad-input/):
// every command either just works or says precisely what to fix, with a
// documented exit code, no stack trace, and not one byte changed in the folder.
import { describe, expect, it } from 'vitest';
import { badInputCases, commandArgs, COMMANDS, prepare, type BadInputCase, type CommandName } from './helpers/bad-input.js';
import type { ExpectedFinding } from './helpers/check-fixtures.js';
import { snapshot, tempDir } from './helpers/folders.js';
import { runBin, runMain, type RunResult } from './helpers/run.js';

const cases = badInputCases();
const key = (d: ExpectedFinding) => `${d.severity} ${d.ruleId} ${d.file}:${d.line ?? '-'}`;

async function run(item: BadInputCase, command: CommandName, format: string[] = [], binary = false): Promise<{ result: RunResult; changed: boolean }> {
  const prepared = prepare(item);
  const before = snapshot(prepared.dir);
  const args = [...commandArgs(command, prepared.arg, item.date, tempDir()), ...format];
  if (command === 'check' && item.final) args.push('--final');
  // Running from a folder needs its own process: a test worker cannot change its working folder.
  const result = prepared.arg === undefined || binary ? runBin(args, { cwd: prepared.cwd }) : await runMain(args);
  return { result, changed: JSON.stringify(snapshot(prepared.dir)) !== JSON.stringify(before) };
}

it('has at least 40 cases, each saying what every command does', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  for (const item of cases) {
    expect(Object.keys(item.commands).sort(), item.name).toEqual([...COMMANDS].sort());
    // check either lists its findings exactly, or cannot run at all (exit 2).
    expect(item.expected === undefined, item.name).toBe(item.commands.check.exit === 2);
  }
});

// Every case in-process; a sample of them also through the built program, as a coalition runs it.
const sample = new Set(cases.filter((_, i) => i % 8 === 0).map((item) => item.name));

describe.each(cases)('$name: $description', (item) => {
  it.each(COMMANDS.flatMap((command) => [[command, false], ...(sample.has(item.name) ? [[command, true]] : [])] as [CommandName, boolean][]))('%s (built program: %s)', async (command, binary) => {
    const expected = item.commands[command];
    // check's findings are compared exactly, so read them as JSON.
    const json = command === 'check' && item.expected !== undefined;
    const { result, changed } = await run(item, command, json ? ['--format', 'json'] : [], binary);
    const output = result.stdout + result.stderr;
    expect(result.code, output).toBe(expected.exit);
    if (json) {
      const found = JSON.parse(result.stdout).coalitions[0].diagnostics as ExpectedFinding[];
      expect(found.map(key).sort()).toEqual(item.expected!.map(key).sort());
    }
    for (const text of expected.says) expect(output).toContain(text);
    expect(output).not.toMatch(/\n\s+at .+:\d+|undefined|\[object |TypeError|ENOENT|EISDIR|ENOTDIR/);
    expect(changed, 'the coalition folder changed').toBe(false);
  });
});
