// What a coordinator does wrong while writing in a plain editor, and what check
// then says: each mistake named on its own line, with what to do. In memory:
// the example coalition with one file changed.
import { describe, expect, it } from 'vitest';
import { loadFormat } from '../src/format/load.js';
import { parseBody } from '../src/markdown/sections.js';
import { sectionNodes } from '../src/report/markdown-to-html.js';
import { renderBouwblad, renderBouwsteen } from '../src/scaffold/bouwblad.js';
import { carriedNote, emptyStep, movedNote } from '../src/scaffold/guidance.js';
import { checkMemory, exampleFiles, exampleWith } from './helpers/memory.js';

const MSH = 'bouwbladen/meso-samenhang/periode-2.md';
const RUNNING = '2026-03-01';
const STEP1 =
  'Hoe zorgen we voor een evenwichtig aanbod over onze drie doelen in alle drie de wijken, vooral voor taal en lezen en voor cultuur in het Havenkwartier?\n\nIn periode 1 ging meer dan de helft van het aanbod over bewegen.';
const OLD_STEP1 =
  'Schrijf hier je startvraag: wat willen jullie leren of beter doen? Kies een open vraag over iets waar energie op zit of waar het stroef loopt. Dat mag een vraag uit de bouwsteen zijn of een eigen vraag.';
const HEADING2 = '## Stap 2 – Wat zijn je doelen en acties?';

const original = (path: string) => exampleFiles()[path].toString();

/** The example with a change to one file's text. */
const edited = (path: string, change: (text: string) => string) => {
  const before = original(path);
  const after = change(before);
  expect(after, 'the change did nothing').not.toBe(before);
  return exampleWith({ [path]: after });
};

