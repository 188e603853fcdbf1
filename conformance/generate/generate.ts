// generate.ts: `generateTraces`, the library entry point of trace generation (used by
// `raftref traces generate`, make and the replay tests): seeded batches of ITF traces of
// the models in spec/, written one file per trace, with a summary of what they contain.

import fs from 'node:fs';
import path from 'node:path';
import { describe, kindOf, writeFile } from '../inputs.js';
import { Archive } from './archive.js';
import { type Counts, addCounts, coverageTarget, missingIds } from './coverage.js';
import { Prng } from './prng.js';
import { type JobResult, type ModelRef, type WalkJob, modelContext, traceFileName } from './job.js';
import { WalkFailed, WalkPool } from './pool.js';
import { UserError } from '../tla/errors.js';
import { RULE_IDS } from './rules.js';
import { type Tally, summarize } from './summary.js';
import { generateWithTlc } from './tlc-generate.js';
import { type GenerateOptions, type GenerateResult, type Progress, type Validated, bad, validate } from './options.js';
import { type Weights, resolveWeights } from './weights.js';

export type { GenerateOptions, GenerateResult, Progress } from './options.js';

/** Removes the files of an earlier batch with the same model, mode and seed, so that none is left over. */
function removeEarlier(out: string, model: string, mode: string, seed: number): void {
  const prefix = traceFileName(model, mode, seed, 0).replace(/0000\.itf\.json$/, '');
  for (const f of fs.readdirSync(out)) {
    if (!f.startsWith(prefix) || !/^\d+\.itf\.json$/.test(f.slice(prefix.length))) continue;
    const file = path.join(out, f);
    // A trace's name taken by a directory (or a FIFO, ...) is bad input, found before any work.
    const kind = kindOf(file);
    if (kind !== 'file' && kind !== 'dangling link') throw new UserError(file, undefined, `cannot write a trace here: the name is taken by ${kind === 'directory' ? 'a directory' : describe(kind)}`, 'move it away, or pass another --out DIR');
    fs.rmSync(file, { force: true });
  }
}

export async function generateTraces(options: GenerateOptions, onProgress: (p: Progress) => void = () => {}): Promise<GenerateResult> {
  const v = validate(options);
  try {
    return await generateValidated(v, options, onProgress);
  } catch (e) {
    // The model cannot be evaluated (tla-checker's error, e.g. `undefined variable x`): the spec is at fault, not raftref.
    if (e instanceof WalkFailed) {
      const files = [...new Set(v.refs.flatMap((r) => [r.spec, r.tla]))].join(', ');
      throw new UserError(files, undefined, `tla-checker cannot evaluate the model: ${e.message.split('\n')[0]}`, 'fix the TLA+');
    }
    throw e;
  }
}

async function generateValidated(v: Validated, options: GenerateOptions, onProgress: (p: Progress) => void): Promise<GenerateResult> {
  if ((options.checker ?? 'embedded') === 'tlc') {
    if (v.mode !== 'random') throw bad('--checker tlc generates random simulations only', 'drop --mode coverage or use --checker embedded');
    return generateWithTlc(v, options, onProgress);
  }
  const contexts = v.refs.map((r) => {
    try {
      return modelContext(r);
    } catch (e) {
      if (e instanceof UserError) throw e;
      throw new WalkFailed(e instanceof Error ? e.message : String(e));
    }
  }); // loads every model here first: bad input fails before any work
  const actions = [...new Set(contexts.flatMap((c) => c.actions))].sort();
  const weights = resolveWeights(actions, options.weights ?? []);
  const target = aimedAt(coverageTarget(actions), v.skip);
  for (const r of v.refs) removeEarlier(v.out, r.name, v.mode, v.seed);
  const started = Date.now();
  const tallies: Tally[] = [];
  const files: string[] = [];
  let steps = 0;
  let total = v.count * v.refs.length;
  const onResult = (r: JobResult): void => {
    writeFile(r.file, r.text, 'move it away, or pass another --out DIR');
    files.push(r.file);
    tallies.push({ model: r.model, stats: r.stats, short: r.short, calls: r.calls });
    steps += r.stats.steps;
    onProgress({ done: files.length, total, steps, elapsedSeconds: (Date.now() - started) / 1000 });
  };
  const pool = new WalkPool(Math.min(v.jobs, v.mode === 'random' ? total : v.roundSize * v.refs.length));
  try {
    if (v.mode === 'random') {
      await pool.run(v.refs.flatMap((ref) => range(0, v.count).map((index) => walkJob(v, ref, index, weights))), onResult, options.signal);
    } else {
      await coverageRounds(v, pool, weights, target, onResult, options.signal, (t) => (total = t));
    }
  } finally {
    await pool.close();
  }
  const summary = summarize(tallies, target, actions, (Date.now() - started) / 1000, pool.size);
  return { files: files.sort(), summary, ruleIds: RULE_IDS };
}

