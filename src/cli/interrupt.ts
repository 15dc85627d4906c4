// Ctrl+C (or SIGTERM, or SIGHUP when the terminal window is closed) while a
// command works: instead of dying between two files, the command sees an
// aborted signal, undoes what it wrote, and throws
// errors.cancelled(); main() in cli.ts prints that as a calm "Gestopt." line (no
// "Fout:"), exit code 2. The handlers stay until the command is done: a second or
// tenth Ctrl+C during the clean-up must not kill the process halfway through
// putting things back, so it only says that it is busy doing that.
let active = 0;

/**
 * The signals that stop a command. SIGHUP comes when the terminal window is closed:
 * without a handler Node dies at once, and the browser of a report (in a process
 * group of its own, see report/browser-process.ts) and its temp files would stay behind.
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export function interruptSignal(notice: (text: string) => void = (text) => process.stderr.write(text)): { signal: AbortSignal; dispose: () => void } {
  active++;
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) notice('Even geduld: ik zet alles terug zoals het was.\n');
    else controller.abort();
  };
  for (const name of SIGNALS) process.on(name, onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      active--;
      for (const name of SIGNALS) process.off(name, onSignal);
    },
  };
}

/**
 * For the program's own process only (bin/kwaliteit.js, the program file): a
 * signal while no command is cleaning up (during check, or just after a command
 * finished) ends the program at once with the documented code 2, never with the
 * operating system's code for a killed process.
 */
export function exitOnSignal(): void {
  const onSignal = () => {
    if (active > 0) return;
    process.exit(2);
  };
  for (const name of SIGNALS) process.on(name, onSignal);
}
