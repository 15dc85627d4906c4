import { status } from '../commands/status.js';
import { EXIT_OK } from '../errors.js';
import { renderStatus } from '../status/render.js';
import type { Io } from './io.js';

export interface StatusCliOptions {
  json?: boolean;
  date?: string;
}

export async function runStatus(dir: string | undefined, options: StatusCliOptions, io: Io, cwd = io.cwd): Promise<number> {
  const report = await status({ cwd, dir, date: options.date });
  io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderStatus(report, { color: io.color }));
  return EXIT_OK;
}
