// kwaliteit init: scaffolds a coalition folder. It never destroys work: it refuses
// a folder that already holds a coalition, leaves existing files alone, and
// writes everything in one transaction, so it lands completely or not at all.
import { access, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { errors, writeRefused } from '../errors.js';
import { loadFormat } from '../format/load.js';
import { bouwbladPath, bouwsteenPath, CONFIG_FILE } from '../coalition/layout.js';
import { readWholeText } from '../coalition/read-whole.js';
import { diskSource } from '../coalition/source.js';
import { WriteTransaction } from '../fs/transaction.js';
import { renderBouwblad, renderBouwsteen } from '../scaffold/bouwblad.js';
import { PACKAGE_FILE, renderPackageJson, renderSignedFiles } from '../scaffold/coalition-files.js';
import { parseInstallSource, registrySource, type InstallSource } from '../scaffold/install-source.js';
import { packageVersion } from '../resources.js';
import { fillTemplate } from '../scaffold/template.js';
import { folderArgumentFor } from '../text/display-path.js';
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
  /** Ctrl+C: stops the run; what was written so far is removed. */
  signal?: AbortSignal;
}

export interface InitResult {
  root: string;
  /** What makes the folder look like a software project rather than a coalition (see softwareProjectSigns). */
  softwareSigns: string[];
  /** Relative paths written (or, with dryRun, that would be written). */
  created: string[];
  /** Relative paths that already existed and were left untouched. */
  existing: string[];
  dryRun: boolean;
}

const exists = (path: string) => access(path).then(() => true, () => false);

const yamlScalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

async function plannedFiles(answers: InitAnswers, source: InstallSource): Promise<Map<string, string>> {
  const format = await loadFormat();
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

/**
 * What makes `root` look like a software project rather than the folder of a
 * coalition: a package.json that is not the one init writes (which names
 * kwaliteit), or a folder src/. Someone who ran "npx kwaliteit init" in the
 * folder of a program would otherwise get the coalition mixed into it.
 */
export async function softwareProjectSigns(root: string): Promise<string[]> {
  const signs: string[] = [];
  const manifest = await readWholeText(diskSource(root), PACKAGE_FILE, join(root, PACKAGE_FILE));
  if (manifest !== undefined) {
    let ours = false;
    try {
      const data = JSON.parse(manifest) as { dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
      ours = Boolean(data.dependencies?.kwaliteit ?? data.devDependencies?.kwaliteit);
    } catch {
      // Not JSON: not ours either.
    }
    if (!ours) signs.push(PACKAGE_FILE);
  }
  if ((await stat(join(root, 'src')).catch(() => undefined))?.isDirectory()) signs.push('src/');
  return signs;
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
  if (await exists(join(root, CONFIG_FILE))) throw errors.configExists(join(root, CONFIG_FILE), folderArgumentFor(options.cwd ?? process.cwd(), root));

  const files = await plannedFiles(answers, source);
  const blocked = await blockedFolder(root, files.keys());
  if (blocked) throw errors.folderBlocked(blocked);
  const created: string[] = [];
  const existing: string[] = [];
  for (const path of files.keys()) (await exists(join(root, path)) ? existing : created).push(path);
  const softwareSigns = await softwareProjectSigns(root);
  if (options.dryRun) return { root, softwareSigns, created, existing, dryRun: true };

  const tx = new WriteTransaction({ root, confine: root, signal: options.signal });
  try {
    // A file that appears meanwhile (someone saves their own README) is left as it is.
    for (const path of created) await tx.create(join(root, path), files.get(path)!, { keepExisting: true });
    await tx.commit();
  } catch (error) {
    await tx.rollback();
    throw writeRefused(root, error) ?? error;
  }
  const kept = new Set(tx.kept);
  const written = created.filter((path) => !kept.has(join(root, path)));
  existing.push(...created.filter((path) => kept.has(join(root, path))));
  return { root, softwareSigns, created: written, existing, dryRun: false };
}
