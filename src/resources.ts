// kwaliteit's own files (the coalition templates, the format, the report's CSS,
// package.json) are read here and nowhere else: from the package folder, or, in
// the single-file program (a Node single executable application), from the assets
// built into that file, so the program needs nothing next to it.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from './package-root.js';

type Sea = typeof import('node:sea');

let seaModule: Sea | null | undefined;

/** node:sea when running as the single-file program, otherwise null. */
function sea(): Sea | null {
  if (seaModule === undefined) {
    // getBuiltinModule is synchronous and needs no import that older Node lines lack.
    const found = process.getBuiltinModule?.('node:sea') as Sea | undefined;
    seaModule = found?.isSea() ? found : null;
  }
  return seaModule;
}

export const isProgramFile = (): boolean => sea() !== null;

/**
 * Where a built-in file shows up in paths and messages. In the program file it
 * has no place on disk; the prefix keeps such a name from ever being taken for a
 * file of the coalition.
 */
const SEA_PREFIX = 'kwaliteit:';

/** The name of a built-in file, such as `templates/format/bouwstenen-voor-kwaliteit.yaml`. */
export function resourcePath(name: string): string {
  return sea() ? `${SEA_PREFIX}${name}` : join(packageRoot(), name);
}

export function readResourceSync(name: string): string {
  const program = sea();
  return program ? program.getAsset(name, 'utf8') : readFileSync(join(packageRoot(), name), 'utf8');
}

export async function readResource(name: string): Promise<string> {
  const program = sea();
  return program ? program.getAsset(name, 'utf8') : readFile(join(packageRoot(), name), 'utf8');
}

/** Reads a path from resourcePath() or any other file (a coalition's own format). */
export async function readResourceOrFile(path: string): Promise<string> {
  const program = sea();
  if (program && path.startsWith(SEA_PREFIX)) return program.getAsset(path.slice(SEA_PREFIX.length), 'utf8');
  return readFile(path, 'utf8');
}

// Set by scripts/build.mjs from package.json, so a run need not find and read it
// before its first line of help or output. Run from the sources there is none.
declare const KWALITEIT_VERSION: string | undefined;

/** kwaliteit's version, from package.json: the one place it is kept. */
export function packageVersion(): string {
  return typeof KWALITEIT_VERSION === 'string' ? KWALITEIT_VERSION : JSON.parse(readResourceSync('package.json')).version;
}
