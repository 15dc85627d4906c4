// One of kwaliteit's TypeScript modules, compiled for a build script's own use
// (the build runs before there is a dist/ to import from).
import { build } from 'esbuild';
import { join } from 'node:path';

export async function importTs(repo, path) {
  const { outputFiles } = await build({ entryPoints: [join(repo, path)], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
  return import(`data:text/javascript;base64,${Buffer.from(outputFiles[0].contents).toString('base64')}`);
}

/** The letter classes of src/text/letter-classes.ts, made once for the bundle. */
export async function letterClasses(repo) {
  const { bmpClass } = await importTs(repo, 'src/text/letter-classes.ts');
  return { KWALITEIT_LETTER_CLASS: JSON.stringify(bmpClass(/\p{L}/u)), KWALITEIT_WORD_CLASS: JSON.stringify(bmpClass(/[\p{L}\p{N}]/u)) };
}
