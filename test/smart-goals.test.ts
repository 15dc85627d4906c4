// The smart-goals rule against what coordinators would say: a corpus of step-2
// texts as they are written in coalitions (names with titles and roles, numbers
// as words, Dutch dates and weeks, percentages), each with its verdict.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { smartCheck } from '../src/rules/smart-goals.js';
import { checkMemory, exampleFiles, exampleWith } from './helpers/memory.js';

interface Verdict {
  text: string;
  measurable: boolean;
  deadline: boolean;
  owner: boolean;
}

const corpus = JSON.parse(readFileSync(new URL('./fixtures/smart-goals/corpus.json', import.meta.url), 'utf8')) as { texts: Verdict[] };

describe('smart-goals agrees with a coordinator', () => {
  it('on at least 30 texts, with every verdict both ways', () => {
    expect(corpus.texts.length).toBeGreaterThanOrEqual(30);
    for (const key of ['measurable', 'deadline', 'owner'] as const) {
      expect(corpus.texts.filter((t) => t[key]).length, `${key}: yes`).toBeGreaterThanOrEqual(5);
      expect(corpus.texts.filter((t) => !t[key]).length, `${key}: no`).toBeGreaterThanOrEqual(5);
    }
  });

  it.each(corpus.texts)('$text', ({ text, measurable, deadline, owner }) => {
    expect(smartCheck(text)).toEqual({ measurable, deadline, owner });
  });
});

describe('the rule in a bouwblad', () => {
  const path = 'bouwbladen/meso-samenhang/periode-2.md';
  const withStep2 = (text: string, contributors?: string) => {
    let source = exampleFiles()[path].toString().replace(/(## Stap 2 – Wat zijn je doelen en acties\?\n)[\s\S]*?(?=## Stap 3)/, `$1\n${text}\n\n`);
    if (contributors) source = source.replace(/contributors:\n(?:  - .*\n)+/, `contributors:\n  - ${contributors}\n`);
    return exampleWith({ [path]: source });
  };

  it('names what is missing on the heading of step 2', async () => {
    const { diagnostics } = await checkMemory(withStep2('We gaan beter samenwerken en elkaar vaker opzoeken.'), '2026-03-01');
    expect(diagnostics.map((d) => `${d.ruleId}:${d.line} ${d.message}`)).toEqual([
      'smart-goals:25 De doelen in stap 2 noemen nog niet: een aantal of iets meetbaars, een datum of termijn, wie verantwoordelijk is.',
    ]);
  });

  it('counts a first name from the contributors as who is responsible', async () => {
    const text = 'Voor 1 april belt Karin alle twaalf partners.';
    expect(smartCheck(text).owner).toBe(true);
    const plain = 'Voor 1 april zijn alle twaalf partners gebeld door Karin.';
    expect(smartCheck(plain).owner).toBe(false);
    expect(smartCheck(plain, ['Karin']).owner).toBe(true);
    const { diagnostics } = await checkMemory(withStep2(plain, 'Karin Bos (coördinator, Stichting Welzijn Rivierstad)'), '2026-03-01');
    expect(diagnostics).toEqual([]);
  });
});
