// command.ts: the shape of a raftref subcommand. Each lives in scripts/commands/<name>.ts and
// is listed in scripts/commands/index.ts.

export type Command = {
  readonly name: string;
  /** One line for `raftref --help`. */
  readonly summary: string;
  /** Full text for `raftref <name> --help`. */
  readonly help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  readonly run: (argv: readonly string[]) => Promise<number>;
};
