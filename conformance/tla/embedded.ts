// embedded.ts: a full model check of one model with the embedded checker (tla-checker),
// run in a worker thread, with the counterexample labelled by replaying it (label.ts).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { isLeft } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { UserError } from './errors.js';
import { LabelError, Stepper, labelTrace } from './label.js';
import { type MappedText, originOf } from './mapped.js';
import type { LoadedModel } from './model.js';
import type { CheckResult } from './result.js';
import { parseDisplayTrace } from './trace.js';
import type { StateGraphSummary } from './state-graph.js';
import { symmetryRenamings } from './symmetry.js';
import { type CheckVariant, STEP_FLAG_PREFIX, actionNames, checkVariant } from './variant.js';
import { type CheckResponse, CheckResponseCodec, checkerVersion } from './wasm.js';

export type { CheckResult, Verdict, Violated } from './result.js';

export type RunOptions = {
  readonly maxStates?: number;
  readonly maxDepth?: number;
  readonly timeoutSeconds?: number;
  readonly signal?: AbortSignal;
  /** Export the state graph for per-action coverage and depth (default true; costs memory, not time). */
  readonly stateGraph?: boolean;
  /** Called every `heartbeatSeconds` while the check runs. */
  readonly onHeartbeat?: (elapsedSeconds: number) => void;
  readonly heartbeatSeconds?: number;
};

const StateGraphCodec = t.type({ transitions: t.record(t.string, t.number), depth: t.number, states: t.number, edges: t.number });

const WorkerReply = t.union([
  t.intersection([t.type({ ok: t.literal(true), response: CheckResponseCodec }), t.partial({ graph: StateGraphCodec })]),
  t.type({ ok: t.literal(false), error: t.string }),
]);

type Outcome =
  | { kind: 'done'; response: CheckResponse; graph: StateGraphSummary | undefined }
  | { kind: 'timeout' }
  | { kind: 'aborted' }
  | { kind: 'crash'; error: string };

function workerUrl(): URL {
  const ext = path.extname(fileURLToPath(import.meta.url));
  return new URL(`./embedded-worker${ext}`, import.meta.url);
}

/** Runs the check in a worker; resolves on completion, timeout, abort or crash. */
export function runInWorker(job: { spec: string; cfg: string; maxStates: number; maxDepth: number; graph: boolean }, options: RunOptions): Promise<Outcome> {
  return new Promise((resolve) => {
    const worker = new Worker(workerUrl(), { workerData: job });
    const started = Date.now();
    const finish = (o: Outcome): void => {
      clearInterval(beat);
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      resolve(o);
    };
    const beat = setInterval(() => options.onHeartbeat?.((Date.now() - started) / 1000), (options.heartbeatSeconds ?? 5) * 1000);
    const timer = options.timeoutSeconds === undefined ? undefined : setTimeout(() => finish({ kind: 'timeout' }), options.timeoutSeconds * 1000);
    const onAbort = (): void => finish({ kind: 'aborted' });
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: unknown) => {
      const r = WorkerReply.decode(m);
      if (isLeft(r)) finish({ kind: 'crash', error: `bad worker reply ${JSON.stringify(m).slice(0, 200)}` });
      else finish(r.right.ok ? { kind: 'done', response: r.right.response, graph: r.right.graph } : { kind: 'crash', error: r.right.error });
    });
    worker.on('error', (e) => finish({ kind: 'crash', error: e.message }));
    worker.on('exit', (code) => finish({ kind: 'crash', error: `checker worker exited with code ${code}` }));
  });
}

export class AbortedError extends Error {}

/** Model-checks `model` with tla-checker. Bad input (parse errors, missing constants) throws UserError. */
export async function checkEmbedded(model: LoadedModel, options: RunOptions = {}): Promise<CheckResult> {
  const variant = checkVariant(model);
  const started = Date.now();
  const outcome = await runInWorker(
    { spec: variant.spec.text, cfg: variant.cfg, maxStates: options.maxStates ?? 50_000_000, maxDepth: options.maxDepth ?? 100_000, graph: options.stateGraph ?? true },
    options,
  );
  const base = {
    checker: checkerVersion(),
    model: model.name,
    seconds: (Date.now() - started) / 1000,
    unchecked: variant.unchecked,
    notes: variant.notes,
  };
  switch (outcome.kind) {
    case 'aborted':
      throw new AbortedError('interrupted');
    case 'timeout':
      return { ...base, states: undefined, depth: undefined, depthNote: 'n/a (timed out)', verdict: 'timeout' };
    case 'crash':
      return { ...base, states: undefined, depth: undefined, depthNote: 'n/a', verdict: 'error', error: outcome.error };
    case 'done':
      return interpret(model, variant, outcome.response, outcome.graph, base);
  }
}

