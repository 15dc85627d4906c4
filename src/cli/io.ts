// Where the CLI writes: data on stdout, messages and progress on stderr.
// Tests pass their own streams to capture both.
export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stdout is a terminal and colours are welcome. */
  color: boolean;
  env: NodeJS.ProcessEnv;
  /** Where the command was started: relative folders and shown paths start here. */
  cwd: string;
}

let watching = false;
let stdoutClosed = false;

/**
 * When stdout goes away: a reader that stops early (`check | head -1`) closes the
 * pipe, and then the rest is simply not written; a write the system refuses (a
 * full disk, `> /dev/full`) is said in Dutch, and the command ends with code 2.
 * Never a stack trace either way.
 */
function watchStdout(): void {
  if (watching) return;
  watching = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (stdoutClosed) return;
    stdoutClosed = true;
    if (error.code === 'EPIPE') return;
    process.exitCode = 2;
    const reason = error.code === 'ENOSPC' || error.code === 'EDQUOT' ? 'de schijf is vol' : error.code ? `het systeem meldt ${error.code}` : error.message;
    try {
      process.stderr.write(`Fout: de uitvoer kon niet worden geschreven (${reason}). Er is niets veranderd.\nKies een andere plek voor de uitvoer, of maak ruimte vrij.\n`);
    } catch {
      // stderr is gone too: nothing left to tell.
    }
  });
}

export function processIo(): Io {
  watchStdout();
  return {
    stdout: (text) => {
      if (!stdoutClosed) process.stdout.write(text);
    },
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && process.env.TERM !== 'dumb',
    env: process.env,
    cwd: process.cwd(),
  };
}
