// job.ts: one trace, from its job description to its file text and statistics. A job is
// plain data, so it can be sent to a worker thread; its result depends on the job alone
// (trace k's randomness comes from Prng(seed, k)), which makes a batch the same whatever
// the number of workers and the order they finish in.

import path from 'node:path';
import { Stepper } from '../tla/label.js';
import { type LoadedModel, loadModel } from '../tla/model.js';
import { actionNames } from '../tla/variant.js';
import { type Counts, coverageBoost } from './coverage.js';
import { type Json, type TraceHeader, type TraceState, parseStateLine, stateLine, traceTextOf } from '../itf/write.js';
import { itfKey } from '../itf/value.js';
import { type CellStart, cellOf, interestOf } from './archive.js';
import type { TlaState } from '../tla/value.js';
import { Prng } from './prng.js';
import { constantsOf, embeddedChecker, portablePath, specHash } from './provenance.js';
import { raftrefVersion } from '../version.js';
import { type TraceStats, traceStats } from './stats.js';
import { type WalkStep, walk } from './walk.js';
import type { Weights } from './weights.js';

/** A model: its MC module, its cfg, and the spec file hashed into headers. */
export type ModelRef = { readonly name: string; readonly tla: string; readonly cfg: string; readonly spec: string; readonly cfgOverridden: boolean };

export type WalkJob = {
  readonly model: ModelRef;
  readonly mode: 'random' | 'coverage';
  readonly seed: number;
  readonly index: number;
  readonly count: number;
  readonly depth: number;
  readonly minDepth: number;
  readonly weights: Weights;
  readonly outDir: string;
  /** Coverage mode: the ids aimed at and the counts at the start of this job's round. */
  readonly coverage?: {
    readonly target: readonly string[];
    readonly skip: readonly string[];
    readonly counts: Counts;
    readonly round: number;
    readonly roundSize: number;
    readonly maxCount: number;
  };
  /** Coverage mode: start by replaying these state lines of an earlier trace (archive.ts). */
  readonly prefix?: CellStart;
};

export type JobResult = {
  readonly model: string;
  readonly index: number;
  readonly file: string;
  readonly text: string;
  readonly stats: TraceStats;
  /** successors() calls, dead-end probes and retries included: the cost of the trace. */
  readonly calls: number;
  readonly short: boolean;
  /** The state lines of the file (for the archive). */
  readonly lines: readonly string[];
  /** The first step of this trace in each cell it visits, with the state to walk on from. */
  readonly cells: readonly { readonly key: string; readonly step: number; readonly last: TlaState; readonly interest: number }[];
};

export type ModelContext = {
  readonly loaded: LoadedModel;
  readonly stepper: Stepper;
  readonly vars: readonly string[];
  readonly actions: readonly string[];
  readonly specHash: string;
};

const contexts = new Map<string, ModelContext>();

/** The loaded model and its stepper, built once per thread. */
export function modelContext(ref: ModelRef): ModelContext {
  const key = `${ref.tla}\0${ref.cfg}\0${ref.spec}`;
  let c = contexts.get(key);
  if (c === undefined) {
    const loaded = loadModel(ref.tla, ref.cfg);
    c = { loaded, stepper: new Stepper(loaded), vars: loaded.combined.variables, actions: actionNames(loaded), specHash: specHash(ref.spec) };
    contexts.set(key, c);
  }
  return c;
}

export function traceFileName(model: string, mode: string, seed: number, index: number): string {
  return `${model}-${mode}-s${seed}-${String(index).padStart(4, '0')}.itf.json`;
}

export function headerFor(ref: ModelRef, c: ModelContext, checker: { name: string; version: string }, description: string, generator: Record<string, Json>): TraceHeader {
  return {
    source: portablePath(ref.tla),
    description,
    raftref: {
      version: 1,
      generatedBy: raftrefVersion(),
      spec: portablePath(ref.spec),
      specHash: c.specHash,
      model: ref.name,
      constants: constantsOf(c.loaded),
      checker,
      generator: { ...generator, ...(ref.cfgOverridden && { cfg: portablePath(ref.cfg) }) },
    },
  };
}

function generatorRecord(job: WalkJob): Record<string, Json> {
  const base: Record<string, Json> = { mode: job.mode, seed: job.seed, index: job.index, count: job.count, depth: job.depth, minDepth: job.minDepth, weights: job.weights };
  const cov = job.coverage;
  if (cov === undefined) return base;
  const prefix = job.prefix === undefined ? {} : { prefix: { trace: path.basename(job.prefix.file), steps: job.prefix.lines.length - 1 } };
  return { ...base, maxCount: cov.maxCount, roundSize: cov.roundSize, round: cov.round, skip: [...cov.skip], ...prefix };
}

function description(job: WalkJob): string {
  if (job.coverage === undefined) return `random walk ${job.index} of ${job.count}, seed ${job.seed}`;
  const from = job.prefix === undefined ? '' : `, from step ${job.prefix.lines.length - 1} of ${path.basename(job.prefix.file)}`;
  return `coverage-directed walk ${job.index} (round ${job.coverage.round}${from}), seed ${job.seed}`;
}

/** The steps of a prefix, read back from its state lines; the last one walks on from `last`. */
function prefixSteps(prefix: CellStart, vars: readonly string[]): { steps: TraceState[]; start: WalkStep } {
  const steps = prefix.lines.map((l) => parseStateLine(l, vars));
  const end = steps[steps.length - 1];
  if (end === undefined) throw new Error('empty prefix');
  return { steps, start: { ...end, tla: prefix.last, key: itfKey(end.state) } };
}

/** Generates trace `job.index`: a weighted walk of [minDepth, depth] steps (after the prefix, if any). */
export function runWalkJob(job: WalkJob): JobResult {
  const c = modelContext(job.model);
  const cov = job.coverage;
  const prefix = job.prefix === undefined ? undefined : prefixSteps(job.prefix, c.vars);
  const done = prefix === undefined ? 0 : prefix.steps.length - 1;
  const w = walk(c.stepper, new Prng(job.seed, job.index), {
    minLength: Math.max(job.minDepth - done, 1),
    maxLength: Math.max(job.depth - done, 1),
    weights: job.weights,
    vars: c.vars,
    ...(cov !== undefined && { boost: coverageBoost(cov.target, cov.counts) }),
    ...(prefix !== undefined && { start: prefix.start }),
  });
  const steps: TraceState[] = [...(prefix?.steps.slice(0, -1) ?? []), ...w.steps];
  const header = headerFor(job.model, c, embeddedChecker(), description(job), generatorRecord(job));
  const file = path.join(job.outDir, traceFileName(job.model.name, job.mode, job.seed, job.index));
  const lines = steps.map((s, k) => stateLine(k, s, c.vars));
  const cells = new Map<string, { key: string; step: number; last: TlaState; interest: number }>();
  for (const [k, s] of w.steps.entries()) {
    const key = cellOf(s.state);
    if (!cells.has(key)) cells.set(key, { key, step: done + k, last: s.tla, interest: interestOf(s.state) });
  }
  return {
    model: job.model.name,
    index: job.index,
    file,
    text: traceTextOf(header, c.vars, lines),
    stats: traceStats(steps),
    calls: w.calls,
    short: steps.length - 1 < job.minDepth,
    lines,
    cells: [...cells.values()],
  };
}
