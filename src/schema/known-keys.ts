// The names kwaliteit.yaml and the front-matter know, in the order the schemas
// list them. The schemas are built on exactly these lists (TypeScript checks it
// there), so the unknown-keys rule knows them without loading zod, which a run
// whose files are all in the parse cache never needs.
export const CONFIG_KEYS = ['name', 'lead', 'municipality', 'subsidyPeriod', 'format', 'periods'] as const;
export const BOUWBLAD_KEYS = ['level', 'aspect', 'period', 'mandatory', 'question', 'links', 'contributors', 'previous'] as const;
export const BOUWSTEEN_KEYS = ['level', 'aspect'] as const;

/** An object with exactly these names: `satisfies Shape<typeof KEYS>` on a schema's fields. */
export type Shape<Keys extends readonly string[]> = Record<Keys[number], unknown>;
