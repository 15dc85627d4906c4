#!/usr/bin/env node
import { exitOnSignal, main } from '../dist/cli.js';

exitOnSignal();

// A failed write to stdout (cli/io.ts) may have set code 2 meanwhile; it is never lowered.
const code = await main(process.argv.slice(2));
process.exitCode = Math.max(code, Number(process.exitCode ?? 0));
