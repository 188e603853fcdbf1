// module.ts: a light TLA+ module reader. It finds the module header, the top-level
// units (EXTENDS, CONSTANT(S), VARIABLE(S), INSTANCE, definitions, separators) with
// their line ranges; it does not parse expressions.

import { UserError } from './errors.js';
import { MappedBuilder, type MappedText } from './mapped.js';
import { type Token, TokenizeError, matchBracket, tokenize } from './tokens.js';

export type Declared = { readonly name: string; readonly text: string; readonly line: number };

type Span = {
  /** 1-based first and last line of the unit. */
  readonly line: number;
  readonly endLine: number;
  /** Offsets into the module text: [start, end). */
  readonly start: number;
  readonly end: number;
};

export type Unit = Span &
  (
    | { readonly kind: 'extends'; readonly names: readonly string[] }
    | { readonly kind: 'constants'; readonly decls: readonly Declared[] }
    | { readonly kind: 'variables'; readonly decls: readonly Declared[] }
    | { readonly kind: 'instance'; readonly module: string }
    | {
        readonly kind: 'definition';
        readonly name: string;
        readonly params: readonly string[];
        readonly local: boolean;
        /** Text after `==`, trimmed. */
        readonly body: string;
        readonly bodyStart: number;
      }
    | { readonly kind: 'other'; readonly keyword: string }
  );

export type Definition = Extract<Unit, { kind: 'definition' }>;

export type TlaModule = {
  readonly file: string;
  readonly text: string;
  /** Undefined for a fragment: a file of definitions without a MODULE header. */
  readonly name: string | undefined;
  /** Line of the `---- MODULE` header and of the closing `====`; the body lies between. */
  readonly headerLine: number | undefined;
  readonly endLine: number | undefined;
  readonly units: readonly Unit[];
};

const OTHER_KEYWORDS = new Set(['ASSUME', 'ASSUMPTION', 'AXIOM', 'THEOREM', 'LEMMA', 'COROLLARY', 'PROPOSITION', 'RECURSIVE']);
const DECL_KEYWORDS = new Set(['CONSTANT', 'CONSTANTS', 'VARIABLE', 'VARIABLES', 'EXTENDS', 'INSTANCE', 'LOCAL']);

/** Reads a module; throws UserError naming file and line on malformed input. */
export function parseModule(text: string, file: string): TlaModule {
  const tokens = tokensOf(text, file);
  const header = findHeader(tokens);
  const endIdx = tokens.findIndex((t, i) => t.kind === 'end' && i > (header?.bodyFrom ?? -1));
  if (header !== undefined && endIdx < 0) throw new UserError(file, tokens.at(-1)?.line, 'module has no closing ====', 'end the module with a line of ====');
  const body = tokens.slice(header?.bodyFrom ?? 0, endIdx < 0 ? tokens.length : endIdx);
  return {
    file,
    text,
    name: header?.name,
    headerLine: header?.line,
    endLine: endIdx < 0 ? undefined : tokens[endIdx]?.line,
    units: readUnits(body, text, file),
  };
}

function tokensOf(text: string, file: string): Token[] {
  checkControls(text, file);
  try {
    return tokenize(text);
  } catch (e) {
    if (e instanceof TokenizeError) throw new UserError(file, e.line, e.what, 'fix the TLA+ syntax');
    throw e;
  }
}

/**
 * checkControls: a module has no control character but tab, line feed,
 * carriage return and form feed (a NUL or an escape sequence is garbage, not
 * TLA+, in a comment too); the tokenizer would hand it on as an operator and
 * leave the checker to fail on it. Throws UserError with its line and column.
 */
function checkControls(text: string, file: string): void {
  const bad = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.exec(text);
  if (bad === null) return;
  const before = text.slice(0, bad.index);
  const line = before.split('\n').length;
  const col = bad.index - before.lastIndexOf('\n');
  const code = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  throw new UserError(file, line, `column ${col}: control character U+${code}`, 'remove it (a module is text: tabs, line ends and printable characters)');
}

