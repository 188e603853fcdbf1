// scan: the strict check of a trace's text, one iterative pass before any
// parsing. JSON.parse and parseShared (itf/parse.ts) take what JSON allows
// and more (parseShared does not look inside strings; both let the last of
// two equal members win); the codecs, `show` and canonicalisation recurse.
// So the text is checked here first, without recursion and without
// allocating per character:
//
// - the JSON grammar (RFC 8259), exactly: no raw control character in a
//   string or member name, only JSON's escapes, no trailing commas, one
//   value and nothing after it;
// - nesting at most MAX_DEPTH levels (a trace needs about 11), so that the
//   recursive code after this never meets a deep value;
// - no object with two members of the same name (`"a"` and `"\u0061"` are
//   the same name);
// - every number an integer written as one (`-?(0|[1-9][0-9]*)`, not `-0`):
//   ITF values have no other numbers, and `1.0`, `1e0` and `-0` parse to
//   integers, so only the text tells. Tool-specific header fields under
//   `$.#meta` are not ITF values and may hold any number (the generator's
//   weights), except `$.#meta.raftref.constants` and `.version`.
//
// The first problem found is returned with its offset and its JSON path,
// built only then from the positions kept per level.
import { formatPath } from './codec.js';

/** MAX_DEPTH: the deepest nesting of objects and arrays a trace may have. */
export const MAX_DEPTH = 64;

/** TextProblem: where the text first breaks the rules, and what is wrong. */
export type TextProblem = {
  /** Offset (UTF-16 units) of the character at fault. */
  readonly offset: number;
  /** The JSON path of the value at fault (`$.states[3].log`). */
  readonly path: string;
  /** The index of the state it is in, if it is in one. */
  readonly state: number | undefined;
  readonly what: string;
};

/** Character codes of JSON's punctuation (shared with parse.ts). */
export const QUOTE = 34;
export const BACKSLASH = 92;
export const COMMA = 44;
export const COLON = 58;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;

const OBJECT = 1;
const ARRAY = 2;

/** SMALL_OBJECT: up to this many members, a new member's name is compared with the others in place; beyond, through a Set. */
const SMALL_OBJECT = 16;

const isDigit = (c: number): boolean => c >= ZERO && c <= NINE;
const isHex = (c: number): boolean => (c >= ZERO && c <= NINE) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/** A stop: thrown inside the scan to end it with a problem (caught in checkText). */
class Stop {
  constructor(
    readonly offset: number,
    readonly what: string,
  ) {}
}

