// itf.ts: values in the Informal Trace Format (traces/README.md, Apalache ADR-015), their
// canonical order, and the conversion from tla-checker's typed JSON (conformance/tla/value.ts).
//
// Canonical form: integers as {"#bigint": "n"}, set elements and map pairs sorted by
// `compareItf`, record keys sorted. Two values are equal exactly when their canonical
// JSON texts are equal (`itfKey`).

import type { TlaValue } from '../tla/value.js';

export type ItfBigint = { readonly '#bigint': string };
export type ItfSet = { readonly '#set': readonly Itf[] };
export type ItfMap = { readonly '#map': readonly (readonly [Itf, Itf])[] };
export type ItfTup = { readonly '#tup': readonly Itf[] };
export type ItfRecord = { readonly [field: string]: Itf };
/** An ITF value. Plain JSON numbers are accepted when reading (traces/README.md). */
export type Itf = boolean | string | number | ItfBigint | ItfSet | ItfMap | ItfTup | readonly Itf[] | ItfRecord;

/** An action label with ITF arguments, as in a trace state's `#meta`. */
export type ItfAction = { readonly name: string; readonly args: readonly Itf[] };

/** A state: variable -> value (without the `#meta` of a trace state). */
export type ItfState = { readonly [variable: string]: Itf };

export const int = (n: number | bigint): ItfBigint => ({ '#bigint': String(n) });

const tagged = (v: Itf, tag: string): boolean => typeof v === 'object' && !Array.isArray(v) && tag in v;
export const isBigint = (v: Itf): v is ItfBigint => tagged(v, '#bigint');
export const isSet = (v: Itf): v is ItfSet => tagged(v, '#set');
export const isMap = (v: Itf): v is ItfMap => tagged(v, '#map');
export const isTup = (v: Itf): v is ItfTup => tagged(v, '#tup');
export const isSeq = (v: Itf): v is readonly Itf[] => Array.isArray(v);
export const isRecord = (v: Itf): v is ItfRecord =>
  typeof v === 'object' && !Array.isArray(v) && !isBigint(v) && !isSet(v) && !isMap(v) && !isTup(v);

/** Field `name` of a record, or undefined (also for values that are not records). */
export function fieldOf(v: Itf | undefined, name: string): Itf | undefined {
  return v !== undefined && isRecord(v) ? (v as ItfRecord)[name] : undefined;
}

/** The integer of `{"#bigint"}` or a plain JSON number; undefined for anything else. */
export function intOf(v: Itf | undefined): bigint | undefined {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : undefined;
  if (v !== undefined && isBigint(v)) return BigInt(v['#bigint']);
  return undefined;
}

// Order of kinds in the canonical order, then within a kind: false < true, integers by value,
// strings by UTF-16 code units, sequences/tuples/sets/maps lexicographically by elements,
// records by their sorted (key, value) lists.
const RANK = { boolean: 0, int: 1, string: 2, seq: 3, tup: 4, set: 5, map: 6, record: 7 } as const;

function rank(v: Itf): number {
  if (typeof v === 'boolean') return RANK.boolean;
  if (typeof v === 'number' || isBigint(v)) return RANK.int;
  if (typeof v === 'string') return RANK.string;
  if (isSeq(v)) return RANK.seq;
  if (isTup(v)) return RANK.tup;
  if (isSet(v)) return RANK.set;
  if (isMap(v)) return RANK.map;
  return RANK.record;
}

function compareLists<A>(a: readonly A[], b: readonly A[], cmp: (x: A, y: A) => number): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) {
    const c = cmp(a[k] as A, b[k] as A);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

const cmpPrim = <T extends string | bigint | boolean>(a: T, b: T): number => (a < b ? -1 : a > b ? 1 : 0);

/** The total order used to sort set elements and map keys. Arguments must be canonical. */
export function compareItf(a: Itf, b: Itf): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'boolean' && typeof b === 'boolean') return cmpPrim(a, b);
  if (typeof a === 'string' && typeof b === 'string') return cmpPrim(a, b);
  const ia = intOf(a);
  const ib = intOf(b);
  if (ia !== undefined && ib !== undefined) return cmpPrim(ia, ib);
  if (isSeq(a) && isSeq(b)) return compareLists(a, b, compareItf);
  if (isTup(a) && isTup(b)) return compareLists(a['#tup'], b['#tup'], compareItf);
  if (isSet(a) && isSet(b)) return compareLists(a['#set'], b['#set'], compareItf);
  if (isMap(a) && isMap(b)) return compareLists(a['#map'], b['#map'], comparePair);
  if (isRecord(a) && isRecord(b)) {
    const ra = a as ItfRecord;
    const rb = b as ItfRecord;
    return compareLists(Object.keys(ra), Object.keys(rb), (x, y) => cmpPrim(x, y) || compareItf(ra[x] as Itf, rb[y] as Itf));
  }
  return 0;
}

