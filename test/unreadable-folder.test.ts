// A folder inside the coalition that may not be opened (a shared drive with
// per-folder rights) becomes a finding on that folder, never a silent gap.
import { chmodSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyOf } from './helpers/folders.js';

const EXAMPLE = 'examples/voorbeeldcoalitie';
const LOCKED = 'bouwbladen/kinderraad';

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    // Root may open every folder, so the refusal is played here for the folder named in `refused`.
    readdir: (async (path: string, ...rest: unknown[]) => {
      if (refused && String(path).endsWith(refused)) throw Object.assign(new Error('geweigerd'), { code: 'EACCES' });
      return (real.readdir as (...args: unknown[]) => unknown)(path, ...rest);
    }) as typeof real.readdir,
  };
});
let refused: string | undefined;
afterEach(() => {
  refused = undefined;
});

async function findings(dir: string) {
  // test/setup.ts loaded the loader before this file's mock existed; load it afresh, with the mock.
  vi.resetModules();
  const { check } = await import('../src/commands/check.js');
  return (await check({ dirs: [dir], date: '2026-03-01' })).results[0].diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.file} ${d.message}`);
}

describe('a folder that cannot be opened', () => {
  it('is an error on that folder, with what to do', async () => {
    const dir = copyOf(EXAMPLE);
    refused = LOCKED;
    expect(await findings(dir)).toEqual([`error file-unreadable ${LOCKED} Deze map kan niet worden geopend: je hebt geen leesrechten. Wat erin staat, telt niet mee.`]);
  });

  it.skipIf(process.getuid?.() === 0)('is found for real when the rights say so', async () => {
    const dir = copyOf(EXAMPLE);
    chmodSync(join(dir, LOCKED), 0o000);
    try {
      expect(await findings(dir)).toEqual([`error file-unreadable ${LOCKED} Deze map kan niet worden geopend: je hebt geen leesrechten. Wat erin staat, telt niet mee.`]);
    } finally {
      chmodSync(join(dir, LOCKED), 0o755);
    }
  });
});
