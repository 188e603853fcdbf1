// itf-codec: io-ts codecs for the values of the Informal Trace Format (ITF,
// traces/README.md "Values"): integers as {"#bigint": "42"} or plain JSON
// integers, strings, booleans, sequences as arrays, {"#set"}, {"#map"},
// {"#tup"} and records as closed JSON objects.
//
// Each codec is an io-ts Type (decode gives an Either with t.Errors whose
// context is the JSON path and whose message is what was expected), but
// decodes through `run`, which builds no path at all while a value decodes:
// a failure is a Fail, and each codec it passes on the way out adds its key
// (`Fail.at`), so the JSON path is built only for the one value that does
// not decode. A trace repeats the whole state at every step, so the decoder
// is on the replay's hot path. The path is turned into an io-ts context
// only when decoding fails.
import * as t from 'io-ts';

/** Fail: why a value does not decode: where, what was expected, what was there. */
export class Fail {
  /** The keys from the failing value up to where it is now, innermost first (see `at`). */
  private readonly up: (string | number)[] = [];

  constructor(
    readonly expected: string,
    readonly actual: unknown,
  ) {}

  /** at: the failure, seen from the value that holds the failing one under `key`. */
  at(key: string | number): this {
    this.up.push(key);
    return this;
  }

  /** keys: the JSON path from the value it was decoded from, outermost key first. */
  get keys(): (string | number)[] {
    return [...this.up].reverse();
  }
}

export type Run<A> = (u: unknown) => A | Fail;

/** formatPath: a JSON path in the `$.states[7].log.#map[1][1][0].term` notation. */
export function formatPath(keys: readonly (string | number)[]): string {
  let s = '$';
  for (const k of keys) s += typeof k === 'number' || /^\d+$/.test(k) ? `[${k}]` : `.${k}`;
  return s;
}

/** show: a value as it appears in a message (`nothing` for a missing field). */
export function show(u: unknown): string {
  if (u === undefined) return 'nothing';
  let s: string;
  try {
    s = JSON.stringify(u);
  } catch {
    return 'a value too deeply nested to show'; // JSON.stringify recurses; the text reader bounds nesting (itf/scan.ts)
  }
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** describeFail: `$.path: expected X, got Y`, the one-line form of a failure. */
export function describeFail(f: Fail): string {
  return `${formatPath(f.keys)}: expected ${f.expected}, got ${show(f.actual)}`;
}

/**
 * ItfType: an io-ts codec that decodes through `run`. `is` says whether a
 * value already has the decoded type; `encode` writes the ITF form.
 */
export class ItfType<A, O = unknown> extends t.Type<A, O, unknown> {
  constructor(
    name: string,
    is: t.Is<A>,
    readonly run: Run<A>,
    encode: t.Encode<A, O>,
  ) {
    super(
      name,
      is,
      (u, c) => {
        const r = run(u);
        if (!(r instanceof Fail)) return t.success(r);
        const context = [...c, ...r.keys.map((key) => ({ key: String(key), type: t.unknown, actual: undefined }))];
        return t.failure(r.actual, context, r.expected);
      },
      encode,
    );
  }
}

/** Mixed: any ItfType, as io-ts' t.Mixed (encode makes ItfType<A> invariant in A). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Mixed = ItfType<any, any>;

export type TypeOf<C> = C extends ItfType<infer A, infer _O> ? A : never;

/** pathOfError: the JSON path of an io-ts error (for codecs composed by io-ts itself). */
export function describeError(e: t.ValidationError): string {
  const keys = e.context.slice(1).map((c) => c.key);
  const expected = e.message ?? e.context[e.context.length - 1]?.type.name ?? 'a value';
  return `${formatPath(keys)}: expected ${expected}, got ${show(e.value)}`;
}

function isRecord(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u);
}

/** onlyKey: u is an object whose one key is `tag`; its value, or undefined. */
function tagged(u: unknown, tag: string): unknown {
  if (!isRecord(u)) return undefined;
  let n = 0;
  for (const _ in u) n += 1;
  return n === 1 ? u[tag] : undefined;
}

/** BIGINT: the digits of an integer, as JSON writes them, without `-0`. */
const BIGINT = /^(0|-?[1-9]\d*)$/;

/** int: an integer, {"#bigint": "-3"} or a plain JSON integer, within JavaScript's safe range. */
export const int = new ItfType<number>(
  'integer',
  (u): u is number => Number.isSafeInteger(u),
  (u) => {
    if (typeof u === 'number') return Number.isSafeInteger(u) ? u : new Fail('integer', u);
    const digits = tagged(u, '#bigint');
    if (typeof digits !== 'string' || !BIGINT.test(digits)) return new Fail('integer', u);
    const n = Number(digits);
    return Number.isSafeInteger(n) ? n : new Fail(`integer of at most ${Number.MAX_SAFE_INTEGER}`, u);
  },
  (n) => ({ '#bigint': String(n) }),
);

