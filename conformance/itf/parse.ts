// shared-parse: JSON.parse for traces, with what consecutive states repeat
// parsed once and shared.
//
// A trace repeats every variable in every state, and a step changes one or
// two of them, so most of a trace's text is the same value again. This
// scanner compares the text of each state's members (`"key": value`) with
// the state before's (a memcmp, not a scan); a member whose text is the
// same gets the previous state's parsed value (the same object). A
// variable that changed usually changed in one place: one server's log, one
// message more in the bag. So a changed value is built from its parts: its
// objects and arrays two levels deep (`{"#map": [...]}` and its array;
// `#meta` and its `args`) are built here, and each part below them (a `[key,
// value]` pair of a function, an action argument) is first compared with
// the parts of the same member before, then looked up by its text among the
// parts the trace had so far, and only then parsed by JSON.parse. decodeTrace
// then decodes a shared object once (itf/codec.ts, `memo`).
//
// parseShared returns exactly what JSON.parse would (deep-equal), or
// undefined whenever the text is not the plain shape it knows, in which
// case the caller uses JSON.parse: that also gives the error message for
// text that is not JSON.
//
// It is also the fast path of the strict reader (itf/scan.ts): it returns
// a value only for text that keeps scan.ts's rules, and checks for that
// only what it reads anew: each text it hands to JSON.parse (a header
// member, a part not seen before) by strictPart, and what it reads itself
// (member names: no raw control character, none twice in an object;
// numbers outside JSON.parse: integers written as such). Text repeated
// from the state before, or a part seen before, was checked when first
// read (a part at PART_LEVEL, the deepest level parts are read at, so
// the nesting bound holds wherever it repeats). For anything else it
// returns undefined, and the caller checks the whole text (checkText).
import { BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE, strictPart } from './scan.js';

