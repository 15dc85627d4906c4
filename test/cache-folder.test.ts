// Where kwaliteit keeps what only saves time: the user's own cache folder, per
// platform, never in CI; and how a file gets there.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { userCacheFolder, writeCacheFile } from '../src/fs/cache-folder.js';

const host = (platform: NodeJS.Platform, env: NodeJS.ProcessEnv = {}, home = '/home/anna') => ({ platform, env, home: () => home });

describe('userCacheFolder', () => {
  it('is the usual cache folder of each platform', () => {
    expect(userCacheFolder(host('linux'))).toBe('/home/anna/.cache/kwaliteit');
    expect(userCacheFolder(host('linux', { XDG_CACHE_HOME: '/var/cache/anna' }))).toBe('/var/cache/anna/kwaliteit');
    expect(userCacheFolder(host('darwin', {}, '/Users/anna'))).toBe('/Users/anna/Library/Caches/kwaliteit');
    expect(userCacheFolder(host('win32', { LOCALAPPDATA: 'C:\\Users\\anna\\AppData\\Local' }))).toBe('C:\\Users\\anna\\AppData\\Local\\kwaliteit\\Cache');
  });

  it('ignores a relative XDG_CACHE_HOME, which would point into the folder kwaliteit runs in', () => {
    expect(userCacheFolder(host('linux', { XDG_CACHE_HOME: 'cache' }))).toBe('/home/anna/.cache/kwaliteit');
  });

  it('is none in CI, on Windows without LOCALAPPDATA, and without a home folder', () => {
    expect(userCacheFolder(host('linux', { CI: 'true' }))).toBeUndefined();
    expect(userCacheFolder(host('win32'))).toBeUndefined();
    expect(userCacheFolder({ platform: 'linux', env: {}, home: () => { throw new Error('no home'); } })).toBeUndefined();
  });
});

describe('writeCacheFile', () => {
  it('writes whole files for this user only, and says false (without throwing) where it cannot write', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'kwaliteit-cache-write-'));
    try {
      const file = join(scratch, 'kwaliteit', 'parse', 'a.bin');
      expect(await writeCacheFile(file, 'eerste')).toBe(true);
      expect(await writeCacheFile(file, 'tweede')).toBe(true);
      expect(readFileSync(file, 'utf8')).toBe('tweede');
      expect(readdirSync(join(scratch, 'kwaliteit', 'parse'))).toEqual(['a.bin']);
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
      writeFileSync(join(scratch, 'een-bestand'), '');
      expect(await writeCacheFile(join(scratch, 'een-bestand', 'a.bin'), 'x')).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
