// A Word document read as a bouwblad: its structure, its images, and what could
// not be taken over, said per item in Dutch.
import type { Format } from '../format/format.js';
import { convertWord, type WordImage } from './convert.js';
import { readWordFile, type WordFeatures } from './read.js';
import { findStructure, type WordStructure } from './structure.js';

export interface WordBouwblad {
  structure: WordStructure;
  images: Map<string, WordImage>;
  /** What was not taken over, or taken over differently; one line per item. */
  notTaken: string[];
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function featureLines(features: WordFeatures): string[] {
  const lines: string[] = [];
  if (features.insertions || features.deletions) {
    lines.push(
      `Bijgehouden wijzigingen (${plural(features.insertions, 'stuk tekst toegevoegd', 'stukken tekst toegevoegd')}, ${features.deletions} verwijderd): overgenomen alsof ze allemaal zijn geaccepteerd. Toegevoegde tekst staat erin, verwijderde tekst niet. Kijk of dat klopt.`,
    );
  }
  if (features.textBoxes) {
    lines.push(`${plural(features.textBoxes, 'tekstvak', 'tekstvakken')}: de tekst staat nu als gewone alinea direct na de alinea waar het tekstvak bij stond. Kijk of die op de goede plek staat.`);
  }
  if (features.objects) {
    lines.push(`${plural(features.objects, 'ingesloten object', 'ingesloten objecten')} (bijvoorbeeld een stuk Excel): niet overgenomen. Zet de inhoud als gewone tabel of als afbeelding in het bouwblad.`);
  }
  if (features.charts) lines.push(`${plural(features.charts, 'grafiek', 'grafieken')}: niet overgenomen. Zet de grafiek als afbeelding (PNG) in het bouwblad.`);
  if (features.equations) lines.push(`${plural(features.equations, 'formule', 'formules')}: niet overgenomen. Schrijf de formule als gewone tekst.`);
  if (features.smartArt) lines.push(`${plural(features.smartArt, 'SmartArt-figuur', 'SmartArt-figuren')}: niet overgenomen. Zet de tekst als opsomming, of de figuur als afbeelding, in het bouwblad.`);
  if (features.headersFooters) lines.push('Kop- en voetteksten (wat boven of onder aan elke bladzijde staat): niet overgenomen. Staat daar iets wat bij het bouwblad hoort, zet het dan in de tekst.');
  return lines;
}

export async function readWordBouwblad(path: string, shown: string, format: Format): Promise<WordBouwblad> {
  const file = await readWordFile(path, shown);
  const converted = await convertWord(file.bytes);
  const structure = findStructure(format, converted.blocks);
  const notTaken = [
    ...structure.comments.map((comment) => {
      const period = structure.periods.length > 1 ? ` van periode ${comment.period.number ?? structure.periods.indexOf(comment.period) + 1}` : '';
      const where = comment.step === 0 ? `de tekst boven stap 1${period}` : `stap ${comment.step}${period}`;
      return `Opmerking bij ${where}: "${comment.text}". Opmerkingen worden niet overgenomen.`;
    }),
    ...featureLines(file.features),
    ...converted.skipped,
  ];
  return { structure, images: converted.images, notTaken };
}
