// A seam for tests only: they make a chosen step of a write fail (a full disk,
// no rights) or press Ctrl+C there, to prove that nothing is ever left half done.
// It is not part of any command's options; without a hook it does nothing.

export type FaultHook = (path: string, step: number) => void | Promise<void>;

let hook: FaultHook | undefined;

/** Tests: called before every step of every write transaction until cleared with undefined. */
export function setFaultHook(next: FaultHook | undefined): void {
  hook = next;
}

export async function faultBeforeStep(path: string, step: number): Promise<void> {
  if (hook) await hook(path, step);
}
