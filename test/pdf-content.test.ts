// Marking untagged page content as artifacts (src/report/pdf-content.ts),
// checked with the structural check's own tokenizer (test/helpers/pdf-structure.ts).
import { describe, expect, it } from 'vitest';
import { markArtifacts } from '../src/report/pdf-content.js';
import { untaggedOperators } from './helpers/pdf-structure.js';

const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));
const mark = (text: string) => {
  const out = markArtifacts(latin1(text));
  return out && Buffer.from(out).toString('latin1');
};

/** Every BMC/BDC has its EMC, and none crosses q/Q or BT/ET. */
function expectWellNested(content: string) {
  const stack: string[] = [];
  for (const [token] of content.matchAll(/\((?:\\.|[^\\)])*\)|\bBDC\b|\bBMC\b|\bEMC\b|\bBT\b|\bET\b|(?<![\w/])[qQ](?!\w)/g)) {
    if (token.startsWith('(')) continue;
    if (token === 'BDC' || token === 'BMC') stack.push('mc');
    else if (token === 'BT' || token === 'q') stack.push(token);
    else {
      const open = stack.pop();
      const wanted = token === 'EMC' ? 'mc' : token === 'ET' ? 'BT' : 'q';
      expect(open, `${token} closes ${open}`).toBe(wanted);
    }
  }
  expect(stack).toEqual([]);
}

describe('marking untagged content as artifacts', () => {
  it('wraps an unmarked header and footer, and leaves tagged content as it is', () => {
    const content = [
      '/P <</MCID 0 >>BDC BT /F1 10 Tf (Tekst) Tj ET EMC',
      'q 0 0 595 842 re W* n q 3 0 0 3 0 0 cm',
      'BT /F4 10 Tf 1 0 0 -1 652 62 Tm <0026> Tj ET',
      '.3 .3 .4 rg BT /F4 10 Tf <0053> Tj ET Q Q',
    ].join('\n');
    const marked = mark(content)!;
    expect(untaggedOperators(content).operators).toEqual(['Tj', 'Tj']);
    expect(untaggedOperators(marked).operators).toEqual([]);
    expectWellNested(marked);
    expect(marked).toContain('/P <</MCID 0 >>BDC BT /F1 10 Tf (Tekst) Tj ET EMC');
    // Only whole operators are wrapped: removing the wrappers gives back the original.
    expect(marked.replace(/\/Artifact BMC\n/g, '').replace(/\nEMC\n/g, '')).toBe(content);
  });

  it('keeps a path whole, closes before q/Q and BT, and never crosses a text object', () => {
    const content = '1 1 1 rg 0 0 10 10 re f q 0 0 m 5 5 l S Q BT (a) Tj /Span <</MCID 3>> BDC (b) Tj EMC (c) Tj ET 0 0 1 1 re W n';
    const marked = mark(content)!;
    expectWellNested(marked);
    expect(untaggedOperators(marked).operators).toEqual([]);
    expect(marked).toMatch(/\/Artifact BMC\n0 0 10 10 re f \nEMC\nq /);
    expect(marked).toMatch(/q \/Artifact BMC\n0 0 m 5 5 l S \nEMC\nQ BT /);
    expect(marked).toMatch(/BT \/Artifact BMC\n\(a\) Tj \nEMC\n\/Span <<\/MCID 3>> BDC \(b\) Tj EMC \/Artifact BMC\n\(c\) Tj \nEMC\nET /);
  });

  it('is not fooled by operators inside strings, arrays and dictionaries, or by inline image data', () => {
    const content = '/P <</MCID 0 /Alt (BT ET \\) EMC) >> BDC [(Q) 5 (q)] TJ EMC BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\x01 EI (BDC) Tj';
    const marked = mark(content)!;
    expectWellNested(marked);
    expect(marked).toContain('/Artifact BMC\nBI /W 2');
    expect(marked.endsWith('(BDC) Tj\nEMC\n')).toBe(true);
  });

  it('changes nothing when everything is already tagged or an artifact', () => {
    expect(mark('/P <</MCID 0>> BDC BT (x) Tj ET EMC /Artifact BMC 0 0 1 1 re f EMC')).toBeUndefined();
    expect(mark('')).toBeUndefined();
  });
});
