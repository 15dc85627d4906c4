// The Unicode classes "letter" and "letter or digit" written out as ranges of
// the Basic Multilingual Plane, for regexes without the `u` flag: there the regex
// engine compiles a class of ranges several times faster than `\p{L}`, which it
// must build from Unicode's tables in every run (measured: 0.34 against 1.5–2 ms
// for one pattern). Text goes through bmpOnly() first, so characters beyond the
// BMP are still judged as letters, digits or neither.

/** A regex class body (without brackets) of every BMP character `test` matches. */
export function bmpClass(test: RegExp): string {
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
  const parts: string[] = [];
  let start = -1;
  for (let code = 0; code <= 0x10000; code++) {
    const inside = code < 0x10000 && (code < 0xd800 || code > 0xdfff) && test.test(String.fromCharCode(code));
    if (inside && start < 0) start = code;
    if (!inside && start >= 0) {
      parts.push(start === code - 1 ? hex(start) : `${hex(start)}-${hex(code - 1)}`);
      start = -1;
    }
  }
  return parts.join('');
}

// Made once by the build (scripts/build.mjs); from the sources (the tests), made here.
declare const KWALITEIT_LETTER_CLASS: string | undefined;
declare const KWALITEIT_WORD_CLASS: string | undefined;

/** `\p{L}` as a class without the `u` flag: `[${LETTER}]`. */
export const LETTER = typeof KWALITEIT_LETTER_CLASS === 'string' ? KWALITEIT_LETTER_CLASS : bmpClass(/\p{L}/u);
/** `[\p{L}\p{N}]` as a class without the `u` flag: `[${WORD_CHAR}]`. */
export const WORD_CHAR = typeof KWALITEIT_WORD_CLASS === 'string' ? KWALITEIT_WORD_CLASS : bmpClass(/[\p{L}\p{N}]/u);

let astralLetter: RegExp | undefined;
let astralNumber: RegExp | undefined;

/**
 * The text with each character beyond the BMP replaced by one that the classes
 * above judge the same way: "ª" for a letter, "²" for any other digit or number,
 * U+FFFD for anything else. None of them is in a word a pattern looks for.
 */
export function bmpOnly(text: string): string {
  if (!/[\ud800-\udfff]/.test(text)) return text;
  astralLetter ??= /\p{L}/u;
  astralNumber ??= /\p{N}/u;
  return text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g, (char) =>
    char.length === 2 && astralLetter!.test(char) ? 'ª' : char.length === 2 && astralNumber!.test(char) ? '²' : '\ufffd',
  );
}
