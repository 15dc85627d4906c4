import { readResource } from '../resources.js';

/** Reads templates/coalitie/<name> and fills in {{key}} placeholders. */
export async function fillTemplate(name: string, values: Record<string, string>): Promise<string> {
  const text = await readResource(`templates/coalitie/${name}`);
  return text.replace(/\{\{(\w+)\}\}/g, (whole, key: string) => {
    if (!(key in values)) throw new Error(`template ${name} uses unknown placeholder ${whole}`);
    return values[key];
  });
}
