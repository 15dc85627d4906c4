// Commands other than check cannot do anything without a readable
// kwaliteit.yaml; they stop and say what is wrong in it, line by line.
import { errors } from '../errors.js';
import { problemLines } from '../text/problems.js';
import type { Coalition, Config } from './model.js';

/** `folder`: how to name the coalition in the hint's command (see folderArgument); "" for the current folder. */
export function requireConfig(coalition: Pick<Coalition, 'config' | 'diagnostics'>, folder = ''): Config {
  const { config, path } = coalition.config;
  if (config) return config;
  const details = problemLines(coalition.diagnostics.filter((d) => d.file === path), { showFile: false });
  throw errors.configInvalid(path, details || '  (de reden is onbekend)', folder);
}
