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

export function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') && process.env.TERM !== 'dumb',
    env: process.env,
    cwd: process.cwd(),
  };
}
