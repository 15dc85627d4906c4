// Says once, when the report is about to be handed in, that the mandatory
// questions are not the official wording (when the format file says so). Only
// with --final: before that a coalition cannot act on it, and a warning on every
// push would teach people to skip warnings. The report itself always says it.
import { defineRule } from './rule.js';

export default defineRule({
  id: 'format-wording',
  severity: 'warning',
  description: 'Met --final: zegt één keer, bij kwaliteit.yaml, dat de verplichte vragen in het format niet de officiële tekst zijn (als het format-bestand dat zegt). Een advies, geen fout.',
  check({ coalition, final, report }) {
    if (!final || coalition.format.wording.official) return;
    report({
      file: coalition.config.path,
      ...(coalition.config.yaml?.locateKey(['format']) ?? { line: 1, column: 1 }),
      message: `De verplichte vragen in het format "${coalition.format.title}" zijn in eigen woorden, niet de officiële tekst van OCW. Het rapport zegt dat er ook bij.`,
      hint: 'Dit is geen fout. Hebben jullie de officiële tekst, zet die dan in een eigen format-bestand met "official: true" (zie de README, "Het kwaliteitsformat").',
    });
  },
});
