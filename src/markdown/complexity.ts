// Bounds on the work one file may cost, checked before it is parsed. The
// Markdown parser recurses once per level of nesting and takes time that grows
// faster than the text for long runs of * _ [ ` < in one paragraph; a file
// within these bounds and the size limit parses in well under a second, and
// one crafted file can never stop the check of all the others.

/** Quotes and lists inside each other, on one line. Real bouwbladen use three or four. */
export const MAX_NESTING = 32;
/** Spaces or tabs before the text of a line; nested lists indent a few per level. */
export const MAX_INDENT = 160;
/** Characters that open or close emphasis, links, code and HTML, within one paragraph. */
export const MAX_MARKUP_PER_PARAGRAPH = 1500;

export interface TooComplex {
  line: number;
  message: string;
  hint: string;
}

const CONTAINER = /^[ \t]*(?:>|[-*+](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/;
const MARKUP = /[*_[\]`<]/g;

/** Where the text after `start` (the end of the front-matter) goes beyond the bounds, if it does. */
export function tooComplex(text: string, start = 0): TooComplex | undefined {
  const lines = text.slice(start).split(/\r\n|\r|\n/);
  const firstLine = start ? text.slice(0, start).split(/\r\n|\r|\n/).length : 1;
  let markup = 0;
  let paragraphLine = firstLine;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const number = firstLine + i;
    if (!line.trim()) {
      markup = 0;
      paragraphLine = number + 1;
      continue;
    }
    let rest = line;
    let depth = 0;
    for (let match = CONTAINER.exec(rest); match && depth <= MAX_NESTING; match = CONTAINER.exec(rest)) {
      depth++;
      rest = rest.slice(match[0].length);
    }
    if (depth > MAX_NESTING) {
      return {
        line: number,
        message: `Op deze regel staan meer dan ${MAX_NESTING} citaten (>) of lijsten (-) in elkaar. Zo diep kan kwaliteit het niet lezen, dus dit bestand wordt overgeslagen.`,
        hint: 'Haal de tekens > en - aan het begin van de regel weg, of gebruik er hooguit een paar.',
      };
    }
    if (/^[ \t]*/.exec(line)![0].length > MAX_INDENT) {
      return {
        line: number,
        message: `Deze regel begint met meer dan ${MAX_INDENT} spaties of tabs. Zo diep ingesprongen kan kwaliteit het niet lezen, dus dit bestand wordt overgeslagen.`,
        hint: 'Haal de spaties aan het begin van de regel weg.',
      };
    }
    markup += line.match(MARKUP)?.length ?? 0;
    if (markup > MAX_MARKUP_PER_PARAGRAPH) {
      return {
        line: paragraphLine,
        message: `In de alinea die op deze regel begint, staan meer dan ${MAX_MARKUP_PER_PARAGRAPH} opmaaktekens (* _ [ ] \` <). Dat kost kwaliteit te veel tijd, dus dit bestand wordt overgeslagen.`,
        hint: 'Kijk of hier iets per ongeluk is geplakt. Zet lege regels tussen alinea\'s, en gebruik * en _ alleen voor vet en schuin.',
      };
    }
  }
  return undefined;
}
