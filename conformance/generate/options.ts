// options.ts: what `generateTraces` takes and returns, and the option checks shared by the
// embedded walks (generate.ts) and TLC's simulation (tlc-generate.ts).

import os from 'node:os';
import path from 'node:path';
import { requireFile, writableDirectory } from '../inputs.js';
import { UserError } from '../tla/errors.js';
import { discoverModels, selectModels } from '../tla/models.js';
import { fromPackage } from '../spec-hash.js';
import type { ModelRef } from './job.js';
import type { Summary } from './summary.js';

export type GenerateOptions = {
  /** Model names (`MCRaft2` or `Raft2`); `count` traces of each. */
  readonly models: readonly string[];
  readonly count: number;
  /** Most steps of a trace. */
  readonly depth: number;
  /** Fewest steps; each trace aims at a length drawn in [minDepth, depth]. Default: depth. */
  readonly minDepth?: number;
  readonly seed: number;
  readonly out: string;
  readonly mode?: 'random' | 'coverage';
  readonly checker?: 'embedded' | 'tlc';
  /** Worker threads (default: the number of CPUs). The files do not depend on it. */
  readonly jobs?: number;
  /** `NAME=W` weight overrides (weights.ts). */
  readonly weights?: readonly string[];
  /** Coverage mode: most traces per model before giving up (default 10 x count, at least 100). */
  readonly maxCount?: number;
  /** Coverage mode: traces per model per round; the bias is updated between rounds (default 8). */
  readonly roundSize?: number;
  readonly specDir?: string;
  /** A cfg to use instead of <specDir>/<model>.cfg (one model only); recorded in headers. */
  readonly cfg?: string;
  /** Coverage mode: actions or rule ids not to aim at (e.g. unreachable under the model's bounds). */
  readonly skip?: readonly string[];
  readonly signal?: AbortSignal;
};

export type Progress = { readonly done: number; readonly total: number; readonly steps: number; readonly elapsedSeconds: number };

export type GenerateResult = { readonly files: readonly string[]; readonly summary: Summary; readonly ruleIds: readonly string[] };

export const bad = (what: string, todo = 'see raftref traces generate --help'): UserError => new UserError('raftref traces generate', undefined, what, todo);

/**
 * LIMITS: the range of each numeric option, inclusive. The upper bounds keep a run within
 * memory and time (100 000 traces of 10 000 steps is already far beyond any corpus here);
 * a seed is any non-negative safe integer (prng.ts).
 */
export const LIMITS = {
  '--count': [1, 100_000],
  '--depth': [1, 10_000],
  '--min-depth': [0, 10_000],
  '--seed': [0, Number.MAX_SAFE_INTEGER],
  '--jobs': [1, 256],
  '--max-count': [1, 1_000_000],
  roundSize: [1, 1_000],
} as const satisfies Record<string, readonly [number, number]>;

function inRange(name: keyof typeof LIMITS, v: number): number {
  const [min, max] = LIMITS[name];
  if (!Number.isSafeInteger(v) || v < min || v > max) throw new UserError(name, undefined, `must be an integer in [${min}, ${max}], not ${v}`, 'see raftref traces generate --help');
  return v;
}

export type Validated = {
  readonly refs: readonly ModelRef[];
  readonly count: number;
  readonly depth: number;
  readonly minDepth: number;
  readonly seed: number;
  readonly out: string;
  readonly mode: 'random' | 'coverage';
  readonly jobs: number;
  readonly maxCount: number;
  readonly roundSize: number;
  readonly skip: readonly string[];
};

export function validate(o: GenerateOptions): Validated {
  const count = inRange('--count', o.count);
  const depth = inRange('--depth', o.depth);
  const minDepth = inRange('--min-depth', o.minDepth ?? depth);
  if (minDepth > depth) throw new UserError('--min-depth', undefined, `${minDepth} is above --depth ${depth}`, 'give --min-depth <= --depth');
  const seed = inRange('--seed', o.seed);
  const jobs = inRange('--jobs', o.jobs ?? Math.min(os.availableParallelism(), LIMITS['--jobs'][1]));
  const mode = o.mode ?? 'random';
  if (o.models.length === 0) throw bad('no model given', 'pass --model NAME (e.g. --model MCRaft2)');
  if (o.cfg !== undefined && o.models.length !== 1) throw bad('--cfg needs exactly one --model');
  if (o.cfg !== undefined) requireFile(o.cfg, 'give --cfg a regular cfg file');
  const specDir = o.specDir ?? fromPackage('spec');
  const refs = selectModels(discoverModels(specDir), o.models, true, specDir).map((m) => ({
    name: m.name,
    tla: m.tla,
    cfg: o.cfg ?? m.cfg,
    spec: path.join(specDir, 'Raft.tla'),
    cfgOverridden: o.cfg !== undefined,
  }));
  const maxCount = inRange('--max-count', o.maxCount ?? Math.min(Math.max(10 * count, 100), LIMITS['--max-count'][1]));
  if (maxCount < count) throw new UserError('--max-count', undefined, `${maxCount} is below --count ${count}`, 'give --max-count >= --count');
  const roundSize = inRange('roundSize', o.roundSize ?? 8);
  const skip = [...new Set(o.skip ?? [])].sort();
  if (skip.length > 0 && mode !== 'coverage') throw bad('--skip is for --mode coverage');
  // The output directory is created and probed (inputs.ts: not /proc, writable, a real directory).
  return { refs, count, depth, minDepth, seed, out: writableDirectory(o.out, '--out'), mode, jobs, maxCount, roundSize, skip };
}