/** NOTHING: what `build` gives for text it does not take. */
const NOTHING: unique symbol = Symbol('nothing');

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
    for (let k = 1; k < raw.length - 1; k++) if (raw.charCodeAt(k) < 0x20) return undefined; // a raw control character
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
   * repeats: the next value (or member) is `raw` again (a memcmp instead of
   * a scan); if so, step past it. `raw` is a whole value, so the text
   * starting with it and going on with a delimiter is that value.
   */
  repeats(raw: string): boolean {
    this.ws();
    // (slice and === is an order of magnitude faster than startsWith here, measured on node 20.)
    if (this.text.slice(this.p, this.p + raw.length) !== raw) return false;
    const q = this.p;
    this.p += raw.length;
    const c = this.ws();
    if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET) return true;
    this.p = q;
    return false;
  }

  /** literal: the text goes on with `lit` exactly (no space inside); if so, step past it. */
  literal(lit: string): boolean {
    if (this.text.slice(this.p, this.p + lit.length) !== lit) return false;
    this.p += lit.length;
    return true;
  }

  /**
   * items: the parts of an array whose `[` was just read, up to its `]`,
   * each a `[key, value]` pair of parts if `pairs`; NOTHING if the text is
   * not that.
   */
  items(parts: Parts, pairs: boolean): unknown[] | typeof NOTHING {
    const a: unknown[] = [];
    if (this.ws() === CLOSE_BRACKET) {
      this.p += 1;
      return a;
    }
    for (;;) {
      let v: unknown;
      if (!pairs) v = parts.read(this);
      else {
        if (!this.expect(OPEN_BRACKET)) return NOTHING;
        const key = parts.read(this);
        if (key === NOTHING || !this.expect(COMMA)) return NOTHING;
        const value = parts.read(this);
        if (value === NOTHING || !this.expect(CLOSE_BRACKET)) return NOTHING;
        v = [key, value];
      }
      if (v === NOTHING) return NOTHING;
      a.push(v);
      const next = this.ws();
      this.p += 1;
      if (next === CLOSE_BRACKET) return a;
      if (next !== COMMA) return NOTHING;
    }
  }

  /**
   * variable: the value of a state's member. The two shapes that a changed
   * member has in every trace raftref writes, a function `{"#map":[...]}`
   * and a step's `{"index":..,"action":..,"args":[...]}`, are read
   * directly, their parts being the keys and values of the function's pairs
   * and the action's arguments (so a message in the bag and the same
   * message as an argument are one object); anything else (other spacing,
   * other members) by build.
   */
  variable(parts: Parts): unknown {
    this.ws();
    const start = this.p;
    if (this.literal('{"#map":[')) {
      const pairs = this.items(parts, true);
      if (pairs !== NOTHING && this.expect(CLOSE_BRACE)) return { '#map': pairs };
    } else if (this.literal('{"index":')) {
      const index = parts.read(this);
      if (index !== NOTHING && this.literal(',"action":')) {
        const action = parts.read(this);
        if (action !== NOTHING && this.literal(',"args":[')) {
          const args = this.items(parts, false);
          if (args !== NOTHING && this.expect(CLOSE_BRACE)) return { index, action, args };
        }
      }
    }
    this.p = start;
    parts.restart();
    return this.build(BUILT, parts);
  }

  /**
   * build: the next value, its objects and arrays `depth` levels deep built
   * here and every value below them read by `parts`; NOTHING if the text is
   * not the shape this scanner knows.
   */
  build(depth: number, parts: Parts): unknown {
    const c = this.ws();
    if (depth > 0 && c === OPEN_BRACE) {
      const o: Record<string, unknown> = {};
      const ok = this.members((k) => {
        if (Object.hasOwn(o, k)) return false; // a member given twice
        const v = this.build(depth - 1, parts);
        o[k] = v;
        return v !== NOTHING;
      });
      return ok ? o : NOTHING;
    }
    if (depth > 0 && c === OPEN_BRACKET) {
      this.p += 1;
      const a: unknown[] = [];
      if (this.ws() === CLOSE_BRACKET) {
        this.p += 1;
        return a;
      }
      for (;;) {
        const v = this.build(depth - 1, parts);
        if (v === NOTHING) return NOTHING;
        a.push(v);
        const next = this.ws();
        this.p += 1;
        if (next === CLOSE_BRACKET) return a;
        if (next !== COMMA) return NOTHING;
      }
    }
    return parts.read(this);
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
    if (Object.hasOwn(top, key)) return false; // a member given twice
    if (key !== 'states') {
      const raw = s.value();
      // A header member is checked with its name: its numbers need not all be integers (scan.ts).
      if (raw === undefined || !strictPart(`{${JSON.stringify(key)}:${raw}}`, 0)) return false;
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

/** BUILT: how many levels of a state's variable are built by the scanner; the parts below are shared by text. */
const BUILT = 2;

/** Part: a value below the BUILT levels, its text and its parsed value. */
type Part = { readonly raw: string; readonly value: unknown };

/** Member: one `"key": value` of a state, its text as written, its parsed value and its parts. */
type Member = { readonly text: string; readonly key: string; readonly value: unknown; readonly parts: readonly Part[] };

/**
 * Parts: reads the parts of one member, in order. A part is first compared
 * with the member's parts in the state before, from where the last match
 * left off (a server's value in the same place, or a pair further on
 * when a message left the bag), then looked up by its text among every
 * part of the trace so far, and only then parsed.
 */
class Parts {
  private before: readonly Part[] = [];
  private next = 0;
  out: Part[] = [];

  constructor(private readonly seen: Map<string, unknown>) {}

  /** start: read the parts of a member whose previous parts were `before`. */
  start(before: readonly Part[]): void {
    this.before = before;
    this.next = 0;
    this.out = [];
  }

  /** restart: read the same member's parts again from its start. */
  restart(): void {
    this.next = 0;
    this.out = [];
  }

  read(s: Scanner): unknown {
    s.ws();
    for (let d = 0; d < 3; d++) {
      const hint = this.before[this.next + d];
      if (hint !== undefined && s.text.charCodeAt(s.p + hint.raw.length - 1) === hint.raw.charCodeAt(hint.raw.length - 1) && s.repeats(hint.raw)) {
        this.next += d + 1;
        this.out.push(hint);
        return hint.value;
      }
    }
    const raw = s.value();
    if (raw === undefined) return NOTHING;
    const c = raw.charCodeAt(0);
    let value: unknown;
    if (c !== OPEN_BRACE && c !== OPEN_BRACKET && c !== QUOTE) value = primitive(raw); // a number or a constant: not worth keeping
    else {
      value = this.seen.get(raw);
      if (value === undefined) {
        if (!strictPart(raw, PART_LEVEL)) return NOTHING;
        value = JSON.parse(raw);
        this.seen.set(raw, value);
      }
    }
    this.out.push({ raw, value });
    return value;
  }
}

/**
 * primitive: JSON.parse of a number or a constant (true, false, null); a
 * natural number of up to 9 digits without it (a state's `#meta` index:
 * one in every state, and JSON.parse costs more than the digits). Anything
 * else, a leading zero included, goes to JSON.parse, which may throw.
 */
function primitive(raw: string): unknown {
  if (raw.length > 9) return strictParse(raw);
  let n = 0;
  for (let k = 0; k < raw.length; k++) {
    const d = raw.charCodeAt(k) - 48;
    if (d < 0 || d > 9 || (d === 0 && k === 0 && raw.length > 1)) return strictParse(raw);
    n = n * 10 + d;
  }
  return n;
}

/** strictParse: JSON.parse of a part the strict rules allow (itf/scan.ts); NOTHING otherwise. */
function strictParse(raw: string): unknown {
  return strictPart(raw, PART_LEVEL) ? JSON.parse(raw) : NOTHING;
}

/**
 * PART_LEVEL: the most containers open around a part (the text, `states`,
 * a state, a function, its pairs, a pair); a part is checked as if it were
 * that deep, so that it keeps the nesting bound wherever it repeats.
 */
const PART_LEVEL = 6;

const NO_PARTS: readonly Part[] = [];

function scanStates(s: Scanner): unknown[] | undefined {
  const states: unknown[] = [];
  if (!s.expect(OPEN_BRACKET)) return undefined;
  if (s.ws() === CLOSE_BRACKET) {
    s.p += 1;
    return states;
  }
  const parts = new Parts(new Map());
  // The members of the state before, in order: a state usually writes its variables in the same
  // order as the one before, so member n is first compared, key and value, with member n before.
  let previous: Member[] = [];
  for (;;) {
    const state: Record<string, unknown> = {};
    const current: Member[] = [];
    if (!s.expect(OPEN_BRACE)) return undefined;
    let c = s.ws();
    if (c === CLOSE_BRACE) s.p += 1;
    else {
      for (let n = 0; ; n++) {
        const before = previous[n];
        let member: Member;
        if (before !== undefined && s.repeats(before.text)) member = before;
        else {
          const start = s.p;
          let key = s.key();
          if (key === undefined) return undefined;
          if (key === before?.key) key = before.key; // the same string: a property key V8 has seen
          parts.start(key === before?.key ? before.parts : (previous.find((m) => m.key === key)?.parts ?? NO_PARTS));
          const value = s.variable(parts);
          if (value === NOTHING) return undefined;
          member = { text: s.text.slice(start, s.p), key, value, parts: parts.out };
        }
        if (Object.hasOwn(state, member.key)) return undefined; // a variable given twice
        current.push(member);
        state[member.key] = member.value;
        c = s.ws();
        s.p += 1;
        if (c === CLOSE_BRACE) break;
        if (c !== COMMA) return undefined;
      }
    }
    states.push(state);
    previous = current;
    c = s.ws();
    s.p += 1;
    if (c === CLOSE_BRACKET) return states;
    if (c !== COMMA) return undefined;
  }
}
