// kwaliteit new-cycle: starts period n+1. Each bouwblad of period n goes on in a
// new file whose step 1 is the bijgestelde startvraag (step 4) of period n, and
// the period is added to kwaliteit.yaml. All of it lands, or none of it does.
import { join, relative, resolve } from 'node:path';
import { findCoalitionRoot } from '../coalition/find.js';
import { CONFIG_FILE } from '../coalition/layout.js';
import { loadCoalition } from '../coalition/load.js';
import { errors, KwaliteitError, writeRefused } from '../errors.js';
import { withLock } from '../fs/lock.js';
import { FileChangedError, FileExistsError, inTransaction } from '../fs/transaction.js';
import { planNewCycle, type NewCycleChoices, type NewCyclePlan } from './new-cycle-plan.js';

export interface NewCycleOptions extends NewCycleChoices {
  cwd?: string;
  /** The coalition folder (or a folder inside it), relative to cwd. */
  dir?: string;
  dryRun?: boolean;
  /** Stops the run (Ctrl+C); everything written so far is undone. */
  signal?: AbortSignal;
}

export interface NewCycleResult extends NewCyclePlan {
  dryRun: boolean;
  /** Set when a lock left by a run that no longer exists was taken over (since when it was there). */
  staleLockSince?: string;
}

export { planNewCycle, type NewCyclePlan, type PlannedFile } from './new-cycle-plan.js';

function explainWriteError(error: unknown, root: string): unknown {
  const rel = (path: string) => relative(root, path).split('\\').join('/');
  if (error instanceof KwaliteitError) return error;
  if (error instanceof FileExistsError) return errors.filesExist([rel(error.path)]);
  if (error instanceof FileChangedError) return errors.configChanged(rel(error.path));
  return writeRefused(root, error) ?? error;
}

export async function newCycle(options: NewCycleOptions = {}): Promise<NewCycleResult> {
  const root = await findCoalitionRoot(resolve(options.cwd ?? process.cwd(), options.dir ?? '.'));
  if (options.dryRun) return { ...(await planNewCycle(await loadCoalition(root), options)), dryRun: true };
  // Planning happens under the lock too: "this file does not exist yet" must still hold when we write.
  return withLock(root, 'new-cycle', async (lock) => {
    const plan = await planNewCycle(await loadCoalition(root), options);
    try {
      await inTransaction({ root, confine: root, signal: options.signal }, async (tx) => {
        for (const file of plan.files) await tx.create(join(root, file.path), file.content);
        // Last: kwaliteit.yaml with the new period is the commit point, and only if nobody changed it meanwhile.
        await tx.replace(join(root, CONFIG_FILE), plan.config.after, plan.config.before);
      });
    } catch (error) {
      throw explainWriteError(error, root);
    }
    return { ...plan, dryRun: false, ...(lock.staleSince ? { staleLockSince: lock.staleSince } : {}) };
  });
}
