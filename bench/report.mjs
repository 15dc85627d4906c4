// `node bench/report.mjs` (after `npm run build`): times `kwaliteit report` on
// the example coalition as whole processes, each side by side with its floor in
// the same run:
//   - HTML: the report minus node's own start-up (`node -e 0`); target ≤ 250 ms.
//   - PDF: the report next to the least any puppeteer tool pays — a minimal
//     script that launches the same browser with the same flags, sets the same
//     HTML and prints it once; target: at most 1.1× that floor. Measured twice:
//     a first run with an empty cache folder (as in CI, or the first time on a
//     computer), and the same report made again with the cache folder of an
//     earlier run (the contents' page numbers, the parsed files): the target is
//     judged on that one. Chromium's own `--print-to-pdf` is shown for reference.
// A benchmark, not a test: it fails only when a measured command itself fails.
//
//   BENCH_RUNS=n   timed runs per command (default 5); medians are reported.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeIntoReadme } from './readme.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_NODE=/pad/naar/node measures with another Node (the one that runs the bench loads dist/ only to find the browser).
const NODE = process.env.BENCH_NODE || process.execPath;
const NODE_VERSION = spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
const BIN = join(REPO, 'bin', 'kwaliteit.js');
const EXAMPLE = join(REPO, 'examples', 'voorbeeldcoalitie');
const DATE = '2026-03-01';
const HTML_TARGET_MS = 250;
const PDF_TARGET_RATIO = 1.1;
const envRuns = Number.parseInt(process.env.BENCH_RUNS ?? '', 10);
const RUNS = envRuns > 0 ? envRuns : 5;

const log = (line = '') => process.stderr.write(`${line}\n`);
const scratch = mkdtempSync(join(tmpdir(), 'kwaliteit-bench-report-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const { findBrowser, browserArgs } = await import(pathToFileURL(join(REPO, 'dist', 'index.js')).href).catch(() => {
  log('bench: dist/ ontbreekt; draai eerst "npm run build".');
  process.exit(2);
});

