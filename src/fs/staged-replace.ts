// commitStaged (staged.ts) replaces one file, as its commit point. `upgrade`
// replaces several (README and CI files) at once: this puts all but the last in
// place first, each with an atomic rename, and lets commitStaged do the new files
// and the last replacement. When anything fails or Ctrl+C is pressed, the files
// already replaced get their earlier content back.
import { mkdtemp, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { commitStaged, FileChangedError, STAGING_PREFIX, type StagedFile, type StagedOptions } from './staged.js';

export interface Replacement extends StagedFile {
  /** The content the file must still have; otherwise nothing is written (FileChangedError). */
  expected: string;
}

export interface StagedReplacements {
  create: StagedFile[];
  replace: Replacement[];
}

async function stillExpected(root: string, file: Replacement): Promise<void> {
  const current = await readFile(join(root, file.path), 'utf8').catch(() => undefined);
  if (current !== file.expected) throw new FileChangedError(file.path);
}

let temps = 0;

/** Writes `content` into the hidden staging folder, then renames it over the target. */
async function replaceAtomic(staging: string, root: string, path: string, content: string): Promise<void> {
  const temp = join(staging, `${temps++}.tmp`);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, join(root, path));
}

export async function commitStagedReplacing(root: string, changes: StagedReplacements, options: StagedOptions = {}): Promise<void> {
  const last = changes.replace.at(-1);
  if (!last) return commitStaged(root, { create: changes.create }, options);
  // Nothing is touched unless every file is still as planned.
  for (const file of changes.replace) await stillExpected(root, file);
  const earlier = changes.replace.slice(0, -1);
  if (!earlier.length) return commitStaged(root, { create: changes.create, replace: last }, options);

  const staging = await mkdtemp(join(root, STAGING_PREFIX));
  const replaced: Replacement[] = [];
  try {
    for (const file of earlier) {
      options.checkpoint?.();
      await options.beforeWrite?.(file.path, replaced.length);
      await stillExpected(root, file);
      await replaceAtomic(staging, root, file.path, file.content);
      replaced.push(file);
    }
    await commitStaged(root, { create: changes.create, replace: last }, options);
  } catch (error) {
    for (const file of replaced.reverse()) await replaceAtomic(staging, root, file.path, file.expected).catch(() => {});
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true }).catch(() => {});
  }
}
