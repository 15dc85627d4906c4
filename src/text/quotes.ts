// The quotes Word and e-mail put around pasted text, in one place for every rule that looks at them.
const CURLY_OPEN = '\u201C\u201D\u201E\u2018\u2019\u201A\u00AB';
const CURLY_CLOSE = '\u201C\u201D\u2018\u2019\u00BB';

// First character opens, last closes; one lone quote counts too.
const CURLY = new RegExp(`^(?=[${CURLY_OPEN}])[\\s\\S]*[${CURLY_CLOSE}]$`);
const ANY = new RegExp(`^["'${CURLY_OPEN}](.*)["'${CURLY_CLOSE}]$`, 's');

/** True when the whole text stands between curly quotes. */
export const wrappedInCurlyQuotes = (text: string) => CURLY.test(text.trim());

/** The text without quotes (straight or curly) around the whole of it. */
export const unwrapQuotes = (text: string) => text.trim().replace(ANY, '$1');

/** Characters a paste from Word or a web page brings along that nobody sees: zero-width spaces and joiners, soft hyphens, a byte-order mark. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/**
 * A one-line text as someone pasted it (a question): without invisible
 * characters, without quotes around the whole of it (curly or straight), and
 * with every run of spaces, tabs and line breaks one space.
 */
export const cleanPastedLine = (text: string) => unwrapQuotes(text.replace(INVISIBLE, '')).replace(/\s+/g, ' ').trim();
