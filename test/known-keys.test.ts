// The unknown-keys rule knows the names from known-keys.ts, without the schemas:
// they must be the schemas' own names, in the same order (its hint lists them).
import { expect, it } from 'vitest';
import { BouwbladFrontMatterSchema, BouwsteenFrontMatterSchema } from '../src/coalition/front-matter-schema.js';
import { BOUWBLAD_KEYS, BOUWSTEEN_KEYS, CONFIG_KEYS } from '../src/schema/known-keys.js';
import { ConfigSchema } from '../src/config/schema.js';

it('names exactly the fields of each schema, in their order', () => {
  expect(Object.keys(ConfigSchema.def.shape)).toEqual(CONFIG_KEYS);
  expect(Object.keys(BouwbladFrontMatterSchema.def.shape)).toEqual(BOUWBLAD_KEYS);
  expect(Object.keys(BouwsteenFrontMatterSchema.def.shape)).toEqual(BOUWSTEEN_KEYS);
});
