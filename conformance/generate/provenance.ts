// provenance.ts: the header facts of a trace that say where it came from: the spec's hash,
// the model's constants and the checker's name and version.

import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CfgValue } from '../tla/cfg.js';
import { UserError } from '../tla/errors.js';
import type { LoadedModel } from '../tla/model.js';
import { repoDir } from '../spec-hash.js';
import { type Itf, canonical, int } from '../itf/value.js';

const require = createRequire(import.meta.url);

/** `sha256:<hex>` of the bytes of `file`. */
export function specHash(file: string): string {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw new UserError(file, undefined, 'cannot read the spec', 'check --spec-dir (default: the package\'s spec/)');
  }
  return `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;
}

/** tla-checker's name and version, from its package.json. */
export function embeddedChecker(): { name: string; version: string } {
  const pkg = JSON.parse(fs.readFileSync(require.resolve('tla-checker/package.json'), 'utf8')) as { name?: unknown; version?: unknown };
  return { name: typeof pkg.name === 'string' ? pkg.name : 'tla-checker', version: typeof pkg.version === 'string' ? pkg.version : 'unknown' };
}

function cfgValue(v: CfgValue): Itf {
  switch (v.kind) {
    case 'model':
      return v.name;
    case 'int':
      return int(v.value);
    case 'string':
      return v.value;
    case 'bool':
      return v.value;
    case 'set':
      return canonical({ '#set': v.elems.map(cfgValue) });
  }
}

/** The cfg's `Name = value` constants as ITF (a `Name <- Def` substitution is not a value and is left out). */
export function constantsOf(model: LoadedModel): Record<string, Itf> {
  const out: Record<string, Itf> = {};
  for (const c of [...model.cfg.constants].sort((a, b) => (a.name < b.name ? -1 : 1))) if (c.kind === 'value') out[c.name] = cfgValue(c.value);
  return out;
}

/** A path as written in headers, with `/`: relative to the package when inside it (spec/MCRaft2.tla from any directory), else to the working directory. */
export function portablePath(file: string): string {
  const abs = path.resolve(file);
  const inPackage = path.relative(path.resolve(repoDir()), abs);
  const rel = inPackage.startsWith('..') || path.isAbsolute(inPackage) ? path.relative(process.cwd(), abs) : inPackage;
  return rel.split(path.sep).join('/');
}
