// Where the CI jobs of a coalition install kwaliteit from. By default exactly the
// version that wrote them, from the npm registry; with --install-from a fork or a
// mirror: a git repository at a tag, or a tarball. Never a bare name or a range,
// which anyone who registers that name or version could fill.
import { errors } from '../errors.js';

export type InstallSourceKind = 'registry' | 'git' | 'tarball';

export interface InstallSource {
  kind: InstallSourceKind;
  /** The dependency spec in the coalition's package.json. */
  spec: string;
}

export const registrySource = (version: string): InstallSource => ({ kind: 'registry', spec: version });

const GIT = /^(?:git\+(?:https|ssh):\/\/[^\s#]+|(?:github|gitlab|bitbucket):[\w.-]+\/[\w.-]+)#[\w.\-/]+$/;
const TARBALL = /^(?:https:\/\/[^\s#?]+|file:[^\s#?]+)\.(?:tgz|tar\.gz)$/;
// What the version in package.json looks like (semver, exactly: no range).
const EXACT_VERSION = /^\d+\.\d+\.\d+(?:-[\w.]+)?$/;

const HINT =
  'Geef een git-adres met een tag, bijvoorbeeld --install-from "git+https://github.com/onze-regio/kwaliteit.git#v1.2.0" of "github:onze-regio/kwaliteit#v1.2.0", of het adres van een tarball, bijvoorbeeld --install-from https://example.org/kwaliteit-1.2.0.tgz.';

export function parseInstallSource(value: string): InstallSource {
  const spec = value.trim();
  if (/#semver:/i.test(spec)) throw errors.invalidOption('--install-from', value, 'na # hoort één tag, geen reeks versies', HINT);
  if (GIT.test(spec)) return { kind: 'git', spec };
  if (TARBALL.test(spec)) return { kind: 'tarball', spec };
  if (/^(?:git\+)?http:\/\//.test(spec)) throw errors.invalidOption('--install-from', value, 'een adres met http:// is niet beveiligd; gebruik https://', HINT);
  if (/^(?:git\+|github:|gitlab:|bitbucket:)/.test(spec) || /\.git$/.test(spec))
    throw errors.invalidOption('--install-from', value, 'na het git-adres hoort # en een tag, zodat CI altijd dezelfde versie gebruikt', HINT);
  throw errors.invalidOption('--install-from', value, 'dit is geen git-adres met een tag en geen adres van een tarball (.tgz)', HINT);
}

/** The source behind a dependency spec found in a coalition's package.json. */
export function sourceOfSpec(spec: string): InstallSource | undefined {
  if (EXACT_VERSION.test(spec)) return registrySource(spec);
  try {
    return parseInstallSource(spec);
  } catch {
    return undefined;
  }
}

/** For people: where this kwaliteit comes from. */
export function describeSource(source: InstallSource): string {
  if (source.kind === 'registry') return `kwaliteit ${source.spec} uit het npm-register`;
  return `kwaliteit uit ${source.spec}`;
}

/**
 * The install step of the CI jobs. `npm ci` when a lockfile is in git (then npm
 * checks every package's hash); otherwise `npm install`. Install scripts of
 * packages do not run, except for a git source: that must be built first.
 */
export function installCommand(source: InstallSource): string {
  const flags = `${source.kind === 'git' ? '' : '--ignore-scripts '}--no-audit --no-fund`;
  return `if [ -f package-lock.json ]; then npm ci ${flags}; else npm install ${flags}; fi`;
}
