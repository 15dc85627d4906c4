// Ctrl+C while a command writes: instead of dying between two files, the command
// sees an aborted signal, undoes what it wrote, and throws errors.cancelled();
// main() in cli.ts prints that as a calm "Gestopt." line (no "Fout:"), exit code 2.
// The handlers are `once`: a second Ctrl+C ends the process at once, as usual.
export function interruptSignal(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
