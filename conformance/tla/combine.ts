// combine.ts: builds ONE module text out of a model module and the user modules it
// EXTENDS, for the embedded checker (tla-checker 0.9.0), which cannot EXTEND or INSTANCE
// a user module (defect 2) and keeps only the last VARIABLE(S) statement (defect 1).
// Standard modules stay in one merged EXTENDS; CONSTANT(S) and VARIABLE(S) statements are
// merged into one statement each; every other line keeps its origin in a line map.

import fs from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';
import { readFile } from '../inputs.js';
import { MappedBuilder, type MappedText, type Origin } from './mapped.js';
import { type Declared, type TlaModule, type Unit, parseModule } from './module.js';

export const STANDARD_MODULES: ReadonlySet<string> = new Set([
  'Naturals', 'Integers', 'Reals', 'Sequences', 'FiniteSets', 'TLC', 'Bags',
]);

/** A user module's source: on disk, or generated (a broken variant's module). */
export type ModuleSource = { readonly file: string; readonly text: string; readonly mapped?: MappedText };

export type CombineOptions = {
  /** Module name -> source used instead of <dir>/<name>.tla (e.g. a broken variant of Raft). */
  readonly overrides?: ReadonlyMap<string, ModuleSource>;
  /** Constants replaced by definitions (`Server <- MCServer` in a cfg). */
  readonly substitutions?: ReadonlyMap<string, string>;
  /** Variables added to the one merged VARIABLES statement (history and label variables). */
  readonly extraVariables?: readonly string[];
  /** Generated definitions appended just before the closing ====. */
  readonly appendix?: string;
};

export type Combined = MappedText & {
  readonly name: string;
  readonly variables: readonly string[];
  readonly constants: readonly string[];
  /** The modules inlined, deepest first, each with its parsed form. */
  readonly modules: readonly TlaModule[];
};

type Owner = Origin & { readonly kind: string };

type Gathered = {
  readonly std: Set<string>;
  readonly constants: Declared[];
  readonly variables: Declared[];
  readonly modules: { readonly m: TlaModule; readonly src: ModuleSource }[];
};

/** Combines the model module at `mcPath` with every user module it EXTENDS, recursively. */
export function combine(mcPath: string, options: CombineOptions = {}): Combined {
  const dir = path.dirname(mcPath);
  const root = readSource(mcPath);
  const g: Gathered = { std: new Set(), constants: [], variables: [], modules: [] };
  gather(root, dir, options, g, []);
  checkClashes(g.modules.map((x) => x.m));
  const name = g.modules.at(-1)?.m.name ?? path.basename(mcPath, '.tla');
  const subst = options.substitutions ?? new Map<string, string>();
  const constants = g.constants.filter((c) => !subst.has(c.name));
  const out = new MappedBuilder();
  out.append(`---- MODULE ${name} ----\n`, undefined);
  if (g.std.size > 0) out.append(`EXTENDS ${[...g.std].join(', ')}\n`, undefined);
  appendDeclarations(out, 'CONSTANTS', constants);
  const extra = (options.extraVariables ?? []).map((name) => ({ name, text: name, line: 0 }));
  appendDeclarations(out, 'VARIABLES', [...g.variables, ...extra]);
  for (const { m, src } of g.modules) appendBody(out, m, src);
  for (const [c, def] of subst) out.append(`${c} == ${def}\n`, undefined);
  if (options.appendix !== undefined) out.append(options.appendix, undefined);
  out.append('====\n', undefined);
  return {
    ...out.finish(),
    name,
    variables: g.variables.map((v) => v.name),
    constants: constants.map((c) => c.name),
    modules: g.modules.map((x) => x.m),
  };
}

function readSource(file: string): ModuleSource {
  return { file, text: readFile(file, 'check the path of the module') };
}

function gather(src: ModuleSource, dir: string, options: CombineOptions, g: Gathered, stack: readonly string[]): void {
  const m = parseModule(src.text, src.file);
  if (m.name === undefined) throw new UserError(src.file, 1, 'no `---- MODULE Name ----` header', 'start the file with a module header');
  if (stack.includes(m.name)) throw new UserError(src.file, m.headerLine, `circular EXTENDS: ${[...stack, m.name].join(' -> ')}`, 'remove the cycle');
  if (g.modules.some((x) => x.m.name === m.name)) return;
  for (const u of m.units) {
    for (const dep of userDependencies(u, m, g.std)) {
      const depSrc = options.overrides?.get(dep) ?? readDependency(dir, dep, m, u.line);
      gather(depSrc, dir, options, g, [...stack, m.name]);
    }
  }
  for (const u of m.units) {
    if (u.kind === 'constants') g.constants.push(...u.decls);
    if (u.kind === 'variables') g.variables.push(...u.decls);
  }
  g.modules.push({ m, src });
}

