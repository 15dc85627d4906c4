// The output formats of `kwaliteit check --format`. Each is a pure function of
// the check result: the CLI decides where the text goes and whether to colour it.
import type { CheckResult } from '../check/result.js';
import { github, githubSummary } from './github.js';
import { json } from './json.js';
import { FORMATTER_NAMES, type FormatterName } from './names.js';
import { stylish } from './stylish.js';

export interface FormatterOptions {
  color: boolean;
}

export type Formatter = (result: CheckResult, options: FormatterOptions) => string;

export const formatters: Record<FormatterName, Formatter> = { stylish, json, github };

export { FORMATTER_NAMES, type FormatterName };

export { githubSummary, stylish, json, github };
export type { JsonOutput, JsonCoalition, JsonDiagnostic, JsonSummary } from './json.js';
