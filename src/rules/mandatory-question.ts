import { sameQuestion } from '../text/questions.js';
import { defineRule } from './rule.js';


export default defineRule({
  id: 'mandatory-question',
  severity: 'warning',
  description: 'Een verplicht bouwblad gebruikt de verplichte vraag van zijn bouwsteen zoals die in het format staat.',
  check({ coalition, report }) {
    for (const file of coalition.bouwbladen) {
      const fm = file.frontMatter;
      if (!fm?.mandatory) continue;
      const bouwsteen = coalition.format.bouwsteenFor(fm.level, fm.aspect);
      // Quotes around the whole question are not a different question (smart-quotes reports curly ones).
      if (!bouwsteen || sameQuestion(fm.question, bouwsteen.mandatoryQuestion)) continue;
      report({
        file: file.path,
        ...(file.yaml?.locate(['question']) ?? { line: 1, column: 1 }),
        message: `De vraag is anders geschreven dan de verplichte vraag van "${bouwsteen.title}".`,
        hint: `De verplichte vraag is: "${bouwsteen.mandatoryQuestion}". Is dit een eigen vraag, zet dan "mandatory: false" en maak een apart bouwblad.`,
      });
    }
  },
});
