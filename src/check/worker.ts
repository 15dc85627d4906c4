// The entry of a check worker thread (see spread.ts): its share of the folders, answered as plain data.
import { parentPort, workerData } from 'node:worker_threads';
import { checkInThisThread, toAnswer, type WorkerJob } from './spread.js';

const job = workerData as WorkerJob;
parentPort!.postMessage((await checkInThisThread(job.items, job)).map(toAnswer));