function time(label, file, args, options = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(file, args, { encoding: 'utf8', ...options, env: { ...process.env, NO_COLOR: '1', ...options.env } });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0 || result.error) {
    log(`bench: "${label}" mislukte (code ${result.status}).\n${result.error ?? ''}${result.stderr?.slice(-3000) ?? ''}`);
    process.exit(2);
  }
  return ms;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** One warm-up run (disk cache, the browser's first start), then RUNS timed ones. */
function measure(label, file, args, options) {
  log(`  ${label} …`);
  time(label, file, args, options);
  return median(Array.from({ length: RUNS }, () => time(label, file, args, options)));
}

const fmt = (ms) => `${Math.round(ms)} ms`;

log(`kwaliteit report: ${RUNS} rondes per commando (mediaan), op ${cpus()[0]?.model ?? 'onbekende processor'}`);

// kwaliteit's cache folder (src/fs/cache-folder.ts) follows XDG_CACHE_HOME; the browser
// reads it too, so every command gets one. `again` keeps the cache of the run before it;
// `first` gets an empty one each time. CI=1 would switch the cache off: not here.
const withCache = (folder) => ({ env: { XDG_CACHE_HOME: folder, CI: '' } });
const keptCache = withCache(join(scratch, 'cache'));
let fresh = 0;
const emptyCache = () => {
  const folder = join(scratch, `cache-${fresh++}`);
  mkdirSync(folder);
  return withCache(folder);
};

// --- HTML ------------------------------------------------------------------
// check and the HTML report again (the warm-up run filled the cache), and the HTML report as in CI, without it.
const htmlOut = join(scratch, 'rapport.html');
const nodeFloor = measure('node -e 0', NODE, ['-e', '0']);
const check = measure('check', NODE, [BIN, 'check', EXAMPLE, '--date', DATE], keptCache);
const htmlArgs = [BIN, 'report', EXAMPLE, '--format', 'html', '--out', htmlOut, '--date', DATE];
const html = measure('report --format html', NODE, htmlArgs, keptCache);
const htmlCi = measure('report --format html, zoals in CI', NODE, htmlArgs, { env: { CI: 'true' } });
const htmlOwn = html - nodeFloor;

// --- PDF -------------------------------------------------------------------
let browser;
try {
  browser = findBrowser({ env: process.env });
} catch {
  log('  geen browser gevonden: de PDF-metingen worden overgeslagen.');
}

const rows = [
  ['`node -e 0` (start van node)', fmt(nodeFloor), ''],
  ['`kwaliteit check` (zelfde coalitie: lezen en controleren), nog eens', fmt(check), `eigen werk ${fmt(check - nodeFloor)}; dit deel doet report ook`],
  ['`kwaliteit report --format html`, nog eens', fmt(html), `eigen werk ${fmt(htmlOwn)} (doel ≤ ${HTML_TARGET_MS} ms) ${htmlOwn <= HTML_TARGET_MS ? '✓' : '✗'}; ${fmt(html - check)} meer dan check`],
  ['`kwaliteit report --format html`, zoals in CI (zonder cache)', fmt(htmlCi), `eigen werk ${fmt(htmlCi - nodeFloor)}`],
];

if (browser) {
  // The floor: exactly what any puppeteer-based tool must do, nothing more.
  const floorScript = join(scratch, 'floor.mjs');
  writeFileSync(
    floorScript,
    `import puppeteer from ${JSON.stringify(pathToFileURL(join(REPO, 'node_modules', 'puppeteer-core', 'lib', 'esm', 'puppeteer', 'puppeteer-core.js')).href)};
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const profile = mkdtempSync(join(tmpdir(), 'kwaliteit-bench-profile-'));
const browser = await puppeteer.launch({ executablePath: ${JSON.stringify(browser)}, headless: true, userDataDir: profile, args: ${JSON.stringify(browserArgs())} });
const page = await browser.newPage();
await page.setContent(readFileSync(${JSON.stringify(htmlOut)}, 'utf8'));
writeFileSync(${JSON.stringify(join(scratch, 'floor.pdf'))}, await page.pdf({ format: 'A4', printBackground: true }));
await browser.close();
rmSync(profile, { recursive: true, force: true });
`,
  );
  const pdfOut = join(scratch, 'rapport.pdf');
  // Turn and turn about, so a busy moment on the machine hits all three the same way.
  const floorArgs = [floorScript];
  const reportArgs = [BIN, 'report', EXAMPLE, '--out', pdfOut, '--date', DATE, '--browser', browser];
  log('  puppeteer-core-bodem, report (PDF) de eerste keer en report (PDF) nog eens, om en om …');
  time('bodem', NODE, floorArgs, keptCache);
  time('report (PDF), eerste keer', NODE, reportArgs, emptyCache());
  time('report (PDF), nog eens', NODE, reportArgs, keptCache);
  const floorTimes = [];
  const firstTimes = [];
  const againTimes = [];
  for (let i = 0; i < RUNS; i++) {
    floorTimes.push(time('bodem', NODE, floorArgs, keptCache));
    firstTimes.push(time('report (PDF), eerste keer', NODE, reportArgs, emptyCache()));
    againTimes.push(time('report (PDF), nog eens', NODE, reportArgs, keptCache));
  }
  const floor = median(floorTimes);
  const first = median(firstTimes);
  const pdf = median(againTimes);
  const printProfile = join(scratch, 'print-profile');
  const print = measure(`${browser} --print-to-pdf`, browser, [
    '--headless',
    ...browserArgs(),
    `--user-data-dir=${printProfile}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${join(scratch, 'print.pdf')}`,
    pathToFileURL(htmlOut).href,
  ]);
  const pages = readFileSync(pdfOut, 'latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? '?';
  const ratio = pdf / floor;
  const times = (ratioOf) => `${ratioOf.toFixed(2).replace('.', ',')}×`;
  rows.push(
    [`\`chromium --print-to-pdf\` (zelfde HTML, ter vergelijking)`, fmt(print), ''],
    ['puppeteer-core: starten, `setContent`, `pdf()` (de bodem)', fmt(floor), ''],
    [`\`kwaliteit report\` (PDF, ${pages} bladzijden), de eerste keer (lege cachemap, zoals in CI)`, fmt(first), `${times(first / floor)} de bodem`],
    [`\`kwaliteit report\` (PDF), hetzelfde rapport nog eens`, fmt(pdf), `${times(ratio)} de bodem (doel ≤ ${String(PDF_TARGET_RATIO).replace('.', ',')}×) ${ratio <= PDF_TARGET_RATIO ? '✓' : '✗'}`],
  );
}
rows.push(['`md-to-pdf`', 'niet gemeten', 'installeert zijn eigen browser; die downloaden we niet']);

const table = ['| wat | tijd (mediaan) | opmerking |', '|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
process.stdout.write(`${table}\n`);
const machine = `${new Date().toISOString().slice(0, 10)}, Node ${NODE_VERSION}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'onbekende processor'}), mediaan van ${RUNS} rondes na één opwarmronde; belasting van de machine bij de start ${loadavg()[0].toFixed(1).replace('.', ',')}`;
writeIntoReadme('report', `Laatste meting: ${machine}.\n\n${table}`);
