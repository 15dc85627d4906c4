// Writes the README's table of rules from the rule registry, so the two never
// differ (test/check-rules.test.ts fails when they do). Run after `npm run build`:
//   node scripts/rule-table.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { loaderRules, rules } from '../dist/index.js';

const HEADER = '| regel | soort | wat wordt gecontroleerd |\n|---|---|---|\n';

/** The table as the README holds it: loader findings first, then the rules in registry order. */
export function ruleTable(all) {
  return HEADER + all.map((rule) => `| \`${rule.id}\` | ${rule.severity === 'error' ? 'fout' : 'waarschuwing'} | ${rule.description} |\n`).join('');
}

const file = new URL('../README.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const start = readme.indexOf(HEADER);
if (start < 0) throw new Error('README.md has no rule table');
let end = start + HEADER.length;
while (readme.startsWith('| `', end)) end = readme.indexOf('\n', end) + 1;
writeFileSync(file, readme.slice(0, start) + ruleTable([...loaderRules, ...rules]) + readme.slice(end));