/** The target without the ids the user waived (each must be an action or a rule id). */
function aimedAt(target: readonly string[], skip: readonly string[]): string[] {
  for (const id of skip) if (!target.includes(id)) throw bad(`--skip ${id} is neither an action of the model nor a rule id`, `use one of ${target.join(', ')}`);
  return target.filter((id) => !skip.includes(id));
}

/** Share of coverage-mode walks that start from an archived cell rather than from Init. */
export const FROM_ARCHIVE = 0.5;
/** PRNG streams of the archive choices, apart from the walks' streams (trace index). */
const ARCHIVE_STREAM = 2 ** 40;

/**
 * Coverage mode: rounds of `roundSize` traces per model; the counts and the archive seen
 * by a round are those after the previous round, updated in trace order.
 */
async function coverageRounds(
  v: Validated,
  pool: WalkPool,
  weights: Weights,
  target: readonly string[],
  onResult: (r: JobResult) => void,
  signal: AbortSignal | undefined,
  setTotal: (t: number) => void,
): Promise<void> {
  const counts: Record<string, number> = {};
  const archive = new Archive();
  let done = 0;
  for (let round = 0; ; round++) {
    const end = done < v.count ? Math.min(done + v.roundSize, v.count) : Math.min(done + v.roundSize, v.maxCount);
    const snapshot: Counts = { ...counts };
    const jobs = v.refs.flatMap((ref) =>
      range(done, end).map((index) => {
        const rng = new Prng(v.seed, ARCHIVE_STREAM + index);
        const prefix = rng.float() < FROM_ARCHIVE ? archive.choose(ref.name, v.depth, rng) : undefined;
        const coverage = { target, skip: v.skip, counts: snapshot, round, roundSize: v.roundSize, maxCount: v.maxCount };
        return { ...walkJob(v, ref, index, weights, coverage), ...(prefix !== undefined && { prefix }) };
      }),
    );
    for (const r of await pool.run(jobs, onResult, signal)) {
      addCounts(counts, r.stats.actions);
      addCounts(counts, r.stats.rules);
      for (const c of r.cells) archive.visit(c.key, () => ({ model: r.model, file: r.file, lines: r.lines.slice(0, c.step + 1), last: c.last, interest: c.interest }));
    }
    done = end;
    if ((done >= v.count && missingIds(target, counts).length === 0) || done >= v.maxCount) return;
    if (done >= v.count) setTotal(Math.min(done + v.roundSize, v.maxCount) * v.refs.length);
  }
}

function walkJob(v: Validated, ref: ModelRef, index: number, weights: Weights, coverage?: WalkJob['coverage']): WalkJob {
  return {
    model: ref,
    mode: v.mode,
    seed: v.seed,
    index,
    count: v.count,
    depth: v.depth,
    minDepth: v.minDepth,
    weights,
    outDir: v.out,
    ...(coverage !== undefined && { coverage }),
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(to - from, 0) }, (_, k) => from + k);
}
