// `node bench/preview.mjs` (after `npm run build`): two figures of
// `kwaliteit preview` on a copy of the example coalition, after one changed
// bouwblad at a time:
//   - server work: from the watcher's report of the save to the new page ready
//     (reading, parsing, checking, making the page), in this process; goal ≤ 50 ms.
//   - save → page: from writing the file to the new text in a real browser, with
//     the preview running as the program a coalition starts; goal ≤ 300 ms median.
// A benchmark, not a test: it fails only when the preview itself fails.
//
//   BENCH_RUNS=n   saves per figure (default 20); medians are reported.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeIntoReadme } from './readme.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_NODE=/pad/naar/node measures with another Node (the one that runs the bench loads dist/ only to find the browser).
const NODE = process.env.BENCH_NODE || process.execPath;
const NODE_VERSION = spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
const BIN = join(REPO, 'bin', 'kwaliteit.js');
const DATE = '2026-03-01';
const SERVER_TARGET_MS = 50;
const PAGE_TARGET_MS = 300;
const BOUWBLAD = 'bouwbladen/meso-samenwerking/periode-2.md';
const envRuns = Number.parseInt(process.env.BENCH_RUNS ?? '', 10);
const RUNS = envRuns > 0 ? envRuns : 20;

const log = (line = '') => process.stderr.write(`${line}\n`);
const scratch = mkdtempSync(join(tmpdir(), 'kwaliteit-bench-preview-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

const api = await import(pathToFileURL(join(REPO, 'dist', 'index.js')).href).catch(() => {
  log('bench: dist/ ontbreekt; draai eerst "npm run build".');
  process.exit(2);
});

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (ms) => `${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms`;

function copyExample(name) {
  const dir = join(scratch, name);
  cpSync(join(REPO, 'examples', 'voorbeeldcoalitie'), dir, { recursive: true, filter: (path) => !path.includes(`${join('voorbeeldcoalitie', 'rapport')}`) });
  return dir;
}

/** Writes the bouwblad with one sentence in step 1 that says which save this is. */
function save(dir, original, marker) {
  writeFileSync(join(dir, BOUWBLAD), original.replace('## Stap 2', `Meting ${marker}: deze zin komt uit de benchmark.\n\n## Stap 2`));
}

log(`kwaliteit preview: ${RUNS} keer opslaan per meting (mediaan), op ${cpus()[0]?.model ?? 'onbekende processor'}`);

// --- server work, in this process ------------------------------------------
const serverDir = copyExample('server');
const original = readFileSync(join(serverDir, BOUWBLAD), 'utf8');
let waiting;
const session = await api.preview({ dir: serverDir, date: DATE, onUpdate: (update) => waiting?.(update) });
const next = () => new Promise((resolve) => (waiting = resolve));
const updates = [];
log('  serverwerk per opgeslagen bouwblad …');
for (let i = 0; i < RUNS + 2; i++) {
  const arrived = next();
  save(serverDir, original, `s${i}`);
  const update = await arrived;
  // The first two saves warm the code up, as the first minutes of a session do.
  if (i >= 2) updates.push(update);
}
await session.close();
const serverMs = median(updates.map((u) => u.ms));
const reads = median(updates.map((u) => u.reads));
const parsed = median(updates.map((u) => u.parsed));

// --- save → updated page, in a real browser ---------------------------------
const rows = [
  ['serverwerk na één opgeslagen bouwblad', fmt(serverMs), `${reads} bestand gelezen, ${parsed} ontleed, de rest uit het geheugen; eerste pagina ${fmt(session.first.ms)} (doel ≤ ${SERVER_TARGET_MS} ms) ${serverMs <= SERVER_TARGET_MS ? '✓' : '✗'}`],
];
let browserPath;
try {
  browserPath = api.findBrowser({ env: process.env });
} catch {
  log('  geen browser gevonden: de meting in de browser wordt overgeslagen.');
}
if (browserPath) {
  const { default: puppeteer } = await import(pathToFileURL(join(REPO, 'node_modules', 'puppeteer-core', 'lib', 'esm', 'puppeteer', 'puppeteer-core.js')).href);
  const pageDir = copyExample('page');
  const child = spawn(NODE, [BIN, 'preview', pageDir, '--no-open', '--date', DATE], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = /http:\/\/\S+/.exec(out);
      if (found) resolve(found[0]);
    });
    child.once('exit', (code) => reject(new Error(`preview stopte met code ${code}`)));
  });
  const profile = join(scratch, 'profile');
  const browser = await puppeteer.launch({ executablePath: browserPath, headless: true, userDataDir: profile, args: api.browserArgs() });
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector('.preview-status');
  log('  opslaan → bijgewerkte pagina in de browser …');
  const delays = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const marker = `p${i}`;
    const seen = page.evaluate(
      (text) =>
        new Promise((resolve) => {
          const look = () => document.body.textContent.includes(text) && (observer.disconnect(), resolve(Date.now()));
          const observer = new MutationObserver(look);
          observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        }),
      `Meting ${marker}:`,
    );
    // The observer is in place before the file is written.
    await page.evaluate(() => 0);
    const written = Date.now();
    save(pageDir, original, marker);
    const shown = await seen;
    if (i >= 2) delays.push(shown - written);
  }
  await browser.close();
  child.kill('SIGINT');
  await new Promise((resolve) => child.once('exit', resolve));
  const pageMs = median(delays);
  rows.push([
    'opslaan → bijgewerkte pagina in Chromium',
    fmt(pageMs),
    `snelste ${fmt(Math.min(...delays))}, traagste ${fmt(Math.max(...delays))} (doel ≤ ${PAGE_TARGET_MS} ms mediaan) ${pageMs <= PAGE_TARGET_MS ? '✓' : '✗'}`,
  ]);
}

const table = ['| wat | mediaan | opmerking |', '|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
process.stdout.write(`${table}\n`);
const machine = `${new Date().toISOString().slice(0, 10)}, Node ${NODE_VERSION}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'onbekende processor'}), mediaan van ${RUNS} keer opslaan; belasting van de machine bij de start ${loadavg()[0].toFixed(1).replace('.', ',')}`;
writeIntoReadme('preview', `Laatste meting: ${machine}.\n\n${table}`);