/** User modules a unit depends on; standard ones are recorded in `std`. */
function userDependencies(u: Unit, m: TlaModule, std: Set<string>): string[] {
  if (u.kind === 'instance' || (u.kind === 'definition' && /^INSTANCE\b/.test(u.body))) {
    const target = u.kind === 'instance' ? u.module : (/^INSTANCE\s+(\w+)/.exec(u.body)?.[1] ?? '');
    if (STANDARD_MODULES.has(target) && u.kind === 'instance') {
      std.add(target);
      return [];
    }
    throw new UserError(m.file, u.line, `INSTANCE ${target} is not supported by the embedded checker (tla-checker ignores it silently)`, 'use EXTENDS, or check this model with --checker tlc');
  }
  if (u.kind !== 'extends') return [];
  const user = u.names.filter((n) => !STANDARD_MODULES.has(n));
  u.names.filter((n) => STANDARD_MODULES.has(n)).forEach((n) => std.add(n));
  return user;
}

function readDependency(dir: string, name: string, from: TlaModule, line: number): ModuleSource {
  const file = path.join(dir, `${name}.tla`);
  if (!fs.existsSync(file)) {
    throw new UserError(from.file, line, `module ${name} not found (looked for ${file})`, `add ${name}.tla next to ${path.basename(from.file)} or fix the EXTENDS list`);
  }
  return readSource(file);
}

function appendDeclarations(out: MappedBuilder, keyword: string, decls: readonly Declared[]): void {
  if (decls.length > 0) out.append(`${keyword} ${decls.map((d) => d.text).join(', ')}\n`, undefined);
}

/**
 * Appends the module's body (between header and ====) with EXTENDS, INSTANCE, CONSTANT(S)
 * and VARIABLE(S) units blanked out, so every remaining line keeps its line number.
 */
function appendBody(out: MappedBuilder, m: TlaModule, src: ModuleSource): void {
  const lines = src.text.split('\n');
  const from = m.headerLine ?? 0; // header line itself is dropped
  const to = (m.endLine ?? lines.length + 1) - 1;
  let text = src.text;
  for (const u of m.units) {
    if (u.kind === 'extends' || u.kind === 'instance' || u.kind === 'constants' || u.kind === 'variables') {
      text = text.slice(0, u.start) + text.slice(u.start, u.end).replace(/[^\n]/g, ' ') + text.slice(u.end);
    }
  }
  const body = text.split('\n').slice(from, to).join('\n');
  const origin = src.mapped?.origins[from] ?? { file: src.file, line: from + 1 };
  if (src.mapped === undefined) {
    out.append(body + '\n', origin);
    return;
  }
  body.split('\n').forEach((l, k) => out.append(l + '\n', src.mapped?.origins[from + k]));
}

/** Same name declared or defined in two places: an error naming both. */
function checkClashes(modules: readonly TlaModule[]): void {
  const seen = new Map<string, Owner>();
  for (const m of modules) {
    for (const [name, line, kind] of namesOf(m)) {
      const first = seen.get(name);
      if (first !== undefined) {
        throw new UserError(m.file, line, `${kind} ${name} clashes with ${first.kind} ${name} at ${first.file}:${first.line}`, 'rename one of them (the combined module for the embedded checker needs distinct names)');
      }
      seen.set(name, { file: m.file, line, kind });
    }
  }
}

function namesOf(m: TlaModule): Array<[string, number, string]> {
  return m.units.flatMap((u): Array<[string, number, string]> => {
    if (u.kind === 'definition') return [[u.name, u.line, 'definition']];
    if (u.kind === 'constants') return u.decls.map((d): [string, number, string] => [d.name, d.line, 'constant']);
    if (u.kind === 'variables') return u.decls.map((d): [string, number, string] => [d.name, d.line, 'variable']);
    return [];
  });
}
