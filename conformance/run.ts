// run: replayFiles, the library entry behind `raftref replay`: find the
// traces, decode each, replay it, shrink and report every divergence, and
// sum it all up. A file that cannot be used is reported and the others
// are still replayed.
import { performance } from 'node:perf_hooks';
import type { Actions } from './actions.js';
import { addCoverage, emptyCoverage, type Coverage } from './coverage.js';
import { findTraces } from './files.js';
import { describe, errno, kindOf } from './inputs.js';
import { UserError } from './tla/errors.js';
import { readTrace, type TraceError } from './itf/read.js';
import { replayTrace, type Divergence, type ReplayOptions, type ReplayResult } from './replay.js';
import { divergenceReport, type DivergenceReport } from './report.js';
import { shrink, writeRepro } from './shrink.js';
import { defaultSpecFile, fromPackage, specHashOf } from './spec-hash.js';

export type ReplayFilesOptions = {
  /** The implementation under test (default: src/). */
  readonly actions?: Actions;
  /** The spec whose hash the traces must carry (default: spec/Raft.tla of this repository). */
  readonly specFile?: string;
  /** Where shrunk reproducers go (default out/repro of this package); null: do not write any. */
  readonly reproDir?: string | null;
  /** Count steps per action and rule. */
  readonly coverage?: boolean;
  /** Compare in every state which actions are enabled (ReplayOptions.checkEnabled). */
  readonly checkEnabled?: boolean;
  /** Called after each trace file (replayed or found unusable), for a progress display. */
  readonly onProgress?: (p: ReplayProgress) => void;
};

export type ReplayProgress = { readonly done: number; readonly total: number; readonly steps: number; readonly elapsedSeconds: number };

export type TraceOutcome = { readonly file: string; readonly steps: number; readonly conforms: boolean };

export type ReplayFilesResult = {
  /** Traces replayed (usable files). */
  readonly traces: number;
  /** Steps replayed and found conforming, over all traces. */
  readonly steps: number;
  readonly divergences: readonly DivergenceReport[];
  readonly unusable: readonly TraceError[];
  readonly outcomes: readonly TraceOutcome[];
  readonly coverage: Coverage | undefined;
  readonly seconds: number;
  /** 0: all conform; 1: a divergence; 2: unusable input (takes precedence). */
  readonly exitCode: 0 | 1 | 2;
};

/** DEFAULT_REPRO_DIR: where reproducers go, relative to the package (fromPackage). */
export const DEFAULT_REPRO_DIR = 'out/repro';

/** replayFiles: replay every trace under `paths` (files, or directories searched for *.itf.json). */
export function replayFiles(paths: readonly string[], options: ReplayFilesOptions = {}): ReplayFilesResult {
  const started = performance.now();
  const specFile = options.specFile ?? defaultSpecFile();
  const reproDir = options.reproDir === undefined ? fromPackage(DEFAULT_REPRO_DIR) : options.reproDir;
  const replayOptions: ReplayOptions = {
    ...(options.actions === undefined ? {} : { actions: options.actions }),
    ...(options.checkEnabled === true ? { checkEnabled: true } : {}),
  };
  const unusable: TraceError[] = [];
  const divergences: DivergenceReport[] = [];
  const outcomes: TraceOutcome[] = [];
  const coverage = options.coverage === true ? emptyCoverage() : undefined;
  const taken = new Set<string>();
  let steps = 0;

  let specHash: string | undefined;
  const specKind = kindOf(specFile);
  try {
    // Only a regular file is opened: a FIFO given as --spec would block the read.
    if (specKind !== 'file') throw new UserError(specFile, undefined, specKind === 'missing' ? 'ENOENT' : describe(specKind), '');
    specHash = specHashOf(specFile);
  } catch (e) {
    const what = e instanceof UserError ? e.what : errno(e);
    unusable.push({ file: specFile, state: undefined, what: `cannot read the spec: ${what}`, todo: 'run from the repository, or pass --spec FILE' });
  }
  const found = findTraces(paths);
  unusable.push(...found.errors);

  const files = specHash === undefined ? [] : found.files;
  let done = 0;
  const progress = (): void => options.onProgress?.({ done: ++done, total: files.length, steps, elapsedSeconds: (performance.now() - started) / 1000 });
  for (const file of files) {
    const decoded = readTrace(file, specHash as string);
    if (!decoded.ok) {
      unusable.push(decoded.error);
      progress();
      continue;
    }
    const result = replayTrace(decoded.trace, replayOptions);
    steps += result.steps;
    outcomes.push({ file, steps: result.steps, conforms: result.divergence === undefined });
    if (coverage !== undefined) addCoverage(coverage, decoded.trace, result.steps);
    if (result.divergence !== undefined) divergences.push(report(result as ReplayResult & { divergence: Divergence }, reproDir, replayOptions, taken));
    progress();
  }
  const exitCode = unusable.length > 0 ? 2 : divergences.length > 0 ? 1 : 0;
  return { traces: outcomes.length, steps, divergences, unusable, outcomes, coverage, seconds: (performance.now() - started) / 1000, exitCode };
}

function report(result: ReplayResult & { divergence: Divergence }, reproDir: string | null, options: ReplayOptions, taken: Set<string>): DivergenceReport {
  if (reproDir === null) return divergenceReport(result, undefined);
  const shrunk = shrink(result.trace, result.divergence, options);
  const repro = writeRepro(shrunk.trace, reproDir, taken);
  const r = divergenceReport(result, repro);
  return shrunk.verified ? r : { ...r, text: [...r.text, '  note: the shrunk prefix does not diverge the same way: the implementation is not deterministic'] };
}
