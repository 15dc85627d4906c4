import { PERIOD_FILE } from '../coalition/layout.js';
import { BOUWBLAD_ID } from '../text/ids.js';
import type { BouwbladFile } from '../coalition/model.js';
import { defineRule } from './rule.js';

export default defineRule({
  id: 'bouwblad-files',
  severity: 'error',
  description:
    'Bouwbladen staan in bouwbladen/<naam>/periode-<n>.md; het verplichte bouwblad heet net als zijn bouwsteen; alle perioden van één bouwblad horen bij dezelfde bouwsteen; geen twee bestanden voor hetzelfde bouwblad en dezelfde periode.',
  check({ coalition, report }) {
    const byId = new Map<string, BouwbladFile[]>();
    for (const file of coalition.bouwbladen) {
      const group = byId.get(file.id);
      if (group) group.push(file);
      else byId.set(file.id, [file]);
      const name = file.path.split('/')[2];
      if (!PERIOD_FILE.test(name)) {
        const lower = name.toLowerCase();
        report({
          file: file.path,
          message: `De bestandsnaam "${name}" past niet bij een bouwblad.`,
          hint: PERIOD_FILE.test(lower)
            ? `Schrijf de naam met kleine letters: ${lower}.`
            : `Noem het bestand naar de periode, bijvoorbeeld periode-1.md.`,
        });
      }
      const fm = file.frontMatter;
      if (!fm) continue;
      const own = `${fm.level}-${fm.aspect}`;
      const isBouwsteenId = Boolean(coalition.format.bouwsteen(file.id));
      if (fm.mandatory && file.id !== own && coalition.format.bouwsteen(own)) {
        report({
          file: file.path,
          ...(file.yaml?.locate(['mandatory']) ?? { line: 1, column: 1 }),
          message: `Dit is het verplichte bouwblad van ${own}, maar het staat in de map "${file.id}".`,
          hint: `Zet het in bouwbladen/${own}/, of zet "mandatory: false" als het een extra bouwblad is.`,
        });
      } else if (!fm.mandatory && isBouwsteenId) {
        report({
          file: file.path,
          ...(file.yaml?.locate(['mandatory']) ?? { line: 1, column: 1 }),
          message: `De map "${file.id}" is voor het verplichte bouwblad van die bouwsteen, maar hier staat "mandatory: false".`,
          hint: 'Zet "mandatory: true", of geef een extra bouwblad een eigen map met een eigen naam.',
        });
      }
    }
    for (const [id, files] of byId) {
      if (!BOUWBLAD_ID.test(id)) {
        report({
          file: files[0].path,
          message: `De mapnaam "${id}" kan niet: gebruik alleen kleine letters, cijfers en streepjes.`,
          hint: `Bijvoorbeeld: ${id.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'mijn-bouwblad'}`,
        });
      }
      const withFm = files.filter((f) => f.frontMatter && coalition.format.bouwsteenFor(f.frontMatter.level, f.frontMatter.aspect));
      const first = withFm[0];
      for (const file of withFm.slice(1)) {
        const a = first.frontMatter!;
        const b = file.frontMatter!;
        if (a.level !== b.level || a.aspect !== b.aspect) {
          report({
            file: file.path,
            ...(file.yaml?.locate(['level']) ?? { line: 1, column: 1 }),
            message: `Dit bestand hoort bij ${b.level}-${b.aspect}, maar ${first.path} bij ${a.level}-${a.aspect}. Alle perioden van één bouwblad horen bij dezelfde bouwsteen.`,
            hint: 'Verbeter level/aspect, of zet een vraag voor een andere bouwsteen in een eigen map.',
          });
        }
      }
      const seen = new Map<number, BouwbladFile>();
      for (const file of withFm) {
        const other = seen.get(file.frontMatter!.period);
        if (other) {
          report({
            file: file.path,
            ...(file.yaml?.locate(['period']) ?? { line: 1, column: 1 }),
            message: `${other.path} en dit bestand zijn allebei periode ${file.frontMatter!.period} van hetzelfde bouwblad.`,
            hint: 'Voeg ze samen tot één bestand, of verbeter het nummer van de periode.',
          });
        } else seen.set(file.frontMatter!.period, file);
      }
    }
  },
});
