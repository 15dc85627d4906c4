// The pinned official Node binaries (scripts/node-binaries.json), as kept in
// node_modules/.cache/kwaliteit/ by scripts/node-binary.mjs (.ci/run fetches them).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from './run.js';

const pins = JSON.parse(readFileSync(join(REPO, 'scripts/node-binaries.json'), 'utf8'));

export const PINNED_NODE_VERSION: string = pins.version;

/** The binary for a platform when it is there, else undefined. */
export function pinnedNode(platform: 'linux-x64' | 'win-x64'): string | undefined {
  const pin = pins.packages[platform];
  const path = join(REPO, 'node_modules/.cache/kwaliteit', `${pin.name}-${pins.version}`, pin.binary);
  return existsSync(path) ? path : undefined;
}

export const NODE_BINARY_HINT = 'haal hem met "node scripts/node-binary.mjs linux-x64" (.ci/run doet dat)';
