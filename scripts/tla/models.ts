// models.ts: model discovery. A model is spec/MC*.tla with a same-named .cfg; the cfg's
// first line may say `\* tier: fast` or `\* tier: full` (no tier: fast).

import fs from 'node:fs';
import path from 'node:path';
import { UserError } from './errors.js';

export type Tier = 'fast' | 'full';
export type ModelFiles = { readonly name: string; readonly tla: string; readonly cfg: string; readonly tier: Tier };

export function tierOf(cfgText: string): Tier {
  const first = cfgText.split('\n', 1)[0] ?? '';
  return /^\s*\\\*\s*tier:\s*full\b/.test(first) ? 'full' : 'fast';
}

export function discoverModels(specDir: string): ModelFiles[] {
  if (!fs.existsSync(specDir)) throw new UserError(specDir, undefined, 'spec directory not found', 'run from the repository root or pass --spec-dir');
  return fs
    .readdirSync(specDir)
    .filter((f) => /^MC.*\.tla$/.test(f))
    .sort()
    .flatMap((f) => {
      const name = path.basename(f, '.tla');
      const cfg = path.join(specDir, `${name}.cfg`);
      if (!fs.existsSync(cfg)) return [];
      return [{ name, tla: path.join(specDir, f), cfg, tier: tierOf(fs.readFileSync(cfg, 'utf8')) }];
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
