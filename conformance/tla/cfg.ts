// cfg.ts: parser for TLC model configuration files (.cfg).
// Grammar after TLC's ModelConfig: a sequence of keyword sections; comments are `\*` and `(* *)`.

import { UserError } from './errors.js';
import { type Token, TokenizeError, tokenize } from './tokens.js';

export type CfgValue =
  | { readonly kind: 'model'; readonly name: string }
  | { readonly kind: 'int'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'set'; readonly elems: readonly CfgValue[] };

export type CfgConstant =
  /** `Name = value`: the constant gets a value (a bare identifier is a model value). */
  | { readonly kind: 'value'; readonly name: string; readonly value: CfgValue; readonly line: number }
  /** `Name <- Def`: the constant is replaced by the model module's definition Def. */
  | { readonly kind: 'substitution'; readonly name: string; readonly definition: string; readonly line: number };

export type CfgName = { readonly name: string; readonly line: number };

export type Cfg = {
  readonly file: string;
  readonly constants: readonly CfgConstant[];
  readonly init?: CfgName;
  readonly next?: CfgName;
  readonly specification?: CfgName;
  readonly invariants: readonly CfgName[];
  readonly properties: readonly CfgName[];
  readonly constraints: readonly CfgName[];
  readonly actionConstraints: readonly CfgName[];
  readonly symmetry?: CfgName;
  readonly view?: CfgName;
  readonly checkDeadlock?: boolean;
};

type Section = 'constants' | 'init' | 'next' | 'specification' | 'invariants' | 'properties' |
  'constraints' | 'actionConstraints' | 'symmetry' | 'view' | 'checkDeadlock';

const KEYWORDS: Readonly<Record<string, Section>> = {
  CONSTANT: 'constants', CONSTANTS: 'constants',
  INIT: 'init', NEXT: 'next', SPECIFICATION: 'specification',
  INVARIANT: 'invariants', INVARIANTS: 'invariants',
  PROPERTY: 'properties', PROPERTIES: 'properties',
  CONSTRAINT: 'constraints', CONSTRAINTS: 'constraints',
  ACTION_CONSTRAINT: 'actionConstraints', ACTION_CONSTRAINTS: 'actionConstraints',
  SYMMETRY: 'symmetry', VIEW: 'view', CHECK_DEADLOCK: 'checkDeadlock',
};

type Mutable = {
  constants: CfgConstant[];
  invariants: CfgName[];
  properties: CfgName[];
  constraints: CfgName[];
  actionConstraints: CfgName[];
  single: Partial<Record<'init' | 'next' | 'specification' | 'symmetry' | 'view', CfgName>>;
  checkDeadlock?: boolean;
};

class CfgParser {
  private i = 0;
  constructor(
    private readonly file: string,
    private readonly tokens: readonly Token[],
  ) {}

  /** fail: a UserError at `line`, by default the line of the token just taken (or of the first one). */
  fail(what: string, todo = 'fix the .cfg file (TLC cfg syntax)', line?: number): never {
    throw new UserError(this.file, line ?? this.tokens[Math.max(0, this.i - 1)]?.line ?? 1, what, todo);
  }

  peek(): Token | undefined {
    return this.tokens[this.i];
  }

  take(): Token {
    const t = this.tokens[this.i++];
    return t ?? this.fail('unexpected end of file', 'complete the last section', this.tokens.at(-1)?.line);
  }

  atKeyword(): boolean {
    const t = this.peek();
    return t === undefined || (t.kind === 'ident' && t.text in KEYWORDS);
  }

  name(): CfgName {
    const t = this.take();
    if (t.kind !== 'ident') this.fail(`expected a definition name, found \`${t.text}\``);
    return { name: t.text, line: t.line };
  }

  /** names: the names of a list section, up to the next keyword; a misspelt keyword or a name given twice is an error. */
  names(): CfgName[] {
    const out: CfgName[] = [];
    while (!this.atKeyword()) {
      const n = this.name();
      const keyword = nearKeyword(n.name);
      if (keyword !== undefined) this.fail(`unknown cfg keyword \`${n.name}\` (did you mean ${keyword}?)`, `write ${keyword}`, n.line);
      if (out.some((m) => m.name === n.name)) this.fail(`${n.name} given twice`, 'keep one', n.line);
      out.push(n);
    }
    return out;
  }

