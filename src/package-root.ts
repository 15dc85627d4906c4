import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The folder of kwaliteit's own package.json, from src/ (tests) and dist/ alike.
 * Read kwaliteit's own files through resources.ts, which also works in the program file.
 */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === 'kwaliteit') return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json of kwaliteit not found');
    dir = parent;
  }
}
