// Many coalitions are spread over threads, one per core: this one and worker
// threads, since parsing Markdown is CPU work. Each thread checks a few folders
// at a time (enough to overlap disk reads, little memory); workers send back
// plain results, and errors travel as data and are rebuilt here.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { KwaliteitError } from '../errors.js';
import { isProgramFile } from '../resources.js';
import { checkCoalition, type CheckRun } from './check-coalition.js';
import type { CoalitionResult } from './result.js';

export interface SpreadItem {
  dir: string;
  index: number;
}

export interface WorkerJob extends CheckRun {
  items: SpreadItem[];
}

export type Settled = CoalitionResult | Error;

/** What a worker sends back per folder. */
export type WorkerAnswer = { result: CoalitionResult } | { error: { code?: string; message: string; hint?: string; stack?: string } };

/** Below this many folders per thread, starting threads costs more than it saves. */
const FOLDERS_PER_THREAD = 8;

export async function checkInThisThread(items: SpreadItem[], run: CheckRun): Promise<Settled[]> {
  const settled = new Array<Settled>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const at = next++;
      try {
        settled[at] = (await checkCoalition(items[at].dir, run)).result;
      } catch (error) {
        settled[at] = error as Error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, items.length) }, lane));
  return settled;
}

export function toAnswer(entry: Settled): WorkerAnswer {
  if (!(entry instanceof Error)) return { result: entry };
  const { code, hint } = entry as { code?: string; hint?: string };
  return { error: { code, message: entry.message, hint, stack: entry.stack } };
}

function fromAnswer(answer: WorkerAnswer): Settled {
  if ('result' in answer) return answer.result;
  const { code, message, hint, stack } = answer.error;
  const error = code ? new KwaliteitError(code, message, hint) : new Error(message);
  if (stack) error.stack = stack;
  return error;
}

/** The built program ships the worker next to its chunks; from the sources there is none, and all runs here. */
export const defaultWorkerUrl = () => new URL('./check-worker.js', import.meta.url);

export async function checkSpread(items: SpreadItem[], run: CheckRun, workerUrl = defaultWorkerUrl()): Promise<Settled[]> {
  const threads = Math.min(availableParallelism(), Math.floor(items.length / FOLDERS_PER_THREAD));
  // The single-file program has no worker file; one beside it (maybe in a coalition's folder) is never run.
  if (threads < 2 || isProgramFile() || !existsSync(workerUrl)) return checkInThisThread(items, run);
  const { Worker } = await import('node:worker_threads');
  const shares = Array.from({ length: threads }, (_, t) => items.filter((_, i) => i % threads === t));
  // This thread takes the first share itself: it has loaded the code already, and one thread fewer to start.
  const [own, ...others] = shares;
  const parts = await Promise.all([
    checkInThisThread(own, run).then((entries) => ({ share: own, answers: entries.map(toAnswer) })),
    ...others.map(
      (share) =>
        new Promise<{ share: SpreadItem[]; answers: WorkerAnswer[] }>((resolve, reject) => {
          const worker = new Worker(workerUrl, { workerData: { ...run, items: share } satisfies WorkerJob });
          worker.once('message', (answers: WorkerAnswer[]) => resolve({ share, answers }));
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`check worker stopped with code ${code}`)));
        }),
    ),
  ]);
  const settled = new Array<Settled>(items.length);
  for (const { share, answers } of parts) share.forEach((item, i) => (settled[item.index] = fromAnswer(answers[i])));
  return settled;
}
