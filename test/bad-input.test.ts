// What coalitions' files and machines throw at kwaliteit (test/fixtures/bad-input/):
// every command either just works or says precisely what to fix, with a
// documented exit code, no stack trace, and not one byte changed in the folder.
//
// Each case is made once on disk and every command runs on that same folder:
// none of them may change a byte (the snapshot proves it after each), so they
// cannot disturb each other. All run in-process, as from the folder the case
// names; a few cases also through the built program, as a coalition runs it.
// Those programs start side by side when their case is made, while the
// in-process runs go on; each test waits for its own.
import { beforeAll, describe, expect, it } from 'vitest';
import { badInputCases, commandArgs, COMMANDS, prepare, type BadInputCase, type CommandName, type Prepared } from './helpers/bad-input.js';
import type { ExpectedFinding } from './helpers/check-fixtures.js';
import { snapshot, tempDir } from './helpers/folders.js';
import { runBinAsync, runMain, type RunResult } from './helpers/run.js';

const cases = badInputCases();
const key = (d: ExpectedFinding) => `${d.severity} ${d.ruleId} ${d.file}:${d.line ?? '-'}`;

it('has at least 40 cases, each saying what every command does', () => {
  expect(cases.length).toBeGreaterThanOrEqual(40);
  for (const item of cases) {
    expect(Object.keys(item.commands).sort(), item.name).toEqual([...COMMANDS].sort());
    // check either lists its findings exactly, or cannot run at all (exit 2).
    expect(item.expected === undefined, item.name).toBe(item.commands.check.exit === 2);
  }
});

// The built program for one case in thirty: the same code, so this proves the program around it.
const sample = new Set(cases.filter((_, i) => i % 30 === 0).map((item) => item.name));

describe.each(cases)('$name: $description', (item: BadInputCase) => {
  let prepared: Prepared;
  let before: Record<string, string>;
  const built = new Map<CommandName, Promise<RunResult>>();
  // check's findings are compared exactly, so read them as JSON.
  const json = (command: CommandName) => command === 'check' && item.expected !== undefined;
  const args = (command: CommandName) => [
    ...commandArgs(command, prepared.arg, item.date, tempDir()),
    ...(json(command) ? ['--format', 'json'] : []),
    ...(command === 'check' && item.final ? ['--final'] : []),
  ];
  beforeAll(() => {
    prepared = prepare(item);
    before = snapshot(prepared.dir);
    if (!sample.has(item.name)) return;
    for (const command of COMMANDS) {
      const run = runBinAsync(args(command), { cwd: prepared.cwd });
      // Its test awaits it and fails on an error; a test left out (-t) must not make it an unhandled one.
      run.catch(() => {});
      built.set(command, run);
    }
  });

  it.each(COMMANDS.flatMap((command) => [[command, false], ...(sample.has(item.name) ? [[command, true]] : [])] as [CommandName, boolean][]))(
    '%s (built program: %s)',
    async (command, binary) => {
      const expected = item.commands[command];
      const result = binary ? await built.get(command)! : await runMain(args(command), {}, prepared.cwd);
      const output = result.stdout + result.stderr;
      expect(result.code, output).toBe(expected.exit);
      if (json(command)) {
        const found = JSON.parse(result.stdout).coalitions[0].diagnostics as ExpectedFinding[];
        expect(found.map(key).sort()).toEqual(item.expected!.map(key).sort());
      }
      for (const text of expected.says) expect(output).toContain(text);
      expect(output).not.toMatch(/\n\s+at .+:\d+|undefined|\[object |TypeError|ENOENT|EISDIR|ENOTDIR/);
      // Nothing of a file outside the coalition is ever printed (the cases put a secret there),
      // and no control character from a file reaches the terminal as it is.
      expect(output).not.toMatch(/GEHEIM|ghp_|\u001b/);
      expect(snapshot(prepared.dir), 'the coalition folder changed').toEqual(before);
    },
  );
});
