import { stepNearMisses, type NearMiss, type NearMissKind } from '../markdown/step-headings.js';
import { defineRule } from './rule.js';

/** Why a near miss is not a heading, and the one thing to change. */
const EXPLAIN: Record<NearMissKind, { why: string; fix: (miss: NearMiss) => string }> = {
  'no-space': { why: 'er staat geen spatie na de #', fix: (m) => `Zet een spatie na ##: ${m.fixed}` },
  depth: { why: 'een stap is een kopje met precies twee #', fix: (m) => `Gebruik twee #: ${m.fixed}` },
  underlined: { why: 'het is onderstreept met ===, en dan is het een titel', fix: (m) => `Haal de regel met === weg en maak er een kopje met twee # van: ${m.fixed}` },
  bold: { why: 'vetgedrukt is geen kopje', fix: (m) => `Maak er een kopje van: ${m.fixed}` },
  plain: { why: 'het is een gewone regel', fix: (m) => `Maak er een kopje van: ${m.fixed}\nStaat het antwoord op dezelfde regel, zet het dan op een eigen regel eronder.` },
  indented: { why: 'de regel begint met spaties (of een tab), en dan is het een codeblok', fix: (m) => `Haal de spaties aan het begin van de regel weg: ${m.fixed}` },
  'in-comment': { why: 'het staat tussen <!-- en -->', fix: () => 'Horen dit kopje en de tekst eronder in het bouwblad, haal dan <!-- en --> eromheen weg.' },
  'in-open-comment': { why: 'het staat binnen uitleg die met <!-- begint en nergens met --> wordt gesloten', fix: () => 'Zet --> aan het eind van die uitleg, vóór dit kopje.' },
  nested: { why: 'het staat in een citaat (>) of een lijst (-)', fix: (m) => `Haal > of - aan het begin van de regel weg: ${m.fixed}` },
  'no-number': { why: 'het woord "Stap" en het nummer ontbreken', fix: (m) => `Zet de stap en het nummer ervoor: ${m.fixed}` },
};

export default defineRule({
  id: 'steps-structure',
  severity: 'error',
  description:
    'Een bouwblad heeft een titel (#) en de vier stappen (## Stap 1 … ## Stap 4), elk één keer en in de goede volgorde. Een kopje dat er bijna staat (##Stap 2, ### Stap 2, **Stap 2**, Stap 2: als gewone regel) wordt op zijn eigen regel genoemd.',
  check({ coalition, report }) {
    for (const file of coalition.bouwbladen) {
      const body = file.body;
      if (!body) continue;
      const titles = coalition.format.steps;
      const numbers = body.steps.map((s) => s.number);
      const missing = titles.filter((step) => !numbers.includes(step.number));
      const misses = missing.length ? stepNearMisses(body, titles) : [];
      if (body.steps.length === 0 && misses.length === 0) {
        report({
          file: file.path,
          line: body.title?.line ?? 1,
          column: 1,
          message: 'Dit bouwblad heeft nog geen stappen.',
          hint: `Zet de vier kopjes eronder, elk op een eigen regel:\n${titles.map((t) => `## ${t.title}`).join('\n')}`,
        });
        continue;
      }
      if (!body.title && body.steps[0]) {
        report({
          file: file.path,
          line: body.steps[0].line,
          message: 'Het bouwblad heeft geen titel.',
          hint: 'Zet boven de stappen een regel met "# " en de vraag van het bouwblad.',
          severity: 'warning',
        });
      }
      const seen = new Set<number>();
      let highest = 0;
      for (const step of body.steps) {
        if (step.number < 1 || step.number > 4) {
          report({ file: file.path, line: step.line, column: 1, message: `Een bouwblad heeft vier stappen; "${step.heading}" past daar niet in.`, hint: 'Verbeter het nummer, of maak er een gewone alinea van.' });
        } else if (seen.has(step.number)) {
          report({ file: file.path, line: step.line, column: 1, message: `Stap ${step.number} staat twee keer in dit bouwblad.`, hint: 'Voeg de twee stukken samen onder één kopje.' });
        } else if (step.number < highest) {
          report({
            file: file.path,
            line: step.line,
            column: 1,
            message: `Stap ${step.number} staat na stap ${highest}. De stappen moeten in volgorde staan: 1, 2, 3, 4.`,
            hint: 'Zet de stappen in de goede volgorde.',
          });
        }
        seen.add(step.number);
        highest = Math.max(highest, step.number);
      }
      for (const step of missing) {
        const miss = misses.find((m) => m.number === step.number);
        if (miss) {
          const { why, fix } = EXPLAIN[miss.kind];
          report({
            file: file.path,
            line: miss.line,
            column: 1,
            message: `Stap ${step.number} is geen kopje: op deze regel staat "${miss.written.length > 70 ? `${miss.written.slice(0, 67)}…` : miss.written}", maar ${why}.`,
            hint: fix(miss),
          });
          continue;
        }
        const next = body.steps.find((s) => s.number > step.number);
        report({
          file: file.path,
          line: next?.line ?? body.steps.at(-1)?.line ?? body.title?.line ?? 1,
          column: 1,
          message: `Stap ${step.number} ontbreekt.`,
          hint: `Voeg het kopje toe: ## ${step.title}`,
        });
      }
    }
  },
});
