// kwaliteit new-cycle: starts period n+1. Each bouwblad of period n goes on in a
// new file whose step 1 is the bijgestelde startvraag (step 4) of period n, and
// the period is added to kwaliteit.yaml. All of it lands, or none of it does.
import { resolve } from 'node:path';
import { findCoalitionRoot } from '../coalition/find.js';
import { CONFIG_FILE } from '../coalition/layout.js';
import { loadCoalition } from '../coalition/load.js';
import { errors, KwaliteitError, writeRefused } from '../errors.js';
import { FileExistsError } from '../fs/atomic.js';
import { withLock } from '../fs/lock.js';
import { commitStaged, FileChangedError } from '../fs/staged.js';
import { planNewCycle, type NewCycleChoices, type NewCyclePlan } from './new-cycle-plan.js';

export interface NewCycleOptions extends NewCycleChoices {
  cwd?: string;
  /** The coalition folder (or a folder inside it), relative to cwd. */
  dir?: string;
  dryRun?: boolean;
  /** Stops the run (Ctrl+C); everything written so far is undone. */
  signal?: AbortSignal;
  /** Test hook: called before every write and every move (fault injection). */
  beforeWrite?: (path: string, index: number) => void | Promise<void>;
}

export interface NewCycleResult extends NewCyclePlan {
  dryRun: boolean;
}

export { planNewCycle, type NewCyclePlan, type PlannedFile } from './new-cycle-plan.js';

function explainWriteError(error: unknown, root: string): unknown {
  if (error instanceof KwaliteitError) return error;
  if (error instanceof FileExistsError) return errors.filesExist([error.path.slice(root.length + 1).split('\\').join('/')]);
  if (error instanceof FileChangedError) return errors.configChanged(error.path);
  return writeRefused(root, error) ?? error;
}

export async function newCycle(options: NewCycleOptions = {}): Promise<NewCycleResult> {
  const root = await findCoalitionRoot(resolve(options.cwd ?? process.cwd(), options.dir ?? '.'));
  if (options.dryRun) return { ...(await planNewCycle(await loadCoalition(root), options)), dryRun: true };
  // Planning happens under the lock too: "this file does not exist yet" must still hold when we write.
  return withLock(root, 'new-cycle', async ({ checkpoint }) => {
    const plan = await planNewCycle(await loadCoalition(root), options);
    checkpoint();
    try {
      await commitStaged(
        root,
        {
          create: plan.files.map(({ path, content }) => ({ path, content })),
          replace: { path: CONFIG_FILE, content: plan.config.after, expected: plan.config.before },
        },
        { beforeWrite: options.beforeWrite, checkpoint },
      );
    } catch (error) {
      throw explainWriteError(error, root);
    }
    return { ...plan, dryRun: false };
  }, options.signal);
}
