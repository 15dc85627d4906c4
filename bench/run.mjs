// `npm run bench`: times `kwaliteit check` as a whole process, side by side in
// the same run with node's own start-up (the floor) and markdownlint-cli2 asked
// the same question about the same files (the peer). A benchmark, not a test:
// it fails only when a measured command itself fails, never on a slow number.
// kwaliteit runs twice over: again after a first run (as a person runs it, with
// its parse cache, in a folder of the bench), and as in CI, without that cache.
//
//   BENCH_RUNS=n   timed runs per command (default 7 for one coalition, 5 for many)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generate, manyDirs, MANY, MANY_COUNT, ONE, OUT } from './generate.mjs';
import { writeIntoReadme } from './readme.mjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_NODE=/pad/naar/node measures with another Node (the one that runs the bench loads dist/ only to find the browser).
const NODE = process.env.BENCH_NODE || process.execPath;
const NODE_VERSION = spawnSync(NODE, ['--version'], { encoding: 'utf8' }).stdout.trim();
const BIN = join(REPO, 'bin', 'kwaliteit.js');
const MARKDOWNLINT = join(REPO, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
// A date inside period 2, so period 1 has ended and period 2 is running: every
// rule that looks at dates has something to do.
const DATE = '2026-03-01';
// The goals of issue 17: one coalition at most 100 ms above node's start-up; many
// coalitions in at most half markdownlint-cli2's time, under 500 MB.
const TARGET_STARTUP_MS = 100;
const TARGET_MANY_RATIO = 0.5;
const TARGET_RSS_MB = 500;

const LOAD_AT_START = loadavg()[0];
const envRuns = Number.parseInt(process.env.BENCH_RUNS ?? '', 10);
const RUNS_ONE = envRuns > 0 ? envRuns : 7;
const RUNS_MANY = envRuns > 0 ? envRuns : 5;

const log = (line = '') => process.stderr.write(`${line}\n`);
const rounds = (n) => (n === 1 ? '1 ronde' : `${n} rondes`);

function fail(message) {
  log(`\nbench: ${message}`);
  process.exit(2);
}

// Peak memory and CPU time: GNU time when the machine has it, otherwise a module
// preloaded into every measured node process that reports its own usage at exit
// (all three commands are node processes, so they are measured the same way).
// CPU time is shown next to wall time because it suffers far less when other
// work shares the machine.
const TIME = '/usr/bin/time';
const HAS_TIME = existsSync(TIME) && spawnSync(TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
const scratch = mkdtempSync(join(tmpdir(), 'kwaliteit-bench-'));
const probe = join(scratch, 'rss-probe.mjs');
writeFileSync(
  probe,
  "import { writeFileSync } from 'node:fs';\n" +
    "process.on('exit', () => { if (process.env.BENCH_RSS_FILE) { const u = process.resourceUsage(); writeFileSync(process.env.BENCH_RSS_FILE, `${u.maxRSS} ${u.userCPUTime / 1e6} ${u.systemCPUTime / 1e6}`); } });\n",
);
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const cacheHome = join(scratch, 'cache');

/** Runs one process to the end; resolves with wall time, peak RSS (kB), CPU time and its output. */
function runOnce(command, { keepOutput = false } = {}) {
  const rssFile = join(scratch, 'rss');
  rmSync(rssFile, { force: true });
  const [file, args] = HAS_TIME
    ? [TIME, ['-f', '%M %U %S', '-o', rssFile, NODE, ...command.args]]
    : [NODE, command.args];
  // kwaliteit's parse cache lives in a folder of this bench, not the user's own;
  // a command marked `ci` runs as in CI, where there is no such cache.
  const { CI: _ci, ...inherited } = process.env;
  const env = { ...inherited, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome, ...(command.ci ? { CI: 'true' } : {}) };
  if (!HAS_TIME) {
    env.BENCH_RSS_FILE = rssFile;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(probe).href}`.trim();
  }
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, args, { cwd: command.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    // Both tools write to a pipe someone reads, as in CI; only the tail of
    // stderr is kept (for the error message) unless the caller wants it all.
    const out = [];
    let outTail = '';
    let err = '';
    child.stdout.on('data', (chunk) => {
      if (keepOutput) out.push(chunk);
      else outTail = (outTail + chunk).slice(-4000);
    });
    child.stderr.on('data', (chunk) => {
      err = keepOutput ? err + chunk : (err + chunk).slice(-4000);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const stdout = keepOutput ? Buffer.concat(out).toString('utf8') : outTail;
      if (signal || !command.okCodes.includes(code)) {
        reject(new Error(`"${command.label}" eindigde met ${signal ? `signaal ${signal}` : `code ${code}`} (verwacht: ${command.okCodes.join(' of ')}).\n${err.slice(-4000)}`));
        return;
      }
      // Node also exits with 1 when it crashes; that must not pass for "findings".
      if (command.looksDone && !command.looksDone({ code, stdout, stderr: err })) {
        reject(new Error(`"${command.label}" eindigde met code ${code}, maar de uitvoer is niet die van een gewone controle.\n${err.slice(-4000)}${stdout.slice(-2000)}`));
        return;
      }
      let rssKb = Number.NaN;
      let cpuMs = Number.NaN;
      try {
        // GNU time may put a "Command exited with non-zero status" line first.
        const [maxRss, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        rssKb = maxRss;
        cpuMs = (user + system) * 1000;
      } catch {
        // Unknown stays NaN and is shown as "onbekend".
      }
      resolve({ ms, rssKb, cpuMs, code, stdout, stderr: err });
    });
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * One untimed warm-up per command (so the file cache is equally warm for all),
 * then `runs` rounds in which the commands take turns, so a slow minute on the
 * machine hurts all of them alike.
 */
async function measure(commands, runs) {
  const results = new Map(commands.map((c) => [c, { times: [], cpu: [], rss: [] }]));
  for (const command of commands) {
    log(`  opwarmen: ${command.label}`);
    command.warmup = await runOnce(command, { keepOutput: true });
  }
  for (let round = 1; round <= runs; round++) {
    log(`  ronde ${round} van ${runs}`);
    for (const command of commands) {
      const { ms, rssKb, cpuMs } = await runOnce(command);
      results.get(command).times.push(ms);
      results.get(command).cpu.push(cpuMs);
      results.get(command).rss.push(rssKb);
    }
  }
  return commands.map((command) => {
    const { times, cpu, rss } = results.get(command);
    return { command, median: median(times), cpuMs: median(cpu), times, peakRssMb: Math.max(...rss) / 1024 };
  });
}

// Dutch number notation: a decimal comma.
const nl = (value, digits) => value.toFixed(digits).replace('.', ',');
const duration = (ms) => (!Number.isFinite(ms) ? 'onbekend' : ms < 10_000 ? `${Math.round(ms)} ms` : `${nl(ms / 1000, 1)} s`);
const megabytes = (mb) => (Number.isFinite(mb) ? `${Math.round(mb)} MB` : 'onbekend');
const ratio = (a, b) => `${nl(a / b, 2)}×`;

/** Files markdownlint-cli2 flagged, from its "path:line error rule …" lines on stderr. */
function markdownlintFlagged(stderr, base) {
  const files = new Set();
  for (const line of stderr.split('\n')) {
    const match = /^(.+?\.md):\d+(?::\d+)? error kwaliteit-required-steps\b/.exec(line);
    if (match) files.add(join(base, match[1]));
  }
  return files;
}

/** Sanity: kwaliteit must report something on every file the peer flagged, or the two did not check the same thing. */
function compareFindings(label, dirs, peerFlagged) {
  const run = spawnSync(NODE, [BIN, 'check', ...dirs, '--date', DATE, '--format', 'json'], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, NO_COLOR: '1', XDG_CACHE_HOME: cacheHome },
  });
  if (run.status !== 0 && run.status !== 1) fail(`kwaliteit check --format json gaf code ${run.status}.\n${run.stderr}`);
  const data = JSON.parse(run.stdout);
  const flagged = new Set();
  for (const coalition of data.coalitions) {
    for (const d of coalition.diagnostics) flagged.add(join(REPO, coalition.dir, d.file));
  }
  const missed = [...peerFlagged].filter((file) => !flagged.has(file));
  log(
    `  ${label}: kwaliteit check vond ${data.errors} fouten en ${data.warnings} waarschuwingen; ` +
      `markdownlint-cli2 vond ${peerFlagged.size} bouwbladen zonder alle vier de stappen` +
      (missed.length === 0 ? ', en kwaliteit check meldt die ook.' : '.'),
  );
  if (missed.length > 0) {
    log(`  LET OP: kwaliteit check meldt niets bij ${missed.length} bestand(en) die markdownlint-cli2 wel vond, bijvoorbeeld ${relative(REPO, missed[0])}.`);
  }
  return { errors: data.errors, warnings: data.warnings, peer: peerFlagged.size, missed: missed.length };
}

// --- main ---------------------------------------------------------------------

if (!existsSync(MARKDOWNLINT)) fail('markdownlint-cli2 ontbreekt; draai eerst npm install.');
const help = spawnSync(NODE, [BIN, 'check', '--help'], { cwd: REPO, encoding: 'utf8' });
if (help.status !== 0) fail(`"kwaliteit check" is er (nog) niet: "kwaliteit check --help" gaf code ${help.status}.\n${help.stderr}`);

log('Coalities maken (alleen als ze er nog niet zijn) …');
generate((line) => log(`  ${line}`));

const relOne = relative(REPO, ONE);
const relMany = manyDirs().map((dir) => relative(REPO, dir));
function fileCount(dir) {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    count += entry.isDirectory() ? fileCount(join(dir, entry.name)) : 1;
  }
  return count;
}
const filesOne = fileCount(ONE);
const filesMany = fileCount(MANY);

// What a finished run looks like: kwaliteit's stylish output has the summary
// line ("Geen fouten en 2 waarschuwingen."), markdownlint-cli2 names the rule it tripped.
const checkDone = ({ stdout }) => /(?:Geen|\d+) fout(?:en)? en (?:geen|\d+) waarschuwingen?\./.test(stdout);
const peerDone = ({ code, stderr }) => code === 0 || stderr.includes('kwaliteit-required-steps');

const floor = { label: 'node -e 0', args: ['-e', '0'], cwd: REPO, okCodes: [0] };
// Twice each: as a person runs it again (its parse cache filled by the warm-up
// run), and as CI runs it, on a clean machine without that cache.
const checkOne = { label: 'kwaliteit check, 1 coalitie', args: [BIN, 'check', relOne, '--date', DATE], cwd: REPO, okCodes: [0, 1], looksDone: checkDone };
const checkOneCi = { ...checkOne, label: 'kwaliteit check, 1 coalitie, zoals in CI', ci: true };
const peerOne = { label: 'markdownlint-cli2, 1 coalitie', args: [MARKDOWNLINT, 'one/**/*.md'], cwd: OUT, okCodes: [0, 1], looksDone: peerDone };
// All folders as arguments, as a regional coordinator would (about 15 kB,
// far below the kernel's limit, so no batching and no shell are needed).
const checkMany = { label: `kwaliteit check, ${MANY_COUNT} coalities`, args: [BIN, 'check', ...relMany, '--date', DATE], cwd: REPO, okCodes: [0, 1], looksDone: checkDone };
const checkManyCi = { ...checkMany, label: `kwaliteit check, ${MANY_COUNT} coalities, zoals in CI`, ci: true };
const peerMany = { label: `markdownlint-cli2, ${MANY_COUNT} coalities`, args: [MARKDOWNLINT, 'many/**/*.md'], cwd: OUT, okCodes: [0, 1], looksDone: peerDone };

let one;
let many;
try {
  log(`\nEén coalitie (${filesOne} bestanden), ${rounds(RUNS_ONE)}:`);
  one = await measure([floor, checkOne, checkOneCi, peerOne], RUNS_ONE);
  log(`\n${MANY_COUNT} coalities (${filesMany} bestanden), ${rounds(RUNS_MANY)}:`);
  many = await measure([checkMany, checkManyCi, peerMany], RUNS_MANY);
} catch (error) {
  fail(error.message);
}

log('\nZelfde vraag, zelfde bestanden?');
const sanityOne = compareFindings('1 coalitie', [relOne], markdownlintFlagged(peerOne.warmup.stderr, OUT));
const sanityMany = compareFindings(`${MANY_COUNT} coalities`, relMany, markdownlintFlagged(peerMany.warmup.stderr, OUT));

const [floorOne, kOne, kOneCi, mOne] = one;
const [kMany, kManyCi, mMany] = many;
const rows = [
  [`\`node -e 0\` (het minimum)`, floorOne, '1,00× (basis)'],
  [`\`kwaliteit check\`, 1 coalitie (${filesOne} bestanden), nog een keer`, kOne, `${ratio(kOne.median, floorOne.median)} node; ${ratio(kOne.median, mOne.median)} markdownlint-cli2`],
  [`\`kwaliteit check\`, 1 coalitie, zoals in CI (zonder cache)`, kOneCi, `${ratio(kOneCi.median, floorOne.median)} node; ${ratio(kOneCi.median, mOne.median)} markdownlint-cli2`],
  [`\`markdownlint-cli2\`, 1 coalitie`, mOne, `${ratio(mOne.median, floorOne.median)} node`],
  [`\`kwaliteit check\`, ${MANY_COUNT} coalities (${filesMany} bestanden), nog een keer`, kMany, `${ratio(kMany.median, mMany.median)} markdownlint-cli2`],
  [`\`kwaliteit check\`, ${MANY_COUNT} coalities, zoals in CI (zonder cache)`, kManyCi, `${ratio(kManyCi.median, mMany.median)} markdownlint-cli2`],
  [`\`markdownlint-cli2\`, ${MANY_COUNT} coalities`, mMany, '1,00× (basis)'],
];
const table = [
  '| wat | mediaan | verhouding | cpu-tijd | piekgeheugen |',
  '|---|---:|---|---:|---:|',
  ...rows.map(([what, m, rel]) => `| ${what} | ${duration(m.median)} | ${rel} | ${duration(m.cpuMs)} | ${megabytes(m.peakRssMb)} |`),
].join('\n');

const startup = kOne.median - floorOne.median;
const startupCi = kOneCi.median - floorOne.median;
const met = (ok) => (ok ? 'gehaald' : '**niet gehaald**');
const targets = [
  `- Eén coalitie, nog een keer: ${duration(startup)} boven het opstarten van node (doel: hooguit ${TARGET_STARTUP_MS} ms) — ${met(startup <= TARGET_STARTUP_MS)}. ` +
    `Zoals in CI, zonder cache: ${duration(startupCi)}.`,
  `- ${MANY_COUNT} coalities, nog een keer: ${ratio(kMany.median, mMany.median)} de tijd van markdownlint-cli2 (doel: hooguit ${nl(TARGET_MANY_RATIO, 2)}×) — ${met(kMany.median <= TARGET_MANY_RATIO * mMany.median)}. ` +
    `Zoals in CI, zonder cache: ${ratio(kManyCi.median, mMany.median)}.`,
  `- Piekgeheugen bij ${MANY_COUNT} coalities: ${megabytes(Math.max(kMany.peakRssMb, kManyCi.peakRssMb))} (doel: onder ${TARGET_RSS_MB} MB) — ${met(Math.max(kMany.peakRssMb, kManyCi.peakRssMb) < TARGET_RSS_MB)}.`,
].join('\n');

const cpu = cpus();
const machine =
  `${new Date().toISOString().slice(0, 10)}, Node ${NODE_VERSION}, ${cpu.length} cores (${cpu[0]?.model.trim() ?? 'onbekende processor'}), ` +
  `${Math.round(totalmem() / 2 ** 30)} GB geheugen; mediaan van ${rounds(RUNS_ONE)} (1 coalitie) en ${rounds(RUNS_MANY)} (${MANY_COUNT} coalities), na één opwarmronde; ` +
  `cpu-tijd (gebruiker + systeem, mediaan) en piekgeheugen via ${HAS_TIME ? '/usr/bin/time' : 'process.resourceUsage()'}; ` +
  `gemiddelde belasting van de machine bij de start ${nl(LOAD_AT_START, 1)}.`;

const report = `${machine}\n\n${table}\n\n${targets}\n`;
process.stdout.write(`\n${report}`);
writeFileSync(join(OUT, 'latest.md'), report);
log(`\n(Ook bewaard in ${relative(REPO, join(OUT, 'latest.md'))}.)`);
writeIntoReadme('check', `Laatste meting: ${report}`);
if (sanityOne.missed > 0 || sanityMany.missed > 0) {
  log('LET OP: de twee programma\'s vonden niet hetzelfde; kijk of de vergelijking eerlijk is.');
}