/** What check finds: "severity rule file:line", and the findings themselves. */
async function findings(files: ReturnType<typeof exampleWith>, date = RUNNING, final = false) {
  const { diagnostics } = await checkMemory(files, date, final);
  return { keys: diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.file}:${d.line ?? '-'}`), diagnostics };
}

describe('text typed between <!-- and -->', () => {
  it('into the old template\'s "Schrijf hier" guidance: named on its line, with the typed words', async () => {
    const { keys, diagnostics } = await findings(
      edited(MSH, (text) => text.replace(STEP1, OLD_STEP1.replace('startvraag: ', 'startvraag: Hoe zorgen we voor een evenwichtig aanbod in alle wijken? ')).replace(/^(Schrijf hier.*)$/m, '<!-- $1 -->')),
    );
    expect(keys).toEqual([`warning steps-filled ${MSH}:19`, `warning text-in-comment ${MSH}:21`]);
    const found = diagnostics.find((d) => d.ruleId === 'text-in-comment')!;
    expect(found.message).toBe(
      'Hier staat tekst tussen <!-- en -->, in de uitleg: "Hoe zorgen we voor een evenwichtig aanbod in alle wijken?". Wat tussen <!-- en --> staat, telt niet mee en komt niet in het rapport.',
    );
    expect(found.hint).toContain('onder de regel met -->');
  });

  it('into the new template\'s guidance, on a line of its own inside the comment', async () => {
    const format = await loadFormat();
    const comment = emptyStep(format.steps[0]).split('\n')[0];
    const typed = comment.replace(' -->', '\nHoe zorgen we dat elke wijk evenveel aanbod krijgt?\n-->');
    const { keys, diagnostics } = await findings(edited(MSH, (text) => text.replace(STEP1, `${typed}\n\n…`)));
    expect(keys).toEqual([`warning steps-filled ${MSH}:19`, `warning text-in-comment ${MSH}:22`]);
    expect(diagnostics.find((d) => d.ruleId === 'text-in-comment')!.message).toContain('"Hoe zorgen we dat elke wijk evenveel aanbod krijgt?"');
  });

  it('a comment of their own in an empty step is named; next to written text it is a note and is left alone', async () => {
    const empty = await findings(edited(MSH, (text) => text.replace(STEP1, '<!-- Hoe zorgen we voor een evenwichtig aanbod? -->')));
    expect(empty.keys).toEqual([`warning steps-filled ${MSH}:19`, `warning text-in-comment ${MSH}:21`]);
    expect(empty.diagnostics[1].message).toContain('Hier staat alleen tekst tussen <!-- en -->');
    const note = await findings(edited(MSH, (text) => text.replace(STEP1, `${STEP1}\n\n<!-- nog even navragen bij Anouk of dit klopt -->`)));
    expect(note.keys).toEqual([]);
    const todo = await findings(edited(MSH, (text) => text.replace(STEP1, '<!-- TODO -->')));
    expect(todo.keys).toEqual([`warning steps-filled ${MSH}:19`]);
  });

  it('text right after --> on the same line stays inside the comment in Markdown, and is named', async () => {
    const { keys, diagnostics } = await findings(edited(MSH, (text) => text.replace(STEP1, `<!-- ${OLD_STEP1} --> Hoe zorgen we voor een evenwichtig aanbod?`)));
    // Markdown keeps it in the comment, so the step is as empty as the report shows it.
    expect(keys).toEqual([`warning steps-filled ${MSH}:19`, `warning text-in-comment ${MSH}:21`]);
    expect(diagnostics[1].message).toContain('achter --> op dezelfde regel: "Hoe zorgen we voor een evenwichtig aanbod?"');
  });

  it('a <!-- that is never closed is an error on its own line, naming the steps it swallows', async () => {
    const { keys, diagnostics } = await findings(edited(MSH, (text) => text.replace(HEADING2, `<!-- uitleg van de coördinator\n\n${HEADING2}`)));
    expect(keys).toEqual([
      `error text-in-comment ${MSH}:25`,
      `error steps-structure ${MSH}:27`,
      `error steps-structure ${MSH}:39`,
      `error steps-structure ${MSH}:51`,
    ]);
    expect(diagnostics[0].message).toContain('ook de kopjes van stap 2, 3 en 4');
    expect(diagnostics[1].message).toContain('"## Stap 2 – Wat zijn je doelen en acties?"');
    expect(diagnostics[1].hint).toBe('Zet --> aan het eind van die uitleg, vóór dit kopje.');
  });

  it('into the guidance of a bouwsteen\'s "Wie levert input?"', async () => {
    const path = 'bouwstenen/meso-samenhang.md';
    const { keys } = await findings(
      edited(path, (text) =>
        text.replace(/## Wie levert input\?\n[\s\S]*$/, '## Wie levert input?\n\n<!-- Schrijf hier wie input levert op deze bouwsteen (welke partners en personen) en wie het overzicht houdt. De bibliotheek en de muziekschool. -->\n'),
      ),
    );
    expect(keys).toEqual([`warning text-in-comment ${path}:19`]);
  });

  it('leaves every comment kwaliteit writes alone: new and old templates, carried and moved notes', async () => {
    const format = await loadFormat();
    const bouwsteen = format.bouwsteen('meso-samenhang')!;
    const fresh = renderBouwblad(format, { bouwsteen, period: 2, mandatory: true, question: bouwsteen.mandatoryQuestion });
    const old = fresh.replace(emptyStep(format.steps[0]), `<!-- ${OLD_STEP1} -->`);
    const moved = fresh.replace(emptyStep(format.steps[0]), `${movedNote(1, 'bouwbladen/kinderraad-naar-meso-samenhang/periode-2.md', format.steps[0])}\n\n…`);
    const carried = fresh.replace(emptyStep(format.steps[0]), `${carriedNote(1, 'bouwbladen/kinderraad')}\n\nHoe houden we het aanbod in evenwicht?`);
    for (const text of [fresh, old, moved, carried]) {
      const { diagnostics } = await checkMemory(exampleWith({ [MSH]: text, 'bouwstenen/meso-samenhang.md': renderBouwsteen(bouwsteen) }), RUNNING);
      expect(diagnostics.filter((d) => d.ruleId === 'text-in-comment' || d.ruleId === 'raw-html')).toEqual([]);
    }
  });
});

it('the report leaves out the "…" of the template when someone wrote below it instead of in its place', async () => {
  const format = await loadFormat();
  const body = parseBody(`## ${format.steps[0].title}\n\n${emptyStep(format.steps[0])}\n\nHoe houden we het aanbod in evenwicht?\n`);
  expect(body.steps[0].filled).toBe(true);
  expect(sectionNodes(body, body.steps[0].line).map((node) => node.type)).toEqual(['html', 'paragraph']);
});

