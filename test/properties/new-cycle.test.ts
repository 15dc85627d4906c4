// The hardening issue: "new-cycle followed by parsing never loses or alters a byte
// of earlier periods". Whatever a coalition wrote in period 2, starting period 3
// leaves every file as it was, only adds the period to kwaliteit.yaml, and carries
// step 4 into step 1 exactly, in a file with the source's line ends throughout.
// A file it cannot read makes it refuse, changing nothing.
import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BouwbladFrontMatterSchema } from '../../src/coalition/front-matter-schema.js';
import { loadCoalition } from '../../src/coalition/load.js';
import type { BouwbladFile, MarkdownFile } from '../../src/coalition/model.js';
import { readMarkdownFile } from '../../src/coalition/parse-file.js';
import { diskSource } from '../../src/coalition/source.js';
import { newCycle } from '../../src/commands/new-cycle.js';
import { carriedNote } from '../../src/commands/new-cycle-plan.js';
import { addPeriod } from '../../src/config/edit.js';
import { KwaliteitError } from '../../src/errors.js';
import type { Format } from '../../src/format/format.js';
import { parseBody, type StepSection } from '../../src/markdown/sections.js';
import { emptyStep, withoutScaffold } from '../../src/scaffold/guidance.js';
import { parseYaml } from '../../src/yaml/parse.js';
import { copyOf, snapshot } from '../helpers/folders.js';

const EXAMPLE = 'examples/voorbeeldcoalitie';
const BOUWSTENEN = ['macro', 'meso', 'micro'].flatMap((l) => ['samenhang', 'samenwerking', 'uitvoering'].map((a) => `${l}-${a}`));
const PERIOD_2 = [...BOUWSTENEN, 'gemeenschappelijke-taal'].sort();
const PERIOD_3 = { number: 3, from: '2026-08-01', to: '2027-01-31' };

/** Files and folders (with a trailing slash): a staging folder left empty shows up here, not in snapshot(). */
function entries(dir: string, relative = ''): string[] {
  return readdirSync(join(dir, relative), { withFileTypes: true })
    .flatMap((entry) => {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      return entry.isDirectory() ? [`${path}/`, ...entries(dir, path)] : [path];
    })
    .sort();
}

const stepOf = (file: { body?: { steps: StepSection[] } }, n: number) => file.body?.steps.find((s) => s.number === n);

/**
 * Whether Markdown leaves a block open at its end that the next heading would fall
 * into (a code fence, an HTML comment, <pre> …): at the end of a file that is harmless,
 * in step 1 it would swallow steps 2 to 4.
 */
const leavesBlockOpen = (markdown: string) => parseBody(`${markdown}\n\n## einde`).tree.children.at(-1)?.type !== 'heading';

