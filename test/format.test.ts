import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatPathInside } from '../src/coalition/load-format.js';
import { builtinFormatPath, isBuiltinName, loadFormat } from '../src/format/load.js';
import { tempDir } from './helpers/folders.js';

describe('the built-in kwaliteitsformat', () => {
  it('has the 3×3 grid with one mandatory question per bouwsteen', async () => {
    const format = await loadFormat();
    expect(format.levels.map((l) => l.id)).toEqual(['micro', 'meso', 'macro']);
    expect(format.aspects.map((a) => a.id)).toEqual(['samenhang', 'samenwerking', 'uitvoering']);
    expect(format.bouwstenen).toHaveLength(9);
    for (const bouwsteen of format.bouwstenen) {
      expect(bouwsteen.id).toBe(`${bouwsteen.level}-${bouwsteen.aspect}`);
      expect(bouwsteen.questions.filter((q) => q.mandatory)).toHaveLength(1);
      expect(bouwsteen.questions.length).toBeGreaterThan(1);
    }
    expect(format.bouwsteen('meso-samenwerking')?.title).toBe('Samenwerking op mesoniveau');
  });

  it('has the four official step titles', async () => {
    const format = await loadFormat();
    expect(format.steps.map((s) => s.title)).toEqual([
      'Stap 1 – Wat is je startvraag?',
      'Stap 2 – Wat zijn je doelen en acties?',
      'Stap 3 – Wat hebben we bereikt?',
      'Stap 4 – Wat is je bijgestelde startvraag?',
    ]);
  });

  it('says its mandatory questions are not the official wording, where they come from, and names no publisher', async () => {
    const format = await loadFormat();
    expect(format.wording.official).toBe(false);
    expect(format.wording.source).toMatch(/op basis van de handreiking/);
    expect(format.publisher).toBeUndefined();
  });

  it('treats a format file that says nothing about its wording as not official', async () => {
    const dir = tempDir();
    const file = join(dir, 'format.yaml');
    const original = await loadFormat();
    const { stringify } = await import('yaml');
    const { wording: _, source: __, bouwsteen: ___, bouwsteenFor: ____, ...rest } = original;
    writeFileSync(file, stringify({ ...rest, bouwstenen: original.bouwstenen.map(({ mandatoryQuestion: _m, ...b }) => b), publisher: '  ' }));
    const loaded = await loadFormat(file);
    expect(loaded.wording).toEqual({ official: false });
    expect(loaded.publisher).toBeUndefined();
  });

  it('resolves a built-in name, and a path relative to the config that stays inside the coalition', () => {
    expect(isBuiltinName('bouwstenen-voor-kwaliteit')).toBe(true);
    expect(builtinFormatPath('bouwstenen-voor-kwaliteit')).toMatch(/templates[\\/]format[\\/]bouwstenen-voor-kwaliteit\.yaml$/);
    expect(isBuiltinName('./eigen.yaml')).toBe(false);
    expect(formatPathInside('./eigen.yaml', '/x/coalitie')).toBe('eigen.yaml');
    expect(formatPathInside('formats\\eigen.yaml', '/x/coalitie')).toBe('formats/eigen.yaml');
    expect(formatPathInside('/x/coalitie/eigen.yaml', '/x/coalitie')).toBe('eigen.yaml');
    for (const outside of ['../eigen.yaml', 'a/../../eigen.yaml', '/proc/self/environ', '/x/coalitie-twee/f.yaml', '.']) {
      expect(formatPathInside(outside, '/x/coalitie'), outside).toBeUndefined();
    }
  });

  it('refuses a format with two mandatory questions, naming the line', async () => {
    const dir = tempDir();
    const file = join(dir, 'format.yaml');
    const original = await loadFormat();
    const data = {
      id: 'x',
      version: '1',
      title: 'x',
      levels: original.levels,
      aspects: original.aspects,
      bouwstenen: original.bouwstenen.map(({ mandatoryQuestion: _, ...b }, i) =>
        i === 0 ? { ...b, questions: b.questions.map((q) => ({ ...q, mandatory: true })) } : b,
      ),
      steps: original.steps,
    };
    const { stringify } = await import('yaml');
    writeFileSync(file, stringify(data));
    await expect(loadFormat(file)).rejects.toMatchObject({
      code: 'format-invalid',
      message: expect.stringMatching(/regel \d+ .*4 verplichte vragen/),
    });
  });

  it('says which file is missing', async () => {
    await expect(loadFormat('/nergens/format.yaml')).rejects.toMatchObject({ code: 'format-not-found' });
  });
});
