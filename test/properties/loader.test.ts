// Whatever people write, the loader and check never throw: every problem is a
// diagnostic with a file, a line and a Dutch message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/run-rules.js';
import { splitFrontMatter } from '../../src/markdown/front-matter.js';
import { parseMarkdownFile } from '../../src/markdown/sections.js';
import { exampleWith, loadMemory } from '../helpers/memory.js';

const yamlish = fc.oneof(
  fc.string(),
  fc.constantFrom('level: meso', 'period: 1', 'mandatory: ja', 'links: [a, b', 'question: “x”', '\t- x', 'a: b: c', '&a [*a, *a]', '!!js/function "x"', 'period: 2025-09-01', '- lijst'),
);
const markdownish = fc.oneof(
  fc.string(),
  fc.constantFrom('## Stap 1 – x', '## stap 2:', '# Titel', '<script>x</script>', '<!-- uitleg', '![x](../../etc/passwd)', '```\n## Stap 3\n```', '…', 'TODO', '> ## Stap 4'),
);
const document = fc.tuple(fc.boolean(), fc.array(yamlish, { maxLength: 8 }), fc.array(markdownish, { maxLength: 12 }), fc.constantFrom('\n', '\r\n')).map(
  ([withFrontMatter, yaml, body, eol]) => (withFrontMatter ? `---${eol}${yaml.join(eol)}${eol}---${eol}` : '') + body.join(eol + eol),
);

describe('parsing arbitrary text', () => {
  it('splitFrontMatter and parseMarkdownFile never throw', () => {
    fc.assert(
      fc.property(document, (text) => {
        const split = splitFrontMatter(text);
        for (const problem of split.problems) expect(problem.line).toBeGreaterThanOrEqual(1);
        const body = parseMarkdownFile(text).body;
        // Lines count from the top of the file: a step is never inside the front-matter.
        const bodyLine = text.slice(0, split.bodyStart).split(/\r\n|\r|\n/).length;
        for (const step of body?.steps ?? []) expect(step.line).toBeGreaterThanOrEqual(bodyLine);
      }),
      { numRuns: 300 },
    );
  });
});

describe('checking arbitrary bouwbladen', () => {
  it('the loader and every rule turn anything into diagnostics, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(document, fc.uint8Array({ maxLength: 64 }), async (text, bytes) => {
        const coalition = await loadMemory(exampleWith({ 'bouwbladen/meso-samenwerking/periode-1.md': text, 'bouwbladen/kinderraad/periode-1.md': bytes }));
        const diagnostics = runRules(coalition, '2026-08-15');
        for (const d of diagnostics) {
          expect(d.file).not.toMatch(/^\//);
          expect(d.message.length).toBeGreaterThan(5);
          if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.ruleId).not.toBe('internal');
          expect(d.message).not.toMatch(/liep vast/);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('checking an arbitrary kwaliteit.yaml', () => {
  it('gives diagnostics, or a catalogued error for a format that does not exist', async () => {
    const configLine = fc.oneof(
      yamlish,
      fc.constantFrom('name: x', 'lead: y', 'subsidyPeriod: 2028-2025', 'periods:', '  - number: 1', '    from: 1-9-2025', '    to: 2026-02-30', 'municipality: [a, 1]', 'format: 12'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(configLine, { maxLength: 12 }), async (lines) => {
        try {
          const coalition = await loadMemory(exampleWith({ 'kwaliteit.yaml': lines.join('\n') }));
          for (const d of runRules(coalition, '2026-08-15')) expect(d.message).not.toMatch(/liep vast/);
        } catch (error) {
          expect((error as { code?: string }).code).toMatch(/^format-/);
        }
      }),
      { numRuns: 80 },
    );
  });
});