/** What closes such a block, on a line of its own: the only text new-cycle may add to what it carries. */
const CLOSER = /^(?:`{3,}|~{3,}|-->|\?>|>|\]\]>|<\/(?:script|pre|style|textarea)>)$/i;

/** Markdown's line ends (CRLF, LF, and a lone CR) all written as `eol`. */
const withLineEnds = (text: string, eol: string) => text.replace(/\r\n|\r|\n/g, eol);

// Text people paste: Dutch, other scripts, emoji, combining marks (é as e + U+0301
// next to é as one code point, which must not be normalised), lookalike headings.
const SAMPLES = [
  'Hoe zorgen we dat één café-eigenaar überhaupt meedoet, ook in de Oosterweide?',
  'Cafe\u0301 en café: twee keer hetzelfde woord, anders gecodeerd.',
  'Z\u0335\u0336a\u0308\u0301\u0323lgo en ĳsbeer, IJmuiden, coöperatie, reünie',
  '👩‍👩‍👧‍👦 🇳🇱 👍🏽 ✊🏿 🧑‍🏫 ❤️',
  '‘enkele’ en „dubbele” aanhalingstekens — en–streepjes … en een ellips',
  'שלום · مرحبا · 你好 · \u200Bzero\u200Bwidth\u200B · \u00A0harde spatie\u00A0',
  '```\n## Stap 2 – nep, in een codeblok\n# ook geen titel\n```',
  '~~~markdown\n## Stap 4 – ook nep\n~~~',
  '    ## ingesprongen, dus code',
  '> ## een kop in een citaat\n> blijft in het citaat',
  '- lijst\n  - genest\n- nog een',
  '1. één\n2. twee',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '<!-- een notitie voor onszelf -->',
  'TODO',
  '...',
  'spaties erachter   ',
  'tab\terin\t',
  '\\## geen kop',
  '`## inline code`',
  '[link](https://example.org/a%20b) ![plaatje](plaatje.png)',
  '***',
  '<details>\n<summary>meer</summary>\n\nverborgen\n\n</details>',
  // Blocks Markdown keeps open until a closing line: as the last thing in step 4 they run to the end of the file.
  '```js\nconst open = true;',
  '~~~~\nnooit gesloten',
  '<!-- commentaar zonder einde',
  '<pre>\nvoorgevormd',
  '<?php echo 1;',
  '<![CDATA[ x',
  '<!DOCTYPE x',
  '<script>\nlet x = 1;',
  '<STYLE>\np { color: red }',
  '<textarea>\nvrije tekst',
  '   ````\n```\nvier backticks, drie erin',
  // Open inside a list or a quote: the container ends them, so nothing may be added.
  '- <!-- in een lijst, zonder einde',
  '> ```\n> in een citaat, nooit gesloten',
  '\tmet een tab ingesprongen',
];

type Heading = (n: number, title: string) => string;

interface Edit {
  title: string | undefined;
  headings: Heading[];
  steps: string[];
  crlf: boolean;
  bom: boolean;
  trailingSpaces: boolean;
}

function scenario(format: Format) {
  const guidance4 = emptyStep(format.steps.find((s) => s.number === 4)!);
  const fragment = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...SAMPLES, guidance4) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    // Any code point, but no NUL: that makes it a binary file, which is a refusal case below.
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }).map((s) => s.replace(/\0/g, '')) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 200, max: 800 }), fc.constantFrom('x', 'heel lang ')).map(([n, unit]) => unit.repeat(n)) },
  );
  const stepText = fc
    .array(fc.tuple(fragment, fc.constantFrom('\n\n', '\n', '\n\n\n')), { maxLength: 5 })
    .map((parts) => parts.map(([text, separator]) => text + separator).join(''));
  const heading = fc.constantFrom<Heading>(
    (_n, title) => `## ${title}`,
    (n) => `## stap ${n}: eigen woorden`,
    (n) => `## STAP ${n}`,
    (_n, title) => `${title}\n${'-'.repeat(title.length)}`,
    (_n, title) => `## ${title} ##`,
  );
  const edit: fc.Arbitrary<Edit> = fc.record({
    title: fc.option(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom(...SAMPLES.slice(0, 6))), { nil: undefined }),
    headings: fc.array(heading, { minLength: 4, maxLength: 4 }),
    steps: fc.array(stepText, { minLength: 4, maxLength: 4 }),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    trailingSpaces: fc.boolean(),
  });
  return fc.record({
    edits: fc.uniqueArray(fc.tuple(fc.constantFrom(...PERIOD_2), edit), { minLength: 1, maxLength: 4, selector: ([id]) => id }),
    config: fc.constantFrom(...Object.keys(CONFIGS)),
    // About one run in four gets a file new-cycle must refuse.
    corruption: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...Object.keys(CORRUPTIONS)) }),
    date: fc.constantFrom('2026-08-01', '2026-11-15', '2027-06-30'),
    explicitDates: fc.boolean(),
  });
}

