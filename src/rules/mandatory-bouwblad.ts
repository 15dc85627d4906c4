import { bouwbladPath } from '../coalition/layout.js';
import { hasBouwbladFile, mandatoryFile, mandatoryFiles } from '../coalition/in-period.js';
import { phaseOf } from '../coalition/periods.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'mandatory-bouwblad',
  severity: 'error',
  description: 'In elke periode die is begonnen heeft elke bouwsteen precies één bouwblad met mandatory: true.',
  check({ coalition, config, date, report }) {
    if (!config) return;
    for (const period of config.periods) {
      const started = phaseOf(period, date) !== 'future';
      for (const bouwsteen of coalition.format.bouwstenen) {
        const files = mandatoryFiles(coalition, bouwsteen, period.number);
        const counted = mandatoryFile(coalition, bouwsteen, period.number);
        // When the expected file is there but broken or mislabelled, other rules say what is wrong with it.
        const expectedFileExists = hasBouwbladFile(coalition, bouwbladPath(bouwsteen.id, period.number));
        if (files.length === 0 && started && !expectedFileExists) {
          // new-cycle makes these files for a new period only; for a period that is already there, the file is made by hand.
          const sibling = coalition.bouwbladen
            .filter((file) => file.id === bouwsteen.id && file.frontMatter)
            .sort((x, y) => Math.abs(x.frontMatter!.period - period.number) - Math.abs(y.frontMatter!.period - period.number))[0];
          report({
            file: bouwbladPath(bouwsteen.id, period.number),
            message: `Periode ${period.number} heeft geen bouwblad voor de verplichte vraag van "${bouwsteen.title}".`,
            hint: sibling
              ? `Maak ${bouwbladPath(bouwsteen.id, period.number)} aan: kopieer ${sibling.path}, zet in de kop "period: ${period.number}", en haal de tekst onder de vier stappen weg.`
              : `Maak ${bouwbladPath(bouwsteen.id, period.number)} aan, met in de kop level: ${bouwsteen.level}, aspect: ${bouwsteen.aspect}, period: ${period.number}, mandatory: true en question: "${bouwsteen.mandatoryQuestion}", en daaronder de vier stappen (## Stap 1 … ## Stap 4).`,
          });
        }
        for (const extra of files.filter((file) => file !== counted)) {
          report({
            file: extra.path,
            ...(extra.yaml?.locate(['mandatory']) ?? { line: 1, column: 1 }),
            message: `"${bouwsteen.title}" heeft in periode ${period.number} meer dan één verplicht bouwblad (ook ${counted!.path}).`,
            hint: 'Elke bouwsteen heeft één verplichte vraag. Zet bij de andere bouwbladen "mandatory: false".',
          });
        }
      }
    }
  },
});
