#!/usr/bin/env node
/**
 * Public. The process entry (built to dist/src/cli.js, which the npm scripts run): the
 * commands are in src/cli/ (`run-cli.ts`).
 */
import { runCli } from './cli/run-cli';

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
