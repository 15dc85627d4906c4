// The browser is started by kwaliteit itself (src/report/browser-process.ts),
// with the flags puppeteer.launch() would give it; these tests use small shell
// scripts in its place, so they need no browser.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BrowserStartError, browserArgs, launchArgs, startBrowserProcess } from '../src/report/browser-process.js';
import { tempDir } from './helpers/folders.js';

function script(body: string): string {
  const file = join(tempDir(), 'browser');
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the browser kwaliteit starts', () => {
  it.each([true, false])('gets exactly the flags puppeteer.launch() passes (as root: %s), and DevTools on a free port', (isRoot) => {
    const profile = join(tempDir(), 'profiel');
    const expected = [...puppeteer.defaultArgs({ headless: true, userDataDir: profile, args: browserArgs(isRoot) }), '--remote-debugging-port=0'];
    expect(launchArgs(profile, isRoot)).toEqual(expected);
    expect(launchArgs(profile, isRoot).includes('--no-sandbox')).toBe(isRoot);
  });
});

describe.skipIf(process.platform === 'win32')('starting the browser process', () => {
  it('gives the DevTools address it prints, also after much other output, and kill ends it with its helpers', async () => {
    const pidFile = join(tempDir(), 'helper.pid');
    const browser = startBrowserProcess(
      script(
        `sleep 60 & echo $! > "${pidFile}"\n` +
          'i=0; while [ $i -lt 500 ]; do echo "regel $i met wat uitleg van de browser" >&2; i=$((i+1)); done\n' +
          'echo "DevTools listening on ws://127.0.0.1:9/devtools/browser/abc" >&2\nwait',
      ),
      [],
      process.env,
    );
    await expect(browser.endpoint).resolves.toBe('ws://127.0.0.1:9/devtools/browser/abc');
    const helper = Number(readFileSync(pidFile, 'utf8'));
    expect(alive(helper)).toBe(true);
    browser.kill();
    await browser.exited;
    // The helper was in the browser's process group: it goes too.
    await expect.poll(() => alive(helper), { timeout: 5000 }).toBe(false);
  });

  it('says in plain words why it stopped before it was up, with the last thing it said', async () => {
    const browser = startBrowserProcess(script('echo "eerst dit" >&2\necho "kapot" >&2\nexit 3'), [], process.env);
    const error = await browser.endpoint.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(BrowserStartError);
    expect((error as Error).message).toBe('het programma stopte meteen (code 3): kapot');
    await browser.exited;
  });

  it('says so when the program does not exist', async () => {
    const browser = startBrowserProcess(join(tempDir(), 'bestaat-niet'), [], process.env);
    await expect(browser.endpoint).rejects.toThrow('dat programma bestaat niet (meer).');
    await browser.exited;
  });
});
