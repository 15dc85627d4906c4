import { closest } from '../text/suggest.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'links',
  severity: 'error',
  description: 'De links van een bouwblad noemen bestaande bouwstenen, en niet de eigen bouwsteen.',
  check({ coalition, report }) {
    const ids = coalition.format.bouwstenen.map((b) => b.id);
    for (const file of coalition.bouwbladen) {
      const fm = file.frontMatter;
      if (!fm) continue;
      const own = `${fm.level}-${fm.aspect}`;
      fm.links.forEach((link, index) => {
        const at = file.yaml?.locate(['links', index]) ?? file.yaml?.locate(['links']) ?? { line: 1, column: 1 };
        if (link === own) {
          report({
            file: file.path,
            ...at,
            message: `"${link}" is de eigen bouwsteen van dit bouwblad. Bij "links" horen de andere bouwstenen waar dit werk invloed op heeft.`,
            hint: 'Haal deze regel weg.',
            severity: 'warning',
          });
        } else if (!ids.includes(link)) {
          const suggestion = closest(link, ids);
          report({
            file: file.path,
            ...at,
            message: `"${link}" is geen bouwsteen.`,
            hint: suggestion ? `Bedoel je "${suggestion}"?` : `Een bouwsteen schrijf je als niveau-aspect, bijvoorbeeld meso-samenwerking.`,
          });
        }
      });
    }
  },
});
