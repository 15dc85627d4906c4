import { defineRule } from './rule.js';

const NUMBER = /\d|\b(een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|twintig|honderd|alle|elke|ieder[e]?|helft|procent)\b/i;
const TIME =
  /\b(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec|voor|uiterlijk|binnen|vóór|eind|einde|begin|week|weken|maand|maanden|kwartaal|schooljaar|jaar|periode|deadline|wekelijks|maandelijks|jaarlijks)\b|\d{1,2}[-/]\d{1,2}|\d{4}/i;
const OWNER = /\b(verantwoordelijk\w*|trekker|eigenaar|regie|coördinator|coordinator|contactpersoon|aanspreekpunt|wie|zorgt|organiseert|doet|regelt|houdt|maakt|directeur|leerkracht\w*|begeleider\w*|medewerker\w*|wethouder|gemeente|school|team)\b/i;

export default defineRule({
  id: 'smart-goals',
  severity: 'warning',
  description: 'Stap 2 (doelen en acties) noemt iets meetbaars (een aantal), een termijn (datum of deadline) en wie verantwoordelijk is.',
  check({ coalition, report }) {
    for (const file of coalition.bouwbladen) {
      const step = file.body?.steps.find((s) => s.number === 2);
      if (!step?.filled) continue;
      const text = step.content.replace(/<!--[\s\S]*?-->/g, ' ');
      const missing = [
        !NUMBER.test(text) && 'een aantal of iets meetbaars',
        !TIME.test(text) && 'een datum of termijn',
        !OWNER.test(text) && 'wie verantwoordelijk is',
      ].filter(Boolean) as string[];
      if (!missing.length) continue;
      report({
        file: file.path,
        line: step.line,
        column: 1,
        message: `De doelen in stap 2 noemen nog niet: ${missing.join(', ')}.`,
        hint: 'Maak de doelen SMART: wat precies, hoeveel, wanneer klaar, en wie is verantwoordelijk? Bijvoorbeeld: "Voor 1 december hebben 3 scholen een vast aanspreekpunt (verantwoordelijk: de coördinator)."',
      });
    }
  },
});
