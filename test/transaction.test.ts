// The one write transaction (src/fs/transaction.ts) and the folder lock, on
// their own: every command that writes relies on these promises.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale, LOCK_FILE, parseLock, withLock } from '../src/fs/lock.js';
import { FileChangedError, FileExistsError, inTransaction, WriteError, WriteTransaction } from '../src/fs/transaction.js';
import { withFaults } from './helpers/faults.js';
import { folders, snapshot, tempDir } from './helpers/folders.js';

const listing = (dir: string) => ({ files: snapshot(dir), folders: folders(dir) });

describe('a write transaction', () => {
  it('creates files in new folders, and replaces a file that still holds what was expected', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'a.txt'), 'oud\n');
    await inTransaction({ root }, async (tx) => {
      await tx.create(join(root, 'x/y/nieuw.md'), 'nieuw\n');
      await tx.replace(join(root, 'a.txt'), 'nieuw a\n', 'oud\n');
      // Nothing visible yet: only hidden temp files.
      expect(existsSync(join(root, 'x/y/nieuw.md'))).toBe(false);
      expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('oud\n');
    });
    expect(readFileSync(join(root, 'x/y/nieuw.md'), 'utf8')).toBe('nieuw\n');
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('nieuw a\n');
    expect(readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((p) => p.includes('.tmp'))).toEqual([]);
  });

  it('never replaces a file that appears before a new one is put in place', async () => {
    const root = tempDir();
    const tx = new WriteTransaction({ root });
    await tx.create(join(root, 'b.md'), 'van ons\n');
    writeFileSync(join(root, 'b.md'), 'van iemand anders\n');
    await expect(tx.commit()).rejects.toBeInstanceOf(FileExistsError);
    expect(readFileSync(join(root, 'b.md'), 'utf8')).toBe('van iemand anders\n');
    expect(readdirSync(root)).toEqual(['b.md']);
  });

  it('keeps such a file when asked to, and says which one it kept', async () => {
    const root = tempDir();
    const tx = new WriteTransaction({ root });
    await tx.create(join(root, 'README.md'), 'van ons\n', { keepExisting: true });
    await tx.create(join(root, 'ander.md'), 'ook van ons\n', { keepExisting: true });
    writeFileSync(join(root, 'README.md'), 'eigen\n');
    await tx.commit();
    expect(tx.kept).toEqual([join(root, 'README.md')]);
    expect(tx.created).toEqual([join(root, 'ander.md')]);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('eigen\n');
  });

  it('refuses to replace a file that changed meanwhile, and undoes the new files too', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'kwaliteit.yaml'), 'a: 1\n');
    const before = listing(root);
    const tx = new WriteTransaction({ root });
    await tx.create(join(root, 'nieuw/periode-3.md'), 'x\n');
    await tx.replace(join(root, 'kwaliteit.yaml'), 'a: 2\n', 'a: 1\n');
    writeFileSync(join(root, 'kwaliteit.yaml'), 'a: 1\n# net opgeslagen\n');
    await expect(tx.commit()).rejects.toBeInstanceOf(FileChangedError);
    expect(readFileSync(join(root, 'kwaliteit.yaml'), 'utf8')).toBe('a: 1\n# net opgeslagen\n');
    expect(folders(root)).toEqual(before.folders);
    expect(Object.keys(snapshot(root))).toEqual(['kwaliteit.yaml']);
  });

  it('puts every earlier file back when a later step fails, at every step', async () => {
    const setup = () => {
      const root = tempDir();
      mkdirSync(join(root, 'rapport'));
      writeFileSync(join(root, 'rapport/r.html'), 'oude html');
      writeFileSync(join(root, 'rapport/r.pdf'), 'oude pdf');
      return root;
    };
    const run = (root: string) =>
      inTransaction({ root }, async (tx) => {
        await tx.replace(join(root, 'rapport/r.html'), 'nieuwe html');
        await tx.replace(join(root, 'rapport/r.pdf'), new Uint8Array([1, 2, 3]));
        await tx.create(join(root, 'rapport/extra/x.txt'), 'x');
      });
    let steps = 0;
    await withFaults(() => void steps++, () => run(setup()));
    expect(steps).toBe(6);
    for (let k = 0; k < steps; k++) {
      const root = setup();
      const before = listing(root);
      const error = await withFaults(
        (_path, index) => {
          if (index === k) throw Object.assign(new Error('vol'), { code: 'ENOSPC' });
        },
        () => run(root),
      ).catch((e: unknown) => e);
      expect(error, `k=${k}`).toBeInstanceOf(WriteError);
      expect((error as WriteError).code).toBe('ENOSPC');
      expect(listing(root), `k=${k}`).toEqual(before);
    }
  });

  it('stops on Ctrl+C at any step but the last, and then leaves everything as it was', async () => {
    for (let k = 0; k < 4; k++) {
      const root = tempDir();
      const controller = new AbortController();
      const outcome = await withFaults(
        (_path, index) => {
          if (index === k) controller.abort();
        },
        () =>
          inTransaction({ root, signal: controller.signal }, async (tx) => {
            await tx.create(join(root, 'a/1.md'), '1');
            await tx.create(join(root, 'a/2.md'), '2');
          }),
      ).then(
        () => 'saved',
        (error: { code?: string }) => error.code,
      );
      if (k === 3) expect(Object.keys(snapshot(root)).sort()).toEqual(['a/1.md', 'a/2.md']);
      else {
        expect(outcome, `k=${k}`).toBe('cancelled');
        expect(listing(root), `k=${k}`).toEqual({ files: {}, folders: [] });
      }
    }
  });

  it('names the file the file system refused', async () => {
    const root = tempDir();
    writeFileSync(join(root, 'bouwbladen'), 'een bestand, geen map');
    const error = await inTransaction({ root }, (tx) => tx.create(join(root, 'bouwbladen/x/periode-1.md'), 'x')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WriteError);
    expect((error as WriteError).target).toBe(join(root, 'bouwbladen/x/periode-1.md'));
    expect((error as WriteError).code).toBe('ENOTDIR');
  });
});

describe('the lock of a coalition folder', () => {
  it('refuses while another run holds it', async () => {
    const root = tempDir();
    await withLock(root, 'new-cycle', async () => {
      await expect(withLock(root, 'add', async () => 'x')).rejects.toMatchObject({ code: 'locked' });
    });
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock whose run no longer exists on this computer, and says since when it was there', async () => {
    const root = tempDir();
    writeFileSync(join(root, LOCK_FILE), `command: kwaliteit new-cycle\npid: 2147483646\nhost: ${hostname()}\nsince: 1-3-2026 10:00:00\n`);
    const context = await withLock(root, 'add', async (lock) => lock);
    expect(context.staleSince).toBe('1-3-2026 10:00:00');
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('leaves a lock alone when it cannot be sure: another computer, or no process number', () => {
    expect(isStale(parseLock('pid: 2147483646\nhost: een-andere-pc\n'), 'deze-pc', () => false)).toBe(false);
    expect(isStale(parseLock('{"command":"new-cycle","pid":999999,"since":"2026-03-01T10:00:00.000Z"}'), 'deze-pc', () => false)).toBe(false);
    expect(isStale(parseLock('pid: 12\nhost: deze-pc\n'), 'deze-pc', () => true)).toBe(false);
    expect(isStale(parseLock('pid: 12\nhost: deze-pc\n'), 'deze-pc', () => false)).toBe(true);
  });
});