describe('step headings that almost are one', () => {
  const cases: [string, string, string][] = [
    ['no space after ##', '##Stap 2 – Wat zijn je doelen en acties?', 'Zet een spatie na ##: ## Stap 2 – Wat zijn je doelen en acties?'],
    ['a no-break space after ## (pasted from Word)', '##\u00a0Stap 2 – Wat zijn je doelen en acties?', 'Zet een spatie na ##: ## Stap 2 – Wat zijn je doelen en acties?'],
    ['three #', '### Stap 2 – Wat zijn je doelen en acties?', 'Gebruik twee #: ## Stap 2 – Wat zijn je doelen en acties?'],
    ['one #', '# Stap 2 – Wat zijn je doelen en acties?', 'Gebruik twee #: ## Stap 2 – Wat zijn je doelen en acties?'],
    ['bold on its own line', '**Stap 2 – Wat zijn je doelen en acties?**', 'Maak er een kopje van: ## Stap 2 – Wat zijn je doelen en acties?'],
    ['a plain line', 'Stap 2: Wat zijn je doelen en acties?', 'Maak er een kopje van: ## Stap 2 – Wat zijn je doelen en acties?\nStaat het antwoord op dezelfde regel, zet het dan op een eigen regel eronder.'],
    ['underlined with ===', 'Stap 2 – Wat zijn je doelen en acties?\n======', 'Haal de regel met === weg en maak er een kopje met twee # van: ## Stap 2 – Wat zijn je doelen en acties?'],
    ['indented into a code block', '    ## Stap 2 – Wat zijn je doelen en acties?', 'Haal de spaties aan het begin van de regel weg: ## Stap 2 – Wat zijn je doelen en acties?'],
    ['in a quote', '> ## Stap 2 – Wat zijn je doelen en acties?', 'Haal > of - aan het begin van de regel weg: ## Stap 2 – Wat zijn je doelen en acties?'],
    ['a plain line with the answer on it', 'Stap 2: Voor 1 november hebben drie scholen een vast aanspreekpunt.', 'Maak er een kopje van: ## Stap 2 – Wat zijn je doelen en acties?\nStaat het antwoord op dezelfde regel, zet het dan op een eigen regel eronder.'],
    ['without the word Stap', '## Doelen en acties', 'Zet de stap en het nummer ervoor: ## Stap 2 – Wat zijn je doelen en acties?'],
    ['a number instead of Stap', '## 2. Wat zijn je doelen en acties?', 'Zet de stap en het nummer ervoor: ## Stap 2 – Wat zijn je doelen en acties?'],
  ];

  it.each(cases)('%s: one error on its own line (25), with the fix', async (_name, written, hint) => {
    const { keys, diagnostics } = await findings(edited(MSH, (text) => text.replace(HEADING2, written)));
    expect(keys).toEqual([`error steps-structure ${MSH}:25`]);
    expect(diagnostics[0].message).toMatch(/^Stap 2 is geen kopje: op deze regel staat ".+", maar .+\.$/);
    expect(diagnostics[0].hint).toBe(hint);
  });

  it('accepts a heading underlined with --- (that is a ## heading in Markdown) and "Stap 2" in a sentence', async () => {
    const underlined = await findings(edited(MSH, (text) => text.replace(HEADING2, 'Stap 2 – Wat zijn je doelen en acties?\n---')));
    expect(underlined.keys).toEqual([]);
    const sentence = await findings(edited(MSH, (text) => text.replace('Wat ging goed:', 'Stap 2 van het plan is gelukt.\n\nWat ging goed:')));
    expect(sentence.keys).toEqual([]);
  });

  it('names every near miss when a bouwblad has no real step heading at all', async () => {
    const { keys } = await findings(edited(MSH, (text) => text.replace(/^## (Stap \d – .*)$/gm, '**$1**')));
    expect(keys).toEqual([19, 25, 37, 49].map((line) => `error steps-structure ${MSH}:${line}`));
  });

  it('still says "ontbreekt" at the next step when nothing like the heading is there', async () => {
    const { keys, diagnostics } = await findings(edited(MSH, (text) => text.replace(`${HEADING2}\n`, '')));
    expect(keys).toEqual([`error steps-structure ${MSH}:36`]);
    expect(diagnostics[0].message).toBe('Stap 2 ontbreekt.');
  });
});
