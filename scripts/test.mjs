// npm test, after the build: the type check (tsc --noEmit) and the tests
// (vitest run) at the same time. The type check keeps a core busy for several
// seconds; at a lower priority it takes what the tests leave idle while they wait
// for browsers and child processes, instead of going first. npm test fails when
// either fails. Arguments go to vitest (npm test -- test/check-cli.test.ts).
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { constants, setPriority } from 'node:os';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
/** A package's command, to run with this Node: no .cmd shims on Windows, no npx. */
const bin = (pkg, command) => {
  const manifest = require.resolve(`${pkg}/package.json`);
  return join(dirname(manifest), require(manifest).bin[command]);
};

const typecheck = spawn(process.execPath, [bin('typescript', 'tsc'), '--noEmit'], { stdio: ['ignore', 'pipe', 'pipe'] });
try {
  setPriority(typecheck.pid, constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // Not allowed here: it then simply runs at the same priority.
}
// Printed when it is done, so that it does not run through the test output.
let typeErrors = '';
typecheck.stdout.on('data', (chunk) => (typeErrors += chunk));
typecheck.stderr.on('data', (chunk) => (typeErrors += chunk));

const tests = spawn(process.execPath, [bin('vitest', 'vitest'), 'run', ...process.argv.slice(2)], { stdio: 'inherit' });

const exitCode = (child) => new Promise((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
const [testCode, typeCode] = await Promise.all([exitCode(tests), exitCode(typecheck)]);
if (typeCode !== 0) process.stderr.write(`\ntsc --noEmit vond fouten:\n${typeErrors}`);
process.exitCode = testCode || typeCode;
