// Synthetic coalitions for `npm run bench`: the same bytes on every machine and
// every run (a seeded PRNG, never Math.random), so timings stay comparable.
//
//   bench/out/one/                       one coalition
//   bench/out/many/coalition-001 … -050  fifty coalitions
//   bench/out/.markdownlint-cli2.jsonc   the peer's configuration
//
// A set is only written when it is absent (or made by an older generator), and
// always via a temporary folder, so an interrupted run never leaves half a set
// that later looks complete.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const HERE = dirname(fileURLToPath(import.meta.url));
export const OUT = join(HERE, 'out');
export const ONE = join(OUT, 'one');
export const MANY = join(OUT, 'many');
// A region's worth: 50 coalitions, as in the goals of issue 17.
export const MANY_COUNT = 50;
export const MARKDOWNLINT_CONFIG = join(OUT, '.markdownlint-cli2.jsonc');

// Bump when the generated content changes, so old sets are regenerated.
// 2: fifty coalitions instead of five hundred.
const GENERATOR_VERSION = '2';
// Next to the set, not in it: inside a coalition it would be a file that belongs to nothing.
const stampOf = (target) => join(dirname(target), `.${basename(target)}.generated`);

// The questions and step titles come from the format itself, so the mandatory
// bouwblad always carries the exact mandatory question check compares against.
const FORMAT = parse(readFileSync(join(HERE, '..', 'templates', 'format', 'bouwstenen-voor-kwaliteit.yaml'), 'utf8'));

