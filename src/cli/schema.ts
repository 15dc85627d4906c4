import { schema } from '../commands/schema.js';
import { EXIT_OK } from '../errors.js';
import type { Io } from './io.js';

export async function runSchema(kind: string | undefined, io: Io): Promise<number> {
  io.stdout(`${JSON.stringify(await schema({ kind }), null, 2)}\n`);
  return EXIT_OK;
}
