// The PDF bookmark reader that gives the table of contents its page numbers.
import { describe, expect, it } from 'vitest';
import { decodeText, readDestinations } from '../src/report/pdf-reader.js';
import { pageCount, readOutline } from './helpers/pdf-outline.js';
import { buildPdf } from './helpers/tiny-pdf.js';

const utf16 = (text: string) => `<FEFF${Buffer.from(text, 'utf16le').swap16().toString('hex').toUpperCase()}>`;

// Pages tree with nesting: 2 → [3 (page), 4 → [5, 6 (pages)], 7 (page)], so pages are 3,5,6,7 → 1..4.
const OBJECTS = [
  '<</Type /Catalog /Pages 2 0 R /Outlines 8 0 R /Names <</Dests 13 0 R>>>>',
  '<</Type /Pages /Count 4 /Kids [3 0 R 4 0 R 7 0 R]>>',
  '<</Type /Page /Parent 2 0 R>>',
  '<</Type /Pages /Parent 2 0 R /Count 2 /Kids [5 0 R 6 0 R]>>',
  '<</Type /Page /Parent 4 0 R>>',
  '<</Type /Page /Parent 4 0 R>>',
  '<</Type /Page /Parent 2 0 R>>',
  '<</Type /Outlines /First 9 0 R /Last 9 0 R /Count 4>>',
  '<</Title (Rapport \\(concept\\)) /Dest [3 0 R /XYZ 0 800 0] /Parent 8 0 R /First 10 0 R /Last 12 0 R /Count 3>>',
  `<</Title ${utf16('Samenhang op microniveau – één')} /Dest [6 0 R /XYZ 0 800 0] /Parent 9 0 R /Next 11 0 R /First 14 0 R /Last 14 0 R>>`,
  '<</Title (Bijlage\\040zo) /A <</S /GoTo /D [7 0 R /Fit]>> /Parent 9 0 R /Prev 10 0 R /Next 12 0 R>>',
  '<</Title (Benoemd) /Dest (doel) /Parent 9 0 R /Prev 11 0 R>>',
  '<</Names [(doel) [5 0 R /Fit]]>>',
  '<</Title (Stap 1) /Dest [6 0 R /XYZ 0 500 0] /Parent 10 0 R>>',
];

describe('reading PDF bookmarks', () => {
  it('finds every bookmark in reading order, with its page through nested page trees', () => {
    const pdf = buildPdf(OBJECTS);
    expect(pageCount(pdf)).toBe(4);
    expect(readOutline(pdf)).toEqual([
      { title: 'Rapport (concept)', depth: 0, page: 1 },
      { title: 'Samenhang op microniveau – één', depth: 1, page: 3 },
      { title: 'Stap 1', depth: 2, page: 3 },
      { title: 'Bijlage zo', depth: 1, page: 4 },
      { title: 'Benoemd', depth: 1, page: 2 },
    ]);
  });

  it('also works when the xref table is missing or wrong', () => {
    expect(readOutline(buildPdf(OBJECTS, { xref: false })).map((item) => item.page)).toEqual([1, 3, 3, 4, 2]);
  });

  it('finds the page of named destinations (what the contents links point at)', () => {
    const pdf = buildPdf(OBJECTS);
    expect([...readDestinations(pdf, ['doel', 'bestaat-niet'])]).toEqual([['doel', 2]]);
    const withDests = buildPdf([OBJECTS[0].replace('/Names <</Dests 13 0 R>>', '/Dests <</inhoud [6 0 R /XYZ 0 0 0]>>'), ...OBJECTS.slice(1)]);
    expect([...readDestinations(withDests, ['inhoud'])]).toEqual([['inhoud', 3]]);
  });

  it('decodes PDFDocEncoding and UTF-16 text strings', () => {
    expect(decodeText(Uint8Array.from([0x41, 0x85, 0x42]))).toBe('A–B');
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0x00, 0xeb]))).toBe('ë');
  });

  it('returns no bookmarks for a PDF without an outline', () => {
    const pdf = buildPdf(['<</Type /Catalog /Pages 2 0 R>>', '<</Type /Pages /Count 1 /Kids [3 0 R]>>', '<</Type /Page /Parent 2 0 R>>']);
    expect(readOutline(pdf)).toEqual([]);
    expect(pageCount(pdf)).toBe(1);
  });
});
