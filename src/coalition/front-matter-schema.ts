// The front-matter of bouwblad and bouwsteen files. Whether a level or aspect
// exists in the format is a rule (with a suggestion), not schema.
import { z } from 'zod';

const list = z
  .union([z.string().trim().min(1), z.array(z.string({ error: 'Elke regel in "{name}" moet tekst zijn.' }).trim())])
  .transform((value) => (Array.isArray(value) ? value.filter(Boolean) : [value]));

export const BouwbladFrontMatterSchema = z.looseObject({
  level: z.string({ error: '"level" ontbreekt of is geen tekst.\nSchrijf het niveau: micro, meso of macro.' }).trim(),
  aspect: z.string({ error: '"aspect" ontbreekt of is geen tekst.\nSchrijf het aspect: samenhang, samenwerking of uitvoering.' }).trim(),
  period: z
    .number({ error: '"period" moet het nummer van een periode zijn (1, 2, 3 …), maar is {value}.\nSchrijf alleen het getal, bijvoorbeeld period: 1.' })
    .int({ error: '"period" moet een heel getal zijn.' })
    .positive({ error: '"period" moet 1 of hoger zijn.' }),
  mandatory: z.boolean({
    error: '"mandatory" moet true of false zijn, maar is {value}.\nSchrijf true bij de verplichte vraag van de bouwsteen, anders false.',
  }),
  question: z
    .string({ error: '"question" ontbreekt of is geen tekst.\nSchrijf de vraag van dit bouwblad tussen aanhalingstekens, op één regel.' })
    .trim()
    .min(1, { error: '"question" is leeg.\nSchrijf de vraag van dit bouwblad.' }),
  links: list.optional().transform((value) => value ?? []),
  contributors: list.optional().transform((value) => value ?? []),
  previous: z.string().trim().min(1).optional(),
});

export const BOUWBLAD_KEYS = ['level', 'aspect', 'period', 'mandatory', 'question', 'links', 'contributors', 'previous'] as const;

export const BouwsteenFrontMatterSchema = z.looseObject({
  level: z.string({ error: '"level" ontbreekt of is geen tekst.\nSchrijf het niveau: micro, meso of macro.' }).trim(),
  aspect: z.string({ error: '"aspect" ontbreekt of is geen tekst.\nSchrijf het aspect: samenhang, samenwerking of uitvoering.' }).trim(),
});

export const BOUWSTEEN_KEYS = ['level', 'aspect'] as const;
