import type { BouwbladFile } from '../coalition/model.js';
import { buildsOn } from '../text/overlap.js';
import { defineRule } from './rule.js';

/** The bouwblad file a file continues: named by `previous`, else the same bouwblad one period earlier. */
export function predecessorOf(file: BouwbladFile, all: BouwbladFile[]): BouwbladFile | undefined {
  const fm = file.frontMatter!;
  if (fm.previous) {
    const [id, name] = fm.previous.replace(/\.md$/, '').split('/');
    const number = name ? Number(/(\d+)$/.exec(name)?.[1]) : fm.period - 1;
    return all.find((f) => f.id === id && f.frontMatter?.period === number);
  }
  return all.find((f) => f.id === file.id && f.frontMatter?.period === fm.period - 1);
}

export default defineRule({
  id: 'cycle-continuity',
  severity: 'warning',
  description: 'Stap 1 van een nieuwe periode bouwt voort op stap 4 (de bijgestelde startvraag) van de periode ervoor.',
  check({ coalition, report }) {
    for (const file of coalition.bouwbladen) {
      if (!file.frontMatter || !file.body) continue;
      const before = predecessorOf(file, coalition.bouwbladen);
      if (!before?.body) continue;
      const start = file.body.steps.find((s) => s.number === 1);
      const adjusted = before.body.steps.find((s) => s.number === 4);
      if (!start?.filled || !adjusted) continue;
      if (!adjusted.filled) {
        report({
          file: file.path,
          line: start.line,
          column: 1,
          message: `Stap 4 van ${before.path} is leeg, dus is niet te zien hoe deze startvraag voortbouwt op de vorige periode.`,
          hint: `Vul in ${before.path} stap 4 in: de bijgestelde startvraag.`,
        });
      } else if (!buildsOn(start.content, adjusted.content)) {
        report({
          file: file.path,
          line: start.line,
          column: 1,
          message: `Deze startvraag heeft niets gemeen met de bijgestelde startvraag van ${before.path}.`,
          hint: 'Begin met de bijgestelde startvraag van de vorige periode, of leg uit waarom jullie een andere vraag kiezen.',
        });
      }
    }
  },
});
