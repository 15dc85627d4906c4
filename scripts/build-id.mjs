// An id of the code a build is made from: kwaliteit's sources and its locked
// dependencies. The parse cache (src/coalition/disk-cache.ts) uses only parses
// made by a build with the same id, so a changed parser never meets old results.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function buildId(repo) {
  const hash = createHash('sha256');
  const add = (path) => hash.update(`${path}\0`).update(readFileSync(join(repo, path))).update('\0');
  for (const path of (readdirSync(join(repo, 'src'), { recursive: true })).map(String).sort()) {
    if (path.endsWith('.ts')) add(join('src', path));
  }
  for (const path of ['package.json', 'package-lock.json']) if (existsSync(join(repo, path))) add(path);
  return hash.digest('hex').slice(0, 32);
}
