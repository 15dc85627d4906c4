// A schema field carries its own Dutch description: the JSON Schema that editors
// read (kwaliteit schema) takes it from there, so there is no second list to keep in step.
import * as z from 'zod/mini';

export function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

export const descriptionOf = (schema: z.ZodMiniType) => z.globalRegistry.get(schema)?.description;
