// The front-matter of bouwblad and bouwsteen files. Whether a level or aspect
// exists in the format is a rule (with a suggestion), not schema.
import * as z from 'zod/mini';

const list = z.pipe(
  z.optional(z.union([z.string(), z.array(z.string({ error: 'Elke regel in "{name}" moet tekst zijn.' }))])),
  z.transform((value) => (Array.isArray(value) ? value : value ? [value] : []).map((item) => item.trim()).filter(Boolean)),
);

const levelField = z.string({ error: '"level" ontbreekt of is geen tekst.\nSchrijf het niveau: micro, meso of macro.' }).check(z.trim());
const aspectField = z.string({ error: '"aspect" ontbreekt of is geen tekst.\nSchrijf het aspect: samenhang, samenwerking of uitvoering.' }).check(z.trim());

export const BouwbladFrontMatterSchema = z.looseObject({
  level: levelField,
  aspect: aspectField,
  period: z
    .int({ error: '"period" moet het nummer van een periode zijn (1, 2, 3 …), maar is {value}.\nSchrijf alleen het getal, bijvoorbeeld period: 1.' })
    .check(z.positive({ error: '"period" moet 1 of hoger zijn.' })),
  mandatory: z.boolean({
    error: '"mandatory" moet true of false zijn, maar is {value}.\nSchrijf true bij de verplichte vraag van de bouwsteen, anders false.',
  }),
  question: z
    .string({ error: '"question" ontbreekt of is geen tekst.\nSchrijf de vraag van dit bouwblad tussen aanhalingstekens, op één regel.' })
    .check(z.trim(), z.minLength(1, { error: '"question" is leeg.\nSchrijf de vraag van dit bouwblad.' })),
  links: list,
  contributors: list,
  previous: z.optional(z.string().check(z.trim(), z.minLength(1))),
});

export const BOUWBLAD_KEYS = ['level', 'aspect', 'period', 'mandatory', 'question', 'links', 'contributors', 'previous'] as const;

export const BouwsteenFrontMatterSchema = z.looseObject({ level: levelField, aspect: aspectField });

export const BOUWSTEEN_KEYS = ['level', 'aspect'] as const;
