import { join } from 'node:path';
import { MAX_TIMEOUT_SECONDS, report } from '../commands/report.js';
import type { ReportFormat } from '../commands/report-formats.js';
import { displayPath } from '../text/display-path.js';
import { errors, EXIT_FINDINGS, EXIT_OK } from '../errors.js';
import { formatters } from '../formatters/index.js';
import { userCacheFolder } from '../fs/cache-folder.js';
import { countErrors } from '../text/counts.js';
import { problemLines } from '../text/problems.js';
import { interruptSignal } from './interrupt.js';
import type { Io } from './io.js';

export interface ReportCliOptions {
  /** Checked by the option parser (cli/options.ts). */
  format?: ReportFormat;
  out?: string;
  final?: boolean;
  date?: string;
  browser?: string;
  /** Seconds. */
  timeout?: string;
}

/** The user's own cache folder, as the environment the command runs in says (none in CI). */
function cacheFolder(env: NodeJS.ProcessEnv): { cacheFolder?: string } {
  const folder = userCacheFolder({ env });
  return folder ? { cacheFolder: folder } : {};
}

/** "is nog 1 fout" or "zijn nog 3 fouten": the verb agrees with the number. */
const stillFound = (count: number) => `${count === 1 ? 'is' : 'zijn'} nog ${countErrors(count)}`;
const solveThem = (count: number) => (count === 1 ? 'Los die op' : 'Los ze op');

export async function runReport(dir: string | undefined, options: ReportCliOptions, io: Io, cwd = io.cwd): Promise<number> {
  let timeoutMs: number | undefined;
  if (options.timeout !== undefined) {
    const seconds = Number(options.timeout.replace(',', '.'));
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
      throw errors.invalidOption('--timeout', options.timeout, seconds > MAX_TIMEOUT_SECONDS ? `dat is langer dan een uur` : 'dat is geen aantal seconden', `Geef een getal van 1 tot en met ${MAX_TIMEOUT_SECONDS}, bijvoorbeeld --timeout 120.`);
    }
    timeoutMs = seconds * 1000;
  }
  // Ctrl+C stops the browser and leaves the earlier report as it was, instead of dying halfway.
  const interrupt = interruptSignal((text) => io.stderr(text));
  const result = await report({
    cwd,
    dir: dir ?? '.',
    ...(options.format ? { format: options.format } : {}),
    ...(options.out ? { out: options.out } : {}),
    final: Boolean(options.final),
    ...(options.date ? { date: options.date } : {}),
    ...(options.browser ? { browser: options.browser } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    env: io.env,
    ...cacheFolder(io.env),
    onProgress: (message) => io.stderr(`${message}\n`),
    signal: interrupt.signal,
  }).finally(interrupt.dispose);

  if (result.status === 'refused') {
    io.stdout(formatters.stylish({ date: result.date, final: true, results: [result.coalition], errors: result.coalition.summary.errors, warnings: result.coalition.summary.warnings }, { color: io.color }));
    io.stderr(
      `Het rapport is niet gemaakt: bij de eindcontrole ${stillFound(result.coalition.summary.errors)} gevonden (zie hierboven).\n` +
        `${solveThem(result.coalition.summary.errors)} en probeer het opnieuw. Een tussenversie maak je zonder --final; die krijgt het stempel "concept".\n`,
    );
    return EXIT_FINDINGS;
  }
  for (const warning of result.warnings) {
    io.stderr(`Let op: ${warning.file}${warning.line !== undefined ? `:${warning.line}` : ''}: ${warning.message}\n`);
  }
  const { errors: errorCount } = result.coalition.summary;
  if (result.status === 'concept' && errorCount > 0) {
    // Each file as the user can open it from here, not only from inside the coalition folder.
    const { root, diagnostics } = result.coalition;
    const listed = problemLines(diagnostics.map((d) => ({ ...d, file: displayPath(cwd, join(root, d.file)) })));
    io.stderr(
      `Dit is een concept: bij de controle ${stillFound(errorCount)} gevonden. ${solveThem(errorCount)} voor het definitieve rapport:\n` +
        `${listed}\n` +
        `${errorCount === 1 ? 'Ook de bijlage van het rapport noemt die fout.' : 'Ook de bijlage van het rapport noemt ze.'}\n`,
    );
  }
  for (const file of result.files) io.stdout(`Het rapport staat in ${displayPath(cwd, file)}\n`);
  return EXIT_OK;
}
