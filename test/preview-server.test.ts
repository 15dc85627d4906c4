// kwaliteit preview without a browser: what the server answers (and refuses),
// what the watcher reports, what is read again after a save, and Ctrl+C on the
// built program. The page itself is tested in a real browser in preview-browser.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { preview } from '../src/commands/preview.js';
import { browserOpener } from '../src/cli/open-browser.js';
import { LiveSource } from '../src/preview/live-source.js';
import { watchFolder, type ChangeBurst } from '../src/preview/watch.js';
import { copyOf, folders, snapshot, tempDir } from './helpers/folders.js';
import { ask, startPreview, type TestPreview } from './helpers/preview.js';
import { BIN, REPO, runMain } from './helpers/run.js';

const BOUWBLAD = 'bouwbladen/meso-samenwerking/periode-2.md';
const SECRET = 'GEHEIM-buiten-de-map-7f3a';

describe('kwaliteit preview: the server', () => {
  let dir: string;
  let outside: string;
  let live: TestPreview;
  let before: Record<string, string>;

  beforeAll(async () => {
    dir = copyOf('examples/voorbeeldcoalitie');
    // A file outside the folder, and two links to it from inside: as a bouwblad and as an image.
    outside = join(tempDir(), 'geheim.md');
    writeFileSync(outside, `---\nlevel: meso\naspect: samenhang\nperiod: 2\nmandatory: false\nquestion: "${SECRET}"\n---\n# ${SECRET}\n`);
    mkdirSync(join(dir, 'bouwbladen/lek'));
    symlinkSync(outside, join(dir, 'bouwbladen/lek/periode-2.md'));
    symlinkSync(outside, join(dir, 'bouwbladen/meso-samenhang/plaatje.png'));
    const file = join(dir, 'bouwbladen/meso-samenhang/periode-2.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Stap 2', '![plaatje](plaatje.png)\n\n## Stap 2'));
    before = snapshot(dir);
    live = await startPreview(dir);
  });

  it('serves the page on the loopback address, with its policy also as a header', async () => {
    expect(live.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await ask(live.port, '/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toMatch(/^default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; script-src 'sha256-[A-Za-z0-9+/=]+'; connect-src 'self'; frame-ancestors 'none'/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('<header class="preview-summary" id="samenvatting"');
    expect((await ask(live.port, '/', { host: `localhost:${live.port}` })).status).toBe(200);
    // Only the page and its events: nothing else exists.
    expect((await ask(live.port, '/', {}, 'POST')).status).toBe(405);
  });

  it.each([
    ['a foreign name (DNS rebinding)', { host: `evil.example:${'PORT'}` }],
    ['another port', { host: '127.0.0.1:1' }],
    ['the address without the port', { host: '127.0.0.1' }],
    ['another origin', { origin: 'http://evil.example' }],
    ['another port as origin', { origin: 'http://127.0.0.1:1' }],
    ['a fetch from another site', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'no-cors' }],
  ])('refuses %s', async (_, headers: Record<string, string>) => {
    const fixed = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, value.replace('PORT', String(live.port))]));
    for (const path of ['/', '/events']) {
      const answer = await ask(live.port, path, fixed);
      expect(answer.status, path).toBe(403);
      expect(answer.body).not.toContain('<html');
    }
  });

  it('lets another site link to the page, but not stream from it', async () => {
    expect((await ask(live.port, '/', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' })).status).toBe(200);
    expect((await ask(live.port, '/events', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate' })).status).toBe(403);
  });

  it.each([
    '/kwaliteit.yaml',
    `/${BOUWBLAD}`,
    '/bouwbladen/lek/periode-2.md',
    '/bouwbladen/meso-samenhang/plaatje.png',
    '/../geheim.md',
    '/..%2fgeheim.md',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%252e%252e/etc/passwd',
    '/..\\..\\geheim.md',
    '//etc/passwd',
    '/events/../kwaliteit.yaml',
    '/./',
  ])('serves no file: %s is not found', async (path) => {
    const answer = await ask(live.port, path);
    expect(answer.status).toBe(404);
    expect(answer.body).not.toContain(SECRET);
    expect(answer.body).not.toContain('name: Coalitie');
  });

  it('follows no link out of the folder, and says so in the page', async () => {
    const page = (await ask(live.port, '/')).body;
    expect(page).not.toContain(SECRET);
    const summary = page.slice(page.indexOf('<header class="preview-summary"'), page.indexOf('</header>'));
    expect(summary).toContain('bouwbladen/lek/periode-2.md');
    expect(summary).toContain('snelkoppeling');
    // The image behind the link is left out, with its reason, in the summary.
    expect(summary).toContain('De afbeelding &quot;plaatje.png&quot; is weggelaten: die verwijst via een snelkoppeling');
    expect(page).not.toMatch(/<img /);
  });

  it('after a save, reads and parses only that file, and tells the open pages', async () => {
    const events = await openEvents(live.port);
    const next = live.next((update) => update.changed.includes(BOUWBLAD));
    const file = join(dir, BOUWBLAD);
    writeFileSync(file, readFileSync(file, 'utf8').replace('## Stap 2', 'Een nieuwe zin in stap 1.\n\n## Stap 2'));
    const update = await next;
    expect(update).toMatchObject({ changed: [BOUWBLAD], reads: 1, parsed: 1 });
    expect((await ask(live.port, '/')).body).toContain('Een nieuwe zin in stap 1.');
    const message = await events.next((text) => text.includes('event: update'));
    expect(JSON.parse(/data: (.*)/.exec(message)![1])).toMatchObject({ changed: [{ file: BOUWBLAD, anchor: 'bestand-bouwbladen-meso-samenwerking-periode-2-md' }] });
    events.close();
  });

  it('sees a save by rename (vim, VS Code), a new file and a deleted one', async () => {
    const file = join(dir, BOUWBLAD);
    let next = live.next((update) => update.changed.includes(BOUWBLAD));
    writeFileSync(`${file}.tmp`, readFileSync(file, 'utf8').replace('Een nieuwe zin in stap 1.', 'Opgeslagen met een nieuwe naam.'));
    renameSync(`${file}.tmp`, file);
    await next;
    expect((await ask(live.port, '/')).body).toContain('Opgeslagen met een nieuwe naam.');

    next = live.next((update) => update.changed.includes('bouwbladen/kinderraad/periode-1.md'));
    rmSync(join(dir, 'bouwbladen/kinderraad/periode-1.md'));
    await next;
    expect((await ask(live.port, '/')).body).not.toContain('Extra bouwblad · Kinderraad');

    next = live.next((update) => update.changed.some((path) => path.startsWith('bouwbladen/kinderraad')));
    writeFileSync(join(dir, 'bouwbladen/kinderraad/periode-1.md'), readFileSync(join(REPO, 'examples/voorbeeldcoalitie/bouwbladen/kinderraad/periode-1.md')));
    await next;
    expect((await ask(live.port, '/')).body).toContain('Extra bouwblad · Kinderraad');
  });

  it('says so in the page when no report can be made at all, and comes back when mended', async () => {
    const config = join(dir, 'kwaliteit.yaml');
    const before = readFileSync(config, 'utf8');
    let next = live.next((update) => update.problem !== undefined);
    writeFileSync(join(dir, 'ons-format.yaml'), 'id: kapot\n');
    writeFileSync(config, before.replace('format: bouwstenen-voor-kwaliteit', 'format: ./ons-format.yaml'));
    expect((await next).problem).toContain('Het kwaliteitsformat ons-format.yaml klopt niet');
    const page = (await ask(live.port, '/')).body;
    expect(page).toContain('<h1>Het rapport kan nu niet worden gemaakt</h1>');
    expect(page).toContain('Verbeter het format-bestand.');
    expect(page.match(/<script>/g)).toHaveLength(1);
    next = live.next((update) => update.problem === undefined);
    writeFileSync(config, before);
    rmSync(join(dir, 'ons-format.yaml'));
    await next;
    expect((await ask(live.port, '/')).body).toContain('De bouwstenen in één oogopslag');
  });

  it('refuses a port that is taken, and a port that is no port', async () => {
    await expect(preview({ dir, port: live.port })).rejects.toMatchObject({ code: 'port-in-use' });
    const run = await runMain(['preview', dir, '--port', 'acht', '--no-open']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('De waarde "acht" bij --port klopt niet');
  });

  it('writes nothing in the folder', () => {
    expect(snapshot(dir)).toEqual({ ...before, [BOUWBLAD]: snapshot(dir)[BOUWBLAD] });
  });
});

/** The event stream of the preview, as a browser would read it. */
async function openEvents(port: number) {
  let text = '';
  const listeners = new Set<() => void>();
  const request = get({ host: '127.0.0.1', port, path: '/events', headers: { host: `127.0.0.1:${port}` } });
  const response = await new Promise<import('node:http').IncomingMessage>((resolve) => request.once('response', resolve));
  response.setEncoding('utf8');
  response.on('data', (chunk) => {
    text += chunk;
    for (const listener of listeners) listener();
  });
  return {
    /** The first message (up to a blank line) that `accept` likes. */
    next(accept: (message: string) => boolean) {
      return new Promise<string>((resolve) => {
        const look = () => {
          const found = text.split('\n\n').find(accept);
          if (found !== undefined) {
            listeners.delete(look);
            resolve(found);
          }
        };
        listeners.add(look);
        look();
      });
    },
    close: () => request.destroy(),
  };
}

describe('opening the browser', () => {
  const url = 'http://127.0.0.1:4000/';
  it.each([
    ['linux', {}, undefined],
    ['linux', { DISPLAY: ':0' }, { command: 'xdg-open', args: [url] }],
    ['freebsd', { WAYLAND_DISPLAY: 'wayland-0' }, { command: 'xdg-open', args: [url] }],
    ['darwin', {}, { command: 'open', args: [url] }],
    ['win32', {}, { command: 'cmd', args: ['/c', 'start', '""', url], verbatim: true }],
  ] as const)('on %s with %j: %j', (platform, env, opener) => {
    expect(browserOpener(url, platform, env)).toEqual(opener);
  });
});

/** Watches a copy of the example while `act` runs, until a burst that `until` likes; every burst so far. */
async function watching(dir: string, act: () => void | Promise<void>, until: (burst: ChangeBurst) => boolean): Promise<ChangeBurst[]> {
  const bursts: ChangeBurst[] = [];
  let done: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (done = resolve));
  const watch = await watchFolder(dir, (burst) => {
    bursts.push(burst);
    if (until(burst)) done();
  });
  try {
    await act();
    await arrived;
    return bursts;
  } finally {
    await watch.close();
  }
}

describe('the watcher', () => {
  it('ignores the lock files of Word and LibreOffice and the swap files of vim, and a burst of saves is one report', async () => {
    const dir = copyOf('examples/voorbeeldcoalitie');
    const bursts = await watching(
      dir,
      () => {
        // The lock files come first: had they been seen, they would be in the first burst.
        writeFileSync(join(dir, 'bouwbladen/~$bouwblad.docx'), 'x');
        writeFileSync(join(dir, '.~lock.bouwblad.docx#'), 'x');
        writeFileSync(join(dir, 'bouwbladen/meso-samenwerking/.periode-2.md.swp'), 'x');
        for (let i = 0; i < 5; i++) writeFileSync(join(dir, BOUWBLAD), `versie ${i}`);
      },
      () => true,
    );
    expect([...bursts[0].paths]).toEqual([BOUWBLAD]);
  });

  // chokidar drops a second change to a file within 50 ms of the first; the watcher asks for one more look after that window.
  it('looks once more at each changed file, and the source compares the bytes', async () => {
    const dir = copyOf('examples/voorbeeldcoalitie');
    const source = new LiveSource(dir);
    const kept = await source.read(BOUWBLAD);
    const bursts = await watching(dir, () => writeFileSync(join(dir, BOUWBLAD), 'een versie die de watcher wel meldt'), (burst) => burst.recheck.size > 0);
    expect([...bursts[0].paths]).toEqual([BOUWBLAD]);
    expect([...bursts.at(-1)!.recheck]).toEqual([BOUWBLAD]);
    // What the second look does: read again, and say whether the bytes differ from what is kept.
    expect(kept.ok).toBe(true);
    expect(await source.reread(BOUWBLAD)).toBe(true);
    expect(await source.reread(BOUWBLAD)).toBe(false);
    const now = await source.read(BOUWBLAD);
    expect(now.ok && Buffer.from(now.bytes).toString()).toBe('een versie die de watcher wel meldt');
  });
});

describe('Ctrl+C on the built program', () => {
  it('stops within a few seconds with exit code 0, says so, and leaves the folder as it was', async () => {
    const dir = copyOf('examples/voorbeeldcoalitie');
    const before = snapshot(dir);
    const dirsBefore = folders(dir);
    const child = spawn(process.execPath, [BIN, 'preview', dir, '--no-open', '--date', '2026-03-01'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const found = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout);
        if (found) resolve(found[0]);
      });
      child.once('exit', (code) => reject(new Error(`stopped early (${code}): ${stderr}`)));
    });
    expect(stdout).toBe(`De preview staat op ${url}\n`);
    // An open page, with its event stream, must not keep the program alive.
    const events = await openEvents(Number(new URL(url).port));
    const stopped = Date.now();
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.once('exit', (exit) => resolve(exit)));
    events.close();
    expect(Date.now() - stopped).toBeLessThan(3000);
    expect(code).toBe(0);
    expect(stderr).toContain('Stoppen doe je met Ctrl+C.');
    expect(stderr).toContain('Gestopt. De preview is uit; er is niets opgeslagen of veranderd.');
    expect(snapshot(dir)).toEqual(before);
    expect(folders(dir)).toEqual(dirsBefore);
  });
});
