// The contents' page numbers kept between reports (src/report/pdf-page-cache.ts):
// found again only for exactly the same layout, nothing of the report in the
// file, and a damaged or unwritable cache is simply no cache.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEEP_REPORTS, PageCache, type PageLayout } from '../src/report/pdf-page-cache.js';
import { tempDir } from './helpers/folders.js';

const layout = (html = '<h2 id="a">Samenhang in de Rivierwijk</h2>', changes: Partial<PageLayout> = {}): PageLayout => ({
  html,
  margin: { top: '22mm' },
  ids: ['overzicht', 'bouwsteen-rivierwijk'],
  browser: '/usr/bin/chromium',
  ...changes,
});
const pages = (a: number, b: number) => new Map([['overzicht', a], ['bouwsteen-rivierwijk', b]]);

describe('the page cache of the report', () => {
  it('finds the pages of exactly the same layout again, in a later run', async () => {
    const folder = tempDir();
    const first = await PageCache.open(folder);
    expect(first.get(layout())).toBeUndefined();
    await first.remember(layout(), pages(3, 5));
    const later = await PageCache.open(folder);
    expect(later.get(layout())).toEqual(pages(3, 5));
    // Anything that can move a page break is another layout.
    expect(later.get(layout('<h2 id="a">Samenhang in de Rivierwijk!</h2>'))).toBeUndefined();
    expect(later.get(layout(undefined, { margin: { top: '20mm' } }))).toBeUndefined();
    expect(later.get(layout(undefined, { browser: '/usr/bin/google-chrome' }))).toBeUndefined();
    expect(later.get(layout(undefined, { ids: ['bouwsteen-rivierwijk', 'overzicht'] }))).toBeUndefined();
  });

  it('keeps only digests and numbers, nothing of the report, in its own folder', async () => {
    const folder = tempDir();
    await (await PageCache.open(folder)).remember(layout(), pages(3, 5));
    const text = readFileSync(join(folder, 'report', 'pages.json'), 'utf8');
    for (const word of ['Rivierwijk', 'Rivierstad', 'overzicht', 'chromium', 'pageNumber']) expect(text).not.toContain(word);
    expect(JSON.parse(text)).toEqual({ format: 2, entries: [[expect.stringMatching(/^[0-9a-f]{64}$/), [3, 5]]] });
  });

  it('puts the newest first and forgets the oldest beyond its limit', async () => {
    const folder = tempDir();
    const cache = await PageCache.open(folder);
    for (let i = 0; i <= KEEP_REPORTS; i++) await cache.remember(layout(`<p>${i}</p>`), pages(i + 1, i + 2));
    // Printed again with other pages (a font changed): the new numbers count.
    await cache.remember(layout('<p>1</p>'), pages(9, 10));
    const later = await PageCache.open(folder);
    expect(later.get(layout('<p>0</p>'))).toBeUndefined();
    expect(later.get(layout('<p>1</p>'))).toEqual(pages(9, 10));
    expect(later.get(layout(`<p>${KEEP_REPORTS}</p>`))).toEqual(pages(KEEP_REPORTS + 1, KEEP_REPORTS + 2));
    expect(JSON.parse(readFileSync(join(folder, 'report', 'pages.json'), 'utf8')).entries).toHaveLength(KEEP_REPORTS);
  });

  it('is empty when its file is damaged, strange or not a file, and then simply begins again', async () => {
    for (const content of ['{"format":1,"entries":[["x",[1]]', '{"format":2,"entries":[]}', '[1,2,3]', '{"format":1,"entries":[["' + 'a'.repeat(64) + '",[0,-1]]]}']) {
      const folder = tempDir();
      mkdirSync(join(folder, 'report'));
      writeFileSync(join(folder, 'report', 'pages.json'), content);
      const cache = await PageCache.open(folder);
      expect(cache.get(layout()), content).toBeUndefined();
      await cache.remember(layout(), pages(3, 5));
      expect((await PageCache.open(folder)).get(layout()), content).toEqual(pages(3, 5));
    }
    const folder = tempDir();
    mkdirSync(join(folder, 'report', 'pages.json'), { recursive: true });
    expect((await PageCache.open(folder)).get(layout())).toBeUndefined();
  });

  it('is no cache where it cannot write, without a word', async () => {
    const blocked = join(tempDir(), 'een-bestand');
    writeFileSync(blocked, '');
    const cache = await PageCache.open(blocked);
    await expect(cache.remember(layout(), pages(3, 5))).resolves.toBeUndefined();
    expect((await PageCache.open(blocked)).get(layout())).toBeUndefined();
  });

  it('keeps nothing for pages it does not have for every section', async () => {
    const folder = tempDir();
    await (await PageCache.open(folder)).remember(layout(), new Map([['overzicht', 3]]));
    expect((await PageCache.open(folder)).get(layout())).toBeUndefined();
  });
});
