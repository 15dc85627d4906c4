// The words import looks for, line by line: what is a step, a period, a label,
// and (as important) what is not.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFormat } from '../src/format/load.js';
import { bouwstenenNamed, dateRange, labelLine, periodMarker, splitNames, StepWords } from '../src/word/markers.js';
import { REPO } from './helpers/run.js';

const format = await loadFormat(join(REPO, 'templates/format/bouwstenen-voor-kwaliteit.yaml'), 'kwaliteit.yaml');
const steps = new StepWords(format);

describe('steps', () => {
  it.each([
    ['Stap 1 – Wat is je startvraag?', 1, ''],
    ['Stap 2 - Wat zijn je doelen en acties?', 2, ''],
    ['stap 3: wat hebben jullie bereikt?', 3, ''],
    ['Stap 4 – Aangescherpte startvraag', 4, ''],
    ['Stap 3 – Bereikte doelen', 3, ''],
    ['2. Wat zijn je doelen en acties?', 2, ''],
    ['4) Wat is uw bijgestelde startvraag?', 4, ''],
    ['Wat hebben we bereikt?', 3, ''],
    ['Bijgestelde startvraag', 4, ''],
    ['Startvraag: Hoe houden we het vol?', 1, 'Hoe houden we het vol?'],
    ['Stap 2: Voor 1 november is er een overleg.', 2, 'Voor 1 november is er een overleg.'],
    ['Stap 1 – Wat is je startvraag?\nHoe blijven we in gesprek?', 1, '\nHoe blijven we in gesprek?'],
  ])('%j is step %i', (line, number, rest) => {
    const found = steps.step(line);
    expect(found?.number).toBe(number);
    expect(line.slice(found!.end).trimStart()).toBe(rest.trimStart());
  });

  it.each([
    'Stap 1 is dat we de ouders bellen.',
    'Startvraag was: hoe houden we het vol?',
    'Doelen:',
    'Acties:',
    'Wat hebben we bereikt? Minder dan we hoopten.',
    '3. Drie scholen doen mee.',
    'Stap 7 – Nog meer',
    'Hoe zorgen we voor een goede startvraag?',
  ])('%j is not a step', (line) => {
    expect(steps.step(line)).toBeUndefined();
  });
});

describe('periods and dates', () => {
  it.each([
    ['Periode 2', { number: 2 }],
    ['Periode 1: van 1 september 2025 tot 31 januari 2026', { number: 1, from: '2025-09-01', to: '2026-01-31' }],
    ['van 1 feb. 2026 t/m 31 jul. 2026', { from: '2026-02-01', to: '2026-07-31' }],
    ['1-2-2026 – 31-7-2026', { from: '2026-02-01', to: '2026-07-31' }],
    ['Periode 3 (najaar 2026)', { number: 3, rest: '(najaar 2026)' }],
    ['van..... tot.....', {}],
  ])('%j', (line, expected) => {
    expect(periodMarker(line)).toMatchObject({ kind: 'period', ...expected });
  });

  it('a sentence with a period in it is not a period marker', () => {
    expect(periodMarker('Periode 1 was te kort, want de zomer kwam ertussen en niemand had tijd.')).toBeUndefined();
    expect(periodMarker('In periode 2 doen we meer.')).toBeUndefined();
    expect(dateRange('van 31 februari 2026 tot 1 maart 2026')).toBeUndefined();
  });
});

describe('labels, names and bouwstenen', () => {
  it('reads the labels of a form', () => {
    expect(labelLine('Vraag: Hoe geven we kinderen een stem?')).toEqual({ kind: 'question', value: 'Hoe geven we kinderen een stem?' });
    expect(labelLine('Verplichte vraag: Hoe …?')).toMatchObject({ kind: 'mandatory-question' });
    expect(labelLine('Bouwsteen: Samenwerking op mesoniveau')).toMatchObject({ kind: 'bouwsteen' });
    expect(labelLine('Ingevuld door: Tom')).toMatchObject({ kind: 'contributors' });
    expect(labelLine('Doelen: meer kinderen')).toBeUndefined();
  });

  it('splits names outside brackets', () => {
    expect(splitNames('Fatima el Amrani (coördinator, Welzijn), Tom Visser en Esra Kaya')).toEqual(['Fatima el Amrani (coördinator, Welzijn)', 'Tom Visser', 'Esra Kaya']);
    expect(splitNames('Tom; Esra')).toEqual(['Tom', 'Esra']);
  });

  it('finds a bouwsteen by its title, its id or its level and aspect', () => {
    expect(bouwstenenNamed(format, 'Bouwsteen: Samenwerking op mesoniveau').map((b) => b.id)).toEqual(['meso-samenwerking']);
    expect(bouwstenenNamed(format, 'macro-uitvoering').map((b) => b.id)).toEqual(['macro-uitvoering']);
    expect(bouwstenenNamed(format, 'Mesoniveau – Samenhang').map((b) => b.id)).toEqual(['meso-samenhang']);
    expect(bouwstenenNamed(format, 'We werken samen met de school.')).toEqual([]);
  });
});