/** mulberry32: tiny, fast and good enough to vary text; seeded per coalition. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function tools(random) {
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  const sample = (list, n) => {
    const copy = [...list];
    const out = [];
    while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
    return out;
  };
  return { int, pick, chance, sample };
}

const FIRST = ['Fatima', 'Jeroen', 'Noor', 'Mehmet', 'Anouk', 'Tom', 'Esra', 'Sanne', 'Yasmina', 'Daan', 'Lotte', 'Karim', 'Inge', 'Bram', 'Priya', 'Joost', 'Marieke', 'Youssef', 'Eva', 'Sem'];
const LAST = ['de Vries', 'Bakker', 'Jansen', 'Visser', 'Kaya', 'Hendriks', 'Yilmaz', 'el Amrani', 'Bouzid', 'Smit', 'Mulder', 'de Boer', 'Dekker', 'Peters', 'Bos', 'van Dijk', 'Meijer', 'Vos'];
const ROLES = ['coördinator', 'opbouwwerker', 'leerkracht groep 6', 'intern begeleider', 'directeur', 'buurtsportcoach', 'leesconsulent', 'ouderconsulent', 'beleidsmedewerker onderwijs', 'pedagogisch medewerker'];
const PLACE_START = ['Rivier', 'Molen', 'Haven', 'Beek', 'Dijk', 'Linden', 'Eiken', 'Zand', 'Veen', 'Brug', 'Polder', 'Berken'];
const PLACE_END = ['stad', 'dorp', 'veen', 'wijk', 'dam', 'hoven', 'horst', 'meer'];
const SCHOOL_NAMES = ['De Regenboog', 'Het Anker', 'De Vlinderboom', 'De Linde', 'Het Kompas', 'De Sterrenwacht', 'De Wilgen', 'Het Palet', 'De Zonnebloem', 'De Bron'];
const SCHOOL_KINDS = ['OBS', 'CBS', 'IKC', 'RKBS'];
const ACTIVITIES = ['de kookclub', 'het Leerlab', 'de voorleesmiddag', 'de sportinstuif', 'de muziekles', 'de kinderraad', 'het huiswerkuur', 'de natuurclub', 'het ouderkoffie-uur', 'de theaterklas'];
const GROUPS = ['kinderen uit groep 5 tot en met 8', 'ouders van nieuwkomers', 'leerkrachten', 'begeleiders van de BSO', 'de buurtsportcoaches', 'kinderen uit groep 3 en 4', 'de wijkpartners'];
const VERBS = ['bespreken', 'plannen', 'evalueren', 'verbeteren', 'organiseren', 'delen', 'volgen', 'versterken'];
const OBSERVATIONS = [
  'De opkomst was hoger dan we dachten',
  'Niet alle partners waren er steeds bij',
  'Kinderen gaven zelf aan wat ze graag wilden',
  'De planning liep een paar weken uit',
  'Ouders reageerden positief op de nieuwsbrief',
  'Het lukte nog niet om iedereen te bereiken',
  'De samenwerking met de bibliotheek ging goed',
  'Er was te weinig tijd voor overleg',
];
const EXTRA_IDS = ['kinderraad', 'ouderbetrokkenheid', 'gemeenschappelijke-taal', 'leesplezier', 'sport-in-de-wijk', 'talentontwikkeling', 'zomerschool', 'muziek-voor-iedereen', 'groen-schoolplein', 'huiswerkbegeleiding'];
const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

const PERIODS = [
  { number: 1, from: '2025-09-01', to: '2026-01-31', months: [[2025, 10], [2025, 11], [2025, 12], [2026, 1]] },
  { number: 2, from: '2026-02-01', to: '2026-07-31', months: [[2026, 3], [2026, 4], [2026, 5], [2026, 6]] },
];

const guidance = (text) => `<!-- ${text.replace(/--/g, '–').trim()} -->`;
const yamlString = (text) => JSON.stringify(text);
const yamlList = (items) => (items.length === 0 ? ' []' : `\n${items.map((i) => `  - ${i}`).join('\n')}`);

function coalitionText(index, t) {
  const place = `${t.pick(PLACE_START)}${t.pick(PLACE_END)}`;
  const schools = t.sample(SCHOOL_NAMES, 3).map((name) => `${t.pick(SCHOOL_KINDS)} ${name}`);
  const people = Array.from({ length: 8 }, () => `${t.pick(FIRST)} ${t.pick(LAST)}`);
  const person = () => t.pick(people);
  const contributor = (name = person()) => `${name} (${t.pick(ROLES)}, ${t.pick(schools)})`;
  const contributors = (n) => t.sample(people, n).map((name) => contributor(name));
  const date = (period) => {
    const [year, month] = t.pick(period.months);
    return `${t.int(1, 28)} ${MONTHS[month - 1]} ${year}`;
  };
  const sentence = () => `We willen ${t.pick(ACTIVITIES)} samen met ${t.pick(GROUPS)} ${t.pick(VERBS)}, zodat het beter past bij wat kinderen in ${place} nodig hebben.`;
  return { name: `Coalitie ${place} ${String(index).padStart(3, '0')}`, place, schools, person, contributors, date, sentence };
}

function step1(c, t, question) {
  return `${question}\n\n${c.sentence()} ${c.sentence()}`;
}

function step2(c, t, period) {
  const goals = Array.from({ length: t.int(2, 3) }, () =>
    `- Voor ${c.date(period)} doen ${t.int(10, 60)} ${t.pick(GROUPS)} mee aan ${t.pick(ACTIVITIES)}. Verantwoordelijk: ${c.person()}.`);
  const actions = Array.from({ length: t.int(1, 3) }, () => `- ${c.person()} gaat ${t.pick(ACTIVITIES)} ${t.pick(VERBS)} met ${t.pick(GROUPS)}.`);
  return `Doelen:\n\n${goals.join('\n')}\n\nActies:\n\n${actions.join('\n')}`;
}

function step3(c, t) {
  const seen = Array.from({ length: t.int(2, 4) }, () => `- ${t.pick(OBSERVATIONS)}: ${t.int(3, 40)} van de ${t.int(41, 80)} keer.`);
  return `Wat ging goed en wat minder goed:\n\n${seen.join('\n')}\n\n${c.sentence()}`;
}

function step4(c, t) {
  return `Hoe zorgen we dat ${t.pick(ACTIVITIES)} ook ${t.pick(GROUPS)} bereikt, en hoe ${t.pick(VERBS)} we dat samen met ${c.schools[0]}?`;
}

/** One bouwblad file. `faults` lets a few files be wrong in the ways real folders are. */
function bouwblad(c, t, { bouwsteen, period, mandatory, question, carried, faults }) {
  const links = t.sample(FORMAT.bouwstenen.map((b) => b.id).filter((id) => id !== bouwsteen.id), t.int(0, 2));
  const contributors = c.contributors(t.int(1, 3));
  const steps = FORMAT.steps.map((s) => ({ title: s.title, body: guidance(s.guidance) }));
  const fourth = step4(c, t);
  // Period 1 has ended on the bench date (2026-03-01): all four steps filled.
  // Period 2 is running: steps 1 and 2 filled, 3 and 4 still the scaffold.
  steps[0].body = carried ? `${carried}\n\n${c.sentence()}` : step1(c, t, question);
  if (!faults.emptyStep2) steps[1].body = step2(c, t, period);
  if (period.number === 1) {
    steps[2].body = step3(c, t);
    steps[3].body = fourth;
  }
  const kept = faults.missingStep3 ? steps.filter((_, i) => i !== 2) : steps;
  const text = `---
level: ${bouwsteen.level}
aspect: ${bouwsteen.aspect}
period: ${period.number}
mandatory: ${mandatory}
question: ${yamlString(question)}
links:${yamlList(links)}
contributors:${yamlList(contributors)}
---

# ${question}

${kept.map((s) => `## ${s.title}\n\n${s.body}\n`).join('\n')}`;
  return { text, fourth };
}

