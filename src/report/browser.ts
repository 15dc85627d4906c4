// Finds an installed Chrome, Edge or Chromium to print the PDF with. kwaliteit
// never downloads a browser: it uses the one people already have.
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { errors } from '../errors.js';

export interface BrowserSearch {
  /** --browser: when given, it is the only one tried. */
  explicit?: string;
  env: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  /** The usual install paths; default: per platform, or KWALITEIT_BROWSER_PATHS when set. */
  candidates?: string[];
  /** Test seam; default: an executable regular file. */
  isUsable?: (path: string) => boolean;
}

/** Environment variables that name a browser, in the order they are tried. */
export const BROWSER_ENV = ['KWALITEIT_BROWSER', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

/** Replaces the usual install paths (separated like PATH); empty means: look nowhere else. */
export const BROWSER_PATHS_ENV = 'KWALITEIT_BROWSER_PATHS';

export function defaultBrowserPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES ?? 'C:\\Program Files', env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)', env.LOCALAPPDATA].filter(
      (root): root is string => Boolean(root),
    );
    const inRoots = (tail: string) => roots.map((root) => `${root}\\${tail}`);
    return [
      ...inRoots('Google\\Chrome\\Application\\chrome.exe'),
      ...inRoots('Microsoft\\Edge\\Application\\msedge.exe'),
      ...inRoots('Chromium\\Application\\chrome.exe'),
    ];
  }
  if (platform === 'darwin') {
    const apps = ['/Applications', join(env.HOME ?? homedir(), 'Applications')];
    return apps.flatMap((dir) => [
      `${dir}/Google Chrome.app/Contents/MacOS/Google Chrome`,
      `${dir}/Microsoft Edge.app/Contents/MacOS/Microsoft Edge`,
      `${dir}/Chromium.app/Contents/MacOS/Chromium`,
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/google/chrome/chrome',
    '/opt/microsoft/msedge/msedge',
    '/snap/bin/chromium',
  ];
}

function usable(path: string, platform: NodeJS.Platform): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (platform !== 'win32') accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function browserCandidates(search: BrowserSearch): string[] {
  const platform = search.platform ?? process.platform;
  if (search.explicit) {
    // A bare name such as "chromium" is looked up on the PATH, like a shell would.
    if (/[\\/]/.test(search.explicit)) return [search.explicit];
    const dirs = (search.env.PATH ?? search.env.Path ?? '').split(platform === 'win32' ? ';' : delimiter).filter(Boolean);
    const names = platform === 'win32' && !/\.exe$/i.test(search.explicit) ? [`${search.explicit}.exe`] : [search.explicit];
    return dirs.flatMap((dir) => names.map((name) => join(dir, name)));
  }
  const fromEnv = BROWSER_ENV.map((name) => search.env[name]?.trim()).filter((value): value is string => Boolean(value));
  const override = search.env[BROWSER_PATHS_ENV];
  const usual =
    search.candidates ??
    (override !== undefined ? override.split(platform === 'win32' ? ';' : delimiter).map((p) => p.trim()).filter(Boolean) : defaultBrowserPaths(platform, search.env));
  return [...new Set([...fromEnv, ...usual])];
}

/** The first usable browser; otherwise a Dutch error that lists every place looked. */
export function findBrowser(search: BrowserSearch): string {
  const platform = search.platform ?? process.platform;
  const isUsable = search.isUsable ?? ((path: string) => usable(path, platform));
  const tried = browserCandidates(search);
  const found = tried.find((path) => isUsable(path));
  if (found) return found;
  throw errors.browserNotFound(tried, platform, Boolean(search.explicit));
}
