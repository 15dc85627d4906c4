import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';

/** Reads templates/coalitie/<name> and fills in {{key}} placeholders. */
export async function fillTemplate(name: string, values: Record<string, string>): Promise<string> {
  const text = await readFile(join(packageRoot(), 'templates', 'coalitie', name), 'utf8');
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    if (!(key in values)) throw new Error(`template ${name} uses unknown placeholder ${whole}`);
    return values[key];
  });
}