function findHeader(tokens: readonly Token[]): { name: string; line: number; bodyFrom: number } | undefined {
  const [sep, kw, name] = tokens;
  if (sep?.kind !== 'separator' || kw?.text !== 'MODULE' || name?.kind !== 'ident') return undefined;
  const closing = tokens[3]?.kind === 'separator' ? 4 : 3;
  return { name: name.text, line: sep.line, bodyFrom: closing };
}

/** Indexes of tokens that start a top-level unit (outside LET ... IN and brackets). */
function unitStarts(body: readonly Token[]): number[] {
  const starts = new Set<number>();
  let letDepth = 0;
  body.forEach((t, i) => {
    if (t.text === 'LET') letDepth++;
    if (t.text === 'IN' && letDepth > 0) letDepth--;
    if (letDepth > 0) return;
    if (t.kind === 'separator' || (t.kind === 'ident' && (DECL_KEYWORDS.has(t.text) || OTHER_KEYWORDS.has(t.text)))) {
      const prev = body[i - 1]?.text;
      if (prev !== 'LOCAL' && prev !== '==') starts.add(i);
    }
    if (t.text === '==') starts.add(definitionHead(body, i));
  });
  return [...starts].filter((i) => i >= 0).sort((a, b) => a - b);
}

/** Index of the first token of the definition whose `==` is at `eq`. */
function definitionHead(body: readonly Token[], eq: number): number {
  let i = eq - 1;
  const prev = body[i];
  if (prev?.text === ')' || prev?.text === ']') i = matchBack(body, i) - 1;
  if (body[i - 1]?.text === 'LOCAL') i--;
  return i;
}

function matchBack(body: readonly Token[], close: number): number {
  const open = body[close]?.text === ')' ? '(' : '[';
  let depth = 0;
  for (let i = close; i >= 0; i--) {
    const text = body[i]?.text;
    if (text === body[close]?.text) depth++;
    if (text === open) depth--;
    if (depth === 0) return i;
  }
  return 0;
}

function readUnits(body: readonly Token[], text: string, file: string): Unit[] {
  const starts = unitStarts(body);
  if (body.length > 0 && starts[0] !== 0) {
    const t = body[0];
    throw new UserError(file, t?.line, `unexpected \`${t?.text}\` at top level`, 'start each unit with a keyword or a definition `Name == ...`');
  }
  return starts.map((from, k) => {
    const to = (starts[k + 1] ?? body.length) - 1;
    return readUnit(body.slice(from, to + 1), text, file);
  });
}

function span(toks: readonly Token[]): Span {
  const first = toks[0];
  const last = toks.at(-1);
  if (first === undefined || last === undefined) throw new Error('empty unit');
  return { line: first.line, endLine: last.line, start: first.start, end: last.end };
}

function readUnit(toks: readonly Token[], text: string, file: string): Unit {
  const s = span(toks);
  const kw = toks[0]?.text ?? '';
  if (toks[0]?.kind === 'separator') return { ...s, kind: 'other', keyword: '----' };
  if (kw === 'EXTENDS') return { ...s, kind: 'extends', names: toks.slice(1).filter((t) => t.kind === 'ident').map((t) => t.text) };
  if (kw === 'CONSTANT' || kw === 'CONSTANTS') return { ...s, kind: 'constants', decls: declarations(toks.slice(1), text) };
  if (kw === 'VARIABLE' || kw === 'VARIABLES') return { ...s, kind: 'variables', decls: declarations(toks.slice(1), text) };
  const inst = toks.findIndex((t) => t.text === 'INSTANCE');
  if (inst >= 0 && !toks.some((t) => t.text === '==')) return { ...s, kind: 'instance', module: toks[inst + 1]?.text ?? '' };
  if (OTHER_KEYWORDS.has(kw)) return { ...s, kind: 'other', keyword: kw };
  return readDefinition(toks, s, text, file);
}

