// Bundles the CLI and the library into dist/. One bundle per entry keeps start-up
// fast (the unbundled unified/zod stack costs far more to import); splitting keeps
// the lazily imported commands (report, prompts) out of `check`'s start-up path.
import { build } from 'esbuild';
import { rename, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { buildDefines } from './build-defines.mjs';

// Build next to dist/ and swap it in, so a running kwaliteit (or a second build)
// never sees a half-written dist/.
const dist = fileURLToPath(new URL('../dist', import.meta.url));
const next = `${dist}.next-${process.pid}`;
const old = `${dist}.old-${process.pid}`;
await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts', 'check-worker': 'src/check/worker.ts', 'cache-folder': 'src/fs/cache-folder.ts' },
  outdir: next,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  // The prompts stay a package of their own. puppeteer-core is bundled (in chunks
  // loaded only by report and preview): as one file it loads in about half the
  // time of its hundreds of modules, so the browser starts that much sooner. ws
  // loads its optional speed-ups in a try/catch when they are installed.
  external: ['@inquirer/prompts', 'bufferutil', 'utf-8-validate'],
  banner: {
    js: "import { createRequire as __kwaliteitCreateRequire } from 'node:module'; const require = __kwaliteitCreateRequire(import.meta.url);",
  },
  define: await buildDefines(fileURLToPath(new URL('..', import.meta.url))),
  logLevel: 'warning',
});
await rename(dist, old).catch(() => {});
await rename(next, dist);
await rm(old, { recursive: true, force: true });
