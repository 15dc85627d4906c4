// What every HTML report must be, whatever the coalition wrote.
import { expect } from 'vitest';

export const headingLevels = (html: string) => [...html.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));

/** Every check the issue asks of the HTML report. */
export function expectSafeStructure(html: string) {
  expect(html).not.toMatch(/<script/i);
  // Inside tags only: text that merely mentions such things is escaped and harmless.
  expect(html).not.toMatch(/<[a-z][^>]*\s(src|href)\s*=\s*["']?\s*(https?:|\/\/|javascript:|file:)/i);
  expect(html).not.toMatch(/<(iframe|object|embed|link|base|form|input)\b/i);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
  const levels = headingLevels(html);
  expect(levels[0]).toBe(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level, `heading ${i} skips from h${levels[i - 1]} to h${level}`).toBeLessThanOrEqual(levels[i - 1] + 1);
  });
  expect(html).toMatch(/<html lang="nl-NL">/);
  expect(html).toMatch(/<title>[^<]+<\/title>/);
  expect(html).toContain('Content-Security-Policy');
  // Every link inside the report has somewhere to land.
  const ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  for (const [, target] of html.matchAll(/href="#([^"]+)"/g)) expect(ids, `#${target}`).toContain(target);
}