/** Splits `a, F(_), b` into declared names with their text. */
function declarations(toks: readonly Token[], text: string): Declared[] {
  const out: Declared[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i];
    if (t?.kind !== 'ident') {
      i++;
      continue;
    }
    const close = toks[i + 1]?.text === '(' ? matchBracket(toks, i + 1) : i;
    const last = toks[close] ?? t;
    out.push({ name: t.text, text: text.slice(t.start, last.end), line: t.line });
    i = close + 1;
  }
  return out;
}

function readDefinition(toks: readonly Token[], s: Span, text: string, file: string): Definition {
  const local = toks[0]?.text === 'LOCAL';
  const head = local ? 1 : 0;
  const name = toks[head];
  const eq = toks.findIndex((t) => t.text === '==');
  const bodyTok = toks[eq + 1];
  if (name?.kind !== 'ident' || eq < 0 || bodyTok === undefined) {
    throw new UserError(file, s.line, 'cannot read this definition', 'write `Name(params) == body`');
  }
  const params = toks[head + 1]?.text === '(' ? splitParams(toks.slice(head + 2, eq - 1), text) : [];
  const body = text.slice(bodyTok.start, s.end);
  return { ...s, kind: 'definition', name: name.text, params, local, body, bodyStart: bodyTok.start };
}

function splitParams(toks: readonly Token[], text: string): string[] {
  return declarations(toks, text).map((d) => d.text);
}

/** The definitions of a module by name (the last one wins). */
export function definitions(m: TlaModule): Map<string, Definition> {
  const out = new Map<string, Definition>();
  for (const u of m.units) if (u.kind === 'definition') out.set(u.name, u);
  return out;
}

/** Header comments of a broken variant: `\* model: X`, `\* expect: violation`, `\* why: ...`. */
export type VariantHeader = { readonly model?: string; readonly expect?: string; readonly why?: string };

export function parseVariantHeader(text: string): VariantHeader {
  const out: { model?: string; expect?: string; why?: string } = {};
  let last: 'model' | 'expect' | 'why' | undefined;
  for (const line of text.split('\n')) {
    const m = /^\s*\\\*\s*(model|expect|why)\s*:\s*(.*?)\s*$/.exec(line);
    const key = m?.[1];
    if ((key === 'model' || key === 'expect' || key === 'why') && out[key] === undefined) {
      out[key] = m?.[2] ?? '';
      last = key;
      continue;
    }
    // `\*      more text` right after a header line continues it.
    const more = /^\s*\\\*\s{2,}(\S.*?)\s*$/.exec(line);
    if (last !== undefined && more?.[1] !== undefined) out[last] = `${out[last] ?? ''} ${more[1]}`;
    else last = undefined;
  }
  return out;
}

/**
 * Replaces definitions of `base` by same-named definitions of `overrides` (a module or a
 * fragment of definitions, e.g. a broken variant). Every override must replace a definition.
 */
export function replaceDefinitions(base: TlaModule, overrides: TlaModule): MappedText {
  const targets = definitions(base);
  const pairs = overrides.units
    .filter((u): u is Definition => u.kind === 'definition')
    .map((r) => {
      const target = targets.get(r.name);
      if (target === undefined) {
        throw new UserError(overrides.file, r.line, `${r.name} is not defined in ${base.file}`, 'a variant may only replace existing definitions');
      }
      return { r, target };
    })
    .sort((a, b) => a.target.start - b.target.start);
  const out = new MappedBuilder();
  let cursor = 0;
  for (const { r, target } of pairs) {
    out.appendFrom(base.text, cursor, target.start, base.file);
    out.appendFrom(overrides.text, r.start, r.end, overrides.file);
    cursor = target.end;
  }
  out.appendFrom(base.text, cursor, base.text.length, base.file);
  return out.finish();
}
