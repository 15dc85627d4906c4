// Questions as people write them: pasted from Word or a mail (curly quotes, a
// line break, spaces around), or with letters like ë stored in two parts, as
// macOS and some editors do (Unicode NFD). The same question is the same, however typed.
import { cleanPastedLine, unwrapQuotes } from './quotes.js';

/** As it is written into a bouwblad: one line, composed letters (NFC), pasted quotes and invisible characters off, so check never warns about what kwaliteit wrote. */
export const normaliseQuestion = (text: string) => cleanPastedLine(text.normalize('NFC'));

/** Whether two texts are the same question; quotes around the whole of either do not count. */
export const sameQuestion = (a: string, b: string) => unwrapQuotes(normaliseQuestion(a)).toLowerCase() === unwrapQuotes(normaliseQuestion(b)).toLowerCase();
