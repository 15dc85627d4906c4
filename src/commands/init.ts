// kwaliteit init: scaffolds a coalition folder. It never destroys work: it refuses
// a folder that already holds a coalition, leaves existing files alone, writes
// every file atomically, and removes what it made when it cannot finish.
import { access, mkdir, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { errors, KwaliteitError, writeRefused } from '../errors.js';
import { loadFormat, resolveFormatPath } from '../format/load.js';
import { bouwbladPath, bouwsteenPath, CONFIG_FILE } from '../coalition/layout.js';
import { createFileAtomic, FileExistsError } from '../fs/atomic.js';
import { renderBouwblad, renderBouwsteen } from '../scaffold/bouwblad.js';
import { PACKAGE_FILE, renderPackageJson, renderSignedFiles } from '../scaffold/coalition-files.js';
import { parseInstallSource, registrySource, type InstallSource } from '../scaffold/install-source.js';
import { packageVersion } from '../resources.js';
import { fillTemplate } from '../scaffold/template.js';
import { validateInitAnswers, type InitAnswers } from './init-answers.js';

export interface InitOptions extends InitAnswers {
  cwd?: string;
  /** The coalition folder to create, relative to cwd. */
  dir?: string;
  dryRun?: boolean;
  /**
   * Where the CI jobs install kwaliteit from: a git URL with a tag or a tarball
   * URL (--install-from). Default: exactly this version, from the npm registry.
   */
  installFrom?: string;
  /** Stops between two files (Ctrl+C); what was written so far is removed. */
  signal?: AbortSignal;
  /** Test hook: called before each file is written (fault injection). */
  beforeWrite?: (path: string, index: number) => void | Promise<void>;
}

export interface InitResult {
  root: string;
  /** Relative paths written (or, with dryRun, that would be written). */
  created: string[];
  /** Relative paths that already existed and were left untouched. */
  existing: string[];
  dryRun: boolean;
}

const exists = (path: string) => access(path).then(() => true, () => false);

/**
 * Creates `dir` and its missing parents one level at a time, recording in `made`
 * each folder this run created: a folder that already existed, or that someone
 * else made meanwhile (EEXIST), is never ours to remove.
 */
async function makeDir(dir: string, made: string[]): Promise<void> {
  const missing: string[] = [];
  for (let at = dir; !(await exists(at)); at = dirname(at)) missing.unshift(at);
  for (const path of missing) {
    try {
      await mkdir(path);
      made.push(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

const yamlScalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

async function plannedFiles(answers: InitAnswers, source: InstallSource): Promise<Map<string, string>> {
  const format = await loadFormat(resolveFormatPath(undefined, '.'));
  const files = new Map<string, string>();
  const municipalityLine = answers.municipality.length
    ? answers.municipality.length === 1
      ? `municipality: ${yamlScalar(answers.municipality[0])}`
      : `municipality:\n${answers.municipality.map((m) => `  - ${yamlScalar(m)}`).join('\n')}`
    : 'municipality: # vul hier de naam van de gemeente in';
  const values = {
    name: answers.name,
    nameYaml: yamlScalar(answers.name),
    lead: answers.lead,
    leadYaml: yamlScalar(answers.lead),
    municipalityLine,
    subsidyPeriod: answers.subsidyPeriod,
    periodFrom: answers.periodFrom,
    periodTo: answers.periodTo,
  };
  for (const [path, content] of await renderSignedFiles(answers, source)) files.set(path, content);
  files.set('.gitignore', await fillTemplate('gitignore', values));
  files.set(PACKAGE_FILE, renderPackageJson(source));
  for (const bouwsteen of format.bouwstenen) files.set(bouwsteenPath(bouwsteen.id), renderBouwsteen(bouwsteen));
  for (const bouwsteen of format.bouwstenen) {
    files.set(
      bouwbladPath(bouwsteen.id, 1),
      renderBouwblad(format, { bouwsteen, period: 1, mandatory: true, question: bouwsteen.mandatoryQuestion }),
    );
  }
  // Last: a folder with a kwaliteit.yaml is a coalition, so it appears only when all else is in place.
  files.set(CONFIG_FILE, await fillTemplate('kwaliteit.yaml', values));
  return files;
}

/** A file standing where init needs a folder (say, a file named "bouwstenen"). */
async function blockedFolder(root: string, paths: Iterable<string>): Promise<string | undefined> {
  const folders = new Set<string>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) folders.add(parts.slice(0, i).join('/'));
  }
  for (const folder of [...folders].sort()) {
    const info = await stat(join(root, folder)).catch(() => undefined);
    if (info && !info.isDirectory()) return folder;
  }
  return undefined;
}

export async function init(options: InitOptions): Promise<InitResult> {
  const answers = validateInitAnswers(options);
  const source = options.installFrom === undefined ? registrySource(packageVersion()) : parseInstallSource(options.installFrom);
  const root = resolve(options.cwd ?? process.cwd(), options.dir ?? '.');

  const info = await stat(root).catch(() => undefined);
  if (info && !info.isDirectory()) throw errors.notADirectory(root);
  if (await exists(join(root, CONFIG_FILE))) throw errors.configExists(join(root, CONFIG_FILE));

  const files = await plannedFiles(answers, source);
  const blocked = await blockedFolder(root, files.keys());
  if (blocked) throw errors.folderBlocked(blocked);
  const created: string[] = [];
  const existing: string[] = [];
  for (const path of files.keys()) (await exists(join(root, path)) ? existing : created).push(path);
  if (options.dryRun) return { root, created, existing, dryRun: true };

  const made: string[] = [];
  const written: string[] = [];
  try {
    try {
      await makeDir(root, made);
    } catch (error) {
      throw writeRefused(root, error) ?? errors.dirNotWritable(root, (error as NodeJS.ErrnoException).code ?? String(error));
    }
    let index = 0;
    for (const path of created) {
      if (options.signal?.aborted) throw errors.cancelled();
      await makeDir(dirname(join(root, path)), made);
      await options.beforeWrite?.(path, index++);
      try {
        await createFileAtomic(join(root, path), files.get(path)!);
        written.push(path);
      } catch (error) {
        if (!(error instanceof FileExistsError)) throw error;
        existing.push(path);
      }
    }
  } catch (error) {
    // Leave the folder as we found it: only what this run created is removed.
    // Files first, so our folders are empty again; then the folders, children
    // before parents (reverse creation order). rmdir, not rm -r: a folder that
    // someone put a file in meanwhile stays, with that file.
    await Promise.all(written.map((path) => unlink(join(root, path)).catch(() => {})));
    for (const dir of made.reverse()) await rmdir(dir).catch(() => {});
    if (error instanceof KwaliteitError) throw error;
    throw writeRefused(root, error) ?? error;
  }
  return { root, created: written, existing, dryRun: false };
}
