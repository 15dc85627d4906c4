import { isCompleteCycle } from '../coalition/completeness.js';
import { bouwbladPath } from '../coalition/layout.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'final-cycle',
  severity: 'error',
  description: 'Met --final (het einde van de subsidieperiode): elke verplichte vraag heeft minstens één periode waarin alle vier de stappen zijn ingevuld.',
  check({ coalition, final, report }) {
    if (!final) return;
    for (const bouwsteen of coalition.format.bouwstenen) {
      const files = coalition.bouwbladen.filter(
        (file) => file.frontMatter?.mandatory && file.frontMatter.level === bouwsteen.level && file.frontMatter.aspect === bouwsteen.aspect,
      );
      if (files.some(isCompleteCycle)) continue;
      const last = files.sort((a, b) => b.frontMatter!.period - a.frontMatter!.period)[0];
      report({
        file: last?.path ?? bouwbladPath(bouwsteen.id, 1),
        message: `Voor de verplichte vraag van "${bouwsteen.title}" is nog geen periode helemaal ingevuld (alle vier de stappen).`,
        hint: 'Het rapport voor het ministerie heeft per bouwsteen minstens één volledige ronde nodig. Vul stap 1 tot en met 4 in voor ten minste één periode.',
      });
    }
  },
});
