// Loads a whole coalition folder: config, format, bouwstenen, bouwbladen.
// A problem in one file becomes a diagnostic on that file and the run goes on.
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../diagnostic.js';
import { loadFormat, resolveFormatPath } from '../format/load.js';
import { findCoalitionRoot } from './find.js';
import { BouwbladFrontMatterSchema, BouwsteenFrontMatterSchema } from './front-matter-schema.js';
import { BOUWBLADEN_DIR, BOUWSTENEN_DIR, CONFIG_FILE, KNOWN_FILES, PERIOD_FILE } from './layout.js';
import { listFiles } from './list-files.js';
import type { BouwbladFile, BouwsteenFile, Coalition } from './model.js';
import { readConfig } from './read-config.js';
import { readMarkdownFile } from './read-file.js';
import { validate } from './schema-diagnostics.js';

/** Runs `task` over `items` with at most `limit` at once (file handles are finite). */
async function mapLimited<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function loadCoalition(dir: string): Promise<Coalition> {
  const root = await findCoalitionRoot(dir);
  const diagnostics: Diagnostic[] = [];
  const [{ config, diagnostics: configDiagnostics }, listing] = await Promise.all([readConfig(root), listFiles(root)]);
  diagnostics.push(...configDiagnostics);

  const formatSpec = typeof (config.data as { format?: unknown } | undefined)?.format === 'string'
    ? ((config.data as { format: string }).format)
    : undefined;
  const format = await loadFormat(resolveFormatPath(formatSpec, dirname(join(root, CONFIG_FILE))), join(root, CONFIG_FILE));

  for (const { path, code } of listing.unreadableDirs) {
    diagnostics.push({
      file: path,
      ruleId: 'file-unreadable',
      severity: 'error',
      message: `Deze map kan niet worden geopend${code === 'EACCES' || code === 'EPERM' ? ': je hebt geen leesrechten' : ` (${code})`}. Wat erin staat, telt niet mee.`,
      hint: 'Kijk of je de map mag openen, of vraag de beheerder om leesrechten.',
    });
  }
  for (const link of listing.symlinks) {
    diagnostics.push({
      file: link,
      ruleId: 'file-symlink',
      severity: 'warning',
      message: 'Dit is een snelkoppeling (symbolische link). kwaliteit volgt die niet, zodat er niets buiten de map van de coalitie wordt gelezen.',
      hint: 'Zet het bestand zelf in de map in plaats van een snelkoppeling.',
    });
  }

  const bouwsteenPaths: string[] = [];
  const bouwbladPaths: string[] = [];
  const strayFiles: string[] = [];
  for (const path of listing.files) {
    const parts = path.split('/');
    if (parts[0] === BOUWSTENEN_DIR && parts.length === 2 && /\.md$/i.test(parts[1])) bouwsteenPaths.push(path);
    else if (parts[0] === BOUWBLADEN_DIR && parts.length === 3 && /\.md$/i.test(parts[2])) bouwbladPaths.push(path);
    else if (!KNOWN_FILES.has(path) && !parts.some((part) => part.startsWith('.'))) strayFiles.push(path);
  }

  const bouwstenen = await mapLimited(bouwsteenPaths, 32, async (path): Promise<BouwsteenFile> => {
    const read = await readMarkdownFile(root, path);
    diagnostics.push(...read.diagnostics);
    if (read.file.readable) {
      diagnostics.push(...validate(BouwsteenFrontMatterSchema, read.file.data, read.file.yaml, path, 'front-matter-schema').diagnostics);
    }
    return { ...read.file, id: path.slice(BOUWSTENEN_DIR.length + 1).replace(/\.md$/i, '') };
  });

  const bouwbladen = await mapLimited(bouwbladPaths, 32, async (path): Promise<BouwbladFile> => {
    const read = await readMarkdownFile(root, path);
    diagnostics.push(...read.diagnostics);
    const [, id, name] = path.split('/');
    const periodMatch = PERIOD_FILE.exec(name);
    const file: BouwbladFile = { ...read.file, id, ...(periodMatch ? { filePeriod: Number(periodMatch[1]) } : {}) };
    if (read.file.readable) {
      const checked = validate(BouwbladFrontMatterSchema, read.file.data, read.file.yaml, path, 'front-matter-schema');
      diagnostics.push(...checked.diagnostics);
      if (checked.value) file.frontMatter = checked.value;
    }
    return file;
  });

  return { root, config, format, bouwstenen, bouwbladen, strayFiles, diagnostics };
}
