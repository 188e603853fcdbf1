// tlc-output.ts: reads TLC's plain (non -tool) console output: state counts, depth, the
// verdict, the error trace and the per-action coverage that `-coverage N` prints.

/** A span of module text as TLC prints it: 1-based lines and columns, the end column included. */
export type TlcSpan = { readonly line: number; readonly col: number; readonly endLine: number; readonly endCol: number };

/**
 * A location TLC names a step or a coverage entry by: `Timeout(s1) line 201, col 5 to line
 * 206, col 72 of module Raft` (an action TLC could name, with its arguments), or `Next line
 * 419, col 8 to line 419, col 61 of module Raft` (a disjunct of Next that quantifies over a
 * variable, which TLC names only by Next and the disjunct's span).
 */
export type TlcLocation = { readonly name: string; readonly args?: string; readonly module: string; readonly span: TlcSpan };

export type TlcTraceState = {
  readonly index: number;
  /** Action name (`Initial predicate` for the first state, `Stuttering`, or the action). */
  readonly action: string;
  /** The full location text, e.g. `Timeout line 122, col 1 to line 130, col 40 of module Raft`. */
  readonly location: string;
  /** The location, parsed (absent for `Initial predicate` and `Stuttering`). */
  readonly at?: TlcLocation;
  /** Variable -> TLA+ value text. */
  readonly vars: Readonly<Record<string, string>>;
};

/**
 * One coverage entry: `<Action line L, ... of module M>: distinct:total`, or a disjunct of Next
 * TLC cannot name, `<Next line 410, ... of module Raft (419 8 419 47)>: ...`, whose `sub` is the
 * disjunct's span. Variables (`<messages line 66 ...>: 132`) come back too, with distinct = total.
 */
export type TlcCoverage = {
  readonly action: string;
  readonly module: string;
  readonly line: number;
  readonly sub?: TlcSpan;
  readonly distinct: number;
  readonly total: number;
};

export type TlcVerdict = 'pass' | 'violation' | 'error';

export type TlcReport = {
  readonly verdict: TlcVerdict;
  readonly distinctStates?: number;
  readonly statesGenerated?: number;
  readonly depth?: number;
  /** Name of the violated invariant or action property, or 'temporal properties' / 'deadlock'. */
  readonly violated?: { readonly name: string; readonly kind: 'invariant' | 'action property' | 'temporal' | 'deadlock' };
  readonly trace: readonly TlcTraceState[];
  readonly coverage: readonly TlcCoverage[];
  /** First `Error:` line or parser message, when the run failed for another reason. */
  readonly error?: string;
  /** A SANY parse or semantic error location, when TLC reported one. */
  readonly errorAt?: { readonly module: string; readonly line: number };
  readonly version?: string;
};

const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s.replace(/,/g, '')));

export function parseTlcOutput(out: string): TlcReport {
  const lines = out.split(/\r?\n/);
  const counts = lastMatch(lines, /^([\d,]+) states generated(?: \([^)]*\))?, ([\d,]+) distinct states found/);
  const depth = num(lastMatch(lines, /^The depth of the complete state graph search is (\d+)\./)?.[1]);
  const violated = findViolation(lines);
  const error = violated === undefined ? findError(lines) : undefined;
  const verdict = violated !== undefined ? 'violation' : lines.some((l) => /^Model checking completed\. No error has been found\./.test(l)) ? 'pass' : 'error';
  const version = lastMatch(lines, /^TLC2 Version (\S+)/)?.[1];
  const errorAt = findErrorLocation(lines);
  return {
    verdict,
    trace: parseTrace(lines),
    coverage: parseCoverage(lines),
    ...(counts && { statesGenerated: num(counts[1]) ?? 0, distinctStates: num(counts[2]) ?? 0 }),
    ...(depth !== undefined && { depth }),
    ...(violated && { violated }),
    ...(verdict === 'error' && { error: error ?? 'TLC ended without a verdict' }),
    ...(version !== undefined && { version }),
    ...(errorAt && { errorAt }),
  };
}

function lastMatch(lines: readonly string[], re: RegExp): RegExpExecArray | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = re.exec(lines[i] ?? '');
    if (m !== null) return m;
  }
  return undefined;
}

function findViolation(lines: readonly string[]): TlcReport['violated'] {
  for (const l of lines) {
    const inv = /^Error: Invariant (\S+) is violated/.exec(l);
    if (inv?.[1] !== undefined) return { name: inv[1], kind: 'invariant' };
    const act = /^Error: Action property (\S+) is violated/.exec(l);
    if (act?.[1] !== undefined) return { name: act[1], kind: 'action property' };
    if (/^Error: Temporal properties were violated/.test(l)) return { name: 'temporal properties', kind: 'temporal' };
    if (/^Error: Deadlock reached/.test(l)) return { name: 'deadlock', kind: 'deadlock' };
  }
  return undefined;
}

