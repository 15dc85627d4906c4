// Splits a Markdown file into YAML front-matter and body with gray-matter.
// Only YAML is accepted: gray-matter would evaluate `---js` and `---javascript`
// front-matter as code, so those are refused before gray-matter sees them and its
// JavaScript engines are replaced by ones that refuse as well.
import matter from 'gray-matter';
import { parseYaml, type ParsedYaml, type YamlProblem } from '../yaml/parse.js';

export interface FrontMatterResult {
  /** Absent when the file has no front-matter at all. */
  yaml?: ParsedYaml;
  problems: YamlProblem[];
  body: string;
  /** Lines before the body's first line in the file. */
  bodyLineOffset: number;
}

const refuse = () => {
  throw new Error('JavaScript front-matter is refused');
};

export function splitFrontMatter(text: string): FrontMatterResult {
  const lines = text.split('\n');
  const opening = /^---([^\r]*)\r?$/.exec(lines[0]);
  if (!opening) return { problems: [], body: text, bodyLineOffset: 0 };

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
      body: '',
      bodyLineOffset: 0,
    };
  }
  const closing = lines.findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
  if (closing < 0) {
    return {
      problems: [
        {
          line: 1,
          column: 1,
          message: 'De kop van het bestand begint met ---, maar wordt niet afgesloten.',
          hint: 'Zet na de laatste regel van de kop een regel met alleen ---.',
        },
      ],
      body: '',
      bodyLineOffset: 0,
    };
  }

  let yaml: ParsedYaml | undefined;
  const options = {
    language: 'yaml',
    engines: {
      yaml: (source: string) => {
        // The source starts with the newline that ends line 1, so YAML's own
        // line numbers are already the file's.
        // gray-matter leaves the \r of a Windows line end on the last line of the
        // front-matter, which would make "mandatory: true\r" a string. Dropping every
        // \r keeps all line and column numbers.
        yaml = parseYaml(source.replace(/\r(?=\n|$)/g, ''));
        return (yaml.data ?? {}) as object;
      },
      js: refuse,
      javascript: refuse,
      coffee: refuse,
      coffeescript: refuse,
      cson: refuse,
    },
  };
  // gray-matter caches results by input text unless options are given; ours always are.
  const file = matter(text, options as unknown as Parameters<typeof matter>[1]);
  yaml ??= parseYaml('');
  const body = file.content;
  const prefix = text.slice(0, text.length - body.length);
  let bodyLineOffset = 0;
  for (const char of prefix) if (char === '\n') bodyLineOffset++;
  return { yaml, problems: yaml?.problems ?? [], body, bodyLineOffset };
}