type Base = Pick<CheckResult, 'checker' | 'model' | 'seconds' | 'unchecked' | 'notes'>;

const NOT_REPORTED = 'n/a (not reported by tla-checker)';
const STATE_GRAPH_DEPTH = 'breadth-first, from the exported state graph';

function interpret(model: LoadedModel, variant: CheckVariant, r: CheckResponse, graph: StateGraphSummary | undefined, base: Base): CheckResult {
  const states = r.states_explored;
  const notes = [...base.notes, ...r.warnings.map((w) => `tla-checker warning: ${w}`)];
  if (r.success && graph !== undefined) {
    const actionCoverage = actionNames(model).map((action) => ({ action, fired: graph.transitions[action] ?? 0 }));
    return { ...base, notes, states, depth: graph.depth, depthNote: STATE_GRAPH_DEPTH, verdict: 'pass', actionCoverage };
  }
  if (r.success) return { ...base, notes, states, depth: undefined, depthNote: NOT_REPORTED, verdict: 'pass' };
  if (r.error_type === 'InvariantViolation') return violation(model, variant, r, { ...base, notes });
  throwIfBadInput(model, variant.spec, r);
  return { ...base, notes, states, depth: undefined, depthNote: 'n/a', verdict: 'error', error: `${r.error_type ?? 'error'}: ${r.error_message ?? ''}` };
}

function violation(model: LoadedModel, variant: CheckVariant, r: CheckResponse, base: Base): CheckResult {
  const index = Number(/Invariant (\d+) violated/.exec(r.error_message ?? '')?.[1]);
  const violated = variant.invariants[index] ?? { name: r.error_message ?? '?', kind: 'invariant' as const };
  const vars = [...model.combined.variables, ...variant.actionProperties.map((a) => `${STEP_FLAG_PREFIX}${a.name}`)];
  const rawTrace = parseDisplayTrace(r.trace?.[0] ?? '', vars);
  const depthNote = `${rawTrace.length} (length of the counterexample, in states)`;
  const common = { ...base, states: r.states_explored, depth: rawTrace.length, depthNote, verdict: 'violation' as const, violated, rawTrace };
  try {
    return { ...common, counterexample: labelTrace(new Stepper(model), rawTrace, symmetryRenamings(model)) };
  } catch (e) {
    if (!(e instanceof LabelError)) throw e;
    return { ...common, notes: [...base.notes, `counterexample not labelled: ${e.message}`] };
  }
}

/** Parse errors, missing constants and unknown definitions are the user's input: UserError. */
function throwIfBadInput(model: LoadedModel, spec: MappedText, r: CheckResponse): void {
  const message = r.error_message ?? '';
  if (r.error_type === 'ParseError') {
    const at = Number(/start: (\d+)/.exec(message)?.[1]);
    const line = Number.isFinite(at) ? byteOffsetLine(spec.text, at) : undefined;
    const origin = line === undefined ? undefined : originOf(spec, line);
    const what = /message: "((?:[^"\\]|\\.)*)"/.exec(message)?.[1] ?? message;
    throw new UserError(origin?.file ?? model.mcPath, origin?.line, `tla-checker cannot parse this: ${what}`, 'fix the TLA+ (or check with --checker tlc if tla-checker lacks the syntax)');
  }
  if (r.error_type === 'MissingConstants' || r.error_type === 'ConfigError') {
    throw new UserError(model.cfgPath, undefined, message, 'fix the cfg or the spec');
  }
}

/** tla-checker reports byte offsets (measured with non-ASCII comments). */
export function byteOffsetLine(text: string, byteOffset: number): number {
  const before = Buffer.from(text, 'utf8').subarray(0, byteOffset).toString('utf8');
  return before.split('\n').length;
}
