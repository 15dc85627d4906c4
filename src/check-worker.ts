// Runs in a worker thread: checks its share of the coalitions and sends the
// results back. Errors travel as plain data and are rebuilt by the parent.
import { parentPort, workerData } from 'node:worker_threads';
import { checkMany, type WorkerJob } from './commands/check.js';

const job = workerData as WorkerJob;
const settled = await checkMany(job.items, job);
parentPort!.postMessage(
  settled.map((entry) =>
    entry instanceof Error
      ? { error: { code: (entry as { code?: string }).code, message: entry.message, hint: (entry as { hint?: string }).hint, stack: entry.stack } }
      : { result: entry },
  ),
);
