#!/usr/bin/env node
// raftref.ts: the raftref command line. Dispatches to scripts/commands/<name>.ts; turns a
// UserError into one line `raftref: error: <file>[:line]: <what> — <what to do>`, exit 2.

import { COMMANDS } from './commands/index.js';
import { UserError } from '../conformance/tla/errors.js';
import { raftrefVersion } from '../conformance/version.js';

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'usage: raftref <command> [options]',
    '',
    'commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'raftref <command> --help shows the options of a command.',
    'raftref --version prints the version and, when known, the git commit.',
  ].join('\n');
}

export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V') {
    console.log(raftrefVersion());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    console.error(`raftref: error: unknown command ${name} — run raftref --help`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UserError) {
      console.error(`raftref: error: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`raftref: internal error: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env['RAFTREF_DEBUG'] !== undefined) console.error(e);
    process.exitCode = 1;
  },
);
