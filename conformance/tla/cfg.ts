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

  fail(what: string, todo = 'fix the .cfg file (TLC cfg syntax)', line?: number): never {
    throw new UserError(this.file, line ?? this.peek()?.line, what, todo);
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

  names(): CfgName[] {
    const out: CfgName[] = [];
    while (!this.atKeyword()) out.push(this.name());
    return out;
  }

  value(): CfgValue {
    const t = this.take();
    if (t.kind === 'number') return { kind: 'int', value: Number(t.text) };
    if (t.kind === 'string') return { kind: 'string', value: JSON.parse(t.text) as string };
    if (t.kind === 'op' && t.text === '-') return { kind: 'int', value: -Number(this.take().text) };
    if (t.kind === 'ident' && (t.text === 'TRUE' || t.text === 'FALSE')) return { kind: 'bool', value: t.text === 'TRUE' };
    if (t.kind === 'ident' && t.text in KEYWORDS) this.fail(`missing constant value before \`${t.text}\``, 'write `Name = value`', t.line);
    if (t.kind === 'ident') return { kind: 'model', name: t.text };
    if (t.text === '{') return this.setValue();
    return this.fail(`unsupported constant value starting with \`${t.text}\``, 'use a model value, integer, string, boolean or set of these', t.line);
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
    if (op.text !== '<-') this.fail(`expected \`=\` or \`<-\` after constant ${name}, found \`${op.text}\``);
    if (this.peek()?.text === '[') this.fail('module-scoped substitution `<- [M]` is not supported', 'substitute in the model module itself');
    return { kind: 'substitution', name, definition: this.name().name, line };
  }

  section(kw: Token, out: Mutable): void {
    const section = KEYWORDS[kw.text];
    switch (section) {
      case 'constants':
        while (!this.atKeyword()) out.constants.push(this.constant());
        return;
      case 'invariants':
      case 'properties':
      case 'constraints':
      case 'actionConstraints':
        out[section].push(...this.names());
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

/** Parses TLC .cfg text; `file` is used in error messages. Throws UserError with file:line. */
export function parseCfg(text: string, file: string): Cfg {
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