/** The bytes of a period-2 file with new text in its title and steps, saved the way `edit` says. */
function rewrite(original: string, edit: Edit, format: Format, corruption: Corruption = {}): Buffer {
  const frontMatter = original.slice(0, original.indexOf('\n---\n') + 5);
  let text = frontMatter + (edit.title === undefined ? '' : `\n# ${edit.title}\n`);
  for (const step of format.steps) text += `\n${edit.headings[step.number - 1](step.number, step.title)}\n\n${edit.steps[step.number - 1]}`;
  if (corruption.text) text = corruption.text(text);
  if (edit.trailingSpaces) text = text.replace(/\n/g, ' \t \n');
  if (edit.crlf) text = text.replace(/\n/g, '\r\n');
  const bytes = Buffer.from((edit.bom ? '\uFEFF' : '') + text);
  return corruption.bytes ? corruption.bytes(bytes) : bytes;
}

// kwaliteit.yaml as people's editors leave it. All of these the yaml library writes
// back unchanged, which is what lets addPeriod keep every old byte (see the last describe).
const CONFIGS: Record<string, (text: string) => string> = {
  'zoals het voorbeeld': (t) => t,
  'Windows-regeleinden': (t) => t.replace(/\n/g, '\r\n'),
  BOM: (t) => `\uFEFF${t}`,
  'BOM en Windows-regeleinden, geen laatste regeleinde': (t) => `\uFEFF${t.replace(/\n$/, '').replace(/\n/g, '\r\n')}`,
  'geen laatste regeleinde': (t) => t.replace(/\n$/, ''),
  'lege regel aan het eind': (t) => `${t}\n`,
  'commentaar na de perioden': (t) => `${t}\n# Periode 3 volgt in augustus.\n`,
  'commentaar tussen en achter de perioden': (t) => t.replace('  - number: 2', '  # het tweede half jaar\n  - number: 2').replace('to: 2026-07-31', 'to: 2026-07-31 # einde schooljaar'),
  'unicode in de naam': (t) => t.replace('name: Coalitie Kansrijk Rivierstad', 'name: "Coalitie Kansrijk Rivierstad – ĳs & café 👩‍🏫 e\u0301"'),
  'geen enkele lijst ingesprongen': (t) =>
    t.replace(/^ {2}- number: (\d)\n {4}from: (\S+)\n {4}to: (\S+)$/gm, '- number: $1\n  from: $2\n  to: $3').replace('  - Gemeente', '- Gemeente'),
};

// Period-2 files new-cycle cannot read: the text ones change the file before line ends, spaces and BOM, the byte ones after.
interface Corruption {
  text?: (text: string) => string;
  bytes?: (bytes: Buffer) => Buffer;
}

const CORRUPTIONS: Record<string, Corruption> = {
  'kop niet afgesloten': { text: (t) => t.replace('\n---\n', '\n\n') },
  'YAML-fout in de kop': { text: (t) => t.replace('---\n', '---\nlinks: [a, b\n') },
  'mandatory is geen true of false': { text: (t) => t.replace(/^mandatory: \w+$/m, 'mandatory: ja') },
  'onbekend niveau': { text: (t) => t.replace(/^level: \w+$/m, 'level: nano') },
  'kop is geen lijst van namen': { text: (t) => `---\n- a\n- b\n${t.slice(t.indexOf('\n---\n') + 1)}` },
  'JavaScript in de kop': { text: (t) => t.replace(/^---/, '---js') },
  leeg: { text: () => ' \n\t\n' },
  'geen UTF-8': { bytes: (b) => Buffer.concat([b, Buffer.from([0xff, 0xfe, 0xc3, 0x28])]) },
  binair: { bytes: (b) => Buffer.concat([b, Buffer.from([0])]) },
  'te groot': { bytes: (b) => Buffer.concat([b, Buffer.alloc(2 * 1024 * 1024, 'x')]) },
};

/**
 * Every way to read `after` as `before` with one stretch inserted (several when the
 * stretch could sit one line end earlier or later); none when anything else changed.
 */
