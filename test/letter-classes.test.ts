// The letter classes without the `u` flag (src/text/letter-classes.ts) must
// judge every character exactly as `\p{L}` and `[\p{L}\p{N}]` do, also beyond
// the BMP once bmpOnly() has stood in for it.
import { expect, it } from 'vitest';
import { bmpOnly, LETTER, WORD_CHAR } from '../src/text/letter-classes.js';

it('agrees with \\p{L} and \\p{N} on every code point', () => {
  const letter = new RegExp(`^[${LETTER}]$`);
  const word = new RegExp(`^[${WORD_CHAR}]$`);
  for (let code = 0; code <= 0x10ffff; code += code < 0x10000 ? 1 : 7) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const char = String.fromCodePoint(code);
    const seen = bmpOnly(char);
    expect(seen.length, char).toBe(1);
    expect(letter.test(seen), `U+${code.toString(16)}`).toBe(/^\p{L}$/u.test(char));
    expect(word.test(seen), `U+${code.toString(16)}`).toBe(/^[\p{L}\p{N}]$/u.test(char));
  }
  // A lone surrogate is no letter; text without any is left as it is.
  expect(letter.test(bmpOnly('\ud800'))).toBe(false);
  const plain = 'Meester Ahmed nodigt vóór de kerstvakantie uit.';
  expect(bmpOnly(plain)).toBe(plain);
});
