// Hints that fit: one per step, commands that name the folder as it must be
// typed from where the user is, and never a command that cannot work.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STEP_HINTS } from '../src/rules/steps-filled.js';
import { copyOf, tempDir } from './helpers/folders.js';
import { checkMemory, exampleFiles, exampleWith } from './helpers/memory.js';
import { runMain } from './helpers/run.js';

describe('hints in check', () => {
  it('give each step its own hint: a start question is not "what we did"', () => {
    expect(new Set(Object.values(STEP_HINTS)).size).toBe(4);
    expect(STEP_HINTS[1]).toMatch(/startvraag/);
    expect(STEP_HINTS[1]).not.toMatch(/gedaan|geleerd|afgesproken/);
    expect(STEP_HINTS[3]).toMatch(/terug/);
    expect(STEP_HINTS[4]).toMatch(/bijgestelde startvraag/);
  });

  it('a missing mandatory bouwblad of a period that is there: copy the other period, not new-cycle (which makes new periods only)', async () => {
    const { diagnostics } = await checkMemory(exampleWith({}, ['bouwbladen/macro-uitvoering/periode-2.md']), '2026-03-01');
    const found = diagnostics.find((d) => d.ruleId === 'mandatory-bouwblad')!;
    expect(found.hint).toBe('Maak bouwbladen/macro-uitvoering/periode-2.md aan: kopieer bouwbladen/macro-uitvoering/periode-1.md, zet in de kop "period: 2", en haal de tekst onder de vier stappen weg.');
    expect(diagnostics.map((d) => d.hint ?? '').join('\n')).not.toContain('new-cycle');
  });

  it('a period that is not in kwaliteit.yaml: not new-cycle, which would refuse because it makes this very file', async () => {
    const path = 'bouwbladen/kinderraad/periode-3.md';
    const text = exampleFiles()['bouwbladen/kinderraad/periode-1.md'].toString().replace('period: 1', 'period: 3');
    const { diagnostics } = await checkMemory(exampleWith({ [path]: text }), '2026-03-01');
    const found = diagnostics.find((d) => d.ruleId === 'bouwblad-period' && d.file === path)!;
    expect(found.hint).not.toContain('new-cycle');
    expect(found.hint).toContain('zet die periode dan eerst in kwaliteit.yaml');
  });
});

describe('commands in hints name the folder from where the user is', () => {
  it('add after the last period: new-cycle with the folder, quoted when it has a space', async () => {
    const cwd = tempDir();
    copyOf('examples/voorbeeldcoalitie', join(cwd, 'mijn coalitie'));
    const result = await runMain(['add', 'mijn coalitie', '--bouwsteen', 'meso-samenhang', '--question', 'Hoe weten we wat ouders vinden?', '--date', '2026-08-15'], {}, cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Begin eerst de volgende periode met "npx kwaliteit new-cycle "mijn coalitie""');
    const inside = await runMain(['add', '--bouwsteen', 'meso-samenhang', '--question', 'Hoe weten we wat ouders vinden?', '--date', '2026-08-15'], {}, join(cwd, 'mijn coalitie'));
    expect(inside.stderr).toContain('Begin eerst de volgende periode met "npx kwaliteit new-cycle"');
  });

  it('init in a folder that is a coalition already: check with that folder', async () => {
    const cwd = tempDir();
    copyOf('examples/voorbeeldcoalitie', join(cwd, 'noord'));
    const result = await runMain(['init', 'noord', '--name', 'X', '--lead', 'Y', '--yes'], {}, cwd);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"npx kwaliteit check noord"');
  });
});

describe('messages from the catalogue, as people have seen them', () => {
  it('a folder that does not exist', async () => {
    const missing = join(tempDir(), 'bestaat-niet');
    const result = await runMain(['status', missing]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`Fout: De map ${missing} bestaat niet.\nKijk of de naam van de map goed is geschreven.\n`);
  });

  it('new-cycle without a terminal and without dates: the flags, or --yes for the standard dates', async () => {
    const result = await runMain(['new-cycle', copyOf('examples/voorbeeldcoalitie'), '--from', '2026-08-01']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Fout: Er ontbreken gegevens, en zonder terminal kan ik er niet naar vragen: --to.\nGeef ze mee als optie, bijvoorbeeld: --to … Of neem de standaarddatums met --yes.\n',
    );
  });
});