  value(): CfgValue {
    const t = this.take();
    if (t.kind === 'number') return { kind: 'int', value: this.integer(t, 1) };
    if (t.kind === 'string') return { kind: 'string', value: this.string(t) };
    if (t.kind === 'op' && t.text === '-') {
      const n = this.take();
      if (n.kind !== 'number') this.fail(`expected digits after \`-\`, found \`${n.text}\``, 'write an integer such as -1', n.line);
      return { kind: 'int', value: this.integer(n, -1) };
    }
    if (t.kind === 'ident' && (t.text === 'TRUE' || t.text === 'FALSE')) return { kind: 'bool', value: t.text === 'TRUE' };
    if (t.kind === 'ident' && t.text in KEYWORDS) this.fail(`missing constant value before \`${t.text}\``, 'write `Name = value`', t.line);
    if (t.kind === 'ident') return { kind: 'model', name: t.text };
    if (t.text === '{') return this.setValue();
    return this.fail(`unsupported constant value starting with \`${t.text}\``, 'use a model value, integer, string, boolean or set of these', t.line);
  }

  /** integer: the digits of `t` times `sign`, within JavaScript's safe integers. */
  integer(t: Token, sign: 1 | -1): number {
    const n = sign * Number(t.text);
    if (!Number.isSafeInteger(n)) this.fail(`integer ${sign < 0 ? '-' : ''}${t.text} is too large`, `use an integer of at most ${Number.MAX_SAFE_INTEGER}`, t.line);
    return n;
  }

  /** string: the value of a TLA+ string token: escapes \\" \\\\ \\n \\t \\r \\f only, no raw control character. */
  string(t: Token): string {
    let out = '';
    for (let k = 1; k < t.text.length - 1; k++) {
      const c = t.text[k] as string;
      if (c < ' ') this.fail(`raw control character U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} in a string`, 'write it as an escape (\\t, \\n)', t.line);
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = t.text[++k] ?? '';
      const escaped = ESCAPES[e];
      if (escaped === undefined) this.fail(`invalid escape \\${e} in a string`, 'use \\" \\\\ \\n \\t \\r or \\f', t.line);
      out += escaped;
    }
    return out;
  }

  setValue(): CfgValue {
    const elems: CfgValue[] = [];
    if (this.peek()?.text === '}') {
      this.take();
      return { kind: 'set', elems };
    }
    for (;;) {
      elems.push(this.value());
      const sep = this.take();
      if (sep.text === '}') return { kind: 'set', elems };
      if (sep.text !== ',') this.fail(`expected \`,\` or \`}\` in a set, found \`${sep.text}\``);
    }
  }

  constant(): CfgConstant {
    const { name, line } = this.name();
    if (this.peek()?.text === '(') this.fail(`operator constant ${name}(...) is not supported`, 'substitute it with `<-` in a model module');
    const op = this.take();
    if (op.text === '=') return { kind: 'value', name, value: this.value(), line };
    const keyword = nearKeyword(name);
    if (op.text !== '<-' && keyword !== undefined) this.fail(`unknown cfg keyword \`${name}\` (did you mean ${keyword}?)`, `write ${keyword}`, line);
    if (op.text !== '<-') this.fail(`expected \`=\` or \`<-\` after constant ${name}, found \`${op.text}\``);
    if (this.peek()?.text === '[') this.fail('module-scoped substitution `<- [M]` is not supported', 'substitute in the model module itself');
    return { kind: 'substitution', name, definition: this.name().name, line };
  }

  section(kw: Token, out: Mutable): void {
    const section = KEYWORDS[kw.text];
    switch (section) {
      case 'constants':
        while (!this.atKeyword()) {
          const c = this.constant();
          const before = out.constants.find((d) => d.name === c.name);
          if (before !== undefined) this.fail(`constant ${c.name} given twice (line ${before.line} and line ${c.line})`, 'keep one', c.line);
          out.constants.push(c);
        }
        return;
      case 'invariants':
      case 'properties':
      case 'constraints':
      case 'actionConstraints':
        for (const n of this.names()) {
          if (out[section].some((m) => m.name === n.name)) this.fail(`${n.name} given twice`, 'keep one', n.line);
          out[section].push(n);
        }
        return;
      case 'checkDeadlock': {
        const v = this.take();
        if (v.text !== 'TRUE' && v.text !== 'FALSE') this.fail('CHECK_DEADLOCK takes TRUE or FALSE');
        out.checkDeadlock = v.text === 'TRUE';
        return;
      }
      case undefined:
        return this.fail(`unknown cfg keyword \`${kw.text}\``, 'use one of ' + Object.keys(KEYWORDS).join(', '), kw.line);
      default:
        if (out.single[section] !== undefined) this.fail(`${kw.text} given twice`, 'keep one', kw.line);
        out.single[section] = this.name();
    }
  }

