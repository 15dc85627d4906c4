// The entry of the single-file program (scripts/build-exe.mjs): the same CLI as
// bin/kwaliteit.js, bundled with everything it needs into one CommonJS script.
import { exitOnSignal, main } from './cli.js';

exitOnSignal();

main(process.argv.slice(2)).then((code) => {
  // A failed write to stdout (cli/io.ts) may have set code 2 meanwhile; it is never lowered.
  process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
});
