import { ConfigSchema } from '../config/schema.js';
import type { Diagnostic } from '../diagnostic.js';
import { parseYaml } from '../yaml/parse.js';
import { CONFIG_FILE } from './layout.js';
import type { ConfigFile } from './model.js';
import type { ParseCache } from './parse-cache.js';
import { fileError, textOf } from './read-file.js';
import type { FileSource, ReadOutcome } from './source.js';
import { validate } from './schema-diagnostics.js';

type ConfigRead = { config: ConfigFile; diagnostics: Diagnostic[] };

/** kwaliteit.yaml, parsed and checked; with a cache, parsed again only when its bytes changed. */
export async function readConfig(source: FileSource, cache?: ParseCache): Promise<ConfigRead> {
  const read = await source.read(CONFIG_FILE);
  const cached = read.ok ? (cache?.get(CONFIG_FILE, read.bytes) as ConfigRead | undefined) : undefined;
  if (cached) return cached;
  const result = parseConfig(read);
  if (read.ok) cache?.set(CONFIG_FILE, read.bytes, result);
  return result;
}

function parseConfig(read: ReadOutcome): ConfigRead {
  const path = CONFIG_FILE;
  const { text, bom, diagnostics } = textOf(path, read);
  if (text === undefined) return { config: { path, data: undefined }, diagnostics };
  if (!text.trim()) {
    diagnostics.push(
      fileError(
        path,
        'file-empty',
        'kwaliteit.yaml is leeg. Daarin horen de naam van de coalitie, de penvoerder en de perioden.',
        'Zet de inhoud terug uit een eerdere versie (bijvoorbeeld met git). Of maak in een lege map een nieuwe coalitie met "npx kwaliteit init" en neem de kwaliteit.yaml daaruit over.',
      ),
    );
    return { config: { path, data: undefined }, diagnostics };
  }
  const yaml = parseYaml(text);
  for (const problem of yaml.problems) diagnostics.push({ file: path, ruleId: 'yaml-syntax', severity: 'error', ...problem });
  if (yaml.problems.length) return { config: { path, data: undefined, yaml }, diagnostics };

  const checked = validate(ConfigSchema, yaml.data, yaml, path, 'config-schema');
  diagnostics.push(...checked.diagnostics);
  const value = checked.value;
  const config = value && {
    name: value.name,
    lead: value.lead,
    municipality: value.municipality,
    subsidyPeriod: value.subsidyPeriod,
    subsidyYears: value.subsidyPeriod.split('-').map(Number) as [number, number],
    format: value.format,
    periods: value.periods,
  };
  return { config: { path, data: yaml.data, yaml, config, text: bom ? `\uFEFF${text}` : text }, diagnostics };
}
