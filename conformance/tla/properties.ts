// properties.ts: classifies a cfg PROPERTY for the embedded checker. tla-checker cannot
// evaluate action properties `[][A]_v` and its liveness verdicts are unreliable, so:
// - `P == [][PStep(X, Y)]_v` with Y the tuple X primed is checked as a history invariant;
// - every other temporal formula is reported "not checked by the embedded checker".

import { type Token, matchBracket, tokenize } from './tokens.js';

export type ActionProperty = {
  readonly kind: 'action';
  readonly name: string;
  /** The step operator, its unprimed snapshot tuple text `<<v1, v2>>`, and the subscript text. */
  readonly step: string;
  readonly snapshot: string;
  readonly subscript: string;
};

/** A property the checker at hand does not check, and why (reported, never counted as passing). */
export type Unchecked = { readonly name: string; readonly reason: string };

export type ClassifiedProperty = ActionProperty | { readonly kind: 'unchecked'; readonly name: string; readonly reason: string };

const text = (toks: readonly Token[]): string => toks.map((t) => t.text).join(' ');

/** Splits tokens at depth-0 commas. */
export function splitTopLevel(toks: readonly Token[], sep = ','): Token[][] {
  const parts: Token[][] = [[]];
  let depth = 0;
  for (const t of toks) {
    if (t.kind === 'op' && ['(', '[', '{', '<<'].includes(t.text)) depth++;
    if (t.kind === 'op' && [')', ']', '}', '>>'].includes(t.text)) depth--;
    if (depth === 0 && t.text === sep) parts.push([]);
    else parts.at(-1)?.push(t);
  }
  return parts;
}

/** `<<a, b>>` -> ['a', 'b'] when every item is a plain identifier. */
function tupleOfIdents(toks: readonly Token[], primed: boolean): string[] | undefined {
  if (toks[0]?.text !== '<<' || matchBracket(toks, 0) !== toks.length - 1) return undefined;
  const items = splitTopLevel(toks.slice(1, -1));
  const names = items.map((it) => {
    const [id, prime, ...rest] = it;
    const ok = id?.kind === 'ident' && rest.length === 0 && (primed ? prime?.text === "'" : prime === undefined);
    return ok ? id.text : undefined;
  });
  return names.every((n) => n !== undefined) ? (names as string[]) : undefined;
}

/** Parses `[][Op(X, Y)]_sub`; undefined when the body has another shape. */
export function parseActionProperty(name: string, body: string): ActionProperty | undefined {
  const toks = tokenize(body);
  if (toks[0]?.text !== '[]' || toks[1]?.text !== '[') return undefined;
  const close = matchBracket(toks, 1);
  const sub = toks.slice(close + 1);
  const inner = toks.slice(2, close);
  const [op, open] = inner;
  if (op?.kind !== 'ident' || open?.text !== '(' || matchBracket(inner, 1) !== inner.length - 1) return undefined;
  const args = splitTopLevel(inner.slice(2, -1));
  const [x, y] = args;
  if (args.length !== 2 || x === undefined || y === undefined) return undefined;
  const old = tupleOfIdents(x, false);
  const now = tupleOfIdents(y, true);
  if (old === undefined || now === undefined || old.join() !== now.join()) return undefined;
  const subscript = subscriptText(sub);
  if (subscript === undefined) return undefined;
  return { kind: 'action', name, step: op.text, snapshot: `<<${old.join(', ')}>>`, subscript };
}

function subscriptText(sub: readonly Token[]): string | undefined {
  const [first, ...rest] = sub;
  if (first?.kind !== 'ident' || !first.text.startsWith('_')) return undefined;
  if (first.text === '_') return rest.length > 0 ? text(rest) : undefined;
  return rest.length === 0 ? first.text.slice(1) : undefined;
}

export function classifyProperty(name: string, body: string | undefined): ClassifiedProperty {
  if (body === undefined) return { kind: 'unchecked', name, reason: 'definition not found' };
  const action = parseActionProperty(name, body);
  if (action !== undefined) return action;
  const reason = /\[\]\s*\[/.test(body)
    ? 'action property not of the form [][Step(<<v1, ...>>, <<v1\', ...>>)]_vars'
    : 'temporal property (liveness verdicts of tla-checker are unreliable)';
  return { kind: 'unchecked', name, reason };
}
