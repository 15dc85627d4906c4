// A bad-input case is something real coalitions' files and machines throw at
// kwaliteit: the example coalition with one thing changed (files in overlay/,
// files deleted, files made by code because git cannot hold them), or a folder
// argument that is not a coalition at all. case.json says what check finds
// (rule, file, line) and what every other command does with it.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExpectedFinding } from './check-fixtures.js';
import { copyOf, fixture, tempDir } from './folders.js';

export const COMMANDS = ['check', 'status', 'new-cycle', 'add', 'report'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CommandExpectation {
  exit: 0 | 1 | 2;
  /** Text that must appear in what the command prints (stdout and stderr together). */
  says: string[];
}

export interface BadInputCase {
  name: string;
  description: string;
  date: string;
  /** Name of the coalition folder (spaces and diacritics welcome). */
  folder?: string;
  /** Folders between the temp folder and the coalition, e.g. to make a very long path. */
  parents?: string[];
  delete?: string[];
  rename?: [string, string][];
  /**
   * Files made at run time: too large for git, links and FIFOs git would not keep, text
   * repeated many times. A path may start with ../ for a file outside the coalition (a secret).
   */
  make?: ({ file: string; megabytes: number } | { file: string; symlinkTo: string } | { file: string; fifo: true } | { file: string; folder: true } | { file: string; text: string; repeat?: number })[];
  /** What the folder argument points at: the coalition (default), nothing, a file, or an empty folder. */
  target?: 'coalition' | 'missing' | 'file' | 'empty';
  /** Run from this folder inside the coalition, without a folder argument (as people do). */
  cwd?: string;
  /** Findings of check, exactly; absent when check cannot run (see commands.check). */
  expected?: ExpectedFinding[];
  final?: boolean;
  commands: Record<CommandName, CommandExpectation>;
}

const ROOT = fixture('bad-input');

export function badInputCases(): BadInputCase[] {
  return readdirSync(ROOT)
    .sort()
    .map((name) => ({ name, ...JSON.parse(readFileSync(join(ROOT, name, 'case.json'), 'utf8')) }));
}

export interface Prepared {
  /** The coalition folder. */
  dir: string;
  /** The folder argument to give the commands (absolute), or undefined to run from cwd. */
  arg: string | undefined;
  /** Where to run from. */
  cwd: string;
}

const emptyFolder = (path: string) => {
  mkdirSync(path, { recursive: true });
  return path;
};

/** A fresh copy of the example with the case applied. */
export function prepare(item: BadInputCase): Prepared {
  const base = join(tempDir(), ...(item.parents ?? []));
  mkdirSync(base, { recursive: true });
  const dir = copyOf('examples/voorbeeldcoalitie', join(base, item.folder ?? 'coalitie'));
  const overlay = join(ROOT, item.name, 'overlay');
  if (existsSync(overlay)) cpSync(overlay, dir, { recursive: true });
  for (const path of item.delete ?? []) rmSync(join(dir, path), { recursive: true });
  for (const [from, to] of item.rename ?? []) renameSync(join(dir, from), join(dir, to));
  for (const made of item.make ?? []) {
    const path = join(dir, made.file);
    if ('megabytes' in made) writeFileSync(path, `${'Een regel tekst die telkens terugkomt.\n'.repeat(Math.ceil((made.megabytes * 1024 * 1024) / 39))}`);
    else if ('symlinkTo' in made) symlinkSync(made.symlinkTo, path);
    else if ('fifo' in made) execFileSync('mkfifo', [path]);
    else if ('folder' in made) mkdirSync(path, { recursive: true });
    else writeFileSync(path, made.text.repeat(made.repeat ?? 1));
  }
  const target = item.target ?? 'coalition';
  const arg =
    item.cwd !== undefined
      ? undefined
      : target === 'missing'
        ? join(base, 'bestaat-niet')
        : target === 'file'
          ? join(dir, 'kwaliteit.yaml')
          : target === 'empty'
            ? emptyFolder(join(base, 'lege map'))
            : dir;
  return { dir, arg, cwd: item.cwd !== undefined ? join(dir, item.cwd) : base };
}

/** The arguments of each command for a case; `out` is a folder outside the coalition for the report. */
export function commandArgs(command: CommandName, arg: string | undefined, date: string, out: string): string[] {
  const dir = arg === undefined ? [] : [arg];
  switch (command) {
    case 'check':
      return ['check', ...dir, '--date', date];
    case 'status':
      return ['status', ...dir, '--date', date];
    case 'new-cycle':
      // --force: the same refusals whether or not period 2 has ended on the case's date.
      return ['new-cycle', ...dir, '--date', date, '--yes', '--force', '--dry-run'];
    case 'add':
      // add needs a running period: period 2 runs on this date.
      return ['add', ...dir, '--bouwsteen', 'meso-samenhang', '--question', 'Hoe weten we wat ouders van de activiteiten vinden?', '--date', '2026-03-01', '--dry-run'];
    case 'report':
      return ['report', ...dir, '--date', date, '--format', 'html', '--out', join(out, 'rapport.html')];
  }
}
