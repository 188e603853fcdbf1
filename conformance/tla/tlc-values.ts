// tlc-values.ts: reads the trace files TLC writes in simulation mode
// (`-simulate file=F,num=N`: one file F_<worker>_<n> per behaviour), whose states are TLA+
// value text as TLC prints it:
//
//   ---------------- MODULE F_0_0 -----------------
//   \* <Init line 173, col 5 to line 182, col 38 of module Raft>
//   STATE_1 ==
//   /\ currentTerm = (s1 :> 0 @@ s2 :> 0)
//   /\ messages = <<>>
//
//   \* <Next line 419, col 8 to line 419, col 47 of module Raft>
//   STATE_2 ==
//   ...
//   =================================================
//
// (measured on TLC 2026.04.29, see fixtures/tlc-real/). The comment before each STATE_n is
// the step's label, a location as in TLC's error traces (tlc-output.ts parseLocation).
// Values come back in tla-checker's JSON shapes (value.ts), so that both checkers' states go
// through the same conversions (to ITF, or to a key for comparing states).

import type { TlaState, TlaValue } from './value.js';

export class TlcValueError extends Error {
  override name = 'TlcValueError';
}

type Tok = { readonly kind: 'num' | 'str' | 'id' | 'op'; readonly text: string; readonly at: number };

const OPS = ['<<', '>>', '|->', ':>', '@@', '/\\', '..', '{', '}', '[', ']', '(', ')', ',', '=', '-'];

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] ?? '';
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/\d/.test(c)) {
      const m = /^\d+/.exec(src.slice(i))?.[0] ?? c;
      out.push({ kind: 'num', text: m, at: i });
      i += m.length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^\w+/.exec(src.slice(i))?.[0] ?? c;
      out.push({ kind: 'id', text: m, at: i });
      i += m.length;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = '';
      for (; j < src.length && src[j] !== '"'; j++) {
        if (src[j] === '\\') {
          const e = src[++j] ?? '';
          s += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e === 'f' ? '\f' : e;
        } else s += src[j];
      }
      if (j >= src.length) throw new TlcValueError(`unterminated string at ${i}`);
      out.push({ kind: 'str', text: s, at: i });
      i = j + 1;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (op === undefined) throw new TlcValueError(`unexpected ${JSON.stringify(c)} at ${i}`);
    out.push({ kind: 'op', text: op, at: i });
    i += op.length;
  }
  return out;
}

class Parser {
  private k = 0;
  constructor(private readonly toks: readonly Tok[]) {}

  private peek(ahead = 0): Tok | undefined {
    return this.toks[this.k + ahead];
  }

  private is(text: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t !== undefined && t.kind === 'op' && t.text === text;
  }

  private expect(text: string): void {
    if (!this.is(text)) throw new TlcValueError(`expected ${text} at ${this.peek()?.at ?? 'end'}, found ${this.peek()?.text ?? 'end of input'}`);
    this.k++;
  }

  atEnd(): boolean {
    return this.k >= this.toks.length;
  }

  /** Items separated by commas up to `close` (consumed). */
  private list<A>(close: string, item: () => A): A[] {
    const out: A[] = [];
    if (this.is(close)) {
      this.k++;
      return out;
    }
    for (;;) {
      out.push(item());
      if (this.is(',')) this.k++;
      else break;
    }
    this.expect(close);
    return out;
  }

  value(): TlaValue {
    const t = this.peek();
    if (t === undefined) throw new TlcValueError('unexpected end of value');
    if (t.kind === 'num') {
      this.k++;
      return Number(t.text);
    }
    if (t.kind === 'str') {
      this.k++;
      return t.text;
    }
    if (t.kind === 'id') {
      this.k++;
      if (t.text === 'TRUE') return true;
      if (t.text === 'FALSE') return false;
      return { __model: t.text };
    }
    this.k++;
    switch (t.text) {
      case '-': {
        const n = this.peek();
        if (n?.kind !== 'num') throw new TlcValueError(`expected a number after - at ${t.at}`);
        this.k++;
        return -Number(n.text);
      }
      case '<<':
        return { __tuple: this.list('>>', () => this.value()) };
      case '{':
        return this.list('}', () => this.value());
      case '[':
        return Object.fromEntries(this.list(']', () => this.recordField()));
      case '(':
        return this.functionBody();
      default:
        throw new TlcValueError(`unexpected ${t.text} at ${t.at}`);
    }
  }

  private recordField(): [string, TlaValue] {
    const name = this.peek();
    if (name?.kind !== 'id') throw new TlcValueError(`expected a field name at ${name?.at ?? 'end'}`);
    this.k++;
    this.expect('|->');
    return [name.text, this.value()];
  }

  /** `(k1 :> v1 @@ k2 :> v2 ...)` after the `(`; a parenthesised value otherwise. */
  private functionBody(): TlaValue {
    const first = this.value();
    if (!this.is(':>')) {
      this.expect(')');
      return first;
    }
    const pairs: TlaValue[] = [];
    let key = first;
    for (;;) {
      this.expect(':>');
      pairs.push([key, this.value()]);
      if (!this.is('@@')) break;
      this.k++;
      key = this.value();
    }
    this.expect(')');
    return { __fn: pairs };
  }

  /** `/\ x = v /\ y = w ...` (the first `/\` may be absent when there is one variable). */
  state(): TlaState {
    const out: Record<string, TlaValue> = {};
    while (!this.atEnd()) {
      if (this.is('/\\')) this.k++;
      const name = this.peek();
      if (name?.kind !== 'id') throw new TlcValueError(`expected a variable name at ${name?.at ?? 'end'}`);
      this.k++;
      this.expect('=');
      out[name.text] = this.value();
    }
    return out;
  }
}

/** One TLA+ value as TLC prints it. */
export function parseTlcValue(text: string): TlaValue {
  const p = new Parser(tokenize(text));
  const v = p.value();
  if (!p.atEnd()) throw new TlcValueError(`trailing text after the value in ${text.slice(0, 80)}`);
  return v;
}

/** One state of a trace file and the label TLC wrote before it (`Init line ...`), if any. */
export type TlcTraceStep = { readonly label: string | undefined; readonly state: TlaState };

/** The states of one simulation trace file, in order, each with its label. */
export function parseTlcTrace(text: string): TlcTraceStep[] {
  const states: { n: number; label: string | undefined; body: string[] }[] = [];
  let label: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const head = /^STATE_(\d+)\s*==\s*(.*)$/.exec(line);
    const comment = /^\s*\\\*\s?(.*)$/.exec(line);
    if (head !== null) {
      states.push({ n: Number(head[1]), label, body: [head[2] ?? ''] });
      label = undefined;
    } else if (comment !== null) {
      label = /^<(.*)>\s*$/.exec(comment[1] ?? '')?.[1];
    } else if (/^-{4,}\s*MODULE\b/.test(line) || /^={4,}\s*$/.test(line)) {
      continue;
    } else states.at(-1)?.body.push(line);
  }
  return states
    .sort((a, b) => a.n - b.n)
    .map((s) => {
      try {
        return { label: s.label, state: new Parser(tokenize(s.body.join('\n'))).state() };
      } catch (e) {
        throw new TlcValueError(`STATE_${s.n}: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
}

/** The states of one simulation trace file, in order. */
export function parseTlcTraceFile(text: string): TlaState[] {
  return parseTlcTrace(text).map((s) => s.state);
}

/** A state of TLC's error trace (variable -> value text, tlc-output.ts) as typed values. */
export function parseTlcState(vars: Readonly<Record<string, string>>): TlaState {
  return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, parseTlcValue(v)]));
}