/** describe: a character for a message (`"x"`, or `U+0007` for one that does not print). */
function describe(c: number): string {
  if (c !== c) return 'the end of the text';
  return c < 0x20 || c === 0x7f || (c >= 0x80 && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff
    ? `U+${c.toString(16).toUpperCase().padStart(4, '0')}`
    : JSON.stringify(String.fromCharCode(c));
}

class TextScanner {
  p = 0;
  depth = 0;
  /** Per level (1 = the outermost container): its kind, its member or element count, its current member's name (offsets, quotes included). */
  readonly kind = new Uint8Array(MAX_DEPTH + 1);
  readonly count = new Int32Array(MAX_DEPTH + 1);
  readonly keyStart = new Int32Array(MAX_DEPTH + 1);
  readonly keyEnd = new Int32Array(MAX_DEPTH + 1);
  /** The names of the members of every open object, as [start, end, escaped] triples; an object's start at `keyBase`. */
  readonly names: number[] = [];
  namesTop = 0;
  readonly keyBase = new Int32Array(MAX_DEPTH + 1);
  /** The names of an open object of more than SMALL_OBJECT members. */
  readonly bigNames: (Set<string> | undefined)[] = [];

  text = '';
  /**
   * How many containers are open around the text (a part of a trace checked
   * on its own, itf/parse.ts): they count towards MAX_DEPTH, and their keys
   * are unknown, so numbers are strict.
   */
  base = 0;

  /** reset: check `text` next (one scanner serves every part, not one allocated per part). */
  reset(text: string, base: number): this {
    this.text = text;
    this.base = base;
    this.p = 0;
    this.depth = base;
    this.namesTop = 0;
    for (let d = 1; d <= base; d++) {
      this.kind[d] = ARRAY;
      this.keyStart[d] = -1;
    }
    return this;
  }

  stop(offset: number, what: string): never {
    throw new Stop(offset, what);
  }

  ws(): number {
    const t = this.text;
    let c = t.charCodeAt(this.p);
    while (c === 32 || c === 10 || c === 13 || c === 9) c = t.charCodeAt(++this.p);
    return c;
  }

  /** scan: the whole text, iteratively: one value, then only white space. */
  scan(): void {
    const t = this.text;
    if (t.length === 0) this.stop(0, 'empty file');
    this.ws();
    if (this.p >= t.length) this.stop(this.p, 'no JSON value (only white space)');
    // Each turn reads one value, or closes containers after one.
    for (;;) {
      let c = this.ws();
      if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (this.depth === MAX_DEPTH) this.stop(this.p, `nested deeper than ${MAX_DEPTH} levels`);
        const d = ++this.depth;
        this.kind[d] = c === OPEN_BRACE ? OBJECT : ARRAY;
        this.count[d] = 0;
        this.keyStart[d] = -1;
        this.p += 1;
        if (this.kind[d] === OBJECT) {
          this.keyBase[d] = this.namesTop;
          this.bigNames[d] = undefined;
        }
        // Not empty: read the first member or element; empty: the loop below closes it.
        if (this.ws() !== (this.kind[d] === OBJECT ? CLOSE_BRACE : CLOSE_BRACKET)) {
          if (this.kind[d] === OBJECT) this.member();
          continue;
        }
      } else if (c === QUOTE) this.p = this.string(this.p);
      else if (c === MINUS || isDigit(c)) this.number();
      else if (c === 116 /* t */) this.literal('true');
      else if (c === 102 /* f */) this.literal('false');
      else if (c === 110 /* n */) this.literal('null');
      else this.stop(this.p, `expected a JSON value, found ${describe(c)}`);
      // After a value: a comma and the next one, or the end of its container (and maybe more ends).
      for (;;) {
        const d = this.depth;
        if (d === this.base) {
          this.ws();
          if (this.p < t.length) this.stop(this.p, `text after the JSON value: ${describe(t.charCodeAt(this.p))}`);
          return;
        }
        c = this.ws();
        const close = this.kind[d] === OBJECT ? CLOSE_BRACE : CLOSE_BRACKET;
        if (c === close) {
          this.p += 1;
          if (this.kind[d] === OBJECT) {
            this.namesTop = this.keyBase[d] as number;
            this.bigNames[d] = undefined;
          }
          this.depth -= 1;
          continue;
        }
        if (c !== COMMA) {
          this.stop(this.p, `expected ${this.kind[d] === OBJECT ? '"," or "}" after a member' : '"," or "]" after an element'}, found ${describe(c)}`);
        }
        this.p += 1;
        this.count[d] = (this.count[d] as number) + 1;
        if (this.kind[d] === OBJECT) this.member();
        break;
      }
    }
  }

  /** member: a member's name, which must be new in the object, and its colon (the value is read next). */
  member(): void {
    const d = this.depth;
    const c = this.ws();
    if (c !== QUOTE) this.stop(this.p, `expected a member name (a string), found ${describe(c)}`);
    const start = this.p;
    this.escaped = false;
    this.keyStart[d] = -1; // a problem in the name is in the object, not in the member before
    const end = this.string(start);
    const escaped = this.escaped;
    this.keyStart[d] = start;
    this.keyEnd[d] = end;
    this.checkNew(d, start, end, escaped);
    this.p = end;
    if (this.ws() !== COLON) this.stop(this.p, `expected ":" after a member name, found ${describe(this.text.charCodeAt(this.p))}`);
    this.p += 1;
  }

  /** checkNew: the name at [start, end) is not one the open object at level d already has. */
  checkNew(d: number, start: number, end: number, escaped: boolean): void {
    const names = this.names;
    const base = this.keyBase[d] as number;
    let big = this.bigNames[d];
    const top = this.namesTop;
    if (big === undefined && top - base >= 3 * SMALL_OBJECT) {
      big = new Set<string>();
      for (let k = base; k < top; k += 3) big.add(this.nameAt(names[k] as number, names[k + 1] as number, names[k + 2] === 1));
      this.bigNames[d] = big;
    }
    if (big !== undefined) {
      const name = this.nameAt(start, end, escaped);
      if (big.has(name)) this.stop(start, `member ${JSON.stringify(name)} given twice`);
      big.add(name);
    } else {
      for (let k = base; k < top; k += 3) {
        if (this.sameName(names[k] as number, names[k + 1] as number, names[k + 2] === 1, start, end, escaped)) {
          this.stop(start, `member ${JSON.stringify(this.nameAt(start, end, escaped))} given twice`);
        }
      }
    }
    names[this.namesTop++] = start;
    names[this.namesTop++] = end;
    names[this.namesTop++] = escaped ? 1 : 0;
  }

  nameAt(start: number, end: number, escaped: boolean): string {
    const raw = this.text.slice(start, end);
    return escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  sameName(a: number, aEnd: number, aEscaped: boolean, b: number, bEnd: number, bEscaped: boolean): boolean {
    if (aEscaped || bEscaped) return this.nameAt(a, aEnd, aEscaped) === this.nameAt(b, bEnd, bEscaped);
    if (aEnd - a !== bEnd - b) return false;
    const t = this.text;
    for (let k = 1; k < aEnd - a - 1; k++) if (t.charCodeAt(a + k) !== t.charCodeAt(b + k)) return false;
    return true;
  }

  /** Whether the last string read had an escape. */
  escaped = false;

  /** string: the index just past the string whose quote is at q. */
  string(q: number): number {
    const t = this.text;
    let k = q + 1;
    for (;;) {
      const c = t.charCodeAt(k);
      if (c > BACKSLASH || (c >= 0x20 && c !== QUOTE && c !== BACKSLASH)) {
        k += 1;
        continue;
      }
      if (c === QUOTE) return k + 1;
      if (c === BACKSLASH) {
        this.escaped = true;
        const e = t.charCodeAt(k + 1);
        if (e === 117 /* u */) {
          for (let h = 2; h < 6; h++) if (!isHex(t.charCodeAt(k + h))) this.stop(k, 'a \\u escape without four hex digits');
          k += 6;
          continue;
        }
        if (e === QUOTE || e === BACKSLASH || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
          k += 2;
          continue;
        }
        this.stop(k, e !== e ? 'unterminated string' : `invalid escape \\${String.fromCharCode(e)} in a string`);
      }
      if (c !== c) this.stop(q, 'unterminated string');
      if (c < 0x20) this.stop(k, `raw control character ${describe(c)} in a string (JSON needs it escaped)`);
      k += 1;
    }
  }

  /** number: a JSON number, which must be an integer written as one unless it is in a tool-specific header field. */
  number(): void {
    const t = this.text;
    const start = this.p;
    let k = start;
    let plain = true;
    if (t.charCodeAt(k) === MINUS) k += 1;
    const first = t.charCodeAt(k);
    if (first === ZERO) k += 1;
    else if (isDigit(first)) while (isDigit(t.charCodeAt(k))) k += 1;
    else this.stop(k, `expected a digit in a number, found ${describe(first)}`);
    if (t.charCodeAt(k) === DOT) {
      plain = false;
      k += 1;
      if (!isDigit(t.charCodeAt(k))) this.stop(k, `expected a digit after "." in a number, found ${describe(t.charCodeAt(k))}`);
      while (isDigit(t.charCodeAt(k))) k += 1;
    }
    const e = t.charCodeAt(k);
    if (e === 101 || e === 69) {
      plain = false;
      k += 1;
      const s = t.charCodeAt(k);
      if (s === PLUS || s === MINUS) k += 1;
      if (!isDigit(t.charCodeAt(k))) this.stop(k, `expected a digit in the exponent of a number, found ${describe(t.charCodeAt(k))}`);
      while (isDigit(t.charCodeAt(k))) k += 1;
    }
    if (k - start === 2 && t.charCodeAt(start) === MINUS && first === ZERO) plain = false;
    this.p = k;
    if (!plain && this.strictNumbers()) {
      this.stop(start, `expected an integer (ITF has no other numbers; write {"#bigint": "n"} or plain digits), got ${t.slice(start, k)}`);
    }
  }

  literal(word: string): void {
    if (!this.text.startsWith(word, this.p)) this.stop(this.p, `expected a JSON value, found ${describe(this.text.charCodeAt(this.p))}`);
    this.p += word.length;
  }

  /** keyIs: the current member at level d is named `name` (`"#meta"` or `"#\u006deta"`). */
  keyIs(d: number, name: string): boolean {
    const s = this.keyStart[d] as number;
    if (this.kind[d] !== OBJECT || s < 0) return false;
    const e = this.keyEnd[d] as number;
    if (e - s - 2 === name.length && this.text.startsWith(name, s + 1)) return true;
    return this.text.indexOf('\\', s) < e && this.nameAt(s, e, true) === name;
  }

  /** strictNumbers: the value being read is part of an ITF value (not a tool-specific field of the header). */
  strictNumbers(): boolean {
    if (this.depth < 2 || !this.keyIs(1, '#meta')) return true;
    return this.depth >= 3 && this.keyIs(2, 'raftref') && (this.keyIs(3, 'constants') || this.keyIs(3, 'version'));
  }

  /** where: the JSON path and the state of the value being read. */
  where(): { path: string; state: number | undefined } {
    const keys: (string | number)[] = [];
    for (let d = 1; d <= this.depth; d++) {
      if (this.kind[d] === ARRAY) keys.push(this.count[d] as number);
      else if ((this.keyStart[d] as number) >= 0) {
        const raw = this.text.slice(this.keyStart[d], this.keyEnd[d]);
        let name: string;
        try {
          name = JSON.parse(raw) as string;
        } catch {
          name = raw.slice(1, -1);
        }
        keys.push(name);
      } else break;
    }
    // A path as deep as the nesting allowed would be a screenful: the first levels, then how many more.
    const path = keys.length <= 16 ? formatPath(keys) : `${formatPath(keys.slice(0, 12))}...(${keys.length - 12} levels more)`;
    const state = this.depth >= 2 && this.keyIs(1, 'states') && this.kind[2] === ARRAY ? (this.count[2] as number) : undefined;
    return { path, state };
  }
}

/**
 * checkText: the first way in which `text` is not a strict trace text (see
 * the top of this file), or undefined. Linear in the text, iterative.
 */
export function checkText(text: string): TextProblem | undefined {
  const s = new TextScanner().reset(text, 0);
  try {
    s.scan();
    return undefined;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { offset: e.offset, what: e.what, ...s.where() };
  }
}

const PART_SCANNER = new TextScanner();

/**
 * strictPart: whether `raw`, a value written inside `base` open containers
 * of a trace's states (where every number must be an integer), keeps the
 * rules checkText checks. parseShared (itf/parse.ts) checks this way only
 * the text it parses anew; a text that fails is then checked whole by
 * checkText, which says where and what.
 */
export function strictPart(raw: string, base: number): boolean {
  const s = PART_SCANNER.reset(raw, base);
  try {
    s.scan();
    return true;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return false;
  }
}

/** lineCol: the 1-based line and column (in UTF-16 units) of an offset. */
export function lineCol(text: string, offset: number): { readonly line: number; readonly col: number } {
  let line = 1;
  let from = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line += 1;
    from = k + 1;
  }
  return { line, col: offset - from + 1 };
}
