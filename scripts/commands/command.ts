// command.ts: the shape of a raftref subcommand. Each lives in scripts/commands/<name>.ts and
// is listed in scripts/commands/index.ts.

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UserError } from '../../conformance/tla/errors.js';

export type Command = {
  readonly name: string;
  /** One line for `raftref --help`. */
  readonly summary: string;
  /** Full text for `raftref <name> --help`. */
  readonly help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  readonly run: (argv: readonly string[]) => Promise<number>;
};

/** usageError: a one-line error about how a command was called (exit 2), pointing at its --help. */
export function usageError(command: string): (what: string) => UserError {
  return (what) => new UserError(`raftref ${command}`, undefined, what, `see raftref ${command} --help`);
}

/** parseCommandArgs: node's parseArgs, with an unknown or malformed option as a usageError. */
export function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    throw usageError(command)(e instanceof Error ? e.message : String(e));
  }
}
