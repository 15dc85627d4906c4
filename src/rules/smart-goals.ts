// SMART in the handreiking's sense, checked the way a coordinator reads step 2:
// is there something to count, a moment, and someone who does it? Dutch as
// coordinators write it: "Meester Ahmed nodigt …", "Piet (welzijn) plant …",
// numbers as words, "vóór de kerstvakantie", "week 12". The corpus in
// test/fixtures/smart-goals/ holds the verdicts this rule must agree with.
import { bmpOnly, LETTER, WORD_CHAR } from '../text/letter-classes.js';
import { defineRule } from './rule.js';

const MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const MONTH_SHORT = 'jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';
const DAYS = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag';
const NUMBER_WORDS =
  'één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|\\p{L}*(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|duizend)';

/** `\p{L}` in a body, as a class the regex engine compiles quickly (see letter-classes.ts). */
const plain = (body: string) => body.replaceAll('\\p{L}', `[${LETTER}]`);

/**
 * A whole-word pattern, matched against the text in lower case and through
 * bmpOnly(): far cheaper for the regex engine than the `i` and `u` flags with
 * Unicode classes, so every body here is written in lower case.
 */
const W = (body: string, flags = '') => new RegExp(`(?<![${WORD_CHAR}])(?:${plain(body)})(?![${WORD_CHAR}])`, flags);

/**
 * Several whole-word patterns as one: a text matches it when it matches any of
 * them. The regex engine then compiles one pair of the large letter classes
 * instead of one pair for each.
 */
const anyOf = (...bodies: string[]) => W(bodies.map((body) => `(?:${body})`).join('|'));
/** The same, to find every match (with replace). */
const anyOfAll = (...bodies: string[]) => W(bodies.map((body) => `(?:${body})`).join('|'), 'g');

/** Numbers that name something (a date, a year, a time, groep 5, blok 3, week 12) rather than count it. */
const NAMING_NUMBERS = anyOfAll(
  `\\d{1,2}\\s+(?:${MONTHS}|${MONTH_SHORT})\\.?(?:\\s+\\d{4})?`,
  '\\d{1,4}[-/.]\\d{1,2}(?:[-/.]\\d{2,4})?',
  '(?:week|groep|groepen|blok|blokken|periode|stap|klas|leerjaar|ronde|fase|lokaal)\\s+\\d+(?:\\s*(?:,|en|tot en met|t/m|-|–)\\s*\\d+)*',
  '(?:19|20)\\d{2}(?:\\s*[-–/]\\s*(?:19|20)?\\d{2})?',
  '(?:om\\s+)?\\d{1,2}[.:]\\d{2}(?:\\s*uur)?',
  'om\\s+\\d{1,2}(?:\\s*uur)?',
);

/** Digits count once the naming numbers are taken out; the other patterns read the text as it is. */
const DIGITS = /\d/;
const AMOUNT = [
  /%/,
  anyOf(
    `procent|${NUMBER_WORDS}|tweemaal|driemaal|viermaal|helft|halveren|halveert|verdubbel\\p{L}*|kwart`,
    // "alle ouders", "elke wijk", "iedere maandag": all of a group you can count.
    '(?:alle|elke|elk|iedere|ieder|beide)\\s+\\p{L}+',
    // "per wijk", "per blok": one for each, so a count.
    'per\\s+(?!e-?mail|mail|post|brief|telefoon|direct|ongeluk|definitie)\\p{L}+',
  ),
];

const MOMENT = anyOf(
  `${MONTHS}`,
  `\\d{1,2}\\s+(?:${MONTH_SHORT})\\.?`,
  '\\d{1,2}[-/]\\d{1,2}(?:[-/]\\d{2,4})?',
  '(?:19|20)\\d{2}',
  '\\p{L}*week(?:\\s*\\d+)?',
  '\\p{L}*vakantie',
  'voorjaar|najaar|zomer|winter|lente|herfst',
  '(?:school|kalender)?jaar\\s+\\d{4}|schooljaar|dit jaar|volgend jaar|deze periode|periode\\s+\\d+|blok\\s+\\d+',
  'kwartaal|jaarlijks|halfjaarlijks|maandelijks|wekelijks|dagelijks|studiedag|deadline|uiterlijk',
  'per\\s+(?:jaar|maand|week|dag|kwartaal|blok|periode|schooljaar)',
  'binnen\\s+(?:\\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|twaalf|enkele|een paar)\\s+(?:dagen|dag|weken|week|maanden|maand|jaar)',
  `(?:elke|iedere|ieder|op)\\s+(?:${DAYS})\\p{L}*`,
  `(?:${DAYS})\\s+\\d{1,2}`,
);

