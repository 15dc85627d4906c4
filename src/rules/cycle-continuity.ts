import type { BouwbladFile } from '../coalition/model.js';
import { buildsOn } from '../text/overlap.js';
import { defineRule } from './rule.js';

/** Every bouwblad file by folder and period, so finding the one before is a look-up, not a search. */
export function byFolderAndPeriod(all: BouwbladFile[]): Map<string, BouwbladFile> {
  const index = new Map<string, BouwbladFile>();
  for (const file of all) {
    const key = `${file.id}/${file.frontMatter?.period}`;
    if (file.frontMatter && !index.has(key)) index.set(key, file);
  }
  return index;
}

/** The bouwblad file a file continues: named by `previous`, else the same bouwblad one period earlier. */
export function predecessorOf(file: BouwbladFile, index: Map<string, BouwbladFile>): BouwbladFile | undefined {
  const fm = file.frontMatter!;
  if (fm.previous) {
    const [id, name] = fm.previous.replace(/\.md$/, '').split('/');
    const number = name ? Number(/(\d+)$/.exec(name)?.[1]) : fm.period - 1;
    return index.get(`${id}/${number}`);
  }
  return index.get(`${file.id}/${fm.period - 1}`);
}

export default defineRule({
  id: 'cycle-continuity',
  severity: 'warning',
  description: 'Stap 1 van een nieuwe periode bouwt voort op stap 4 (de bijgestelde startvraag) van de periode ervoor.',
  check({ coalition, report }) {
    const index = byFolderAndPeriod(coalition.bouwbladen);
    for (const file of coalition.bouwbladen) {
      if (!file.frontMatter || !file.body) continue;
      const before = predecessorOf(file, index);
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
