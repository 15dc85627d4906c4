// The layers of ARCHITECTURE.md, enforced: every import in src/ points down (or
// stays in its own layer), the presentation modules do not lean on each other,
// and the layers below the CLI never print, prompt, or (for rules) touch the disk.
// Every error that stops a command comes from the one catalogue, src/errors.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/run.js';

const SRC = join(REPO, 'src');

/** Highest first. A file belongs to the first layer whose pattern matches its path under src/. */
export const LAYERS: { name: string; match: RegExp }[] = [
  { name: 'api', match: /^index\.ts$/ },
  { name: 'cli', match: /^(cli\.ts|sea-main\.ts|cli\/)/ },
  { name: 'commands', match: /^commands\// },
  { name: 'presentation', match: /^(report|status|formatters|preview|word)\// },
  { name: 'engine', match: /^check\// },
  { name: 'rules', match: /^rules\// },
  { name: 'model', match: /^(coalition|scaffold)\// },
  { name: 'parsing', match: /^(markdown|yaml|format|config|schema)\// },
  { name: 'base', match: /^(text\/|fs\/|images\/|dates\.ts$|diagnostic\.ts$|errors\.ts$|package-root\.ts$|resources\.ts$)/ },
];

const files = (readdirSync(SRC, { recursive: true, encoding: 'utf8' }) as string[])
  .map((path) => path.split('\\').join('/'))
  .filter((path) => path.endsWith('.ts'));

const layerOf = (path: string) => LAYERS.findIndex((layer) => layer.match.test(path));
const topFolder = (path: string) => path.split('/')[0];

function importsOf(path: string): { target: string; line: number }[] {
  const text = readFileSync(join(SRC, path), 'utf8');
  const found: { target: string; line: number }[] = [];
  text.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'([^']+)'/g)) found.push({ target: match[1], line: index + 1 });
  });
  return found;
}

const local = (from: string, target: string) =>
  relative(SRC, resolve(SRC, dirname(from), target)).split('\\').join('/').replace(/\.js$/, '.ts');

describe('the layers', () => {
  it('every source file belongs to a layer', () => {
    expect(files.filter((path) => layerOf(path) < 0)).toEqual([]);
  });

  it('imports point down, or stay inside their layer', () => {
    const wrong: string[] = [];
    for (const path of files) {
      for (const { target, line } of importsOf(path)) {
        if (!target.startsWith('.')) continue;
        const to = local(path, target);
        const [a, b] = [layerOf(path), layerOf(to)];
        if (b < a) wrong.push(`${path}:${line} (${LAYERS[a].name}) imports ${to} (${LAYERS[b].name}), a layer above it`);
        else if (a === b && LAYERS[a].name === 'presentation' && topFolder(path) !== topFolder(to))
          wrong.push(`${path}:${line} imports ${to}: report, status, formatters, preview and word do not lean on each other`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('below the CLI nothing prints or prompts, and rules do no I/O', () => {
    const wrong: string[] = [];
    for (const path of files) {
      const layer = LAYERS[layerOf(path)].name;
      if (layer === 'cli' || layer === 'api') continue;
      const text = readFileSync(join(SRC, path), 'utf8');
      text.split('\n').forEach((line, index) => {
        if (/\b(console\.\w+|process\.(stdout|stderr)\.write)\s*\(/.test(line)) wrong.push(`${path}:${index + 1} prints`);
        if (/@inquirer\/prompts/.test(line)) wrong.push(`${path}:${index + 1} prompts`);
        if (layer === 'rules' && /from 'node:(fs|fs\/promises|child_process|net|http)'/.test(line)) wrong.push(`${path}:${index + 1} does I/O`);
      });
    }
    expect(wrong).toEqual([]);
  });
});

describe('one catalogue of errors', () => {
  it('every error that stops a command is made in src/errors.ts (the check worker only carries one back)', () => {
    const wrong: string[] = [];
    for (const path of files) {
      if (path === 'errors.ts' || path === 'check/spread.ts') continue;
      readFileSync(join(SRC, path), 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (/new KwaliteitError\s*\(/.test(line)) wrong.push(`${path}:${index + 1} makes its own KwaliteitError`);
        });
    }
    expect(wrong).toEqual([]);
  });
});
