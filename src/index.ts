// The programmatic API: everything the CLI does, callable without spawning.
export { init, type InitOptions, type InitResult } from './commands/init.js';
export type { InitAnswers } from './commands/init-answers.js';
export { check, checkCoalition, runRules, type CheckOptions } from './commands/check.js';
export type { CheckResult, CoalitionResult, CheckSummary } from './check/result.js';
export { rules, loaderRules } from './rules/index.js';
export { formatters } from './formatters/index.js';
export { loadCoalition } from './coalition/load.js';
export type * from './coalition/model.js';
export { loadFormat, resolveFormatPath, BUILTIN_FORMAT } from './format/load.js';
export type { Format, Bouwsteen } from './format/format.js';
export type { Diagnostic, Severity } from './diagnostic.js';
export { KwaliteitError, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE } from './errors.js';
export { main } from './cli.js';