  parse(): Cfg {
    const out: Mutable = { constants: [], invariants: [], properties: [], constraints: [], actionConstraints: [], single: {} };
    while (this.peek() !== undefined) this.section(this.take(), out);
    const { init, next, specification, symmetry, view } = out.single;
    return {
      file: this.file,
      constants: out.constants,
      invariants: out.invariants,
      properties: out.properties,
      constraints: out.constraints,
      actionConstraints: out.actionConstraints,
      ...(init && { init }),
      ...(next && { next }),
      ...(specification && { specification }),
      ...(symmetry && { symmetry }),
      ...(view && { view }),
      ...(out.checkDeadlock !== undefined && { checkDeadlock: out.checkDeadlock }),
    };
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', n: '\n', t: '\t', r: '\r', f: '\f' };

/** nearKeyword: the cfg keyword that `word`, in capitals and not one, is at most two edits from (a misspelling), if any. */
function nearKeyword(word: string): string | undefined {
  if (!/^[A-Z_]{4,}$/.test(word) || word in KEYWORDS) return undefined;
  return Object.keys(KEYWORDS).find((k) => editDistance(k, word) <= 2);
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min((row[j] as number) + 1, (next[j - 1] as number) + 1, (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length] as number;
}

/**
 * checkCharacters: outside comments, a cfg file is printable ASCII, tabs
 * and line ends: the tokenizer would take a no-break space for white space
 * and hand a control character or a letter such as é on as an operator.
 * Throws UserError at the first other character, with its line and column.
 */
function checkCharacters(text: string, file: string): void {
  let line = 1;
  let lineStart = 0;
  let depth = 0; // of (* *) comments, which nest
  let inString = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) {
      line += 1;
      lineStart = k + 1;
      continue;
    }
    if (depth > 0) {
      if (c === 40 && text.charCodeAt(k + 1) === 42) (depth += 1), (k += 1);
      else if (c === 42 && text.charCodeAt(k + 1) === 41) (depth -= 1), (k += 1);
      continue;
    }
    if (inString) {
      if (c === 92) k += 1;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 92 && text.charCodeAt(k + 1) === 42) {
      while (k + 1 < text.length && text.charCodeAt(k + 1) !== 10) k += 1;
      continue;
    } else if (c === 40 && text.charCodeAt(k + 1) === 42) {
      depth = 1;
      k += 1;
      continue;
    }
    if ((c < 32 && c !== 9 && c !== 13) || c > 126) {
      const shown = c > 32 && c !== 127 && !(c >= 0x80 && c <= 0xa0) ? ` (${String.fromCodePoint(text.codePointAt(k) ?? c)})` : '';
      throw new UserError(file, line, `column ${k - lineStart + 1}: character U+${c.toString(16).toUpperCase().padStart(4, '0')}${shown} outside a comment`, 'a cfg file is ASCII outside comments');
    }
  }
}

/** Parses TLC .cfg text; `file` is used in error messages. Throws UserError with file:line. */
export function parseCfg(text: string, file: string): Cfg {
  checkCharacters(text, file);
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch (e) {
    if (e instanceof TokenizeError) throw new UserError(file, e.line, e.what, 'fix the .cfg file');
    throw e;
  }
  const cfg = new CfgParser(file, tokens).parse();
  checkShape(cfg);
  return cfg;
}

function checkShape(cfg: Cfg): void {
  const hasInitNext = cfg.init !== undefined || cfg.next !== undefined;
  if (cfg.specification !== undefined && hasInitNext) {
    throw new UserError(cfg.file, cfg.specification.line, 'both SPECIFICATION and INIT/NEXT given', 'keep one of them');
  }
  if (cfg.specification === undefined && (cfg.init === undefined || cfg.next === undefined)) {
    throw new UserError(cfg.file, undefined, 'no SPECIFICATION and no INIT/NEXT pair', 'add `SPECIFICATION Spec` or `INIT Init` and `NEXT Next`');
  }
}

/** TLA+ text of a cfg value, as the embedded checker's cfg reader expects it. */
export function formatCfgValue(v: CfgValue): string {
  switch (v.kind) {
    case 'model':
      return v.name;
    case 'int':
      return String(v.value);
    case 'string':
      return JSON.stringify(v.value);
    case 'bool':
      return v.value ? 'TRUE' : 'FALSE';
    case 'set':
      return `{${v.elems.map(formatCfgValue).join(', ')}}`;
  }
}
