#!/usr/bin/env node
// raftref.ts: the raftref command line. main.ts dispatches to scripts/commands/<name>.ts and
// keeps the error contract (one line on stderr, exit 2 for bad input, 4 for a bug in raftref,
// one JSON object on stdout with --json); this file only runs it.

import { EXIT } from './commands/command.js';
import { failure, main, report, wantsJson } from './main.js';

const argv = process.argv.slice(2);
const [command] = argv;
let failed = false;

/** An error outside main's promise (an event handler, a timer): the same one line, once. */
function fatal(e: unknown): void {
  if (failed) return;
  failed = true;
  if (process.env['RAFTREF_DEBUG'] !== undefined) console.error(e);
  process.exitCode = report(failure(e, command), wantsJson(argv));
  // Whatever was running (a worker, a child) is in an unknown state: stop here.
  setImmediate(() => process.exit(process.exitCode ?? EXIT.internal));
}

process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

main(argv).then((code) => {
  if (!failed) process.exitCode = code;
}, fatal);
