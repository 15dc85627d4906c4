// The running header and footer of the printed report are CSS (pageMarginCss):
// the coalition's name, which anyone can write in kwaliteit.yaml, must reach it
// as text and never as CSS or HTML.
import { describe, expect, it } from 'vitest';
import { pageMarginCss } from '../src/report/document.js';
import type { ReportModel } from '../src/report/model.js';

const withName = (name: string) => ({ coalition: { config: { config: { name } } } }) as unknown as ReportModel;
/** What a browser reads from a CSS string of escapes. */
const cssText = (css: string) => /@top-left \{ content: "((?:[^"\\]|\\[0-9a-f]{1,6} )*)"/u.exec(css)![1].replace(/\\([0-9a-f]{1,6}) /g, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)));

describe('pageMarginCss', () => {
  it('writes any name as a CSS string that says exactly that name', () => {
    for (const name of ['Coalitie Kansrijk Rivierstad', "Coalitie 't Kruispunt & Co", 'a"; } @import url(//x.nl/y.css); @top-left { content: "', '</style><script>alert(1)</script>', 'Regel één\nRegel twee \\ 😀', '']) {
      const css = pageMarginCss(withName(name), 'concept');
      expect(cssText(css)).toBe(`Kwaliteitsrapport · ${name}`);
      const string = /content: "([^"]*)"/.exec(css)![1];
      expect(string, name).not.toMatch(/[<>{};"\n@]/);
      expect(css).not.toContain('</style');
    }
  });

  it('puts the concept marker on a concept only, and the page number of the total on both', () => {
    expect(pageMarginCss(withName('X'), 'concept')).toContain('content: "CONCEPT"');
    expect(pageMarginCss(withName('X'), 'definitief')).not.toContain('CONCEPT');
    for (const status of ['concept', 'definitief'] as const) expect(pageMarginCss(withName('X'), status)).toContain('content: "pagina " counter(page) " van " counter(pages)');
  });
});
