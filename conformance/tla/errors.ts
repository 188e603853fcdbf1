// errors.ts: the one error type the CLI turns into a single line
// `raftref: error: <file>[:line]: <what> — <what to do>` with exit code 2.

export class UserError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly what: string,
    readonly todo: string,
  ) {
    super(`${file}${line === undefined ? '' : `:${line}`}: ${what} — ${todo}`);
    this.name = 'UserError';
  }
}
