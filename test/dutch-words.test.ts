// Dates and lists are written out in Dutch by hand (Intl costs every run its
// start-up); they must read exactly as Intl's Dutch writes them.
import { describe, expect, it } from 'vitest';
import { formatDutchDate } from '../src/dates.js';
import { andList, orList } from '../src/text/lists.js';

describe('Dutch words without Intl', () => {
  it('formats every day of a leap year as Intl does in nl-NL', () => {
    const intl = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (let day = 0; day < 366; day++) {
      const date = new Date(Date.UTC(2028, 0, 1 + day));
      expect(formatDutchDate(date.toISOString().slice(0, 10))).toBe(intl.format(date));
    }
    expect(formatDutchDate('2025-09-01')).toBe('1 september 2025');
  });

  it('joins lists of any length as Intl does in nl', () => {
    const and = new Intl.ListFormat('nl', { type: 'conjunction' });
    const or = new Intl.ListFormat('nl', { type: 'disjunction' });
    const words = ['micro', 'meso', 'macro', 'samenhang', 'uitvoering'];
    for (let n = 0; n <= words.length; n++) {
      expect(andList(words.slice(0, n))).toBe(and.format(words.slice(0, n)));
      expect(orList(words.slice(0, n))).toBe(or.format(words.slice(0, n)));
    }
    expect(andList(['een aantal', 'een datum', 'wie'])).toBe('een aantal, een datum en wie');
  });
});
