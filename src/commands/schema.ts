// JSON Schema for kwaliteit.yaml and the front-matter of bouwbladen, so editors
// (VS Code with the YAML extension, for example) can complete and check keys.
import * as z from 'zod/mini';
import { BouwbladFrontMatterSchema, BouwsteenFrontMatterSchema } from '../coalition/front-matter-schema.js';
import { ConfigSchema } from '../config/schema.js';
import { errors } from '../errors.js';
import { loadFormat } from '../format/load.js';

export const SCHEMA_KINDS = ['bouwblad', 'bouwsteen', 'config'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];

const DESCRIPTIONS: Record<string, string> = {
  level: 'Het niveau van de bouwsteen.',
  aspect: 'Het aspect van de bouwsteen.',
  period: 'Het nummer van de periode uit kwaliteit.yaml.',
  mandatory: 'true voor het bouwblad van de verplichte vraag van de bouwsteen, anders false.',
  question: 'De vraag van dit bouwblad.',
  links: 'Andere bouwstenen (niveau-aspect) waar dit werk invloed op heeft.',
  contributors: 'Wie aan dit bouwblad heeft bijgedragen.',
  previous: 'Het bouwblad waar deze vraag vandaan komt, als <bouwblad>/periode-<n>.',
  name: 'De naam van de coalitie.',
  lead: 'De penvoerder: de school die de subsidie aanvraagt.',
  municipality: 'De gemeente, of een lijst van gemeenten.',
  subsidyPeriod: 'De subsidieperiode, bijvoorbeeld 2025-2028.',
  format: 'Het kwaliteitsformat: bouwstenen-voor-kwaliteit of het pad naar een eigen bestand.',
  periods: 'De perioden, elk met number, from en to (jaar-maand-dag).',
};

export async function schema(options: { kind?: string } = {}): Promise<object> {
  const kind = (options.kind ?? 'bouwblad') as SchemaKind;
  if (!SCHEMA_KINDS.includes(kind)) {
    throw errors.invalidOption('schema', kind, 'dat schema bestaat niet', `Kies uit: ${SCHEMA_KINDS.join(', ')}.`);
  }
  const format = await loadFormat();
  const levels = z.enum(format.levels.map((l) => l.id) as [string, ...string[]]);
  const aspects = z.enum(format.aspects.map((a) => a.id) as [string, ...string[]]);
  const bouwstenen = z.enum(format.bouwstenen.map((b) => b.id) as [string, ...string[]]);
  const zodSchema =
    kind === 'config'
      ? ConfigSchema
      : kind === 'bouwsteen'
        ? z.extend(BouwsteenFrontMatterSchema, { level: levels, aspect: aspects })
        : z.extend(BouwbladFrontMatterSchema, { level: levels, aspect: aspects, links: z.optional(z.array(bouwstenen)) });
  const json = z.toJSONSchema(zodSchema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, { description?: string }> };
  for (const [key, property] of Object.entries(json.properties ?? {})) {
    if (DESCRIPTIONS[key]) property.description = DESCRIPTIONS[key];
  }
  return { title: `kwaliteit: ${kind}`, ...json };
}