/** nat: a non-negative integer (the spec's Nat). */
export const nat = new ItfType<number>(
  'non-negative integer',
  (u): u is number => Number.isSafeInteger(u) && (u as number) >= 0,
  (u) => {
    const n = int.run(u);
    return n instanceof Fail || n >= 0 ? n : new Fail('non-negative integer', u);
  },
  int.encode,
);

/** positive: an integer of at least 1 (copies of a message in flight). */
export const positive = new ItfType<number>(
  'positive integer',
  (u): u is number => Number.isSafeInteger(u) && (u as number) >= 1,
  (u) => {
    const n = int.run(u);
    return n instanceof Fail || n >= 1 ? n : new Fail('positive integer', u);
  },
  int.encode,
);

export const str = new ItfType<string, string>(
  'string',
  (u): u is string => typeof u === 'string',
  (u) => (typeof u === 'string' ? u : new Fail('string', u)),
  (s) => s,
);

export const bool = new ItfType<boolean, boolean>(
  'boolean',
  (u): u is boolean => typeof u === 'boolean',
  (u) => (typeof u === 'boolean' ? u : new Fail('boolean', u)),
  (b) => b,
);

/** oneOf: one of the given strings (model values, roles, message types). */
export function oneOf<S extends string>(what: string, values: readonly S[]): ItfType<S, string> {
  const set: ReadonlySet<string> = new Set(values);
  const expected = `${what} (${values.map((v) => JSON.stringify(v)).join(', ')})`;
  return new ItfType<S, string>(
    what,
    (u): u is S => typeof u === 'string' && set.has(u),
    (u) => (typeof u === 'string' && set.has(u) ? (u as S) : new Fail(expected, u)),
    (s) => s,
  );
}

/** seq: a sequence, a JSON array. */
export function seq<A>(item: ItfType<A>): ItfType<readonly A[]> {
  return new ItfType<readonly A[]>(
    `sequence of ${item.name}`,
    (u): u is readonly A[] => Array.isArray(u) && u.every(item.is),
    (u) => {
      if (!Array.isArray(u)) return new Fail(`sequence (array) of ${item.name}`, u);
      const out: A[] = new Array<A>(u.length);
      for (let k = 0; k < u.length; k++) {
        const r = item.run(u[k]);
        if (r instanceof Fail) return r.at(k);
        out[k] = r;
      }
      return out;
    },
    (a) => a.map((x) => item.encode(x)),
  );
}

/** set: {"#set": [...]}, decoded as an array of its elements (distinctness is the caller's to check). */
export function set<A>(item: ItfType<A>): ItfType<readonly A[]> {
  const items = seq(item);
  return new ItfType<readonly A[]>(
    `set of ${item.name}`,
    items.is,
    (u) => {
      const elements = tagged(u, '#set');
      if (elements === undefined) return new Fail(`set ({"#set": [...]}) of ${item.name}`, u);
      const r = items.run(elements);
      return r instanceof Fail ? r.at('#set') : r;
    },
    (a) => ({ '#set': items.encode(a) }),
  );
}

/** map: {"#map": [[key, value], ...]}, decoded as its pairs in order. */
export function map<K, V>(key: ItfType<K>, value: ItfType<V>): ItfType<readonly (readonly [K, V])[]> {
  const what = `function ({"#map": [[key, value], ...]}) from ${key.name} to ${value.name}`;
  return new ItfType<readonly (readonly [K, V])[]>(
    what,
    (u): u is readonly (readonly [K, V])[] => Array.isArray(u),
    (u) => {
      const pairs = tagged(u, '#map');
      if (!Array.isArray(pairs)) return new Fail(what, u);
      const out = new Array<readonly [K, V]>(pairs.length);
      for (let n = 0; n < pairs.length; n++) {
        const pair: unknown = pairs[n];
        if (!Array.isArray(pair) || pair.length !== 2) return new Fail('[key, value] pair', pair).at(n).at('#map');
        const k = key.run(pair[0]);
        if (k instanceof Fail) return k.at(0).at(n).at('#map');
        const v = value.run(pair[1]);
        if (v instanceof Fail) return v.at(1).at(n).at('#map');
        out[n] = [k, v];
      }
      return out;
    },
    (a) => ({ '#map': a.map(([k, v]) => [key.encode(k), value.encode(v)]) }),
  );
}

/** tup: {"#tup": [...]} with one codec per component. */
export function tup<A extends readonly unknown[]>(items: { readonly [K in keyof A]: ItfType<A[K]> }): ItfType<A> {
  const codecs = items as readonly Mixed[];
  const what = `tuple ({"#tup": [...]}) of ${codecs.length} components`;
  return new ItfType<A>(
    what,
    (u): u is A => Array.isArray(u) && u.length === codecs.length,
    (u) => {
      const components = tagged(u, '#tup');
      if (!Array.isArray(components) || components.length !== codecs.length) return new Fail(what, u);
      const out: unknown[] = [];
      for (const [k, codec] of codecs.entries()) {
        const r = codec.run(components[k]);
        if (r instanceof Fail) return r.at(k).at('#tup');
        out.push(r);
      }
      return out as unknown as A;
    },
    (a) => ({ '#tup': codecs.map((c, k) => c.encode((a as readonly unknown[])[k])) }),
  );
}

