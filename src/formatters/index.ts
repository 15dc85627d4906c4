// The output formats of `kwaliteit check --format`. Each is a pure function of
// the check result: the CLI decides where the text goes and whether to colour it.
import type { CheckResult } from '../check/result.js';
import { github, githubSummary } from './github.js';
import { json } from './json.js';
import { stylish } from './stylish.js';

export interface FormatterOptions {
  color: boolean;
}

export type Formatter = (result: CheckResult, options: FormatterOptions) => string;

export const formatters = { stylish, json, github } satisfies Record<string, Formatter>;

export type FormatterName = keyof typeof formatters;

export const FORMATTER_NAMES = Object.keys(formatters) as FormatterName[];

export function isFormatterName(name: string): name is FormatterName {
  return Object.hasOwn(formatters, name);
}

export { githubSummary, stylish, json, github };
export type { JsonOutput, JsonCoalition, JsonDiagnostic, JsonSummary } from './json.js';
