import { relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { visible } from '../text/visible.js';
import chalk from 'chalk';
import { upgrade, type UpgradeFile, type UpgradeOptions, type UpgradeResult } from '../commands/upgrade.js';
import { EXIT_OK } from '../errors.js';
import { PACKAGE_FILE } from '../scaffold/coalition-files.js';
import { describeSource } from '../scaffold/install-source.js';
import { interruptSignal } from './interrupt.js';
import type { Io } from './io.js';

export interface UpgradeCliOptions {
  force?: boolean;
  dryRun?: boolean;
  yes?: boolean;
  installFrom?: string;
}

/** The change as a unified diff (what git shows), line ends as LF. */
function patch(file: UpgradeFile, color: boolean): string {
  const text = createTwoFilesPatch(file.path, file.path, (file.before ?? '').replace(/\r\n/g, '\n'), file.after, file.before === undefined ? 'nieuw' : 'nu', 'bijgewerkt', { context: 2 });
  // Drop the "Index:" and "====" lines of the header; keep ---/+++ and the hunks.
  // The files come from the coalition's folder: their control characters are shown, never obeyed.
  const lines = visible(text).split('\n').filter((line) => !/^(Index: |={10,})/.test(line));
  if (!color) return lines.join('\n');
  return lines
    .map((line) => (/^\+(?!\+\+)/.test(line) ? chalk.green(line) : /^-(?!--)/.test(line) ? chalk.red(line) : /^@@/.test(line) ? chalk.cyan(line) : line))
    .join('\n');
}

function summary(result: UpgradeResult, force: boolean, shown: string, dryRun: boolean): string[] {
  const lines = [`${dryRun ? 'Proefrun: er wordt niets opgeslagen. Dit zou ik bijwerken' : 'Dit ga ik bijwerken'} in ${shown}, naar kwaliteit ${result.version}:`];
  for (const file of result.files) {
    if (file.state === 'update') lines.push(`  ~ ${file.path}${file.path === PACKAGE_FILE ? `: ${describeSource(result.source)}` : ''}`);
    else if (file.state === 'create') lines.push(`  + ${file.path} (nieuw)${file.path === PACKAGE_FILE ? `: ${describeSource(result.source)}` : ''}`);
    else if (file.state === 'current') lines.push(`  = ${file.path} is al bij`);
    else if (file.state === 'missing') lines.push(`  - ${file.path} bestaat niet; dat laat ik zo`);
    else if (force) lines.push(`  ~ ${file.path} (${file.reason}; vervangen door --force)`);
    else lines.push(`  ! ${file.path}: ${file.reason}. Dat bestand laat ik staan.`);
  }
  if (!force && result.files.some((file) => file.state === 'edited')) {
    lines.push('', 'Wil je een aangepast bestand toch vervangen? Neem je eigen aanpassingen dan daarna zelf over, en geef --force mee.');
  }
  return lines;
}

export async function runUpgrade(dir: string | undefined, cli: UpgradeCliOptions, io: Io, cwd = io.cwd): Promise<number> {
  const options: UpgradeOptions = { cwd, dir, force: cli.force, installFrom: cli.installFrom };
  const write = (lines: string[]) => io.stderr(`${lines.join('\n')}\n`);
  const shownFor = (root: string) => {
    const rel = relative(cwd, root);
    return rel === '' ? '.' : rel.startsWith('..') ? root : rel;
  };
  // First the change, then (on a terminal) the question, then the write: the real run plans again under the lock.
  const planned = await upgrade({ ...options, dryRun: true });
  const shown = shownFor(planned.root);
  const changes = planned.files.filter((file) => file.write);
  for (const file of changes) io.stdout(`${patch(file, io.color)}\n`);
  write(summary(planned, Boolean(cli.force), shown, Boolean(cli.dryRun)));
  if (!changes.length) {
    write(['', 'Er is niets bij te werken.']);
    return EXIT_OK;
  }
  if (cli.dryRun) return EXIT_OK;
  const prompts = await import('./prompts.js');
  if (prompts.canPrompt() && !cli.yes && !(await prompts.confirmUpgrade(changes.length))) {
    write(['Gestopt. Er is niets opgeslagen.']);
    return EXIT_OK;
  }
  const interrupt = interruptSignal((text) => io.stderr(text));
  const result = await upgrade({ ...options, signal: interrupt.signal }).finally(interrupt.dispose);
  const written = result.files.filter((file) => file.write).length;
  const lines = [`Klaar: ${written === 1 ? '1 bestand' : `${written} bestanden`} bijgewerkt naar kwaliteit ${result.version}.`];
  if (result.lockfileStale) {
    lines.push(
      '',
      'Nog één stap: package-lock.json noemt nog de oude versie. Typ in deze map "npm install" en zet de nieuwe',
      'package-lock.json in git. Anders stopt de controle op GitHub of GitLab met een fout.',
    );
  }
  lines.push('', 'Zet de wijzigingen in git, dan gebruikt ook de controle bij elke wijziging de nieuwe versie.');
  write(lines);
  return EXIT_OK;
}
