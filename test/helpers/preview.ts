// A preview session for tests: started in this process on a folder, with a way
// to wait for the next page (no sleeps: every wait ends on an event or a timeout).
import { request } from 'node:http';
import { preview, type PreviewSession, type PreviewUpdate } from '../../src/commands/preview.js';
import { atFileEnd } from './file-end.js';

export interface TestPreview {
  session: PreviewSession;
  url: string;
  port: number;
  /** Every page after the first, in order. */
  updates: PreviewUpdate[];
  problems: string[];
  /** The next page that `accept` likes, from now on. */
  next(accept?: (update: PreviewUpdate) => boolean, timeoutMs?: number): Promise<PreviewUpdate>;
}

const open: PreviewSession[] = [];
atFileEnd(async () => {
  await Promise.all(open.splice(0).map((session) => session.close()));
});

export async function startPreview(dir: string, date = '2026-03-01'): Promise<TestPreview> {
  const updates: PreviewUpdate[] = [];
  const problems: string[] = [];
  const waiters = new Set<{ accept: (update: PreviewUpdate) => boolean; resolve: (update: PreviewUpdate) => void }>();
  const session = await preview({
    dir,
    date,
    onUpdate: (update) => {
      if (update.version === 0) return;
      updates.push(update);
      for (const waiter of [...waiters]) {
        if (!waiter.accept(update)) continue;
        waiters.delete(waiter);
        waiter.resolve(update);
      }
    },
    onProblem: (message) => problems.push(message),
  });
  open.push(session);
  return {
    session,
    url: session.url,
    port: Number(new URL(session.url).port),
    updates,
    problems,
    next(accept = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const waiter = { accept, resolve: (update: PreviewUpdate) => (clearTimeout(timer), resolve(update)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no new page within ${timeoutMs} ms (pages so far: ${JSON.stringify(updates.map((u) => u.changed))})`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request exactly as given: the path is sent as it is, nothing normalised. */
export function ask(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
