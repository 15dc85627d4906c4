// Makes the Word fixtures of test/fixtures/word/ from their sources, with
// LibreOffice, in one run: every .html and .fodt becomes a .docx beside it, and
// koppen.html also becomes an old Word file (.doc) and an OpenDocument file
// (.odt), for the messages about files that are not a .docx.
//   node scripts/word-fixtures.mjs
// The .docx files are committed, so the tests need no LibreOffice to read them.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../test/fixtures/word/', import.meta.url));
const sources = readdirSync(dir).filter((name) => /\.(html|fodt)$/.test(name));
const run = (filter, files) => {
  const result = spawnSync('soffice', ['--headless', '--convert-to', filter, '--outdir', dir, ...files], { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr}`);
  process.stdout.write(result.stdout);
};
run('docx:MS Word 2007 XML', sources);
run('doc:MS Word 97', ['koppen.html']);
run('odt', ['koppen.html']);
