// An unfinished step is advice while the coalition can still write it: the
// handreiking calls the format "géén controle-instrument of een checklist die
// moet worden afgevinkt". Only the final report (--final) needs every step of
// an ended period, so only then is it an error.
import { requiredSteps } from '../coalition/completeness.js';
import { phaseOf } from '../coalition/periods.js';
import { daysBetween, formatDutchDate } from '../dates.js';
import type { Period } from '../coalition/model.js';
import { defineRule } from './rule.js';

/** What to write under each step; a start question is not "what we did". */
export const STEP_HINTS: Record<number, string> = {
  1: 'Schrijf de startvraag op: wat willen jullie leren of beter doen? Een open vraag over iets waar energie op zit of waar het stroef loopt.',
  2: 'Schrijf de doelen en acties op: wat willen jullie bereiken, hoeveel, wie doet wat, en wanneer?',
  3: 'Kijk terug op de periode: wat is gelukt, wat niet, en wat zegt dat over jullie aanpak?',
  4: 'Schrijf de bijgestelde startvraag op: wat vraagt nog aandacht? Die wordt de startvraag van de volgende periode.',
};

function when(period: Period, date: string): string {
  if (phaseOf(period, date) === 'ended') return `Periode ${period.number} is voorbij sinds ${formatDutchDate(period.to)}.`;
  const left = daysBetween(date, period.to);
  const days = left === 0 ? 'vandaag is de laatste dag' : left === 1 ? 'nog 1 dag' : `nog ${left} dagen`;
  return `Periode ${period.number} loopt tot en met ${formatDutchDate(period.to)}: ${days}.`;
}

export default defineRule({
  id: 'steps-filled',
  severity: 'warning',
  description:
    'Advies: in een periode die loopt zijn stap 1 en 2 ingevuld, in een periode die voorbij is ook stap 3 en 4. Met --final is een lege stap in een periode die voorbij is een fout. Uitleg tussen <!-- -->, "TODO", "…" en "nog invullen" tellen niet als ingevuld.',
  check({ coalition, config, date, final, report }) {
    if (!config) return;
    const periods = new Map(config.periods.map((p) => [p.number, p]));
    for (const file of coalition.bouwbladen) {
      const fm = file.frontMatter;
      const body = file.body;
      if (!fm || !body) continue;
      const period = periods.get(fm.period);
      if (!period) continue;
      const ended = phaseOf(period, date) === 'ended';
      for (const number of requiredSteps(period, date)) {
        const step = body.steps.find((s) => s.number === number);
        if (!step || step.filled) continue;
        const blocking = final && ended;
        report({
          file: file.path,
          line: step.line,
          column: 1,
          message: `Stap ${number} is nog niet ingevuld. ${when(period, date)}${blocking ? ' Voor het definitieve rapport moet deze stap ingevuld zijn.' : ''}`,
          hint: STEP_HINTS[number] ?? 'Schrijf onder dit kopje wat jullie bij deze stap hebben gedaan.',
          severity: blocking ? 'error' : 'warning',
        });
      }
    }
  },
});
