#!/usr/bin/env node
// Entry of the imagegate CLI (`npx imagegate <command>`): everything lives in shared/.
import {readFileSync} from 'node:fs';
import {runCli} from '../shared/cli/main.js';

process.exitCode = await runCli(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  terminal: {
    out: text => process.stdout.write(`${text}\n`),
    err: text => process.stderr.write(`${text}\n`),
    tty: process.stdout.isTTY === true
  },
  readStdin: () => readFileSync(0, 'utf8')
});
