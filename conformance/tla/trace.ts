// trace.ts: reads tla-checker's counterexample text ("State 0\n  x = 0\n  y = <<>>\nState 1 ...").
// Values are printed one per line; a value is everything after `var = ` up to the next
// variable line, so a value that ever spans lines stays whole.

export type DisplayState = Readonly<Record<string, string>>;

/** Parses one trace string into states (variable -> display text); `variables` are the known names. */
export function parseDisplayTrace(trace: string, variables: readonly string[]): DisplayState[] {
  const known = new Set(variables);
  const states: Record<string, string>[] = [];
  let current: Record<string, string> | undefined;
  let last: string | undefined;
  for (const line of trace.split('\n')) {
    if (/^State \d+\s*$/.test(line)) {
      current = {};
      states.push(current);
      last = undefined;
      continue;
    }
    const m = /^ {2}(\S+) = (.*)$/.exec(line);
    if (current !== undefined && m?.[1] !== undefined && known.has(m[1])) {
      last = m[1];
      current[last] = m[2] ?? '';
    } else if (current !== undefined && last !== undefined && line !== '') {
      current[last] += '\n' + line;
    }
  }
  return states;
}

/** The state without the toolchain's own variables (names starting with `__`). */
export function stripInternal<V>(state: Readonly<Record<string, V>>): Record<string, V> {
  return Object.fromEntries(Object.entries(state).filter(([k]) => !k.startsWith('__')));
}

export function sameDisplay(a: DisplayState, b: DisplayState): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