function bouwsteenFile(c, t, bouwsteen) {
  const questions = bouwsteen.questions.map((q) => (q.mandatory ? `- **${q.text}** (verplicht)` : `- ${q.text}`));
  const inputs = c.contributors(t.int(2, 4)).map((line) => `- ${line}`);
  return `---
level: ${bouwsteen.level}
aspect: ${bouwsteen.aspect}
---

# ${bouwsteen.title}

${bouwsteen.description}

## Verdiepende vragen

${questions.join('\n')}

## Wie levert input?

${inputs.join('\n')}
`;
}

/** All files of one coalition as [relative path, content]; about 40 of them. */
export function coalitionFiles(index) {
  const t = tools(prng(0x9e3779b9 ^ (index * 2654435761)));
  const c = coalitionText(index, t);
  const files = [];
  files.push(['kwaliteit.yaml', `# Een gegenereerde coalitie voor de benchmark.
name: ${c.name}
lead: ${c.schools[0]}
municipality:
  - Gemeente ${c.place}
subsidyPeriod: 2025-2028
format: bouwstenen-voor-kwaliteit
periods:
${PERIODS.map((p) => `  - number: ${p.number}\n    from: ${p.from}\n    to: ${p.to}`).join('\n')}
`]);
  files.push(['README.md', `# ${c.name}\n\n${c.sentence()}\n`]);
  files.push(['.gitignore', 'rapport/\n']);
  for (const bouwsteen of FORMAT.bouwstenen) files.push([`bouwstenen/${bouwsteen.id}.md`, bouwsteenFile(c, t, bouwsteen)]);

  const extras = t.sample(EXTRA_IDS, t.int(4, 6)).map((id) => {
    const bouwsteen = t.pick(FORMAT.bouwstenen);
    return { id, bouwsteen, mandatory: false, question: t.pick(bouwsteen.questions.filter((q) => !q.mandatory)).text };
  });
  const mandatory = FORMAT.bouwstenen.map((bouwsteen) => ({
    id: bouwsteen.id,
    bouwsteen,
    mandatory: true,
    question: bouwsteen.questions.find((q) => q.mandatory).text,
  }));
  for (const blad of [...mandatory, ...extras]) {
    let carried;
    for (const period of PERIODS) {
      // A few files are unfinished or broken, as in real folders; both tools
      // should report the missing heading, only check the empty step.
      const faults = { emptyStep2: period.number === 2 && t.chance(0.06), missingStep3: t.chance(0.01) };
      const { text, fourth } = bouwblad(c, t, { ...blad, period, carried, faults });
      files.push([`bouwbladen/${blad.id}/periode-${period.number}.md`, text]);
      carried = fourth;
    }
  }
  return files;
}

function writeCoalition(dir, index) {
  for (const [path, content] of coalitionFiles(index)) {
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}

function isCurrent(dir) {
  try {
    return existsSync(dir) && readFileSync(stampOf(dir), 'utf8') === GENERATOR_VERSION;
  } catch {
    return false;
  }
}

function generateSet(target, fill) {
  if (isCurrent(target)) return false;
  const temp = `${target}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  fill(temp);
  rmSync(target, { recursive: true, force: true });
  renameSync(temp, target);
  writeFileSync(stampOf(target), GENERATOR_VERSION);
  return true;
}

export const manyDirs = () => Array.from({ length: MANY_COUNT }, (_, i) => join(MANY, `coalition-${String(i + 1).padStart(3, '0')}`));

/** The peer: markdownlint-cli2 with only one rule, the four step headings (bench/required-steps.cjs). */
function writeMarkdownlintConfig() {
  const config = `// Written by bench/generate.mjs. The fair peer for kwaliteit check: markdownlint-cli2
// with its own rules off and one custom rule that requires the four step headings.
{
  "config": { "default": false, "kwaliteit-required-steps": true },
  "customRules": ["../required-steps.cjs"],
  "noBanner": true,
  "noProgress": true
}
`;
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(MARKDOWNLINT_CONFIG) || readFileSync(MARKDOWNLINT_CONFIG, 'utf8') !== config) writeFileSync(MARKDOWNLINT_CONFIG, config);
}

export function generate(log = () => {}) {
  writeMarkdownlintConfig();
  // The one coalition gets its own index so it is not simply a copy of coalition-001.
  if (generateSet(ONE, (dir) => writeCoalition(dir, 0))) log(`Eén coalitie gemaakt in ${ONE}`);
  if (
    generateSet(MANY, (dir) => {
      manyDirs().forEach((_, i) => writeCoalition(join(dir, `coalition-${String(i + 1).padStart(3, '0')}`), i + 1));
    })
  ) {
    log(`${MANY_COUNT} coalities gemaakt in ${MANY}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  generate((line) => process.stderr.write(`${line}\n`));
}
