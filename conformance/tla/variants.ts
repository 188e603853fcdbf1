// variants.ts: broken variants. A file spec/broken/X.tla holds a few definitions that
// replace same-named definitions of a spec module, and header comments:
//   \* model: MCRaft3        the model to check it with
//   \* expect: violation     the only expectation supported: some invariant must fail
//   \* why: ...              one line saying what is broken
// The replaced module is generated (with a line map) and given to both checkers.

import fs from 'node:fs';
import path from 'node:path';
import type { ModuleSource } from './combine.js';
import { combine } from './combine.js';
import { UserError } from './errors.js';
import { kindOf, readFile, requireDirectory } from '../inputs.js';
import { type TlaModule, definitions, parseModule, parseVariantHeader, replaceDefinitions } from './module.js';

export type Variant = {
  readonly file: string;
  readonly name: string;
  readonly model: string;
  readonly why: string;
  /** The module whose definitions it replaces, and that module's generated source. */
  readonly target: string;
  readonly source: ModuleSource;
};

/** Loads a variant; `specDir` holds the models (MC*.tla) and spec modules. */
export function loadVariant(file: string, specDir: string): Variant {
  const text = readFile(file, 'give a broken variant as a regular .tla file');
  const header = parseVariantHeader(text);
  if (header.model === undefined) throw new UserError(file, 1, 'no `\\* model: MCName` header comment', 'add one naming the model to check it with');
  if (header.expect !== undefined && header.expect !== 'violation') {
    throw new UserError(file, undefined, `unsupported expectation \`${header.expect}\``, 'use `\\* expect: violation`');
  }
  const overrides = parseModule(text, file);
  const mcPath = path.join(specDir, `${header.model}.tla`);
  if (!fs.existsSync(mcPath)) throw new UserError(file, 1, `model ${header.model} not found (${mcPath})`, 'fix the `\\* model:` header');
  const target = targetModule(overrides, combine(mcPath).modules, file);
  const mapped = replaceDefinitions(target, overrides);
  return {
    file,
    name: path.basename(file, '.tla'),
    model: header.model,
    why: header.why ?? '',
    target: target.name ?? '',
    source: { file: target.file, text: mapped.text, mapped },
  };
}

/** The one spec module that defines every name the variant replaces. */
function targetModule(overrides: TlaModule, modules: readonly TlaModule[], file: string): TlaModule {
  const names = [...definitions(overrides).keys()];
  const first = names[0];
  if (first === undefined) throw new UserError(file, undefined, 'no definitions to replace', 'add the broken definitions');
  const owner = modules.find((m) => definitions(m).has(first));
  if (owner === undefined) throw new UserError(file, undefined, `${first} is not defined by the model's modules`, 'replace an existing definition');
  return owner;
}

/** Variant files in `dir` (e.g. spec/broken), sorted. */
export function listVariants(dir: string): string[] {
  if (kindOf(dir) === 'missing') return [];
  requireDirectory(dir, 'spec/broken must be a directory of variants');
  return fs.readdirSync(dir).filter((f) => f.endsWith('.tla')).sort().map((f) => path.join(dir, f));
}
