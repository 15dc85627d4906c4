// kwaliteit.yaml: the coalition's own settings. Cross-field checks (period order,
// overlap, inside the subsidy period) are rules in src/rules/, not schema.
import { z } from 'zod';
import { explainBadDate, isIsoDate } from '../dates.js';

const required = (what: string) => ({ error: `Vul bij "{name}" ${what} in.` });

export const isoDate = z
  .string({ error: '"{name}" moet een datum zijn in de vorm jaar-maand-dag, zoals 2025-09-01.' })
  .refine(isIsoDate, {
    error: (issue) => {
      const { message, hint } = explainBadDate(issue.input);
      return `Bij "{name}": ${message}\n${hint}`;
    },
  });

export const PeriodSchema = z.object({
  number: z.number({ error: '"{name}" moet een heel getal zijn (1, 2, 3 …).' }).int().positive(),
  from: isoDate,
  to: isoDate,
});

export const ConfigSchema = z.looseObject({
  name: z.string(required('de naam van de coalitie')).trim().min(1, required('de naam van de coalitie')),
  lead: z.string(required('de penvoerder (de school die de subsidie aanvraagt)')).trim().min(1),
  // Optional in the schema: init may not know it yet. The config-municipality rule asks for it.
  municipality: z
    .union([z.string().trim(), z.array(z.string().trim())], required('de gemeente (of een lijst van gemeenten)'))
    .nullish()
    .transform((value) => (Array.isArray(value) ? value : value ? [value] : []).filter(Boolean)),
  subsidyPeriod: z
    .string({ error: '"{name}" moet twee jaartallen zijn met een streepje ertussen, zoals 2025-2028.' })
    .regex(/^\d{4}-\d{4}$/, { error: '"{name}" is {value}, maar moet twee jaartallen zijn met een streepje ertussen, zoals 2025-2028.' }),
  format: z.string().trim().min(1).optional(),
  periods: z.array(PeriodSchema, required('een lijst met perioden')).min(1, { error: 'Er staat nog geen periode in "periods".\nVoeg de eerste periode toe met number, from en to.' }),
});

export type ConfigData = z.infer<typeof ConfigSchema>;
export type Period = z.infer<typeof PeriodSchema>;

export const CONFIG_KEYS = ['name', 'lead', 'municipality', 'subsidyPeriod', 'format', 'periods'] as const;
