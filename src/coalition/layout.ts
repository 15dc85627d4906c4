// The folder contract every command shares.
export const CONFIG_FILE = 'kwaliteit.yaml';
export const BOUWSTENEN_DIR = 'bouwstenen';
export const BOUWBLADEN_DIR = 'bouwbladen';
export const REPORT_DIR = 'rapport';

export const bouwsteenPath = (id: string) => `${BOUWSTENEN_DIR}/${id}.md`;
export const bouwbladPath = (id: string, period: number) => `${BOUWBLADEN_DIR}/${id}/periode-${period}.md`;

export const PERIOD_FILE = /^periode-(\d+)\.md$/;

/** Files init writes next to the content; they belong to the coalition too. */
export const KNOWN_FILES = new Set([
  'README.md',
  '.gitignore',
  '.gitlab-ci.yml',
  '.github/workflows/kwaliteit.yml',
  CONFIG_FILE,
  // The pinned version of kwaliteit for `npm install` and CI, and npm's lockfile with its hashes.
  'package.json',
  'package-lock.json',
  // The single-file programs, for a coordinator who puts one in the folder (git ignores them).
  'kwaliteit-win-x64.exe',
  'kwaliteit-linux-x64',
]);

/**
 * Files the computer makes by itself, never the coalition: Word's and
 * LibreOffice's lock files while a document is open, and the folder files of
 * Windows and macOS. Nobody can prevent them, so they are not findings.
 */
export const isSystemFile = (name: string) =>
  name.startsWith('~$') || /^\.~lock\..*#$/.test(name) || /^(thumbs\.db|desktop\.ini|\.ds_store)$/i.test(name);

/** Folders never looked into: tools, version control and the report output. */
export const SKIPPED_DIRS = new Set(['.git', 'node_modules', REPORT_DIR, '.github', '.vscode', '.idea']);
