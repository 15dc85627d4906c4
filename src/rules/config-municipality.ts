import { defineRule } from './rule.js';

export default defineRule({
  id: 'config-municipality',
  severity: 'warning',
  description: 'kwaliteit.yaml noemt de gemeente (of gemeenten) van de coalitie; die staat op het rapport.',
  check({ coalition, config, report }) {
    if (!config || config.municipality.length) return;
    report({
      file: coalition.config.path,
      ...(coalition.config.yaml?.locateKey(['municipality']) ?? { line: 1, column: 1 }),
      message: 'De gemeente van de coalitie staat nog niet in kwaliteit.yaml.',
      hint: 'Vul bij "municipality" de gemeente in, bijvoorbeeld: municipality: Gemeente Rivierstad',
    });
  },
});
