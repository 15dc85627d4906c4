// kwaliteit.yaml: the coalition's own settings. Cross-field checks (period order,
// overlap, inside the subsidy period) are rules in src/rules/, not schema.
// zod/mini keeps `kwaliteit check` quick to start; the API is functional.
import * as z from 'zod/mini';
import { explainBadDate, isIsoDate } from '../dates.js';
import { CONFIG_KEYS, type Shape } from '../schema/known-keys.js';
import { described } from '../schema/describe.js';

const required = (what: string) => ({ error: `Vul bij "{name}" ${what} in.` });
const text = (what: string) => z.string(required(what)).check(z.trim(), z.minLength(1, required(what)));

export const isoDate = z.string({ error: '"{name}" moet een datum zijn in de vorm jaar-maand-dag, zoals 2025-09-01.' }).check(
  z.refine(isIsoDate, {
    error: (issue) => {
      const { message, hint } = explainBadDate(issue.input);
      return `Bij "{name}": ${message}\n${hint}`;
    },
  }),
);

export const PeriodSchema = z.object({
  number: z.int({ error: '"{name}" moet een heel getal zijn (1, 2, 3 …).' }).check(z.positive({ error: '"{name}" moet 1 of hoger zijn.' })),
  from: isoDate,
  to: isoDate,
});

export const ConfigSchema = z.looseObject({
  name: described(text('de naam van de coalitie'), 'De naam van de coalitie.'),
  lead: described(text('de penvoerder (de school die de subsidie aanvraagt)'), 'De penvoerder: de school die de subsidie aanvraagt.'),
  // Optional in the schema: init may not know it yet. The config-municipality rule asks for it.
  municipality: described(
    z.pipe(
      z.nullish(z.union([z.string(), z.array(z.string())], required('de gemeente (of een lijst van gemeenten)'))),
      z.transform((value) => (Array.isArray(value) ? value : value ? [value] : []).map((m) => m.trim()).filter(Boolean)),
    ),
    'De gemeente, of een lijst van gemeenten.',
  ),
  subsidyPeriod: described(
    z.string({ error: '"{name}" moet twee jaartallen zijn met een streepje ertussen, zoals 2025-2028.' }).check(
      z.regex(/^\d{4}-\d{4}$/, { error: '"{name}" is {value}, maar moet twee jaartallen zijn met een streepje ertussen, zoals 2025-2028.' }),
    ),
    'De subsidieperiode, bijvoorbeeld 2025-2028.',
  ),
  format: described(z.optional(z.string().check(z.trim(), z.minLength(1))), 'Het kwaliteitsformat: bouwstenen-voor-kwaliteit of het pad naar een eigen bestand.'),
  periods: described(
    z.array(PeriodSchema, required('een lijst met perioden')).check(
      z.minLength(1, { error: 'Er staat nog geen periode in "periods".\nVoeg de eerste periode toe met number, from en to.' }),
    ),
    'De perioden, elk met number, from en to (jaar-maand-dag).',
  ),
} satisfies Shape<typeof CONFIG_KEYS>);

export type ConfigData = z.infer<typeof ConfigSchema>;
export type Period = z.infer<typeof PeriodSchema>;
