// The preview's web server: on the loopback address only, it serves exactly two
// things, the page and a stream of "the page changed" events (Server-Sent
// Events). It serves no file: the page carries its images inside itself, so no
// path can lead into (or out of) the coalition folder. A request must name the
// preview's own address as its Host (against DNS rebinding) and, when it says
// where it comes from, come from the preview itself.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { errors } from '../errors.js';

export const HOST = '127.0.0.1';
const PAGE = '/';
const EVENTS = '/events';
const HEARTBEAT_MS = 15_000;

export interface PreviewServerOptions {
  /** 0: any free port. */
  port: number;
  /** The page's content security policy, sent as a header too. */
  policy: string;
}

export interface PageChange {
  file: string;
  /** The id of its place in the page, if it has one. */
  anchor: string;
}

export interface PreviewServer {
  readonly url: string;
  readonly port: number;
  /** Serves `html` from now on and tells every open page. */
  publish(html: string, changed: PageChange[]): void;
  close(): Promise<void>;
}

/** Headers every answer carries: nothing is cached, sniffed, framed or shared with another origin. */
const COMMON = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

function refuse(response: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...COMMON, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': "default-src 'none'", ...extra });
  response.end(`${text}\n`);
}

/** Listens at once (so a taken port is known before any other work); serves the page from the first publish on. */
export async function startPreviewServer(options: PreviewServerOptions): Promise<PreviewServer> {
  let page: string | undefined;
  let version = 0;
  const streams = new Set<ServerResponse>();
  let hosts = new Set<string>();
  let origins = new Set<string>();

  const pagePolicy = `${options.policy}; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

  /** Why this request is refused, or undefined when it is the preview's own. */
  function refusal(request: IncomingMessage, path: string): string | undefined {
    if (!hosts.has((request.headers.host ?? '').toLowerCase())) return 'Dit adres hoort niet bij deze preview.';
    const origin = request.headers.origin;
    if (origin !== undefined && !origins.has(origin.toLowerCase())) return 'Alleen de pagina van de preview zelf mag dit vragen.';
    // Another site may link to the page (a navigation), but may not fetch or stream from it.
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none' && !(path === PAGE && request.headers['sec-fetch-mode'] === 'navigate')) {
      return 'Alleen de pagina van de preview zelf mag dit vragen.';
    }
    return undefined;
  }

  const server = createServer((request, response) => {
    // The path exactly as sent: nothing is decoded or resolved, so `..` in any spelling matches nothing.
    const path = (request.url ?? '').split('?')[0];
    const refused = refusal(request, path);
    if (refused) return refuse(response, 403, refused);
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'De preview kan alleen lezen.', { Allow: 'GET, HEAD' });
    if (path === PAGE) {
      if (page === undefined) return refuse(response, 503, 'De pagina wordt nog gemaakt. Probeer het zo opnieuw.', { 'Retry-After': '1' });
      response.writeHead(200, { ...COMMON, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': pagePolicy });
      response.end(request.method === 'HEAD' ? undefined : page);
      return;
    }
    if (path === EVENTS) {
      response.writeHead(200, { ...COMMON, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      if (request.method === 'HEAD') return response.end();
      // A page that lost the connection tries again after a second.
      response.write('retry: 1000\n\n');
      streams.add(response);
      request.on('close', () => streams.delete(response));
      return;
    }
    refuse(response, 404, 'Dit bestaat niet in de preview. De preview laat alleen het rapport zien.');
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(errors.portInUse(options.port));
      else if (error.code === 'EACCES' || error.code === 'EPERM') reject(errors.portRefused(options.port, 'dat mag op deze computer niet zonder beheerdersrechten'));
      else reject(error);
    });
    server.listen(options.port, HOST, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = new Set([`${HOST}:${port}`, `localhost:${port}`]);
  origins = new Set([...hosts].map((host) => `http://${host}`));

  // Comments keep the stream open through anything that closes quiet connections.
  const heartbeat = setInterval(() => {
    for (const stream of streams) stream.write(': \n\n');
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    url: `http://${HOST}:${port}/`,
    port,
    publish(html, changed) {
      page = html;
      version++;
      const data = JSON.stringify({ version, changed });
      for (const stream of streams) stream.write(`event: update\ndata: ${data}\n\n`);
    },
    async close() {
      clearInterval(heartbeat);
      for (const stream of streams) stream.end();
      streams.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
