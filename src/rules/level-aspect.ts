import { closest, quoteList } from '../text/suggest.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'level-aspect',
  severity: 'error',
  description: 'Elke bouwsteen en elk bouwblad heeft een bestaand niveau (level) en aspect uit het kwaliteitsformat.',
  check({ coalition, report }) {
    const levels = coalition.format.levels.map((l) => l.id);
    const aspects = coalition.format.aspects.map((a) => a.id);
    for (const file of [...coalition.bouwstenen, ...coalition.bouwbladen]) {
      if (!file.readable || !file.data) continue;
      for (const [key, valid, what] of [
        ['level', levels, 'niveau'],
        ['aspect', aspects, 'aspect'],
      ] as const) {
        const value = file.data[key];
        if (typeof value !== 'string' || valid.includes(value.trim())) continue;
        const suggestion = closest(value, valid);
        report({
          file: file.path,
          ...(file.yaml?.locate([key]) ?? { line: 1, column: 1 }),
          message: `"${value}" is geen ${what}. Kies uit ${quoteList(valid)}.`,
          hint: suggestion ? `Bedoel je "${suggestion}"?` : undefined,
        });
      }
    }
  },
});
