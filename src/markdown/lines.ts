// A line ends at CRLF, LF or a lone CR: the same three that Markdown counts, so
// every line number in kwaliteit is the line an editor shows.
export const LINE_END = /\r\n|\r|\n/;

/**
 * `text` with every character before `end` turned into a space, line ends kept:
 * the same offsets and lines, but blank. Parsing the result gives positions that
 * count from the top of the file, without adding any offset by hand.
 */
export function blankBefore(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
}
