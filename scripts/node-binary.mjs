// Brings the official Node binary for a platform from the npm registry package
// node-<platform> (never from anywhere else), checks it against the integrity in
// node-binaries.json, and keeps it in node_modules/.cache/kwaliteit/.
//   node scripts/node-binary.mjs linux-x64   → prints the path of that binary
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('..', import.meta.url));
const pins = JSON.parse(readFileSync(join(repo, 'scripts/node-binaries.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Where the binary for `platform` is kept; it may not be there yet. */
export function nodeBinaryPath(platform) {
  const pin = pins.packages[platform];
  if (!pin) throw new Error(`no Node binary pinned for ${platform} (see scripts/node-binaries.json)`);
  return join(repo, 'node_modules/.cache/kwaliteit', `${pin.name}-${pins.version}`, pin.binary);
}

export const nodeVersion = pins.version;

export function ensureNodeBinary(platform) {
  const target = nodeBinaryPath(platform);
  if (existsSync(target)) return target;
  const pin = pins.packages[platform];
  const folder = dirname(dirname(target));
  mkdirSync(dirname(folder), { recursive: true });
  const work = mkdtempSync(`${folder}.download-`);
  try {
    // npm pack fetches the tarball through npm's own cache, checked against the registry's hash;
    // we check it against ours too.
    const [packed] = JSON.parse(execFileSync(npm, ['pack', `${pin.name}@${pins.version}`, '--json', '--pack-destination', work], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
    if (packed.integrity !== pin.integrity) {
      throw new Error(`${pin.name}@${pins.version} has integrity ${packed.integrity}, expected ${pin.integrity}`);
    }
    execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work, `package/${pin.binary}`]);
    rmSync(folder, { recursive: true, force: true });
    renameSync(join(work, 'package'), folder);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return target;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const platform = process.argv[2];
  if (!platform) {
    console.error('Gebruik: node scripts/node-binary.mjs <linux-x64|win-x64>');
    process.exit(2);
  }
  console.log(ensureNodeBinary(platform));
}
