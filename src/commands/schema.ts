// JSON Schema for kwaliteit.yaml and the front-matter of bouwbladen, so editors
// (VS Code with the YAML extension, for example) can complete and check keys.
import * as z from 'zod/mini';
import { BouwbladFrontMatterSchema, BouwsteenFrontMatterSchema } from '../coalition/front-matter-schema.js';
import { ConfigSchema } from '../config/schema.js';
import { errors } from '../errors.js';
import { loadFormat } from '../format/load.js';
import { described, descriptionOf } from '../schema/describe.js';

export const SCHEMA_KINDS = ['bouwblad', 'bouwsteen', 'config'] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];


export async function schema(options: { kind?: string } = {}): Promise<object> {
  const kind = (options.kind ?? 'bouwblad') as SchemaKind;
  if (!SCHEMA_KINDS.includes(kind)) {
    throw errors.invalidOption('schema', kind, 'dat schema bestaat niet', `Kies uit: ${SCHEMA_KINDS.join(', ')}.`);
  }
  const format = await loadFormat();
  // The format's own ids as choices, with the same description as the field they replace.
  const shape = BouwbladFrontMatterSchema.def.shape;
  const choices = (ids: string[], field: z.ZodMiniType) => described(z.enum(ids as [string, ...string[]]), descriptionOf(field) ?? '');
  const levels = choices(format.levels.map((l) => l.id), shape.level);
  const aspects = choices(format.aspects.map((a) => a.id), shape.aspect);
  const links = described(z.optional(z.array(z.enum(format.bouwstenen.map((b) => b.id) as [string, ...string[]]))), descriptionOf(shape.links) ?? '');
  const zodSchema =
    kind === 'config'
      ? ConfigSchema
      : kind === 'bouwsteen'
        ? z.extend(BouwsteenFrontMatterSchema, { level: levels, aspect: aspects })
        : z.extend(BouwbladFrontMatterSchema, { level: levels, aspect: aspects, links });
  const json = z.toJSONSchema(zodSchema, { io: 'input', unrepresentable: 'any' });
  return { title: `kwaliteit: ${kind}`, ...json };
}
