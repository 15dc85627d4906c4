// kwaliteit status: loads the coalition and says where it stands (see status/status.ts).
import { resolve } from 'node:path';
import { loadCoalition } from '../coalition/load.js';
import { requireIsoDate, today } from '../dates.js';
import { statusOf, type StatusReport } from '../status/status.js';
import { displayPath } from '../text/display-path.js';

export type { NextStep, StatusBouwblad, StatusBouwsteen, StatusReport } from '../status/status.js';

export interface StatusOptions {
  cwd?: string;
  dir?: string;
  date?: string;
}

export async function status(options: StatusOptions = {}): Promise<StatusReport> {
  const date = requireIsoDate(options.date ?? today(), '--date');
  const cwd = options.cwd ?? process.cwd();
  const coalition = await loadCoalition(resolve(cwd, options.dir ?? '.'));
  return statusOf(coalition, date, displayPath(cwd, coalition.root));
}
