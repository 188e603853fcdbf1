// main.ts: the command line's error contract, in one place for every command.
//   - bad input (a UserError, including a usage error): one line on stderr
//     `raftref: error: <file or option>[:line]: <what> — <what to do>`, exit 2;
//   - a bug in raftref (any other exception): one line `raftref: internal error: ... — please
//     report`, exit 4 (RAFTREF_DEBUG=1 adds the stack);
//   - with --json, stdout holds exactly one JSON object: the command's report, or on an error
//     {"error", "exitCode", "kind", "file"?, "line"?} (the line still goes to stderr).

import { UserError } from '../conformance/tla/errors.js';
import { COMMANDS } from './commands/index.js';
import { type Command, EXIT, INTERNAL_HELP, oneLine } from './commands/command.js';
import { raftrefVersion } from '../conformance/version.js';

/** What main writes to: the process's stdout and stderr by default; a test passes its own. */
export type Io = { readonly out: (line: string) => void; readonly err: (line: string) => void };

const processIo: Io = { out: (l) => console.log(l), err: (l) => void process.stderr.write(`${l}\n`) };

export function usage(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'usage: raftref <command> [options]',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'raftref <command> --help shows the options of a command.',
    'raftref --version prints the version and, when known, the git commit.',
    `exit codes: ${EXIT.ok} passed, ${EXIT.failed} a check failed, ${EXIT.input} bad or unusable input (or nothing to do),`,
    `${EXIT.timeout} time limit, ${INTERNAL_HELP}, ${EXIT.interrupted} Ctrl-C.`,
  ].join('\n');
}

/** wantsJson: --json among the options (before a `--` that ends them). */
export function wantsJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).includes('--json');
}

export type Failure = { readonly line: string; readonly json: Record<string, unknown>; readonly code: number };

/** failure: what an exception becomes: a UserError is bad input, anything else a bug in raftref. */
export function failure(e: unknown, command: string | undefined): Failure {
  if (e instanceof UserError) {
    const error = oneLine(e.message);
    return {
      line: `raftref: error: ${error}`,
      json: { error, exitCode: EXIT.input, kind: 'input', file: oneLine(e.file), ...(e.line === undefined ? {} : { line: e.line }), ...(command === undefined ? {} : { command }) },
      code: EXIT.input,
    };
  }
  const what = oneLine(e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e));
  const error = `${what} — this is a bug in raftref: please report it (RAFTREF_DEBUG=1 shows the stack)`;
  return { line: `raftref: internal error: ${error}`, json: { error, exitCode: EXIT.internal, kind: 'internal', ...(command === undefined ? {} : { command }) }, code: EXIT.internal };
}

/** report: prints a failure (stderr; with --json also the object on stdout) and gives its exit code. */
export function report(f: Failure, json: boolean, io: Io = processIo): number {
  io.err(f.line);
  if (json) io.out(JSON.stringify(f.json));
  return f.code;
}

export async function main(argv: readonly string[], io: Io = processIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  const json = wantsJson(argv);
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(usage(commands));
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.out(raftrefVersion());
    return EXIT.ok;
  }
  if (name === undefined || name.startsWith('-')) {
    const what = name === undefined ? 'no command given' : `${name} before a command`;
    return report(failure(new UserError('raftref', undefined, what, 'run raftref --help'), undefined), json, io);
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) return report(failure(new UserError('raftref', undefined, `unknown command ${name}`, 'run raftref --help'), undefined), json, io);
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (!(e instanceof UserError) && process.env['RAFTREF_DEBUG'] !== undefined) console.error(e);
    return report(failure(e, name), json, io);
  }
}
