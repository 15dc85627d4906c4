// Puts a benchmark's latest table into the README, between the two marker
// comments of its name, so the README always shows the last measurement and
// nobody copies numbers by hand. Written next to the README and renamed over
// it, so an interrupted bench never leaves half a README.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const README = join(dirname(fileURLToPath(import.meta.url)), '..', 'README.md');

export function writeIntoReadme(name, markdown, log = (line) => process.stderr.write(`${line}\n`)) {
  const start = `<!-- bench:${name} -->`;
  const end = `<!-- /bench:${name} -->`;
  const text = readFileSync(README, 'utf8');
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) {
    log(`bench: de README heeft geen plek voor "${name}" (${start} … ${end}); de tabel staat alleen hierboven.`);
    return false;
  }
  const next = `${text.slice(0, from + start.length)}\n${markdown.trim()}\n${text.slice(to)}`;
  if (next === text) return true;
  const temp = `${README}.bench-${process.pid}`;
  writeFileSync(temp, next);
  renameSync(temp, README);
  log(`(De tabel staat nu ook in README.md.)`);
  return true;
}
