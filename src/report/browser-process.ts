// Starts the browser process itself, before puppeteer-core is loaded, and lets
// puppeteer connect to it once it is up. puppeteer.launch() can only start the
// browser after its own code has loaded (about 85 ms of a report's start); the
// browser's start-up (half a second) is what a PDF waits for, so it begins first.
// The flags are the ones puppeteer.launch() would pass (test/browser-process.test.ts
// compares them with puppeteer's own list), so the browser prints the same PDF.
import { spawn, spawnSync } from 'node:child_process';

/** Flags for a quiet, throw-away browser: nothing phones home, nothing is remembered. */
export function browserArgs(isRoot = process.getuid?.() === 0): string[] {
  return [
    // Chrome refuses to start its sandbox as root (containers, CI); only then is it switched off.
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-default-apps',
  ];
}

/** What puppeteer-core 24's launcher passes for `headless: true` (its ChromeLauncher.defaultArgs), in its order. */
const PUPPETEER_DEFAULTS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
];

/** Every flag the browser starts with: puppeteer's, the profile, headless, ours, and DevTools on a free local port. */
export function launchArgs(profile: string, isRoot?: boolean): string[] {
  return [
    ...PUPPETEER_DEFAULTS,
    `--user-data-dir=${profile}`,
    '--headless=new',
    '--hide-scrollbars',
    '--mute-audio',
    '--disable-extensions',
    'about:blank',
    ...browserArgs(isRoot),
    '--remote-debugging-port=0',
  ];
}

export interface BrowserProcess {
  /** The DevTools address the browser prints when it is up; fails with a Dutch reason when it ends or cannot start first. */
  endpoint: Promise<string>;
  /** Settles when the process has ended, also when it never started. */
  exited: Promise<void>;
  /** Ends the browser and all its helper processes at once. */
  kill(): void;
}

/** Why a browser did not come up, in words for the person who runs the report. */
export class BrowserStartError extends Error {}

const lastLine = (text: string) =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .at(-1) ?? '';

function spawnReason(error: NodeJS.ErrnoException): string {
  if (error.code === 'ENOENT') return 'dat programma bestaat niet (meer).';
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'dat bestand mag niet als programma gestart worden.';
  if (error.code === 'ENOEXEC') return 'dat bestand is geen programma.';
  return error.code ?? error.message;
}

export function startBrowserProcess(executablePath: string, args: string[], env: NodeJS.ProcessEnv): BrowserProcess {
  // In a group of its own (not on Windows), as puppeteer does: Ctrl+C in the terminal reaches
  // kwaliteit only, which then ends the browser, and a kill reaches the browser's helpers too.
  const group = process.platform !== 'win32';
  const child = spawn(executablePath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], detached: group, windowsHide: true });
  let done = false;
  // Synchronous, so it also works as the process exits. On Windows the whole tree, as puppeteer does it there.
  const kill = () => {
    if (done) return;
    try {
      if (group && child.pid) process.kill(-child.pid, 'SIGKILL');
      else if (process.platform === 'win32' && child.pid) spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { windowsHide: true });
      else child.kill('SIGKILL');
    } catch {
      try {
        child.kill('SIGKILL');
      } catch {
        // Already gone.
      }
    }
  };
  // kwaliteit never leaves a browser behind, not even when it ends by an error of its own.
  process.once('exit', kill);
  const exited = new Promise<void>((resolve) => {
    const end = () => {
      done = true;
      process.removeListener('exit', kill);
      resolve();
    };
    child.once('exit', end);
    child.once('error', end);
  });

  // The browser writes on stderr as long as it runs: it is read all along (a full pipe would stop it),
  // and only the end is kept, for a message when it stops before it is up.
  let output = '';
  const endpoint = new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      const seen = output + chunk;
      const match = /^DevTools listening on (ws:\/\/\S+)\s*$/m.exec(seen);
      if (match) resolve(match[1]);
      output = seen.slice(-4096);
    });
    child.once('error', (error) => reject(new BrowserStartError(spawnReason(error))));
    child.once('exit', (code, signal) => {
      const said = lastLine(output);
      const how = code !== null ? `code ${code}` : `signaal ${signal}`;
      reject(new BrowserStartError(`het programma stopte meteen (${how})${said ? `: ${said}` : '.'}`));
    });
  });
  endpoint.catch(() => {});
  return { endpoint, exited, kill };
}