function insertions(before: string, after: string): string[] {
  const length = after.length - before.length;
  if (length < 0) return [];
  let common = 0;
  while (common < before.length && before[common] === after[common]) common++;
  const found: string[] = [];
  for (let at = common; at >= 0; at--) if (after.slice(at + length) === before.slice(at)) found.push(after.slice(at, at + length));
  return found;
}

/** The period as addPeriod writes it, in the file's own indentation and line ends, on its own lines. */
function periodBlock(config: string): RegExp {
  const eol = config.includes('\r\n') ? '\\r\\n' : '\\n';
  const indent = /^( *)- number: 2\r?$/m.exec(config)![1];
  const item = [`${indent}- number: 3`, `${indent}  from: ${PERIOD_3.from}`, `${indent}  to: ${PERIOD_3.to}`].join(eol);
  return new RegExp(`^(?:${item}${eol}|${eol}${item})$`);
}


describe('new-cycle on arbitrary period-2 bouwbladen', () => {
  let format: Format;
  let configText: string;
  const pristine = new Map<string, MarkdownFile>();
  beforeAll(async () => {
    const root = copyOf(EXAMPLE);
    format = (await loadCoalition(root)).format;
    configText = readFileSync(join(root, 'kwaliteit.yaml'), 'utf8');
    for (const id of PERIOD_2) pristine.set(id, (await readMarkdownFile(diskSource(root), `bouwbladen/${id}/periode-2.md`)).file);
  });

  it('keeps every earlier byte, carries step 4 exactly, or refuses and changes nothing', async () => {
    const step = (n: number) => format.steps.find((s) => s.number === n)!;
    const guidance = (n: number) => emptyStep(step(n));
    await fc.assert(
      fc.asyncProperty(scenario(format), async (s) => {
        const root = copyOf(EXAMPLE);
        const config = CONFIGS[s.config](configText);
        writeFileSync(join(root, 'kwaliteit.yaml'), config);
        const corrupted = s.corruption === undefined ? undefined : s.edits[0][0];
        for (const [id, edit] of s.edits) {
          const path = join(root, `bouwbladen/${id}/periode-2.md`);
          writeFileSync(path, rewrite(readFileSync(path, 'utf8'), edit, format, id === corrupted ? CORRUPTIONS[s.corruption!] : undefined));
        }
        const before = snapshot(root);
        const listing = entries(root);
        // Period 2 as the loader reads it: the text step 1 of period 3 must hold.
        const sources = new Map(pristine);
        for (const [id] of s.edits) sources.set(id, (await readMarkdownFile(diskSource(root), `bouwbladen/${id}/periode-2.md`)).file);

        const options = { dir: root, date: s.date, ...(s.explicitDates ? { from: PERIOD_3.from, to: PERIOD_3.to } : {}) };
        const outcome = await newCycle(options).then((result) => ({ result }), (error: unknown) => ({ error }));

        if (corrupted !== undefined) {
          // (d) A refusal, with exit code 2, that names the file, and nothing changed: no file, no lock, no staging folder.
          expect('error' in outcome, s.corruption).toBe(true);
          const error = (outcome as { error: unknown }).error;
          expect(error).toBeInstanceOf(KwaliteitError);
          expect(error).toMatchObject({ code: 'bouwbladen-unusable', exitCode: 2 });
          expect((error as Error).message).toContain(`bouwbladen/${corrupted}/periode-2.md`);
          expect(snapshot(root)).toEqual(before);
          expect(entries(root)).toEqual(listing);
          return;
        }
        if ('error' in outcome) throw outcome.error;
        const { result } = outcome;

        // (a) Every file that was there is byte for byte the same, apart from kwaliteit.yaml; new are only the period-3 files.
        const after = snapshot(root);
        for (const path of Object.keys(before)) if (path !== 'kwaliteit.yaml') expect(after[path], path).toBe(before[path]);
        const fresh = PERIOD_2.map((id) => `bouwbladen/${id}/periode-3.md`);
        expect(entries(root)).toEqual([...listing, ...fresh].sort());
        expect(result.files.map((file) => file.path).sort()).toEqual(fresh);

        // (b) kwaliteit.yaml: every old byte, with the period inserted as one stretch in the file's own style.
        const newConfig = readFileSync(join(root, 'kwaliteit.yaml'), 'utf8');
        const block = periodBlock(config);
        const found = insertions(config, newConfig);
        expect(found.filter((text) => block.test(text)), 'kwaliteit.yaml changed outside the added period').not.toEqual([]);
        const data = (text: string) => parseYaml(text.replace(/^\uFEFF/, '')).data as { periods: unknown[] };
        expect(data(newConfig)).toEqual({ ...data(config), periods: [...data(config).periods, PERIOD_3] });

        // (c) Period 3 as the project's loader reads it.
        const coalition = await loadCoalition(root);
        for (const id of PERIOD_2) {
          const source = sources.get(id)!;
          const file = coalition.bouwbladen.find((b) => b.path === `bouwbladen/${id}/periode-3.md`) as BouwbladFile;
          // The line end of the source: CRLF when rewrite() made it so. The example itself is LF, and the few
          // CRLFs a random fragment could hold never outnumber the LFs of the front-matter and headings.
          const eol = s.edits.find(([edited]) => edited === id)?.[1].crlf ? '\r\n' : '\n';
          const raw = readFileSync(join(root, file.path), 'utf8');
          expect(raw.startsWith('\uFEFF'), `${id}: byte-order mark`).toBe(false);
          if (eol === '\n') expect(raw.includes('\r'), `${id}: CR in an LF file`).toBe(false);
          else expect(/\r(?!\n)|(?<!\r)\n/.test(raw), `${id}: lone CR or LF in a CRLF file`).toBe(false);
          expect(file.frontMatter, id).toMatchObject({ period: 3 });
          // Compared as the schema reads the source (defaults filled in), apart from the period.
          expect({ ...file.frontMatter, period: 2 }, id).toEqual(BouwbladFrontMatterSchema.parse(source.data));
          // Steps 2 to 4 are there, untouched guidance: nothing carried leaked past step 1.
          expect(file.body!.steps.map((step) => step.number), id).toEqual([1, 2, 3, 4]);
          for (const n of [2, 3, 4]) expect(stepOf(file, n)!.content.trim(), `${id} stap ${n}`).toBe(withLineEnds(guidance(n), eol));

          const step4 = stepOf(source, 4);
          const step1 = stepOf(file, 1)!;
          const planned = result.files.find((f) => f.path === file.path)!;
          if (!step4?.filled) {
            expect(planned.carried, id).toBe(false);
            expect(result.emptyStep4, id).toContain(`bouwbladen/${id}/periode-2.md`);
            expect(step1.filled, id).toBe(false);
            expect(step1.content.trim(), id).toBe(withLineEnds(guidance(1), eol));
            continue;
          }
          expect(planned.carried, id).toBe(true);
          // All new-cycle may leave out: the scaffold's guidance, blank lines before the text and whitespace after it.
          const written = withoutScaffold(step4.content, step(4)).replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '').trimEnd();
          // The only change to it: every line end is the file's own.
          const expected = withLineEnds(written, eol);
          const prefix = `${eol}${eol}${carriedNote(2)}${eol}${eol}`;
          expect(step1.content.startsWith(prefix), id).toBe(true);
          expect(step1.content.endsWith(eol + eol), id).toBe(true);
          const carried = step1.content.slice(prefix.length, -2 * eol.length);
          expect(carried.startsWith(expected), id).toBe(true);
          const added = carried.slice(expected.length);
          if (leavesBlockOpen(written)) {
            expect(added.slice(0, eol.length), id).toBe(eol);
            expect(added.slice(eol.length), id).toMatch(CLOSER);
          } else expect(added, id).toBe('');
          expect(step1.filled, id).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  }, 180_000);
});

// Counterexamples the property found, kept as plain tests. One run of new-cycle
// serves them all: each puts its step 4 in another bouwblad of period 2.
describe('new-cycle carries step 4 that', () => {
  const CASES: [why: string, id: string, step4: string, carried: string][] = [
    ...[
      ['Onze vraag.\n\n<![CDATA[ x', ']]>'],
      ['```js\nconst open = true;', '```'],
      ['Onze vraag.\n\n~~~~\nnooit gesloten', '~~~~'],
      ['Onze vraag.\n\n<!-- commentaar zonder einde', '-->'],
      ['Onze vraag.\n\n<pre>\nvoorgevormd', '</pre>'],
    ].map(([step4, closer], i): [string, string, string, string] => [
      `leaves ${JSON.stringify(step4)} open at the end of the file: it is closed, so steps 2 to 4 stay steps`,
      BOUWSTENEN[i],
      step4,
      `${step4}\n${closer}`,
    ]),
    ['starts with an indented code block: it stays code', 'gemeenschappelijke-taal', '    ## ingesprongen, dus code\n\nDaarna de vraag.', '    ## ingesprongen, dus code\n\nDaarna de vraag.'],
  ];
  let root: string;
  beforeAll(async () => {
    root = copyOf(EXAMPLE);
    for (const [, id, step4] of CASES) {
      const path = join(root, `bouwbladen/${id}/periode-2.md`);
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, `${text.slice(0, text.indexOf('## Stap 4'))}## Stap 4 – Wat is je bijgestelde startvraag?\n\n${step4}\n`);
    }
    await newCycle({ dir: root, date: '2026-08-01' });
  });

  it.each(CASES)('%s', (_why, id, _step4, carried) => {
    const steps = parseBody(readFileSync(join(root, `bouwbladen/${id}/periode-3.md`), 'utf8')).steps;
    expect(steps.map((step) => step.number)).toEqual([1, 2, 3, 4]);
    expect(steps[0].content).toBe(`\n\n${carriedNote(2)}\n\n${carried}\n\n`);
  });
});

// Layouts the yaml library would not write back as they were: the period goes in as
// text, so every old byte stays, the comments with them.
describe('adding period 3 to a kwaliteit.yaml in a layout of its own', () => {
  const base = readFileSync(new URL('../../examples/voorbeeldcoalitie/kwaliteit.yaml', import.meta.url), 'utf8');
  const comments = (text: string) => text.split(/\r?\n/).filter((line) => line.trim().startsWith('#')).map((line) => line.trim());

  it.each([
    ['lege regels aan het eind', `${base}\n\n`],
    ['spaties aan het eind van een regel', base.replace('name: Coalitie Kansrijk Rivierstad', 'name: Coalitie Kansrijk Rivierstad   ')],
    ['een lijst op één regel', base.replace('municipality:\n  - Gemeente Rivierstad', 'municipality: [Gemeente Rivierstad]')],
    ['perioden anders ingesprongen dan de gemeenten', base.replace(/^ {2}- number: (\d)\n {4}from: (\S+)\n {4}to: (\S+)$/gm, '- number: $1\n  from: $2\n  to: $3')],
    ['perioden vier spaties ingesprongen', base.replace(/^ {2}- number: (\d)\n {4}from: (\S+)\n {4}to: (\S+)$/gm, '    - number: $1\n      from: $2\n      to: $3')],
    ['de perioden als één regel', base.replace(/periods:\n(?: {2}- number: \d\n {4}from: \S+\n {4}to: \S+\n?)+/, 'periods: [{number: 1, from: 2025-09-01, to: 2026-01-31}, {number: 2, from: 2026-02-01, to: 2026-07-31}]\n')],
  ])('%s: every old byte stays, with only the period added', (_why, config) => {
    const after = addPeriod(config, PERIOD_3);
    const data = (text: string) => parseYaml(text).data as { periods: unknown[] };
    expect(data(after)).toEqual({ ...data(config), periods: [...data(config).periods, PERIOD_3] });
    expect(comments(after)).toEqual(comments(config));
    expect(insertions(config, after).some((text) => text.includes('number: 3'))).toBe(true);
  });
});
