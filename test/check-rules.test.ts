// Every rule: the example coalition passes, and each fixture (the example with
// one thing broken) gives exactly the expected findings, in memory, and for a
// few through the built binary on a real folder.
import { describe, expect, it } from 'vitest';
import { check } from '../src/commands/check.js';
import { loaderRules, rules } from '../src/rules/index.js';
import { badInputCases } from './helpers/bad-input.js';
import { applyFixture, checkFixtures, fixtureFiles, type ExpectedFinding } from './helpers/check-fixtures.js';
import { checkMemory } from './helpers/memory.js';
import { REPO, runBinAsync } from './helpers/run.js';
import { snapshot } from './helpers/folders.js';

const fixtures = checkFixtures();
const key = (d: ExpectedFinding) => `${d.severity} ${d.ruleId} ${d.file}:${d.line ?? '-'}`;

describe('the example coalition', () => {
  it.each(['2025-10-01', '2026-03-01', '2026-08-15'])('has no findings on %s', async (date) => {
    const result = await check({ cwd: REPO, dirs: ['examples/voorbeeldcoalitie'], date });
    expect(result.results[0].diagnostics).toEqual([]);
  });

  it('passes --final, with one piece of advice: the bundled format\'s questions are not the official wording', async () => {
    const result = await check({ cwd: REPO, dirs: ['examples/voorbeeldcoalitie'], date: '2028-08-01', final: true });
    expect(result.results[0].diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.file}:${d.line}`)).toEqual(['warning format-wording kwaliteit.yaml:18']);
    expect(result.results[0].summary.errors).toBe(0);
  });
});

describe('rule registry', () => {
  it('has unique ids, Dutch descriptions and a failing fixture for every rule (here or in bad-input)', () => {
    const all = [...loaderRules, ...rules];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const covered = new Set([...fixtures, ...badInputCases()].flatMap((f) => (f.expected ?? []).map((e) => e.ruleId)));
    // Something that cannot be opened needs a permission root ignores; test/unreadable-folder.test.ts plays it.
    const untested = all.map((r) => r.id).filter((id) => !covered.has(id) && id !== 'file-unreadable');
    expect(untested).toEqual([]);
    for (const rule of all) expect(rule.description).toMatch(/^[A-Z"'(a-z0-9]/);
  });
});

describe.each(fixtures)('fixture $name', (item) => {
  it(`${item.description}: in memory`, async () => {
    const { diagnostics: found } = await checkMemory(fixtureFiles(item), item.date, item.final);
    expect(found.map(key).sort()).toEqual(item.expected.map(key).sort());
    for (const diagnostic of found) {
      expect(diagnostic.message).not.toMatch(/undefined|\[object|Error:/);
    }
  });
});

describe('through the built binary, on a real folder', () => {
  // A few: the rules are the same code; this proves the folder, the program and the JSON around them.
  // Each its own child process, all at once.
  it.concurrent.for(fixtures.filter((f) => f.expected.length > 0).filter((_, i) => i % 6 === 0))('$name exits 1 with valid JSON naming the same findings', async (item, { expect }) => {
    const dir = applyFixture(item);
    const before = snapshot(dir);
    const result = await runBinAsync(['check', dir, '--date', item.date, '--format', 'json', ...(item.final ? ['--final'] : [])]);
    expect(snapshot(dir)).toEqual(before);
    const hasErrors = item.expected.some((e) => e.severity === 'error');
    expect(result.code, result.stderr).toBe(hasErrors ? 1 : 0);
    const json = JSON.parse(result.stdout);
    const found = json.coalitions[0].diagnostics.map((d: ExpectedFinding) => key(d)).sort();
    expect(found).toEqual(item.expected.map(key).sort());
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

it('the table of rules in the README is the registry, row for row (node scripts/rule-table.mjs writes it)', async () => {
  const { readFileSync } = await import('node:fs');
  const lines = readFileSync(new URL('../README.md', import.meta.url), 'utf8').split('\n');
  const start = lines.indexOf('| regel | soort | wat wordt gecontroleerd |') + 2;
  const end = lines.findIndex((line, i) => i >= start && !line.startsWith('| `'));
  const rows = [...loaderRules, ...rules].map((rule) => `| \`${rule.id}\` | ${rule.severity === 'error' ? 'fout' : 'waarschuwing'} | ${rule.description} |`);
  expect(lines.slice(start, end)).toEqual(rows);
});
