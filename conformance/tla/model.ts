// model.ts: loads a model (MC module + cfg), combines its modules and checks that the cfg
// names existing definitions and gives every constant a value, with file:line errors.

import path from 'node:path';
import { type Cfg, type CfgName, parseCfg } from './cfg.js';
import { type Combined, type ModuleSource, combine } from './combine.js';
import { UserError } from './errors.js';
import { readFile } from '../inputs.js';
import { type Definition, type TlaModule, definitions } from './module.js';

export type DefinitionAt = { readonly def: Definition; readonly module: TlaModule };

export type LoadedModel = {
  readonly name: string;
  readonly mcPath: string;
  readonly cfgPath: string;
  readonly cfg: Cfg;
  readonly combined: Combined;
  readonly defs: ReadonlyMap<string, DefinitionAt>;
  /** The definitions named by INIT and NEXT, or found in SPECIFICATION. */
  readonly init: string;
  readonly next: string;
  /** Module name -> generated source (broken variants). */
  readonly overrides: ReadonlyMap<string, ModuleSource>;
  readonly substitutions: ReadonlyMap<string, string>;
};

export function loadModel(mcPath: string, cfgPath: string, overrides: ReadonlyMap<string, ModuleSource> = new Map()): LoadedModel {
  const cfg = parseCfg(readText(cfgPath), cfgPath);
  const substitutions = new Map(cfg.constants.flatMap((c) => (c.kind === 'substitution' ? [[c.name, c.definition] as const] : [])));
  const combined = combine(mcPath, { overrides, substitutions });
  const defs = new Map<string, DefinitionAt>();
  for (const module of combined.modules) for (const [name, def] of definitions(module)) defs.set(name, { def, module });
  const { init, next } = initAndNext(cfg, defs);
  checkNames(cfg, defs, combined);
  return { name: combined.name, mcPath, cfgPath, cfg, combined, defs, init, next, overrides, substitutions };
}

function readText(file: string): string {
  return readFile(file, 'check the path');
}

function initAndNext(cfg: Cfg, defs: ReadonlyMap<string, DefinitionAt>): { init: string; next: string } {
  if (cfg.init !== undefined && cfg.next !== undefined) return { init: cfg.init.name, next: cfg.next.name };
  const spec = cfg.specification;
  const body = spec && defs.get(spec.name)?.def.body;
  const m = body === undefined ? null : /^\s*(?:\/\\\s*)?(\w+)\s*\/\\\s*\[\]\s*\[\s*(\w+)\s*\]_/.exec(body);
  if (spec === undefined || m?.[1] === undefined || m[2] === undefined) {
    throw new UserError(cfg.file, spec?.line, `SPECIFICATION ${spec?.name ?? ''} is not of the form Init /\\ [][Next]_vars`, 'use INIT and NEXT in the cfg, or write Spec == Init /\\ [][Next]_vars');
  }
  return { init: m[1], next: m[2] };
}

function checkNames(cfg: Cfg, defs: ReadonlyMap<string, DefinitionAt>, combined: Combined): void {
  const named: CfgName[] = [
    ...cfg.invariants, ...cfg.properties, ...cfg.constraints, ...cfg.actionConstraints,
    ...[cfg.init, cfg.next, cfg.specification, cfg.symmetry, cfg.view].filter((n): n is CfgName => n !== undefined),
    ...cfg.constants.flatMap((c) => (c.kind === 'substitution' ? [{ name: c.definition, line: c.line }] : [])),
  ];
  for (const n of named) {
    if (!defs.has(n.name)) throw new UserError(cfg.file, n.line, `${n.name} is not defined in ${path.basename(combined.modules.at(-1)?.file ?? '')} or the modules it extends`, 'fix the name or add the definition');
  }
  const given = new Set(cfg.constants.map((c) => c.name));
  const declared = new Set([...combined.constants, ...cfg.constants.filter((c) => c.kind === 'substitution').map((c) => c.name)]);
  for (const c of combined.constants) {
    if (!given.has(c)) throw new UserError(cfg.file, undefined, `constant ${c} has no value`, `add \`${c} = ...\` or \`${c} <- Def\` under CONSTANTS`);
  }
  for (const c of cfg.constants) {
    if (!declared.has(c.name)) throw new UserError(cfg.file, c.line, `${c.name} is not a declared CONSTANT`, 'remove it or declare it in the spec');
  }
}
