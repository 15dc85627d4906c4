import { bouwsteenPath } from '../coalition/layout.js';
import { closest } from '../text/suggest.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'bouwstenen-present',
  severity: 'error',
  description: 'De map bouwstenen/ heeft voor elk van de negen bouwstenen een bestand, met het niveau, het aspect en de titel uit het format.',
  check({ coalition, report }) {
    const files = new Map(coalition.bouwstenen.map((file) => [file.id, file]));
    const ids = coalition.format.bouwstenen.map((b) => b.id);
    for (const bouwsteen of coalition.format.bouwstenen) {
      const file = files.get(bouwsteen.id);
      if (!file) {
        report({
          file: bouwsteenPath(bouwsteen.id),
          message: `Het bestand van de bouwsteen "${bouwsteen.title}" ontbreekt.`,
          hint: `Maak ${bouwsteenPath(bouwsteen.id)} aan, met in de kop "level: ${bouwsteen.level}" en "aspect: ${bouwsteen.aspect}". In een nieuwe map met "npx kwaliteit init" zie je hoe het eruitziet.`,
        });
        continue;
      }
      if (!file.readable || !file.data) continue;
      const { level, aspect } = file.data;
      if (level !== bouwsteen.level || aspect !== bouwsteen.aspect) {
        report({
          file: file.path,
          ...(file.yaml?.locate(['level']) ?? { line: 1, column: 1 }),
          message: `De bestandsnaam hoort bij ${bouwsteen.level}/${bouwsteen.aspect}, maar in de kop staat ${String(level)}/${String(aspect)}.`,
          hint: `Zet in de kop "level: ${bouwsteen.level}" en "aspect: ${bouwsteen.aspect}".`,
        });
      }
      const title = file.body?.title;
      if (title && title.text !== bouwsteen.title) {
        report({
          file: file.path,
          line: title.line,
          column: 1,
          severity: 'warning',
          message: `De titel is "${title.text}", maar deze bouwsteen heet "${bouwsteen.title}".`,
          hint: `Maak de titel: # ${bouwsteen.title}`,
        });
      }
    }
    for (const file of coalition.bouwstenen) {
      if (ids.includes(file.id)) continue;
      const suggestion = closest(file.id, ids);
      report({
        file: file.path,
        message: `"${file.id}" is geen bouwsteen van het format.`,
        hint: suggestion ? `Bedoel je ${bouwsteenPath(suggestion)}?` : `De bouwstenen zijn: ${ids.join(', ')}.`,
      });
    }
  },
});
