// command.ts: the shape of a raftref subcommand, and what every command shares: its exit codes,
// one-line errors, option parsing and validation. Each command lives in
// scripts/commands/<name>.ts and is listed in scripts/commands/index.ts.

import { type ParseArgsConfig, parseArgs } from 'node:util';
import { parseChoice, parseDecimal, parseInteger } from '../../conformance/inputs.js';
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

/**
 * EXIT: raftref's exit codes (README.md "Exit codes"; each command's --help lists its own).
 * `input` also covers "nothing to do": a spec dir without models, weights that allow no step,
 * paths without traces.
 */
export const EXIT = {
  ok: 0,
  /** A check failed: a violation, a divergence, a mutant that survived, a stale file. */
  failed: 1,
  /** Bad or unusable input, including a usage error. */
  input: 2,
  /** A time limit stopped the run. */
  timeout: 3,
  /** A bug in raftref itself: one line, "please report". */
  internal: 4,
  interrupted: 130,
} as const;

/** INTERNAL_HELP: how each --help names exit code 4. */
export const INTERNAL_HELP = `${EXIT.internal} internal error (a bug in raftref: please report it)`;

/** oneLine: `text` with its line breaks and other control characters escaped, so that an error is one line whatever it quotes. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r?\n/g, ' ').replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** usageError: a one-line error about how a command was called (exit 2), pointing at its --help. */
export function usageError(command: string): (what: string) => UserError {
  return (what) => new UserError(`raftref ${command}`, undefined, what, `see raftref ${command} --help`);
}

/** parseCommandArgs: node's parseArgs, with an unknown or malformed option as a one-line usageError. */
export function parseCommandArgs<T extends ParseArgsConfig>(command: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    // parseArgs' messages can run over several lines (`--seed -1`: "ambiguous ... Did you forget ...").
    throw usageError(command)(oneLine(e instanceof Error ? e.message : String(e)).replace(/\s+/g, ' ').trim());
  }
}

/** Inclusive range of a numeric option. */
export type Range = readonly [number, number];

/** intOption: the integer value of `option` (undefined when absent), within `range`; an error names the option and the range. */
export function intOption(command: string, option: string, text: string | undefined, range: Range): number | undefined {
  return text === undefined ? undefined : parseInteger(option, text, range[0], range[1], `see raftref ${command} --help`);
}

/** decimalOption: like intOption, for a plain decimal (a weight). */
export function decimalOption(command: string, option: string, text: string, range: Range): number {
  return parseDecimal(option, text, range[0], range[1], `see raftref ${command} --help`);
}

/** choiceOption: one of `choices`; an error names the option and the choices. */
export function choiceOption<C extends string>(command: string, option: string, text: string, choices: readonly C[]): C {
  return parseChoice(option, text, choices, `see raftref ${command} --help`);
}

/** TIMEOUT_RANGE: seconds a timer can wait (Node's setTimeout holds at most 2^31 - 1 ms, about 24.8 days). */
export const TIMEOUT_RANGE: Range = [1, Math.floor((2 ** 31 - 1) / 1000)];

/** jsonSeconds: seconds for a JSON report, to the millisecond (no `12.300000000000001`). */
export function jsonSeconds(s: number): number {
  return Math.round(s * 1000) / 1000;
}

/** formatSeconds: seconds for text, with `digits` decimals (no float noise). */
export function formatSeconds(s: number, digits = 1): string {
  return `${s.toFixed(digits)}s`;
}
