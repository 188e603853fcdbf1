// value.ts: the typed JSON values of tla-checker's explore API (measured on 0.9.0):
// integers as numbers, strings, booleans, {"__model": "s1"} model values,
// {"__tuple": [...]} sequences (and functions with domain 1..n), {"__fn": [[k, v], ...]}
// other functions, plain arrays for sets, plain objects for records.

import * as t from 'io-ts';

// The tagged forms are objects with one reserved key; `__fn` pairs are two-element arrays.
export type TlaValue = number | string | boolean | readonly TlaValue[] | TlaObject;
export type TlaObject = { readonly [field: string]: TlaValue };

export const TlaValueCodec: t.Type<TlaValue> = t.recursion('TlaValue', () =>
  t.union([t.number, t.string, t.boolean, t.readonlyArray(TlaValueCodec), t.record(t.string, TlaValueCodec)]),
);

/** A state: variable name -> value. */
export type TlaState = { readonly [variable: string]: TlaValue };
export const TlaStateCodec: t.Type<TlaState> = t.record(t.string, TlaValueCodec);

function isObject(v: TlaValue): v is TlaObject {
  return typeof v === 'object' && !Array.isArray(v);
}

/** TLA+ text of a value (TLC's notation), e.g. for an action argument. */
export function formatValue(v: TlaValue): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (Array.isArray(v)) return `{${(v as readonly TlaValue[]).map(formatValue).join(', ')}}`;
  if (!isObject(v)) return String(v);
  const model = v['__model'];
  if (typeof model === 'string') return model;
  const tuple = v['__tuple'];
  if (Array.isArray(tuple)) return `<<${(tuple as readonly TlaValue[]).map(formatValue).join(', ')}>>`;
  const fn = v['__fn'];
  if (Array.isArray(fn)) return formatFunction(fn as readonly TlaValue[]);
  return `[${Object.entries(v).map(([k, x]) => `${k} |-> ${formatValue(x)}`).join(', ')}]`;
}

function formatFunction(pairs: readonly TlaValue[]): string {
  const items = pairs.map((p) => (Array.isArray(p) ? `${formatValue(p[0] as TlaValue)} :> ${formatValue(p[1] as TlaValue)}` : formatValue(p)));
  return items.length === 0 ? '<<>>' : `(${items.join(' @@ ')})`;
}

/** The elements of a {"__tuple": [...]} value, or undefined. */
export function tupleItems(v: TlaValue | undefined): readonly TlaValue[] | undefined {
  if (v === undefined || !isObject(v)) return undefined;
  const items = v['__tuple'];
  return Array.isArray(items) ? (items as readonly TlaValue[]) : undefined;
}

/** Field of a record value, or undefined. */
export function field(v: TlaValue | undefined, name: string): TlaValue | undefined {
  return v !== undefined && isObject(v) ? v[name] : undefined;
}

/**
 * A key equal for equal values whatever shape a checker prints them in: TLC prints the empty
 * function (an empty bag) as `<<>>`, a tuple, and any function on 1..n as a tuple; so a tuple
 * is keyed as the function on 1..n and a record as the function on its field names, with set
 * elements and function pairs sorted.
 */
export function valueKey(v: TlaValue): string {
  if (typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `{${[...new Set((v as readonly TlaValue[]).map(valueKey))].sort().join(',')}}`;
  const o = v as TlaObject;
  const model = o['__model'];
  if (typeof model === 'string') return `@${model}`;
  const tuple = tupleItems(v);
  const fn = o['__fn'];
  const pairs: string[] =
    tuple !== undefined
      ? tuple.map((x, i) => `${i + 1}:>${valueKey(x)}`)
      : Array.isArray(fn)
        ? (fn as readonly TlaValue[]).map((p) => (Array.isArray(p) ? `${valueKey(p[0] as TlaValue)}:>${valueKey(p[1] as TlaValue)}` : valueKey(p)))
        : Object.entries(o).map(([k, x]) => `${JSON.stringify(k)}:>${valueKey(x)}`);
  return `(${pairs.sort().join(',')})`;
}

/** valueKey of every variable of a state. */
export function stateKey(s: TlaState): string {
  return Object.keys(s)
    .sort()
    .map((k) => `${k}=${valueKey(s[k] as TlaValue)}`)
    .join(';');
}
