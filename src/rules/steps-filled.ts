import { requiredSteps } from '../coalition/completeness.js';
import { phaseOf } from '../coalition/periods.js';
import { formatDutchDate } from '../dates.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'steps-filled',
  severity: 'error',
  description: 'In een periode die is begonnen zijn stap 1 en 2 ingevuld; in een periode die voorbij is ook stap 3 en 4. Uitleg tussen <!-- -->, "TODO", "…" en "nog invullen" tellen niet als ingevuld.',
  check({ coalition, config, date, report }) {
    if (!config) return;
    const periods = new Map(config.periods.map((p) => [p.number, p]));
    for (const file of coalition.bouwbladen) {
      const fm = file.frontMatter;
      const body = file.body;
      if (!fm || !body) continue;
      const period = periods.get(fm.period);
      if (!period) continue;
      const required = requiredSteps(period, date);
      const why =
        phaseOf(period, date) === 'ended'
          ? `periode ${period.number} is voorbij sinds ${formatDutchDate(period.to)}`
          : `periode ${period.number} loopt sinds ${formatDutchDate(period.from)}`;
      for (const number of required) {
        const step = body.steps.find((s) => s.number === number);
        if (!step || step.filled) continue;
        report({
          file: file.path,
          line: step.line,
          column: 1,
          message: `Stap ${number} is nog niet ingevuld, en ${why}.`,
          hint: number === 2
            ? 'Schrijf de doelen en acties op: wat willen jullie bereiken, wie doet wat, en wanneer?'
            : number === 4
              ? 'Schrijf de bijgestelde startvraag op; die wordt de startvraag van de volgende periode.'
              : 'Schrijf onder dit kopje wat jullie hebben afgesproken, gedaan of geleerd.',
        });
      }
    }
  },
});
