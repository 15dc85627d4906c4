import { appendFile } from 'node:fs/promises';
import { check } from '../commands/check.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from '../errors.js';
import { formatters, githubSummary, type FormatterName } from '../formatters/index.js';
import type { Io } from './io.js';

export interface CheckCliOptions {
  /** Checked by the option parser (cli/options.ts). */
  format?: FormatterName;
  date?: string;
  final?: boolean;
  strict?: boolean;
}

export async function runCheck(dirs: string[], options: CheckCliOptions, io: Io, cwd = io.cwd): Promise<number> {
  const name = options.format ?? 'stylish';
  const result = await check({ cwd, dirs, date: options.date, final: options.final });
  io.stdout(formatters[name](result, { color: io.color }));
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (name === 'github' && summaryFile) {
    await appendFile(summaryFile, githubSummary(result)).catch((error: NodeJS.ErrnoException) =>
      io.stderr(`Let op: de samenvatting kon niet naar ${summaryFile} worden geschreven (${error.code ?? error.message}).\n`),
    );
  }
  if (result.results.some((r) => r.failed)) return EXIT_USAGE;
  if (result.errors > 0 || (options.strict && result.warnings > 0)) return EXIT_FINDINGS;
  return EXIT_OK;
}
