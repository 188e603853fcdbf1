// disjuncts.ts: splits the body of Next into its top-level disjuncts and recognises the
// shape `\E x \in S, y \in T : Action(x, y)`, so that a labelling variant of the module can
// record which action, with which arguments, produced each successor (tla-checker defect 4:
// explore_next labels a successor only with the name of Next itself).

import { type Token, matchBracket, tokenize } from './tokens.js';
import { splitTopLevel } from './properties.js';

export type ActionCall = {
  readonly name: string;
  /** Argument expressions, as written. */
  readonly args: readonly string[];
  /** Offsets of the call `Name(args)` in the body text. */
  readonly start: number;
  readonly end: number;
};

export type Disjunct = {
  /** Offsets of the disjunct in the body text, its bullet excluded. */
  readonly start: number;
  readonly end: number;
  /** Column (1-based) of the disjunct's first token. */
  readonly col: number;
  /** Variables bound by its leading `\E` quantifiers. */
  readonly binders: readonly string[];
  /** The action it calls, when it has the recognised shape. */
  readonly action?: ActionCall;
};

const BINDING = new Set(['\\E', '\\A', 'LET', 'IF', 'CASE', 'CHOOSE']);

/**
 * Top-level disjuncts of `body`: a bullet list aligned on its first `\/`, or infix `A \/ B`.
 * Columns are those of `body` itself: pad its first line to keep the module's columns.
 */
export function splitDisjuncts(body: string): Disjunct[] {
  const toks = tokenize(body);
  const pieces = toks[0]?.text === '\\/' ? bulletPieces(toks) : infixPieces(toks);
  return pieces.filter((p) => p.length > 0).map((p) => describe(p, body));
}

function withDepth(toks: readonly Token[], visit: (t: Token, depth: number, i: number) => void): void {
  let depth = 0;
  toks.forEach((t, i) => {
    if (t.kind === 'op' && [')', ']', '}', '>>'].includes(t.text)) depth--;
    visit(t, depth, i);
    if (t.kind === 'op' && ['(', '[', '{', '<<'].includes(t.text)) depth++;
  });
}

function bulletPieces(toks: readonly Token[]): Token[][] {
  const col = toks[0]?.col;
  const cuts: number[] = [];
  withDepth(toks, (t, depth, i) => {
    if (depth === 0 && t.text === '\\/' && t.col === col) cuts.push(i);
  });
  return cuts.map((c, k) => toks.slice(c + 1, cuts[k + 1] ?? toks.length));
}

/** `A \/ B \/ C` splits; a body that starts binding at depth 0 (`\E x : A \/ B`) is one disjunct. */
function infixPieces(toks: readonly Token[]): Token[][] {
  return toks[0] !== undefined && BINDING.has(toks[0].text) ? [[...toks]] : splitTopLevel(toks, '\\/');
}

function describe(p: readonly Token[], body: string): Disjunct {
  const first = p[0];
  const base = { start: first?.start ?? 0, end: p.at(-1)?.end ?? 0, col: first?.col ?? 1 };
  const binders: string[] = [];
  let rest = p;
  while (rest[0]?.text === '\\E') {
    const colon = topLevelIndex(rest, ':');
    if (colon < 0) return { ...base, binders };
    binders.push(...bindersOf(rest.slice(1, colon)));
    rest = rest.slice(colon + 1);
  }
  const action = callOf(rest, body);
  return action === undefined ? { ...base, binders } : { ...base, binders, action };
}

function topLevelIndex(toks: readonly Token[], text: string): number {
  let found = -1;
  withDepth(toks, (t, depth, i) => {
    if (found < 0 && depth === 0 && t.text === text) found = i;
  });
  return found;
}

/** `x \in S, y, z \in T` -> ['x', 'y', 'z']. */
function bindersOf(toks: readonly Token[]): string[] {
  return splitTopLevel(toks).flatMap((part) => (part[0]?.kind === 'ident' ? [part[0].text] : []));
}

/** `Name` or `Name(a, b)` spanning all of `toks`. */
function callOf(toks: readonly Token[], body: string): ActionCall | undefined {
  const [name, open] = toks;
  const last = toks.at(-1);
  if (name?.kind !== 'ident' || last === undefined) return undefined;
  if (toks.length === 1) return { name: name.text, args: [], start: name.start, end: name.end };
  if (open?.text !== '(' || matchBracket(toks, 1) !== toks.length - 1) return undefined;
  const args = splitTopLevel(toks.slice(2, -1)).map((a) => body.slice(a[0]?.start ?? 0, a.at(-1)?.end ?? 0));
  return { name: name.text, args, start: name.start, end: last.end };
}

/** The TLA+ label record a recognised disjunct assigns, e.g. `[name |-> "Timeout", args |-> <<i>>]`. */
export function labelRecord(name: string, args: readonly string[]): string {
  return `[name |-> ${JSON.stringify(name)}, args |-> <<${args.join(', ')}>>]`;
}
