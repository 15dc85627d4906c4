// The programmatic API: everything the CLI does, callable without spawning.
export { init, type InitOptions, type InitResult } from './commands/init.js';
export type { InitAnswers } from './commands/init-answers.js';
export { loadCoalition } from './coalition/load.js';
export type * from './coalition/model.js';
export { loadFormat, resolveFormatPath, BUILTIN_FORMAT } from './format/load.js';
export type { Format, Bouwsteen } from './format/format.js';
export type { Diagnostic, Severity } from './diagnostic.js';
export { KwaliteitError, EXIT_OK, EXIT_FINDINGS, EXIT_USAGE } from './errors.js';
export { main } from './cli.js';