function findError(lines: readonly string[]): string | undefined {
  const i = lines.findIndex((l) => /^Error: |\*\*\* ?Parse Error|^Fatal errors while parsing|^Semantic errors:|^Unknown operator|^Exception|^Error occurred/.test(l));
  if (i < 0) return undefined;
  const first = lines[i] ?? '';
  const detail = lines.slice(i + 1, i + 8).find((l) => l.trim() !== '' && !/^\*\*\*/.test(l));
  return detail !== undefined && !first.startsWith('Error: ') ? `${first.trim()} ${detail.trim()}` : first.replace(/^Error: /, '').trim();
}

/** A SANY error location: `line 5, col 3 ... of module Foo`, or `at line 87, column 1` + `In module Foo`. */
function findErrorLocation(lines: readonly string[]): TlcReport['errorAt'] {
  const start = lines.findIndex((l) => /Parse Error|Semantic errors|Fatal errors while parsing/.test(l));
  if (start < 0) return undefined;
  const rest = lines.slice(start);
  const at = rest.map((l) => /line (\d+), col(?:umn)? \d+(?:.*? of module (\w+))?/.exec(l)).find((m) => m !== null);
  const module = at?.[2] ?? rest.map((l) => /^(?:In module|Could not parse module) (\w+)/.exec(l)?.[1]).find((m) => m !== undefined);
  return at?.[1] !== undefined && module !== undefined ? { module, line: Number(at[1]) } : undefined;
}

/** `State N: <Action ...>` (or `<Initial predicate>`, `Stuttering`, `Back to state N`) then `/\ var = value` lines. */
function parseTrace(lines: readonly string[]): TlcTraceState[] {
  const out: { index: number; action: string; location: string; at?: TlcLocation; vars: Record<string, string> }[] = [];
  let current: (typeof out)[number] | undefined;
  let lastVar: string | undefined;
  for (const l of lines) {
    const head = /^State (\d+): (?:<(.*)>|(Stuttering))\s*$/.exec(l);
    if (head?.[1] !== undefined) {
      const location = head[2] ?? head[3] ?? '';
      const at = parseLocation(location);
      current = { index: Number(head[1]), action: actionName(location), location, vars: {}, ...(at && { at }) };
      out.push(current);
      lastVar = undefined;
      continue;
    }
    if (current === undefined) continue;
    const v = /^\/\\ (\w+) = (.*)$/.exec(l);
    if (v?.[1] !== undefined) {
      lastVar = v[1];
      current.vars[lastVar] = v[2] ?? '';
    } else if (l.trim() === '' || /^(Error|[\d,]+ states generated|Progress|The |Finished|Back to state)/.test(l)) {
      current = undefined;
    } else if (lastVar !== undefined) {
      current.vars[lastVar] += '\n' + l;
    }
  }
  return out;
}

/** `Name(args) line L, col C to line L2, col C2 of module M` (args optional), or undefined. */
export function parseLocation(text: string): TlcLocation | undefined {
  const m = /^(\w+)(?:\((.*)\))? line (\d+), col (\d+) to line (\d+), col (\d+) of module (\w+)$/.exec(text.trim());
  if (m?.[1] === undefined || m[7] === undefined) return undefined;
  const span = { line: Number(m[3]), col: Number(m[4]), endLine: Number(m[5]), endCol: Number(m[6]) };
  return { name: m[1], module: m[7], span, ...(m[2] !== undefined && { args: m[2] }) };
}

function actionName(location: string): string {
  if (location === 'Initial predicate' || location === 'Stuttering') return location;
  return /^(\w+)/.exec(location)?.[1] ?? location;
}

/**
 * `<Action line N, col C to line N2, col C2 of module M>: distinct:total` (TLC 1.7) or `: total`,
 * with ` (L C L2 C2)` before the `>` for a sub-location (a disjunct of Next).
 */
function parseCoverage(lines: readonly string[]): TlcCoverage[] {
  const byKey = new Map<string, TlcCoverage>();
  for (const l of lines) {
    const m = /^<(\w+) line (\d+), col \d+ to line \d+, col \d+ of module (\w+)(?: \((\d+) (\d+) (\d+) (\d+)\))?>: ([\d,]+)(?::([\d,]+))?\s*$/.exec(l);
    if (m?.[1] === undefined || m[3] === undefined) continue;
    const distinct = num(m[8]) ?? 0;
    const sub = m[4] === undefined ? undefined : { line: Number(m[4]), col: Number(m[5]), endLine: Number(m[6]), endCol: Number(m[7]) };
    const c = { action: m[1], line: Number(m[2]), module: m[3], ...(sub && { sub }), distinct, total: num(m[9]) ?? distinct };
    byKey.set(`${c.module}:${c.line}:${c.action}:${m[4] ?? ''} ${m[5] ?? ''} ${m[6] ?? ''} ${m[7] ?? ''}`, c); // later (final) statistics win
  }
  return [...byKey.values()];
}
