import { formatDutchDate } from '../dates.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'config-periods',
  severity: 'error',
  description: 'De perioden in kwaliteit.yaml zijn genummerd 1, 2, 3 …, elke periode begint vóór ze eindigt, ze overlappen niet en vallen binnen de subsidieperiode.',
  check({ coalition, config, report }) {
    if (!config) return;
    const file = coalition.config.path;
    const at = (path: PropertyKey[]) => coalition.config.yaml?.locate(path) ?? { line: 1, column: 1 };
    const [first, last] = config.subsidyYears;
    if (first > last) {
      report({
        file,
        ...at(['subsidyPeriod']),
        message: `De subsidieperiode ${config.subsidyPeriod} begint na het einde.`,
        hint: 'Schrijf het eerste jaar eerst, bijvoorbeeld 2025-2028.',
      });
    }
    config.periods.forEach((period, index) => {
      if (period.number !== index + 1) {
        report({
          file,
          ...at(['periods', index, 'number']),
          message: `Periode ${index + 1} in de lijst heeft nummer ${period.number}. De perioden moeten genummerd zijn 1, 2, 3 … in volgorde.`,
          hint: `Geef deze periode nummer ${index + 1}, of zet de perioden in de goede volgorde.`,
        });
      }
      if (period.from >= period.to) {
        report({
          file,
          ...at(['periods', index, 'to']),
          message: `Periode ${period.number} eindigt (${formatDutchDate(period.to)}) niet na het begin (${formatDutchDate(period.from)}).`,
          hint: 'Kijk of "from" en "to" niet zijn omgewisseld.',
        });
      }
      if (first <= last && (period.from < `${first}-01-01` || period.to > `${last}-12-31`)) {
        report({
          file,
          ...at(['periods', index]),
          message: `Periode ${period.number} (${formatDutchDate(period.from)} tot ${formatDutchDate(period.to)}) valt niet binnen de subsidieperiode ${config.subsidyPeriod}.`,
          hint: 'Pas de datums van de periode aan, of de subsidieperiode.',
        });
      }
      const previous = config.periods[index - 1];
      if (previous && period.from <= previous.to) {
        report({
          file,
          ...at(['periods', index, 'from']),
          message: `Periode ${period.number} begint (${formatDutchDate(period.from)}) voordat periode ${previous.number} is afgelopen (${formatDutchDate(previous.to)}).`,
          hint: `Laat periode ${period.number} beginnen na ${formatDutchDate(previous.to)}.`,
        });
      }
    });
  },
});
