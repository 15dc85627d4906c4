// kwaliteit upgrade: brings the files init wrote around a coalition's content
// (README, the CI jobs, package.json) up to what this version writes. A file is
// replaced only while it is exactly as some version of kwaliteit wrote it; one
// the coalition changed is left alone unless `force`. All of it lands, or none.
import { lstat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { findCoalitionRoot } from '../coalition/find.js';
import { readConfig } from '../coalition/read-config.js';
import { readWholeText } from '../coalition/read-whole.js';
import { diskSource, type FileSource } from '../coalition/source.js';
import { requireConfig } from '../coalition/require-config.js';
import { errors, KwaliteitError, writeRefused } from '../errors.js';
import { withLock } from '../fs/lock.js';
import { FileChangedError, inTransaction } from '../fs/transaction.js';
import { packageVersion, readResource } from '../resources.js';
import { LOCK_FILE_NPM, PACKAGE_FILE, renderPackageJson, renderSignedFiles, SIGNED_FILES, type CoalitionIdentity } from '../scaffold/coalition-files.js';
import { fingerprintState } from '../scaffold/fingerprint.js';
import { parseInstallSource, registrySource, sourceOfSpec, type InstallSource } from '../scaffold/install-source.js';

/** Versions before file fingerprints: what they wrote, kept in templates/earlier/<version>/. */
export const EARLIER_VERSIONS = ['0.1.0'];

export interface UpgradeOptions {
  cwd?: string;
  dir?: string;
  /** Replace files the coalition changed too. */
  force?: boolean;
  dryRun?: boolean;
  /** A new install source for package.json (as init --install-from). */
  installFrom?: string;
  signal?: AbortSignal;
}

export type UpgradeState =
  /** Written by kwaliteit and unchanged since: replaced. */
  | 'update'
  /** Not there yet (package.json of a coalition from before 0.2.0): created. */
  | 'create'
  /** Changed by the coalition: replaced only with force. */
  | 'edited'
  /** Already what this version writes. */
  | 'current'
  /** Removed by the coalition: left out. */
  | 'missing';

export interface UpgradeFile {
  path: string;
  state: UpgradeState;
  /** Why a file counts as edited, for people. */
  reason?: string;
  before?: string;
  after: string;
  /** True when this run writes the file. */
  write: boolean;
}

export interface UpgradeResult {
  root: string;
  version: string;
  source: InstallSource;
  files: UpgradeFile[];
  /** package.json now names another kwaliteit than package-lock.json does: run npm install. */
  lockfileStale: boolean;
  dryRun: boolean;
}

const lf = (text: string) => text.replace(/\r\n/g, '\n');

async function earlierRenders(template: string, identity: CoalitionIdentity): Promise<string[]> {
  const fill = (text: string) => text.replace(/\{\{(name|lead)\}\}/g, (_, key: 'name' | 'lead') => identity[key]);
  return Promise.all(EARLIER_VERSIONS.map(async (version) => fill(await readResource(`templates/earlier/${version}/${template}`))));
}

async function planSigned(files: FileSource, identity: CoalitionIdentity, source: InstallSource, force: boolean): Promise<UpgradeFile[]> {
  const rendered = await renderSignedFiles(identity, source);
  return Promise.all(
    SIGNED_FILES.map(async ({ path, template }): Promise<UpgradeFile> => {
      const after = rendered.get(path)!;
      const before = await readWholeText(files, path);
      if (before === undefined) return { path, state: 'missing', after, write: false };
      if (lf(before) === after) return { path, state: 'current', before, after, write: false };
      const fingerprint = fingerprintState(before);
      const ours =
        fingerprint === 'intact' || (fingerprint === 'unsigned' && (await earlierRenders(template, identity)).includes(lf(before)));
      if (ours) return { path, state: 'update', before, after, write: true };
      const reason =
        fingerprint === 'edited'
          ? 'aangepast sinds kwaliteit het maakte'
          : 'niet gemaakt door een bekende versie van kwaliteit, of daarna aangepast';
      return { path, state: 'edited', reason, before, after, write: force };
    }),
  );
}

/** package.json is data, not text: only the kwaliteit dependency and the note change; the rest stays. */
async function planPackage(files: FileSource, chosen: InstallSource | undefined, force: boolean): Promise<{ file: UpgradeFile; source: InstallSource; oldSpec?: string }> {
  const before = await readWholeText(files, PACKAGE_FILE);
  const fallback = chosen ?? registrySource(packageVersion());
  if (before === undefined) return { file: { path: PACKAGE_FILE, state: 'create', after: renderPackageJson(fallback), write: true }, source: fallback };
  let manifest: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(before);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) manifest = parsed;
  } catch {
    manifest = undefined;
  }
  if (!manifest) {
    const after = renderPackageJson(fallback);
    return { file: { path: PACKAGE_FILE, state: 'edited', reason: 'geen geldige JSON', before, after, write: force }, source: fallback };
  }
  const oldSpec = (manifest.dependencies as Record<string, unknown> | undefined)?.kwaliteit;
  const old = typeof oldSpec === 'string' ? sourceOfSpec(oldSpec) : undefined;
  // A fork or a mirror stays, unless another source is given; a registry version moves to this one.
  const source = chosen ?? (old && old.kind !== 'registry' ? old : registrySource(packageVersion()));
  const after = renderPackageJson(source, manifest);
  const state: UpgradeState = lf(before) === after ? 'current' : 'update';
  return { file: { path: PACKAGE_FILE, state, before, after, write: state === 'update' }, source, oldSpec: typeof oldSpec === 'string' ? oldSpec : undefined };
}

async function plan(root: string, options: UpgradeOptions): Promise<UpgradeResult> {
  const files = diskSource(root);
  const { config, diagnostics } = await readConfig(files);
  const identity = requireConfig({ config, diagnostics });
  const chosen = options.installFrom === undefined ? undefined : parseInstallSource(options.installFrom);
  const pkg = await planPackage(files, chosen, options.force ?? false);
  const signed = await planSigned(files, identity, pkg.source, options.force ?? false);
  // Only whether it is there counts (a lockfile is often larger than the read limit): looked at, never opened or followed.
  const lock = (await lstat(join(root, LOCK_FILE_NPM)).catch(() => undefined))?.isFile() ?? false;
  const lockfileStale = lock && pkg.file.write && pkg.oldSpec !== pkg.source.spec;
  return { root, version: packageVersion(), source: pkg.source, files: [...signed, pkg.file], lockfileStale, dryRun: Boolean(options.dryRun) };
}

export async function upgrade(options: UpgradeOptions = {}): Promise<UpgradeResult> {
  if (options.installFrom !== undefined) parseInstallSource(options.installFrom);
  const root = await findCoalitionRoot(resolve(options.cwd ?? process.cwd(), options.dir ?? '.'));
  if (options.dryRun) return plan(root, options);
  // Planned again under the lock: "this file is as kwaliteit wrote it" must still hold when we write.
  return withLock(root, 'upgrade', async () => {
    const result = await plan(root, options);
    const writes = result.files.filter((file) => file.write);
    try {
      await inTransaction({ root, confine: root, signal: options.signal }, async (tx) => {
        for (const file of writes) {
          if (file.before === undefined) await tx.create(join(root, file.path), file.after);
          else await tx.replace(join(root, file.path), file.after, file.before);
        }
      });
    } catch (error) {
      if (error instanceof KwaliteitError) throw error;
      if (error instanceof FileChangedError) throw errors.fileChangedDuringUpgrade(relative(root, error.path).split('\\').join('/'));
      throw writeRefused(root, error) ?? error;
    }
    return result;
  });
}
