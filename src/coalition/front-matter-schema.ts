// The front-matter of bouwblad and bouwsteen files. Whether a level or aspect
// exists in the format is a rule (with a suggestion), not schema.
import * as z from 'zod/mini';
import { described } from '../schema/describe.js';
import { BOUWBLAD_KEYS, BOUWSTEEN_KEYS, type Shape } from '../schema/known-keys.js';

// A function: each field gets its own schema object, so each can carry its own description.
const list = () =>
  z.pipe(
    z.optional(z.union([z.string(), z.array(z.string({ error: 'Elke regel in "{name}" moet tekst zijn.' }))])),
    z.transform((value) => (Array.isArray(value) ? value : value ? [value] : []).map((item) => item.trim()).filter(Boolean)),
  );

const levelField = described(z.string({ error: '"level" ontbreekt of is geen tekst.\nSchrijf het niveau: micro, meso of macro.' }).check(z.trim()), 'Het niveau van de bouwsteen.');
const aspectField = described(
  z.string({ error: '"aspect" ontbreekt of is geen tekst.\nSchrijf het aspect: samenhang, samenwerking of uitvoering.' }).check(z.trim()),
  'Het aspect van de bouwsteen.',
);

export const BouwbladFrontMatterSchema = z.looseObject({
  level: levelField,
  aspect: aspectField,
  period: described(
    z
      .int({ error: '"period" moet het nummer van een periode zijn (1, 2, 3 …), maar is {value}.\nSchrijf alleen het getal, bijvoorbeeld period: 1.' })
      .check(z.positive({ error: '"period" moet 1 of hoger zijn.' })),
    'Het nummer van de periode uit kwaliteit.yaml.',
  ),
  mandatory: described(
    z.boolean({
      error: '"mandatory" moet true of false zijn, maar is {value}.\nSchrijf true bij de verplichte vraag van de bouwsteen, anders false.',
    }),
    'true voor het bouwblad van de verplichte vraag van de bouwsteen, anders false.',
  ),
  question: described(
    z
      .string({ error: '"question" ontbreekt of is geen tekst.\nSchrijf de vraag van dit bouwblad tussen aanhalingstekens, op één regel.' })
      .check(z.trim(), z.minLength(1, { error: '"question" is leeg.\nSchrijf de vraag van dit bouwblad.' })),
    'De vraag van dit bouwblad.',
  ),
  links: described(list(), 'Andere bouwstenen (niveau-aspect) waar dit werk invloed op heeft.'),
  contributors: described(list(), 'Wie aan dit bouwblad heeft bijgedragen.'),
  previous: described(z.optional(z.string().check(z.trim(), z.minLength(1))), 'Het bouwblad waar deze vraag vandaan komt, als <bouwblad>/periode-<n>.'),
} satisfies Shape<typeof BOUWBLAD_KEYS>);

export type BouwbladFrontMatterData = z.infer<typeof BouwbladFrontMatterSchema>;

export const BouwsteenFrontMatterSchema = z.looseObject({ level: levelField, aspect: aspectField } satisfies Shape<typeof BOUWSTEEN_KEYS>);
