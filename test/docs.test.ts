// The documents for developers name files of this repository; when a file moves
// and the text stays, the next person is sent to a file that is not there (the
// README once listed src/check-worker.ts and src/prompts.ts long after they moved).
// So every path they name must exist, ARCHITECTURE.md must place every part of
// src/, and its table of layers must be the one test/architecture.test.ts enforces.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/run.js';

const DOCS = ['ARCHITECTURE.md', 'CONTRIBUTING.md', 'README.md'];
const read = (file: string) => readFileSync(join(REPO, file), 'utf8');

/** Where the repository's own files live; other backticked words (bouwbladen/…, rapport/…) are a coalition's. */
const REPO_PATH = /^(src|test|scripts|templates|bench|bin|examples|\.ci)(\/|$)/;
/** What a command makes, so it need not exist in a fresh clone: npm run bench, and the README's main command. */
const OUTPUT = [/^bench\/out(\/|$)/, /^examples\/voorbeeldcoalitie\/rapport(\/|$)/];

/** Paths in `backticks` and in [links](…), without the ones that are patterns (<id>, …, *). */
function namedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\s]+)`/g)].map((match) => match[1]);
  const links = [...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1].replace(/#.*$/, ''));
  return [...new Set([...spans, ...links])]
    .filter((path) => REPO_PATH.test(path) && !/[<>…*{}]/.test(path) && !OUTPUT.some((output) => output.test(path)))
    .sort();
}

describe('the documents for developers', () => {
  it.each(DOCS)('%s names only paths that exist', (doc) => {
    const paths = namedPaths(read(doc));
    expect(paths.length).toBeGreaterThan(doc === 'README.md' ? 10 : 30);
    expect(paths.filter((path) => !existsSync(join(REPO, path)))).toEqual([]);
  });

  it('the check finds a path that is gone', () => {
    expect(namedPaths('See `src/prompts.ts`, `src/cli/prompts.ts`, `bouwbladen/<id>/` and [it](src/check-worker.ts#top).')).toEqual([
      'src/check-worker.ts',
      'src/cli/prompts.ts',
      'src/prompts.ts',
    ]);
  });

  it('ARCHITECTURE.md places every folder and file at the top of src/', () => {
    const architecture = read('ARCHITECTURE.md');
    const entries = readdirSync(join(REPO, 'src'), { withFileTypes: true }).map((entry) => `src/${entry.name}${entry.isDirectory() ? '/' : ''}`);
    expect(entries.filter((entry) => !architecture.includes(`\`${entry}\``))).toEqual([]);
  });

  it("ARCHITECTURE.md's table of layers has the layers of test/architecture.test.ts, in its order", () => {
    const enforced = [...read('test/architecture.test.ts').matchAll(/\{ name: '(\w+)', match:/g)].map((match) => match[1]);
    const table = read('ARCHITECTURE.md').split('## The layers')[1].split('\n### ')[0];
    const documented = [...table.matchAll(/^\| (\w+) \| `src\//gm)].map((match) => match[1]);
    expect(enforced.length).toBeGreaterThan(5);
    expect(documented).toEqual(enforced);
  });
});
