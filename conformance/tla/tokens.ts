// tokens.ts: a small TLA+ tokenizer, enough to find module units, definitions,
// brackets and junctions. Comments are dropped; every token keeps its position.

export type TokenKind = 'ident' | 'number' | 'string' | 'op' | 'separator' | 'end';

export type Token = {
  readonly kind: TokenKind;
  readonly text: string;
  /** 1-based line of the first character. */
  readonly line: number;
  /** 1-based column of the first character. */
  readonly col: number;
  /** Offset (UTF-16 units) of the first character in the source. */
  readonly start: number;
  /** Offset just past the last character. */
  readonly end: number;
};

export class TokenizeError extends Error {
  constructor(
    readonly line: number,
    readonly what: string,
  ) {
    super(`line ${line}: ${what}`);
  }
}

// Longest first, so that `<=>` wins over `<=` and `<<`.
const OPERATORS = [
  '|->', '<=>', '\\/', '/\\', '==', '<<', '>>', '->', '<-', ':=', '=>', '<=', '>=', '=<', '/=',
  '..', '::', '[]', '<>', '@@', ':>', '~>', '-+->', '\\E', '\\A',
].sort((a, b) => b.length - a.length);

const isIdentChar = (c: string): boolean => /[A-Za-z0-9_]/.test(c);

class Cursor {
  pos = 0;
  line = 1;
  col = 1;
  constructor(readonly src: string) {}
  peek(offset = 0): string {
    return this.src[this.pos + offset] ?? '';
  }
  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }
  advance(n: number): void {
    for (let i = 0; i < n && this.pos < this.src.length; i++) {
      if (this.src[this.pos] === '\n') {
        this.line++;
        this.col = 1;
      } else {
        this.col++;
      }
      this.pos++;
    }
  }
}

/** Skips whitespace and comments; returns false when nothing was skipped. */
function skipTrivia(c: Cursor): boolean {
  const before = c.pos;
  for (;;) {
    if (/\s/.test(c.peek())) c.advance(1);
    else if (c.startsWith('\\*')) skipLineComment(c);
    else if (c.startsWith('(*')) skipBlockComment(c);
    else break;
  }
  return c.pos !== before;
}

function skipLineComment(c: Cursor): void {
  while (c.pos < c.src.length && c.peek() !== '\n') c.advance(1);
}

/** Block comments nest in TLA+. */
function skipBlockComment(c: Cursor): void {
  const line = c.line;
  let depth = 0;
  do {
    if (c.pos >= c.src.length) throw new TokenizeError(line, 'unterminated comment (* ... *)');
    if (c.startsWith('(*')) {
      depth++;
      c.advance(2);
    } else if (c.startsWith('*)')) {
      depth--;
      c.advance(2);
    } else {
      c.advance(1);
    }
  } while (depth > 0);
}

function readString(c: Cursor): number {
  const line = c.line;
  let n = 1;
  while (c.peek(n) !== '"') {
    if (c.peek(n) === '' || c.peek(n) === '\n') throw new TokenizeError(line, 'unterminated string');
    n += c.peek(n) === '\\' ? 2 : 1;
  }
  return n + 1;
}

function runLength(c: Cursor, ch: string): number {
  let n = 0;
  while (c.peek(n) === ch) n++;
  return n;
}

function nextToken(c: Cursor): [TokenKind, number] {
  const ch = c.peek();
  if (ch === '"') return ['string', readString(c)];
  if ((ch === '-' || ch === '=') && runLength(c, ch) >= 4) {
    return [ch === '=' ? 'end' : 'separator', runLength(c, ch)];
  }
  if (isIdentChar(ch)) {
    let n = 0;
    while (isIdentChar(c.peek(n))) n++;
    const word = c.src.slice(c.pos, c.pos + n);
    return [/^[0-9]+$/.test(word) ? 'number' : 'ident', n];
  }
  const op = OPERATORS.find((o) => c.startsWith(o));
  if (op !== undefined) return ['op', op.length];
  if (ch === '\\' && /[a-z]/.test(c.peek(1))) {
    let n = 1;
    while (/[a-z]/.test(c.peek(n))) n++;
    return ['op', n];
  }
  return ['op', 1];
}

/** Tokenizes TLA+ source text; throws TokenizeError on unterminated strings or comments. */
export function tokenize(src: string): Token[] {
  const c = new Cursor(src);
  const out: Token[] = [];
  for (;;) {
    skipTrivia(c);
    if (c.pos >= src.length) return out;
    const [kind, length] = nextToken(c);
    const start = c.pos;
    const line = c.line;
    const col = c.col;
    c.advance(length);
    out.push({ kind, text: src.slice(start, start + length), line, col, start, end: c.pos });
  }
}

const OPEN: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}', '<<': '>>' };
const CLOSE = new Set(Object.values(OPEN));

/** Bracket depth change of one token: +1 for an opener, -1 for a closer, else 0. */
export function depthDelta(t: Token): number {
  if (t.kind !== 'op') return 0;
  if (t.text in OPEN) return 1;
  return CLOSE.has(t.text) ? -1 : 0;
}

/** Index of the token closing the bracket opened at `open`, or -1. */
export function matchBracket(tokens: readonly Token[], open: number): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (t === undefined) break;
    depth += depthDelta(t);
    if (depth === 0) return i;
  }
  return -1;
}
