// Where kwaliteit keeps what only saves time: the user's own cache folder, per platform, never in CI.
import { describe, expect, it } from 'vitest';
import { userCacheFolder } from '../src/fs/cache-folder.js';

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
