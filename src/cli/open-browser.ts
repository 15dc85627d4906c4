// Opens the preview in the default browser with the opener the system itself
// has (no package that brings its own), and only where a person can see it: on
// Linux and the like only with a graphical session (DISPLAY or WAYLAND_DISPLAY).
import { spawn } from 'node:child_process';

export interface Opener {
  command: string;
  args: string[];
  /** Windows: cmd parses the line itself; Node must not quote it again. */
  verbatim?: boolean;
}

export function browserOpener(url: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv): Opener | undefined {
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '""', url], verbatim: true };
  if (platform === 'darwin') return { command: 'open', args: [url] };
  if (!env.DISPLAY && !env.WAYLAND_DISPLAY) return undefined;
  return { command: 'xdg-open', args: [url] };
}

/** Starts the opener and lets it go; `onFail` hears when it could not start. False when there is no screen to open on. */
export function openInBrowser(url: string, platform: NodeJS.Platform, env: NodeJS.ProcessEnv, onFail: (reason: string) => void): boolean {
  const opener = browserOpener(url, platform, env);
  if (!opener) return false;
  const child = spawn(opener.command, opener.args, { stdio: 'ignore', detached: true, windowsVerbatimArguments: opener.verbatim ?? false, env });
  child.once('error', (error: NodeJS.ErrnoException) => onFail(error.code === 'ENOENT' ? `${opener.command} bestaat niet op deze computer` : error.message));
  child.unref();
  return true;
}