/** Roles and titles: a person by what they do. "aanspreekpunt" and "contactpersoon" are left out: they are usually the goal itself. */
const ROLES =
  'coördinator\\p{L}*|coordinator\\p{L}*|directeur\\p{L}*|schooldirecteur\\p{L}*|directie|leerkracht\\p{L}*|groepsleerkracht\\p{L}*|intern begeleider\\p{L}*|ib-?er|ib\'er|' +
  'buurtsportcoach\\p{L}*|sportcoach\\p{L}*|cultuurcoach\\p{L}*|taalcoach\\p{L}*|combinatiefunctionaris\\p{L}*|jongerenwerk\\p{L}*|opbouwwerk\\p{L}*|welzijnswerk\\p{L}*|' +
  'schoolmaatschappelijk werk\\p{L}*|maatschappelijk werk\\p{L}*|wijkagent\\p{L}*|wethouder\\p{L}*|beleidsmedewerker\\p{L}*|beleidsadviseur\\p{L}*|ambtena\\p{L}*|' +
  'leesconsulent\\p{L}*|bibliothecaris\\p{L}*|mediacoach\\p{L}*|trainer\\p{L}*|pedagogisch medewerker\\p{L}*|teamleider\\p{L}*|locatieleider\\p{L}*|locatiemanager\\p{L}*|' +
  'bestuurder\\p{L}*|voorzitter\\p{L}*|secretaris|penvoerder\\p{L}*|projectleider\\p{L}*|programmaleider\\p{L}*|programmamanager\\p{L}*|kwartiermaker\\p{L}*|' +
  'werkgroep\\p{L}*|stuurgroep\\p{L}*|kernteam\\p{L}*|team|programmaoverleg|ouderraad|medezeggenschapsraad|mr|leerlingenraad|kinderraad|docent\\p{L}*|begeleider\\p{L}*|' +
  'consulent\\p{L}*|adviseur\\p{L}*|ouderconsulent\\p{L}*|brugfunctionaris\\p{L}*|controller';
/** Organisations that do things. "school" is left out: it is where things happen far more often than who does them. */
const ORGANISATIONS =
  'bibliothe\\p{L}*|muziekschool|welzijn\\p{L}*|stichting|gemeente|gemeenteraad|bso|kinderopvang|peuterspeelzaal|sportvereniging|vereniging|sportclub|club|buurthuis|wijkteam|ggd|' +
  'consultatiebureau|theater|museum|cultuurcentrum|schoolbestu\\p{L}*|bestuur|sportbedrijf';
const TITLES = 'meester|juf|juffrouw|mevrouw|meneer|mevr|dhr|mw|wethouder|directeur|dokter';

/**
 * The same alternatives with every "word and more letters" (`coördinator\p{L}*`)
 * under one shared `\p{L}*`: it matches exactly the same words, but the regex
 * engine builds the large Unicode letter class once instead of some fifty times.
 */
function stemmed(alternatives: string): string {
  const parts = alternatives.split('|');
  const stems = parts.filter((part) => part.endsWith('\\p{L}*')).map((part) => part.slice(0, -'\\p{L}*'.length));
  return [`(?:${stems.join('|')})\\p{L}*`, ...parts.filter((part) => !part.endsWith('\\p{L}*'))].join('|');
}

const ACTOR = new RegExp(`^(?:${plain(stemmed(`${ROLES}|${ORGANISATIONS}`))})$`);
/** Roles of two words: "intern begeleider", "pedagogisch medewerker". */
const ROLE = new RegExp(`^(?:${plain(stemmed(ROLES))})$`);
const MARKER = W('verantwoordelijk\\p{L}*|trekker|trekkers|eigenaar|eigenaren');
const TITLED = new RegExp(`(?<![\\p{L}])(?:${TITLES})\\.?\\s+(?:(?:van|de|der|den|el|al|ten|ter|van der|van den)\\s+)*\\p{Lu}`, 'iu');
/** "Piet (welzijn)", "Linda Verhoeven (gemeente)": a name with the role or organisation in brackets. */
const NAME_WITH_ROLE = /(?<![\p{L}])\p{Lu}\p{Ll}+\s*\([^)]{2,60}\)/u;
/** A role or organisation after one of these is where or with whom something happens, not who does it. */
const PREPOSITIONS = new Set(['met', 'bij', 'naar', 'voor', 'van', 'op', 'in', 'aan', 'tussen', 'over', 'uit', 'zonder', 'tegen', 'rond', 'binnen', 'buiten', 'namens', 'via', 'per', 'onder', 'tot']);
const DETERMINERS = new Set(['de', 'het', 'een', 'onze', 'ons', 'hun', 'zijn', 'haar', 'elke', 'elk', 'alle', 'iedere', 'ieder', 'beide', 'twee', 'drie', 'vier', 'nieuwe', 'eigen', 'vaste']);
/** Capitalised words that begin sentences or name places and things, never a person doing something. */
const NOT_NAMES = new Set(
  'de het een in op voor na vanaf tot tijdens tegen binnen bij met van om uiterlijk eind begin elke elk iedere ieder alle alles meer minder samen ook daarna eerst dan er dit dat deze die doel doelen actie acties we wij ze zij jullie je u hij iedereen niemand kinderen ouders leerlingen partners scholen wat wie hoe wanneer welke waar als zo nog niet wel geen drie twee vier vijf zes zeven acht negen tien'.split(' '),
);
/** Words ending in -t that are not a verb in the third person. */
const NOT_VERBS = new Set('uit met tot niet dat wat dit het net echt best meest eerst want nooit ooit licht recht vast maart augustus kwart punt sport dienst start plaats feest markt kunst contact project resultaat kwaliteit activiteit samenwerkt gezet'.split(' '));

