// options.ts: what `generateTraces` takes and returns, and the option checks shared by the
// embedded walks (generate.ts) and TLC's simulation (tlc-generate.ts).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

function positiveInt(name: string, v: number, min = 1): number {
  if (!Number.isSafeInteger(v) || v < min) throw bad(`${name} must be an integer >= ${min}, not ${v}`);
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
  const count = positiveInt('--count', o.count);
  const depth = positiveInt('--depth', o.depth);
  const minDepth = positiveInt('--min-depth', o.minDepth ?? depth, 0);
  if (minDepth > depth) throw bad(`--min-depth ${minDepth} is above --depth ${depth}`);
  const seed = positiveInt('--seed', o.seed, 0);
  const jobs = positiveInt('--jobs', o.jobs ?? os.availableParallelism());
  const mode = o.mode ?? 'random';
  if (o.models.length === 0) throw bad('no model given', 'pass --model NAME (e.g. --model MCRaft2)');
  if (o.cfg !== undefined && o.models.length !== 1) throw bad('--cfg needs exactly one --model');
  if (o.cfg !== undefined && !fs.existsSync(o.cfg)) throw new UserError(o.cfg, undefined, 'no such cfg file', 'check the path');
  const specDir = o.specDir ?? fromPackage('spec');
  const refs = selectModels(discoverModels(specDir), o.models, true, specDir).map((m) => ({
    name: m.name,
    tla: m.tla,
    cfg: o.cfg ?? m.cfg,
    spec: path.join(specDir, 'Raft.tla'),
    cfgOverridden: o.cfg !== undefined,
  }));
  const maxCount = positiveInt('--max-count', o.maxCount ?? Math.max(10 * count, 100));
  const roundSize = positiveInt('roundSize', o.roundSize ?? 8);
  const skip = [...new Set(o.skip ?? [])].sort();
  if (skip.length > 0 && mode !== 'coverage') throw bad('--skip is for --mode coverage');
  return { refs, count, depth, minDepth, seed, out: prepareOut(o.out), mode, jobs, maxCount, roundSize, skip };
}

/** Creates the output directory and checks that it can be written. */
function prepareOut(out: string): string {
  try {
    fs.mkdirSync(out, { recursive: true });
    fs.accessSync(out, fs.constants.W_OK);
  } catch (e) {
    throw new UserError(out, undefined, `cannot write the output directory (${e instanceof Error && 'code' in e ? String(e.code) : 'error'})`, 'pass a writable --out DIR');
  }
  return out;
}
