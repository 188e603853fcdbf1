// diff.ts: compact per-variable differences between two typed states, descending into
// records and functions so that `currentTerm: (s1 :> 1 @@ ...) → (...)` prints as
// `currentTerm[s1]: 1 → 2`.

import { type TlaObject, type TlaState, type TlaValue, formatValue } from './value.js';

export type Change = { readonly path: string; readonly before: string; readonly after: string };

const ABSENT = '(absent)';

/** Entries of a record or a `__fn` function, keyed by the key's TLA+ text. */
function entriesOf(v: TlaValue | undefined): Map<string, TlaValue> | undefined {
  if (v === undefined || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as TlaObject;
  if ('__model' in o || '__tuple' in o) return undefined;
  const fn = o['__fn'];
  if (fn === undefined) return new Map(Object.entries(o));
  if (!Array.isArray(fn)) return undefined;
  return new Map(
    (fn as readonly TlaValue[]).flatMap((p) => (Array.isArray(p) && p.length === 2 ? [[formatValue(p[0] as TlaValue), p[1] as TlaValue] as const] : [])),
  );
}

function diffValue(path: string, a: TlaValue | undefined, b: TlaValue | undefined, out: Change[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  const ea = entriesOf(a);
  const eb = entriesOf(b);
  if (ea !== undefined && eb !== undefined && ea.size > 0 && eb.size > 0) {
    const recordLike = a !== undefined && typeof a === 'object' && !Array.isArray(a) && !('__fn' in (a as TlaObject));
    for (const key of new Set([...ea.keys(), ...eb.keys()])) {
      diffValue(recordLike ? `${path}.${key}` : `${path}[${key}]`, ea.get(key), eb.get(key), out);
    }
    return;
  }
  out.push({ path, before: a === undefined ? ABSENT : formatValue(a), after: b === undefined ? ABSENT : formatValue(b) });
}

/** Changed variables (and, inside records and functions, changed entries) from `a` to `b`. */
export function diffStates(a: TlaState, b: TlaState): Change[] {
  const out: Change[] = [];
  for (const v of new Set([...Object.keys(a), ...Object.keys(b)])) diffValue(v, a[v], b[v], out);
  return out;
}
