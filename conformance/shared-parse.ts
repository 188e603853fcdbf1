// shared-parse: JSON.parse for traces, with consecutive states sharing the
// values of the variables a step left unchanged.
//
// A trace repeats every variable in every state, and a step changes one or
// two of them, so most of a trace's text is the same value again. This
// scanner finds the text of each state's variables without building
// anything; a variable whose text equals the previous state's gets the
// previous state's parsed value (the same object), the others are parsed
// with JSON.parse. decodeTrace then decodes a shared value once.
//
// parseShared returns exactly what JSON.parse would (deep-equal), or
// undefined whenever the text is not the plain shape it knows, in which
// case the caller uses JSON.parse: that also gives the error message for
// text that is not JSON.

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

class Scanner {
  p = 0;
  constructor(readonly text: string) {}

  /** ws: skip whitespace; the code of the next character (NaN at the end). */
  ws(): number {
    const t = this.text;
    let c = t.charCodeAt(this.p);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(++this.p);
    return c;
  }

  /** expect: the next non-space character is `c`; step past it. */
  expect(c: number): boolean {
    if (this.ws() !== c) return false;
    this.p += 1;
    return true;
  }

  /** stringEnd: the index just past the string that starts at q (a quote), or -1. */
  stringEnd(q: number): number {
    const t = this.text;
    let from = q + 1;
    for (;;) {
      const e = t.indexOf('"', from);
      if (e < 0) return -1;
      let slashes = 0;
      for (let b = e - 1; t.charCodeAt(b) === BACKSLASH; b--) slashes += 1;
      if (slashes % 2 === 0) return e + 1;
      from = e + 1;
    }
  }

  /** key: an object key and its colon, or undefined. */
  key(): string | undefined {
    if (this.ws() !== QUOTE) return undefined;
    const end = this.stringEnd(this.p);
    if (end < 0) return undefined;
    const raw = this.text.slice(this.p, end);
    this.p = end;
    const k = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    return this.expect(COLON) && k !== '__proto__' ? k : undefined;
  }

  /** value: the raw text of the next value, or undefined. JSON.parse checks what is inside it. */
  value(): string | undefined {
    const t = this.text;
    const start = this.p;
    const c = this.ws();
    const from = this.p;
    let q = from;
    if (c === QUOTE) {
      q = this.stringEnd(q);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      let depth = 0;
      for (;;) {
        const ch = t.charCodeAt(q);
        if (ch !== ch) return undefined; // NaN: the end of the text
        if (ch === QUOTE) {
          q = this.stringEnd(q);
          if (q < 0) return undefined;
          continue;
        }
        if (ch === OPEN_BRACE || ch === OPEN_BRACKET) depth += 1;
        else if (ch === CLOSE_BRACE || ch === CLOSE_BRACKET) {
          depth -= 1;
          if (depth === 0) {
            q += 1;
            break;
          }
        }
        q += 1;
      }
    } else {
      for (;;) {
        const ch = t.charCodeAt(q);
        if (ch !== ch || ch === COMMA || ch === CLOSE_BRACE || ch === CLOSE_BRACKET || ch === 32 || ch === 10 || ch === 13 || ch === 9) break;
        q += 1;
      }
    }
    if (q <= from) {
      this.p = start;
      return undefined;
    }
    this.p = q;
    return t.slice(from, q);
  }

  /**
   * repeats: the next value is `raw` again (a memcmp instead of a scan);
   * if so, step past it. `raw` is a whole value, so the text starting with
   * it and going on with a delimiter is that value.
   */
  repeats(raw: string): boolean {
    this.ws();
    // (slice and === is an order of magnitude faster than startsWith here, measured on node 20.)
    if (this.text.slice(this.p, this.p + raw.length) !== raw) return false;
    const q = this.p;
    this.p += raw.length;
    const c = this.ws();
    if (c === COMMA || c === CLOSE_BRACE) return true;
    this.p = q;
    return false;
  }

  /** members: call `each` on every key of an object (the scanner just past its value). */
  members(each: (key: string) => boolean): boolean {
    if (!this.expect(OPEN_BRACE)) return false;
    if (this.ws() === CLOSE_BRACE) {
      this.p += 1;
      return true;
    }
    for (;;) {
      const k = this.key();
      if (k === undefined || !each(k)) return false;
      const c = this.ws();
      this.p += 1;
      if (c === CLOSE_BRACE) return true;
      if (c !== COMMA) return false;
    }
  }
}

/**
 * parseShared: the value of a trace's text, as JSON.parse gives it, with
 * each state's variables shared with the state before when their text is
 * the same; undefined when the text is not a JSON object with a `states`
 * array of objects (or anything else surprises the scanner).
 */
export function parseShared(text: string): unknown {
  try {
    return scan(new Scanner(text));
  } catch {
    return undefined;
  }
}

function scan(s: Scanner): unknown {
  const top: Record<string, unknown> = {};
  const ok = s.members((key) => {
    if (key !== 'states') {
      const raw = s.value();
      if (raw === undefined) return false;
      top[key] = JSON.parse(raw);
      return true;
    }
    const states = scanStates(s);
    if (states === undefined) return false;
    top[key] = states;
    return true;
  });
  const rest = s.ws();
  return ok && Number.isNaN(rest) ? top : undefined;
}

function scanStates(s: Scanner): unknown[] | undefined {
  const states: unknown[] = [];
  if (!s.expect(OPEN_BRACKET)) return undefined;
  if (s.ws() === CLOSE_BRACKET) {
    s.p += 1;
    return states;
  }
  let previous = new Map<string, { raw: string; value: unknown }>();
  for (;;) {
    const state: Record<string, unknown> = {};
    const current = new Map<string, { raw: string; value: unknown }>();
    const ok = s.members((key) => {
      const before = previous.get(key);
      if (before !== undefined && s.repeats(before.raw)) {
        current.set(key, before);
        state[key] = before.value;
        return true;
      }
      const raw = s.value();
      if (raw === undefined) return false;
      const value = before !== undefined && before.raw === raw ? before.value : JSON.parse(raw);
      current.set(key, { raw, value });
      state[key] = value;
      return true;
    });
    if (!ok) return undefined;
    states.push(state);
    previous = current;
    const c = s.ws();
    s.p += 1;
    if (c === CLOSE_BRACKET) return states;
    if (c !== COMMA) return undefined;
  }
}