function comparePair(a: readonly [Itf, Itf], b: readonly [Itf, Itf]): number {
  return compareItf(a[0], b[0]) || compareItf(a[1], b[1]);
}

function sortedRecord(entries: readonly (readonly [string, Itf])[]): ItfRecord {
  const out: Record<string, Itf> = {};
  for (const [k, v] of [...entries].sort(([a], [b]) => cmpPrim(a, b))) out[k] = v;
  return out;
}

/** The canonical form of any ITF value (e.g. one read from a file written by another tool). */
export function canonical(v: Itf): Itf {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  const i = intOf(v);
  if (i !== undefined) return int(i);
  if (isSeq(v)) return v.map(canonical);
  if (isTup(v)) return { '#tup': v['#tup'].map(canonical) };
  if (isSet(v)) return { '#set': dedupe(v['#set'].map(canonical).sort(compareItf)) };
  if (isMap(v)) return { '#map': v['#map'].map(([k, x]) => [canonical(k), canonical(x)] as const).sort(comparePair) };
  return sortedRecord(Object.entries(v).map(([k, x]) => [k, canonical(x)] as const));
}

function dedupe(sorted: readonly Itf[]): Itf[] {
  return sorted.filter((x, k) => k === 0 || compareItf(sorted[k - 1] as Itf, x) !== 0);
}

/** A string equal for two values exactly when they are equal. Argument must be canonical. */
export function itfKey(v: Itf | ItfState): string {
  return JSON.stringify(v);
}

/** The value at `key` of a `#map` (keys compared canonically), or undefined. */
export function mapGet(m: Itf | undefined, key: Itf): Itf | undefined {
  if (m === undefined || !isMap(m)) return undefined;
  const k = itfKey(canonical(key));
  return m['#map'].find(([x]) => itfKey(canonical(x)) === k)?.[1];
}

/** Any tla-checker value -> canonical ITF (see conformance/tla/value.ts for the input shapes). */
export function fromTla(v: TlaValue): Itf {
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return int(v);
  if (Array.isArray(v)) return { '#set': dedupe((v as readonly TlaValue[]).map(fromTla).sort(compareItf)) };
  const o = v as { readonly [k: string]: TlaValue };
  const model = o['__model'];
  if (typeof model === 'string' && Object.keys(o).length === 1) return model;
  const tuple = o['__tuple'];
  if (Array.isArray(tuple) && Object.keys(o).length === 1) return (tuple as readonly TlaValue[]).map(fromTla);
  const fn = o['__fn'];
  if (Array.isArray(fn) && Object.keys(o).length === 1) return { '#map': (fn as readonly TlaValue[]).map(pairOf).sort(comparePair) };
  return sortedRecord(Object.entries(o).map(([k, x]) => [k, fromTla(x)] as const));
}

function pairOf(p: TlaValue): readonly [Itf, Itf] {
  if (!Array.isArray(p) || p.length !== 2) throw new Error(`fromTla: a function pair is not [key, value]: ${JSON.stringify(p)}`);
  return [fromTla(p[0] as TlaValue), fromTla(p[1] as TlaValue)];
}

/**
 * A variable whose value is a function: tla-checker and TLC print a function with domain {}
 * or 1..n as a tuple (`<<>>`), which `fromTla` reads as a sequence; this gives it back as a
 * `#map` with keys 1..n.
 */
export function asFunction(v: Itf): Itf {
  if (!isSeq(v)) return v;
  return { '#map': v.map((x, k) => [int(k + 1), x] as const) };
}