type Props = Readonly<Record<string, Mixed>>;
type RecordOf<P extends Props> = { readonly [K in keyof P]: TypeOf<P[K]> };

/**
 * record: a TLA+ record, a JSON object with exactly these fields: a missing
 * field, a malformed one and one the record does not have are each an error.
 */
export function record<P extends Props>(name: string, props: P): ItfType<RecordOf<P>> {
  const fields = Object.keys(props);
  const codecs = fields.map((f) => props[f] as Mixed);
  return new ItfType<RecordOf<P>>(
    name,
    (u): u is RecordOf<P> => isRecord(u) && fields.every((f, k) => codecs[k]?.is(u[f]) === true),
    (u) => {
      if (!isRecord(u)) return new Fail(`${name} (an object)`, u);
      const out: Record<string, unknown> = {};
      let n = 0;
      for (const _ in u) n += 1;
      for (let k = 0; k < fields.length; k++) {
        const f = fields[k] as string;
        const v = u[f];
        if (v === undefined) return new Fail((codecs[k] as Mixed).name, v).at(f);
        const r = (codecs[k] as Mixed).run(v);
        if (r instanceof Fail) return r.at(f);
        out[f] = r;
      }
      if (n !== fields.length) {
        const extra = Object.keys(u).find((f) => !(f in props)) as string;
        return new Fail(`no such field in ${name} (fields: ${fields.join(', ')})`, u[extra]).at(extra);
      }
      return out as RecordOf<P>;
    },
    (a) => Object.fromEntries(fields.map((f, k) => [f, (codecs[k] as Mixed).encode(a[f])])),
  );
}

/**
 * memo: the codec, decoding each object once: a later decode of the same
 * object (parseShared gives text a trace repeats as the same object) is the
 * first one's value. Only successes are kept, so a value that does not
 * decode fails, with its path, wherever it is. The memo keeps the objects
 * it decoded as long as the codec lives, so it is for codecs built per
 * trace (stateCodecs), whose parsed JSON holds those objects anyway. A Map,
 * not a WeakMap: a WeakMap's set costs about twice as much and its entries
 * are more work for the garbage collector (end to end, the corpus replays
 * about 10% faster with a Map).
 */
export function memo<A, O>(codec: ItfType<A, O>): ItfType<A, O> {
  const decoded = new Map<object, A>();
  return new ItfType<A, O>(
    codec.name,
    codec.is,
    (u) => {
      if (typeof u !== 'object' || u === null) return codec.run(u);
      const seen = decoded.get(u);
      if (seen !== undefined) return seen;
      const r = codec.run(u);
      if (!(r instanceof Fail)) decoded.set(u, r);
      return r;
    },
    codec.encode,
  );
}

/** refine: a codec whose values must also pass `check` (which returns what was expected, or undefined). */
export function refine<A, O>(codec: ItfType<A, O>, check: (a: A, u: unknown) => string | undefined): ItfType<A, O> {
  return new ItfType<A, O>(
    codec.name,
    (u): u is A => codec.is(u) && check(u, u) === undefined,
    (u) => {
      const r = codec.run(u);
      if (r instanceof Fail) return r;
      const problem = check(r, u);
      return problem === undefined ? r : new Fail(problem, u);
    },
    codec.encode,
  );
}

type OptionalOf<P extends Props> = { readonly [K in keyof P]?: TypeOf<P[K]> };

/**
 * header: an object with these required and optional fields, whose other
 * fields are ignored (ITF headers carry tool-specific fields).
 */
export function header<R extends Props, O extends Props>(
  name: string,
  required: R,
  optional: O,
): ItfType<RecordOf<R> & OptionalOf<O>> {
  const all: readonly (readonly [string, Mixed, boolean])[] = [
    ...Object.entries(required).map(([f, c]) => [f, c, true] as const),
    ...Object.entries(optional).map(([f, c]) => [f, c, false] as const),
  ];
  return new ItfType<RecordOf<R> & OptionalOf<O>>(
    name,
    (u): u is RecordOf<R> & OptionalOf<O> => isRecord(u),
    (u) => {
      if (!isRecord(u)) return new Fail(`${name} (an object)`, u);
      const out: Record<string, unknown> = {};
      for (const [f, codec, needed] of all) {
        const v = u[f];
        if (v === undefined) {
          if (needed) return new Fail(codec.name, v).at(f);
          continue;
        }
        const r = codec.run(v);
        if (r instanceof Fail) return r.at(f);
        out[f] = r;
      }
      return out as RecordOf<R> & OptionalOf<O>;
    },
    (a) => Object.fromEntries(all.flatMap(([f, c]) => ((a as Record<string, unknown>)[f] === undefined ? [] : [[f, c.encode((a as Record<string, unknown>)[f])]]))),
  );
}

/** anyValue: any JSON value, kept as it is (header fields we do not interpret). */
export const anyValue = new ItfType<unknown, unknown>(
  'ITF value',
  (_u): _u is unknown => true,
  (u) => u,
  (u) => u,
);
