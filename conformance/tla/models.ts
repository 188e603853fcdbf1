// models.ts: model discovery. A model is spec/MC*.tla with a same-named .cfg; the cfg's
// first line may say `\* tier: fast` or `\* tier: full` (no tier: fast). A cfg comment line
// `\* unfired: Action -- why` declares an action of Next that the model's bounds keep from
// ever firing; `raftref check` fails on any other action that never fires (a vacuous model).

import fs from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';
import { kindOf, readFile, requireDirectory } from '../inputs.js';

export type Tier = 'fast' | 'full';
export type ModelFiles = {
  readonly name: string;
  readonly tla: string;
  readonly cfg: string;
  readonly tier: Tier;
  /** Actions declared unable to fire under the bounds, with why. */
  readonly unfired: ReadonlyMap<string, string>;
};

export function tierOf(cfgText: string): Tier {
  const first = cfgText.split('\n', 1)[0] ?? '';
  return /^\s*\\\*\s*tier:\s*full\b/.test(first) ? 'full' : 'fast';
}

/** `\* unfired: Action -- why` lines of a cfg. */
export function unfiredOf(cfgText: string, cfgPath: string): Map<string, string> {
  const declared = new Map<string, string>();
  cfgText.split('\n').forEach((line, k) => {
    if (!/^\s*\\\*\s*unfired:/.test(line)) return;
    const m = /^\s*\\\*\s*unfired:\s*(\w+)\s+--\s+(\S.*)$/.exec(line);
    if (m === null) throw new UserError(cfgPath, k + 1, 'malformed unfired declaration', 'write `\\* unfired: Action -- why`');
    declared.set(m[1] ?? '', (m[2] ?? '').trim());
  });
  return declared;
}

export function discoverModels(specDir: string): ModelFiles[] {
  const kind = kindOf(specDir);
  if (kind === 'missing') throw new UserError(specDir, undefined, 'spec directory not found', 'run from the repository root or pass --spec-dir');
  requireDirectory(specDir, 'pass a directory of MC*.tla models as --spec-dir');
  return fs
    .readdirSync(specDir)
    .filter((f) => /^MC.*\.tla$/.test(f))
    .sort()
    .flatMap((f) => {
      const name = path.basename(f, '.tla');
      const cfg = path.join(specDir, `${name}.cfg`);
      if (kindOf(cfg) === 'missing') return [];
      const text = readFile(cfg, `give ${name} a regular .cfg file`);
      return [{ name, tla: path.join(specDir, f), cfg, tier: tierOf(text), unfired: unfiredOf(text, cfg) }];
    });
}

/** The models named (any tier), or by default the fast ones plus, with `full`, the full ones. */
export function selectModels(all: readonly ModelFiles[], names: readonly string[], full: boolean, specDir: string): ModelFiles[] {
  if (names.length === 0) return all.filter((m) => full || m.tier === 'fast');
  return names.map((n) => {
    const m = all.find((x) => x.name === n || x.name === `MC${n}`);
    if (m === undefined) {
      throw new UserError(specDir, undefined, `unknown model ${n}`, `use one of ${all.map((x) => x.name).join(', ') || '(none: no MC*.tla with a .cfg)'}`);
    }
    return m;
  });
}
