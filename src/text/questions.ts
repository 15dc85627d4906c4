// Questions as people write them: pasted from Word or a mail (curly quotes, a
// line break, spaces around), or with letters like ë stored in two parts, as
// macOS and some editors do (Unicode NFD). The same question is the same, however typed.
import { unwrapQuotes } from './quotes.js';

/** One line, composed letters (NFC), no spaces around. */
export const normaliseQuestion = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** Whether two texts are the same question; quotes around the whole of either do not count. */
export const sameQuestion = (a: string, b: string) => unwrapQuotes(normaliseQuestion(a)).toLowerCase() === unwrapQuotes(normaliseQuestion(b)).toLowerCase();
