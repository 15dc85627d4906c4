// The entry of the single-file program (scripts/build-exe.mjs): the same CLI as
// bin/kwaliteit.js, bundled with everything it needs into one CommonJS script.
import { main } from './cli.js';

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
