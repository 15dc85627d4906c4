import { defineRule } from './rule.js';

export default defineRule({
  id: 'steps-structure',
  severity: 'error',
  description: 'Een bouwblad heeft een titel (#) en de vier stappen (## Stap 1 … ## Stap 4), elk één keer en in de goede volgorde.',
  check({ coalition, report }) {
    for (const file of coalition.bouwbladen) {
      const body = file.body;
      if (!body) continue;
      const titles = coalition.format.steps;
      if (body.steps.length === 0) {
        report({
          file: file.path,
          line: body.title?.line ?? 1,
          column: 1,
          message: 'Dit bouwblad heeft nog geen stappen.',
          hint: `Zet de vier kopjes eronder, elk op een eigen regel:\n${titles.map((t) => `## ${t.title}`).join('\n')}`,
        });
        continue;
      }
      if (!body.title) {
        report({
          file: file.path,
          line: (body.steps[0]?.line ?? 1),
          message: 'Het bouwblad heeft geen titel.',
          hint: 'Zet boven de stappen een regel met "# " en de vraag van het bouwblad.',
          severity: 'warning',
        });
      }
      const numbers = body.steps.map((s) => s.number);
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
      for (const step of titles) {
        if (numbers.includes(step.number)) continue;
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
