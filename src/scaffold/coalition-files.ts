// The files around the content of a coalition that kwaliteit writes and can later
// bring up to date (kwaliteit upgrade): the README, the two CI jobs and the
// package.json that pins the version of kwaliteit those jobs run.
import { packageVersion } from '../resources.js';
import { sign } from './fingerprint.js';
import { describeSource, installCommand, type InstallSource } from './install-source.js';
import { fillTemplate } from './template.js';

export const README_FILE = 'README.md';
export const GITHUB_WORKFLOW_FILE = '.github/workflows/kwaliteit.yml';
export const GITLAB_CI_FILE = '.gitlab-ci.yml';
export const PACKAGE_FILE = 'package.json';
export const LOCK_FILE_NPM = 'package-lock.json';

/** The signed files, with the template each comes from (in templates/coalitie/ and templates/earlier/<version>/). */
export const SIGNED_FILES = [
  { path: README_FILE, template: 'README.md' },
  { path: GITHUB_WORKFLOW_FILE, template: 'github-workflow.yml' },
  { path: GITLAB_CI_FILE, template: 'gitlab-ci.yml' },
] as const;

export interface CoalitionIdentity {
  name: string;
  lead: string;
}

export async function renderSignedFiles(identity: CoalitionIdentity, source: InstallSource): Promise<Map<string, string>> {
  const values = {
    name: identity.name,
    lead: identity.lead,
    version: packageVersion(),
    source: describeSource(source),
    installCommand: installCommand(source),
    fingerprint: '{{fingerprint}}',
  };
  const files = new Map<string, string>();
  for (const { path, template } of SIGNED_FILES) files.set(path, sign(await fillTemplate(template, values)));
  return files;
}

/** The note npm ignores ("//") that says why package.json is there. */
export const packageNote = (version: string) =>
  `Gemaakt door kwaliteit ${version}. Hier staat welke versie van kwaliteit deze coalitie gebruikt, op je eigen computer (npm install, dan npx kwaliteit check) en in CI. "npx kwaliteit upgrade" zet de versie bij.`;

/**
 * The coalition's package.json: kwaliteit pinned to one exact version (or source),
 * private so it is never published by accident. `existing` keeps whatever else
 * the coalition added to it.
 */
export function renderPackageJson(source: InstallSource, existing?: Record<string, unknown>): string {
  const base = existing ?? { private: true };
  const dependencies = { ...((base.dependencies as Record<string, string> | undefined) ?? {}), kwaliteit: source.spec };
  const manifest = { '//': packageNote(packageVersion()), ...base, dependencies };
  manifest['//'] = packageNote(packageVersion());
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
