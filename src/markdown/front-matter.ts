// The YAML front-matter between the first two `---` lines of a file. Only YAML
// is accepted: `---js` and the like would be code, and code in a file is never run.
import { parseYaml, type ParsedYaml, type YamlProblem } from '../yaml/parse.js';
import { blankBefore, LINE_END } from './lines.js';

export interface FrontMatterResult {
  /** Absent when the file has no front-matter at all. */
  yaml?: ParsedYaml;
  problems: YamlProblem[];
  /** Offset in the file where the body begins (after the closing `---` line). */
  bodyStart: number;
}

export function splitFrontMatter(text: string): FrontMatterResult {
  const first = LINE_END.exec(text);
  const firstLine = first ? text.slice(0, first.index) : text;
  const opening = /^---(.*)$/.exec(firstLine);
  if (!opening) return { problems: [], bodyStart: 0 };

  const language = opening[1].trim().toLowerCase();
  if (language && language !== 'yaml' && language !== 'yml') {
    return {
      problems: [
        {
          line: 1,
          column: 4,
          message: `De kop van het bestand is geschreven als "${opening[1].trim()}". Alleen YAML is toegestaan; code in een bestand wordt nooit uitgevoerd.`,
          hint: 'Begin het bestand met een regel met alleen --- en schrijf de kop als "naam: waarde".',
        },
      ],
      bodyStart: text.length,
    };
  }
  // Walk the lines after the opening one until a line with only ---.
  const ends = /\r\n|\r|\n/g;
  ends.lastIndex = first ? first.index + first[0].length : text.length;
  let lineStart = ends.lastIndex;
  // Where the line before the current one ends (before its line end): the YAML stops there.
  let previousEnd = first ? first.index : 0;
  let closing: { yamlEnd: number; end: number } | undefined;
  while (first && lineStart <= text.length) {
    const match = ends.exec(text);
    const lineEnd = match ? match.index : text.length;
    if (/^---[ \t]*$/.test(text.slice(lineStart, lineEnd))) {
      closing = { yamlEnd: previousEnd, end: match ? match.index + match[0].length : text.length };
      break;
    }
    if (!match) break;
    previousEnd = lineEnd;
    lineStart = match.index + match[0].length;
  }
  if (!closing) {
    return {
      problems: [
        {
          line: 1,
          column: 1,
          message: 'De kop van het bestand begint met ---, maar wordt niet afgesloten.',
          hint: 'Zet na de laatste regel van de kop een regel met alleen ---.',
        },
      ],
      bodyStart: text.length,
    };
  }
  // The YAML keeps its place in the file (the opening line blanked), so its line numbers are the file's.
  // Windows line ends become plain ones: "mandatory: true\r" must stay a boolean.
  const source = blankBefore(text.slice(0, closing.yamlEnd), first!.index).split(LINE_END).join('\n');
  const yaml = parseYaml(source);
  return { yaml, problems: yaml.problems, bodyStart: closing.end };
}
