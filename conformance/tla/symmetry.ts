// symmetry.ts: matching states up to the model's SYMMETRY. With symmetry reduction,
// tla-checker's counterexample is a sequence of canonical representatives: state k+1 is a
// successor of state k only up to a permutation of the symmetric model values. To label
// such a trace (label.ts), a state is compared with the stepping API's successors modulo
// those permutations, on a canonical form of the checker's display strings (sets and
// functions sorted, model values renamed).

import type { LoadedModel } from './model.js';
import type { DisplayState } from './trace.js';

export type Renaming = ReadonlyMap<string, string>;

/**
 * The renamings of the model's SYMMETRY, identity first: for every `Permutations(C)` in the
 * symmetry definition, C's cfg value must be a set of model values; the renamings are all
 * combinations of permutations of those sets. No SYMMETRY: the identity alone.
 */
export function symmetryRenamings(model: LoadedModel): Renaming[] {
  const name = model.cfg.symmetry?.name;
  const body = name === undefined ? undefined : model.defs.get(name)?.def.body;
  if (body === undefined) return [new Map()];
  const groups = [...body.matchAll(/Permutations\(\s*(\w+)\s*\)/g)].flatMap((m) => {
    const c = model.cfg.constants.find((x) => x.name === m[1]);
    if (c?.kind !== 'value' || c.value.kind !== 'set') return [];
    const names = c.value.elems.flatMap((e) => (e.kind === 'model' ? [e.name] : []));
    return names.length === c.value.elems.length ? [names] : [];
  });
  return groups.reduce<Renaming[]>(
    (acc, group) => acc.flatMap((r) => permutations(group).map((p) => new Map([...r, ...group.map((g, k): [string, string] => [g, p[k] ?? g])]))),
    [new Map()],
  );
}

function permutations<T>(xs: readonly T[]): T[][] {
  if (xs.length <= 1) return [[...xs]];
  return xs.flatMap((x, k) => permutations([...xs.slice(0, k), ...xs.slice(k + 1)]).map((rest) => [x, ...rest]));
}

const TOKEN = /\s*(<<|>>|:>|@@|\|->|[{}()[\],]|"(?:[^"\\]|\\.)*"|-?\d+|[A-Za-z_][A-Za-z0-9_]*)/y;

/**
 * A canonical text for a display value (`(s1 :> 1 @@ s2 :> 0)`, `{<<s1, 2>>}`,
 * `[term |-> 1, value |-> v1]`, ...) with model values renamed; undefined if it is not in
 * the grammar this reads (the caller then compares the raw texts).
 */
export function canonicalValue(text: string, rename: Renaming): string | undefined {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (m === null) return /^\s*$/.test(text.slice(at)) ? finish() : undefined;
    tokens.push(m[1] ?? '');
  }
  return finish();

  function finish(): string | undefined {
    let i = 0;
    const peek = (): string | undefined => tokens[i];
    const take = (want?: string): string => {
      const t = tokens[i++];
      if (t === undefined || (want !== undefined && t !== want)) throw new SyntaxError(`expected ${want ?? 'a token'}`);
      return t;
    };
    const list = (close: string, item: () => string, sep = ','): string[] => {
      const out: string[] = [];
      if (peek() === close) return (take(close), out);
      for (;;) {
        out.push(item());
        if (peek() !== sep) return (take(close), out);
        take(sep);
      }
    };
    const value = (): string => {
      const t = take();
      if (t === '<<') return `<<${list('>>', value).join(',')}>>`;
      if (t === '{') return `{${list('}', value).sort().join(',')}}`;
      if (t === '(') return `(${list(')', () => `${value()}:>${(take(':>'), value())}`, '@@').sort().join('@@')})`;
      if (t === '[') return `[${list(']', () => `${take()}|->${(take('|->'), value())}`).sort().join(',')}]`;
      if (/^[A-Za-z_]/.test(t)) return rename.get(t) ?? t;
      if (/^(-?\d+|")/.test(t)) return t;
      throw new SyntaxError(`unexpected ${t}`);
    };
    try {
      const v = value();
      return i === tokens.length ? v : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The state's variables in canonical form, under one renaming. */
export function canonicalState(s: DisplayState, rename: Renaming): string {
  return Object.keys(s)
    .sort()
    .map((k) => `${k}=${canonicalValue(s[k] ?? '', rename) ?? s[k] ?? ''}`)
    .join('\n');
}
