// A question pasted from Word or e-mail often keeps its curly quotes. When they
// wrap the whole value YAML still reads it, so they silently become part of the
// text (and of the report); only this rule notices.
import { wrappedInCurlyQuotes } from '../text/quotes.js';
import type { ParsedYaml } from '../yaml/parse.js';
import { defineRule, type Finding } from './rule.js';

// `seen`: YAML anchors can make a value contain itself (&a [*a]).
function visit(file: string, value: unknown, path: PropertyKey[], yaml: ParsedYaml | undefined, report: (f: Finding) => void, seen = new WeakSet<object>()) {
  if (typeof value === 'string') {
    if (!wrappedInCurlyQuotes(value)) return;
    const name = path.filter((key) => typeof key === 'string').join('.');
    report({
      file,
      ...(yaml?.locate(path) ?? { line: 1, column: 1 }),
      message: `De tekst bij "${name}" staat tussen krullende aanhalingstekens (“ ” of ‘ ’), bijvoorbeeld uit Word of e-mail. Die komen nu mee in de tekst en in het rapport.`,
      hint: 'Vervang ze door gewone aanhalingstekens ("), of laat ze weg.',
    });
  } else if (value && typeof value === 'object' && !seen.has(value)) {
    seen.add(value);
    for (const [key, item] of Object.entries(value)) visit(file, item, [...path, Array.isArray(value) ? Number(key) : key], yaml, report, seen);
  }
}

export default defineRule({
  id: 'smart-quotes',
  severity: 'warning',
  description: 'Tekst in kwaliteit.yaml en in de koppen staat niet tussen krullende aanhalingstekens (“ ”) uit Word of e-mail.',
  check({ coalition, report }) {
    visit(coalition.config.path, coalition.config.data, [], coalition.config.yaml, report);
    for (const file of [...coalition.bouwstenen, ...coalition.bouwbladen]) if (file.readable) visit(file.path, file.data, [], file.yaml, report);
  },
});