const isVerbLike = (word: string | undefined) =>
  word !== undefined && /^\p{Ll}{2,12}t$/u.test(word) && !NOT_VERBS.has(word) && !/(?:heid|teit|punt|kunst)$/.test(word);

function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;:])\s+|\n+/)
    .map((part) => part.replace(/^[\s>*+-]+|\*\*|__/g, '').trim())
    .filter(Boolean);
}

const words = (sentence: string) => sentence.match(/[\p{L}\p{N}'-]+/gu) ?? [];

/** A role or organisation that acts: not after "met de", "bij de", "op de" …; after "door" it is the one who does it. */
function actingRole(sentence: string): boolean {
  const tokens = words(sentence);
  const lower = tokens.map((token) => token.toLowerCase());
  for (let i = 0; i < lower.length; i++) {
    const matches = ACTOR.test(bmpOnly(lower[i])) || (i + 1 < lower.length && ROLE.test(bmpOnly(`${lower[i]} ${lower[i + 1]}`)));
    if (!matches) continue;
    let j = i - 1;
    while (j >= 0 && DETERMINERS.has(lower[j])) j--;
    if (j < 0 || !PREPOSITIONS.has(lower[j])) return true;
  }
  return false;
}

/** A person by name who does something: "Fatima belt …", "… stuurt Esra …", or a name from the bouwblad's contributors. */
function namedPerson(sentence: string, names: Set<string>): boolean {
  const tokens = words(sentence);
  return tokens.some((token, i) => {
    if (!/^\p{Lu}\p{Ll}+$/u.test(token)) return false;
    if (names.has(token)) return true;
    if (NOT_NAMES.has(token.toLowerCase())) return false;
    const before = tokens[i - 1]?.toLowerCase();
    if (before && (PREPOSITIONS.has(before) || DETERMINERS.has(before))) return false;
    return isVerbLike(tokens[i + 1]) || (i > 0 && isVerbLike(before));
  });
}

export interface SmartCheck {
  measurable: boolean;
  deadline: boolean;
  owner: boolean;
}

/**
 * The text in lower case, so that the patterns (see W) match it as the `i` flag
 * would match the text itself. Two letters need help for that: "İ" would become
 * "i" plus a combining dot (no longer one letter), and the `i` flag reads "ſ" as
 * "s". No other character differs (checked over all of Unicode).
 */
const lowerCase = (text: string) => text.replaceAll('İ', 'ı').replaceAll('ſ', 's').toLowerCase();

/** What a step-2 text names; `names` are first names of the people who worked on the bouwblad. */
export function smartCheck(markdown: string, names: Iterable<string> = []): SmartCheck {
  const text = markdown.replace(/<!--[\s\S]*?-->/g, ' ');
  const lower = bmpOnly(lowerCase(text));
  const counted = lower.replace(NAMING_NUMBERS, ' ');
  const known = new Set(names);
  const parts = sentences(text);
  return {
    measurable: DIGITS.test(counted) || AMOUNT.some((pattern) => pattern.test(lower)),
    deadline: MOMENT.test(lower),
    owner: MARKER.test(lower) || TITLED.test(text) || NAME_WITH_ROLE.test(text) || parts.some((s) => actingRole(s) || namedPerson(s, known)),
  };
}

/** "Fatima el Amrani (coördinator, …)" → "Fatima". */
const firstName = (contributor: string) => /^\s*(\p{Lu}\p{Ll}+)/u.exec(contributor)?.[1];

export default defineRule({
  id: 'smart-goals',
  severity: 'warning',
  description: 'Stap 2 (doelen en acties) noemt iets meetbaars (een aantal, een deel of hoe vaak), een termijn (een datum, week, maand, vakantie of blok) en wie verantwoordelijk is (een naam, ook met titel of rol, een functie of een organisatie die het doet).',
  check({ coalition, report }) {
    for (const file of coalition.bouwbladen) {
      const step = file.body?.steps.find((s) => s.number === 2);
      if (!step?.filled) continue;
      const names = (file.frontMatter?.contributors ?? []).map(firstName).filter((name): name is string => name !== undefined);
      const found = smartCheck(step.content, names);
      const missing = [
        !found.measurable && 'een aantal of iets meetbaars',
        !found.deadline && 'een datum of termijn',
        !found.owner && 'wie verantwoordelijk is',
      ].filter(Boolean) as string[];
      if (!missing.length) continue;
      report({
        file: file.path,
        line: step.line,
        column: 1,
        message: `De doelen in stap 2 noemen nog niet: ${missing.join(', ')}.`,
        hint: 'Maak de doelen SMART: wat precies, hoeveel, wanneer klaar, en wie is verantwoordelijk? Bijvoorbeeld: "Voor 1 december hebben 3 scholen een vast aanspreekpunt (verantwoordelijk: de coördinator)."',
      });
    }
  },
});
