// The single-file program (npm run build:exe; .ci/run builds it before the
// suite), run as a coordinator without Node would: by its own path, with a PATH
// on which there is no node at all.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyOf, tempDir } from './helpers/folders.js';
import { testBrowser } from './helpers/pdf-tools.js';
import { exec, REPO, runMain } from './helpers/run.js';

const PROGRAM = join(REPO, 'dist-exe/kwaliteit-linux-x64');
/** The newest source or template the program file is made from. */
const newestSource = () =>
  Math.max(
    ...['src', 'templates'].flatMap((dir) =>
      (readdirSync(join(REPO, dir), { recursive: true, encoding: 'utf8' }) as string[]).map((path) => statSync(join(REPO, dir, path)).mtimeMs),
    ),
  );
// A program file made from older code would test that code: built again by .ci/run every time, here only on request.
const stale = existsSync(PROGRAM) && statSync(PROGRAM).mtimeMs < newestSource();
const built = existsSync(PROGRAM) && !stale;
const VERSION = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version;
const DATE = '2026-03-01';

// The two tests have folders of their own and run side by side, each program in a child process.
describe.skipIf(!built).concurrent(`the Linux program file${built ? '' : ` (overgeslagen: dist-exe/kwaliteit-linux-x64 ${stale ? 'is ouder dan de code' : 'ontbreekt'}; maak hem met "npm run build:exe", .ci/run doet dat)`}`, () => {
  // An empty folder as the whole PATH: no node, no npm, nothing. Made when the tests run:
  // a file whose tests are all skipped runs no afterAll, so it would leave them behind.
  let emptyPath: string;
  let home: string;
  beforeAll(() => {
    emptyPath = tempDir('geen-node-');
    home = tempDir('thuis-');
  });
  const program = (args: string[], cwd: string) => exec(PROGRAM, args, { cwd, env: { PATH: emptyPath, HOME: home, NO_COLOR: '1' }, timeout: 60_000 });

  it('runs with no node on the PATH: --version, init, check --format json like node does', async ({ expect }) => {
    expect(readdirSync(emptyPath)).toEqual([]);
    expect((await program(['--version'], home)).stdout).toBe(`${VERSION}\n`);

    const parent = tempDir();
    const made = await program(['init', 'nieuw', '--name', 'Coalitie Test', '--lead', 'OBS De Linde', '--yes'], parent);
    expect(made.status, made.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(parent, 'nieuw/package.json'), 'utf8'));
    expect(manifest.dependencies.kwaliteit).toBe(VERSION);
    expect(readFileSync(join(parent, 'nieuw/bouwstenen/meso-samenhang.md'), 'utf8')).toContain('# Samenhang op mesoniveau');

    const dir = copyOf('examples/voorbeeldcoalitie');
    const theirs = await program(['check', dir, '--format', 'json', '--date', DATE], REPO);
    const ours = await runMain(['check', dir, '--format', 'json', '--date', DATE]);
    expect(theirs.status).toBe(ours.code);
    expect(JSON.parse(theirs.stdout)).toEqual(JSON.parse(ours.stdout));
    // Errors stay Dutch and without a stack trace in the program file too.
    const missing = await program(['check', join(parent, 'bestaat-niet')], home);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^Fout: De map .* bestaat niet\./);
  });

  it.skipIf(!testBrowser())(`makes the PDF report with the browser on this computer${testBrowser() ? '' : ' (overgeslagen: geen browser gevonden)'}`, async ({ expect }) => {
    const dir = copyOf('examples/voorbeeldcoalitie');
    const result = await program(['report', dir, '--date', DATE, '--browser', testBrowser()!], home);
    expect(result.status, result.stderr).toBe(0);
    const pdf = readFileSync(join(dir, 'rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // The CSS and format inside the program file made it: the HTML version shows both.
    expect((await program(['report', dir, '--format', 'html', '--date', DATE], home)).status).toBe(0);
    const html = readFileSync(join(dir, 'rapport/kwaliteitsrapport-coalitie-kansrijk-rivierstad.html'), 'utf8');
    expect(html).toContain('@page');
    expect(html).toContain(`kwaliteit ${VERSION}`);
  });
});

const WINDOWS = join(REPO, 'dist-exe/kwaliteit-win-x64.exe');
const windowsBuilt = existsSync(WINDOWS);

// Windows itself is not here (and Wine cannot start this Node); what can be checked on Linux is checked.
describe.skipIf(!windowsBuilt)(`the Windows program file${windowsBuilt ? '' : ' (overgeslagen: dist-exe/kwaliteit-win-x64.exe ontbreekt)'}`, () => {
  it('is a Windows program with the blob injected and the fuse flipped, carrying the templates, format and CSS', () => {
    const bytes = readFileSync(WINDOWS);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('MZ');
    // Node starts the injected script only when this fuse ends in :1 (postject flips it).
    expect(bytes.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1')).toBe(true);
    expect(bytes.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:0')).toBe(false);
    for (const asset of ['templates/coalitie/github-workflow.yml', 'templates/format/bouwstenen-voor-kwaliteit.yaml', 'templates/report/report.css', 'package.json']) {
      expect(bytes.includes(asset), asset).toBe(true);
    }
  });
});
