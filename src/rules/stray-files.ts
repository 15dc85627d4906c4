import { imageTarget } from '../coalition/images.js';
import { defineRule } from './rule.js';

const IMAGE = /\.(png|jpe?g|gif|svg|webp)$/i;

export default defineRule({
  id: 'stray-files',
  severity: 'warning',
  description: 'Elk bestand in de map hoort ergens bij: kwaliteit.yaml, het eigen format-bestand, een bouwsteen, een bouwblad, of een afbeelding waar een bouwblad naar verwijst.',
  check({ coalition, report }) {
    const referenced = new Set<string>();
    for (const file of [...coalition.bouwstenen, ...coalition.bouwbladen]) {
      for (const image of file.body?.images ?? []) {
        const target = imageTarget(file.path, image.url);
        if ('path' in target) referenced.add(target.path);
      }
    }
    for (const path of coalition.strayFiles) {
      // A coalition's own format file (format: ./ons-format.yaml) belongs to it too.
      if (path === coalition.formatFile) continue;
      if (IMAGE.test(path) && referenced.has(path)) continue;
      const md = /\.md$/i.test(path);
      report({
        file: path,
        message: md
          ? 'Dit Markdown-bestand staat op een plek waar kwaliteit het niet leest, dus het komt niet in het rapport.'
          : 'Dit bestand hoort bij geen bouwsteen of bouwblad en komt niet in het rapport.',
        hint: md
          ? 'Een bouwblad hoort in bouwbladen/<naam>/periode-<n>.md, een bouwsteen in bouwstenen/<niveau>-<aspect>.md.'
          : IMAGE.test(path)
            ? 'Verwijs ernaar vanuit een bouwblad met ![beschrijving](pad), of haal het weg.'
            : 'Haal het weg als het niet nodig is, of zet het buiten de map van de coalitie.',
      });
    }
  },
});
