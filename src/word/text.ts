// Word's invisible characters, made into what a reader of the Markdown file sees.

/**
 * Soft hyphens and zero-width characters are hyphenation and layout hints: a
 * reader never sees them, but they would split words for search and for check.
 * Non-breaking and narrow spaces are spaces in a text file. A non-breaking
 * hyphen is a hyphen.
 */
export function cleanText(text: string): string {
  return text
    .replace(/[\u00ad\u200b\u200c\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/\u2011/g, '-')
    .replace(/\t/g, ' ');
}

/** One line, single spaces, no space at either end. */
export const oneLine = (text: string) => cleanText(text).replace(/\s+/g, ' ').trim();

/** For comparing words: lower case, no accents, no quotes or punctuation. */
export function wordKey(text: string): string {
  return oneLine(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
