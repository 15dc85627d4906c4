// Makes the Word fixtures of test/fixtures/word/ from their sources, with
// LibreOffice, in one run: every .html and .fodt becomes a .docx beside it, and
// koppen.html also becomes an old Word file (.doc) and an OpenDocument file
// (.odt), for the messages about files that are not a .docx; and bom.docx, a zip bomb.
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

// A zip bomb: koppen.docx with a document part of 70 MB of spaces, which packs
// into some 70 kB. Made by JSZip, not LibreOffice: no office suite writes one.
const { default: JSZip } = await import('jszip');
const { readFileSync, writeFileSync } = await import('node:fs');
const zip = await JSZip.loadAsync(readFileSync(`${dir}koppen.docx`));
zip.file('word/document.xml', Buffer.alloc(70 * 1024 * 1024, 0x20));
writeFileSync(`${dir}bom.docx`, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
