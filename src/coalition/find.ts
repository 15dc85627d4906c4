// Finds the coalition folder the way git finds .git: the folder itself or the
// nearest parent with a kwaliteit.yaml.
import { stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { errors } from '../errors.js';
import { CONFIG_FILE } from './layout.js';

async function kind(path: string): Promise<'file' | 'dir' | undefined> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'dir' : 'file';
  } catch {
    return undefined;
  }
}

export async function findCoalitionRoot(dir: string): Promise<string> {
  const start = resolve(dir);
  const found = await kind(start);
  if (found === undefined) throw errors.dirNotFound(start);
  if (found === 'file') {
    if (start.endsWith(CONFIG_FILE)) return dirname(start);
    throw errors.notADirectory(start);
  }
  const looked: string[] = [];
  for (let current = start; ; current = dirname(current)) {
    const candidate = join(current, CONFIG_FILE);
    looked.push(candidate);
    if ((await kind(candidate)) === 'file') return current;
    if (dirname(current) === current) break;
  }
  throw errors.configNotFound(start, looked);
}
