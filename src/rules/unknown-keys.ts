import { BOUWBLAD_KEYS, BOUWSTEEN_KEYS, CONFIG_KEYS } from '../schema/known-keys.js';
import type { ParsedYaml } from '../yaml/parse.js';
import { closest } from '../text/suggest.js';
import { defineRule, type Finding } from './rule.js';

function unknownKeys(file: string, data: unknown, yaml: ParsedYaml | undefined, known: readonly string[], report: (f: Finding) => void) {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return;
  for (const key of Object.keys(data)) {
    if (known.includes(key)) continue;
    const suggestion = closest(key, known);
    report({
      file,
      ...(yaml?.locateKey([key]) ?? { line: 1, column: 1 }),
      message: `"${key}" is geen bekende naam in de kop; kwaliteit doet er niets mee.`,
      hint: suggestion ? `Bedoel je "${suggestion}"?` : `Bekende namen zijn: ${known.join(', ')}.`,
    });
  }
}

export default defineRule({
  id: 'unknown-keys',
  severity: 'warning',
  description: 'kwaliteit.yaml en de koppen van bouwstenen en bouwbladen bevatten alleen namen die kwaliteit kent (met een suggestie bij een tikfout).',
  check({ coalition, report }) {
    unknownKeys(coalition.config.path, coalition.config.data, coalition.config.yaml, CONFIG_KEYS, report);
    for (const file of coalition.bouwstenen) if (file.readable) unknownKeys(file.path, file.data, file.yaml, BOUWSTEEN_KEYS, report);
    for (const file of coalition.bouwbladen) if (file.readable) unknownKeys(file.path, file.data, file.yaml, BOUWBLAD_KEYS, report);
  },
});
