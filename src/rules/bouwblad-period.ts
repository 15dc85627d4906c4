import { defineRule } from './rule.js';

export default defineRule({
  id: 'bouwblad-period',
  severity: 'error',
  description: 'De periode (period) van een bouwblad staat in kwaliteit.yaml en is dezelfde als in de bestandsnaam (periode-<n>.md).',
  check({ coalition, config, report }) {
    const known = new Set(config?.periods.map((p) => p.number));
    for (const file of coalition.bouwbladen) {
      const fm = file.frontMatter;
      if (!fm) continue;
      const at = file.yaml?.locate(['period']) ?? { line: 1, column: 1 };
      if (config && !known.has(fm.period)) {
        report({
          file: file.path,
          ...at,
          message: `Periode ${fm.period} bestaat niet in kwaliteit.yaml (daar staan de perioden ${config.periods.map((p) => p.number).join(', ')}).`,
          // Not "new-cycle": it would refuse, because it would make this very file.
          hint: `Verbeter het nummer bij "period". Hoort dit bij een nieuwe periode, zet die periode dan eerst in kwaliteit.yaml, onder periods (met number, from en to).`,
        });
      }
      if (file.filePeriod !== undefined && file.filePeriod !== fm.period) {
        report({
          file: file.path,
          ...at,
          message: `De bestandsnaam zegt periode ${file.filePeriod}, maar in de kop staat period: ${fm.period}.`,
          hint: `Maak ze gelijk: hernoem het bestand naar periode-${fm.period}.md of verbeter "period".`,
        });
      }
    }
  },
});
