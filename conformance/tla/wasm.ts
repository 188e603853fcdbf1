// wasm.ts: typed, synchronous access to the embedded checker (npm tla-checker, tla-rs
// compiled to WebAssembly). Every answer is decoded with an io-ts codec, so a change of
// its JSON shape fails loudly here instead of deep in a caller.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { isLeft } from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { check_spec_with_options, explore_eval, explore_init, explore_next, initSync } from 'tla-checker';
import { type TlaState, TlaStateCodec, TlaValueCodec } from './value.js';

const require = createRequire(import.meta.url);

/** `tla-checker <version>`, read from the installed package. */
export function checkerVersion(): string {
  const pkg: unknown = JSON.parse(fs.readFileSync(require.resolve('tla-checker/package.json'), 'utf8'));
  const version = t.type({ version: t.string }).is(pkg) ? pkg.version : 'unknown';
  return `tla-checker ${version}`;
}

let ready = false;
function init(): void {
  if (ready) return;
  initSync({ module: fs.readFileSync(require.resolve('tla-checker/tla_checker_bg.wasm')) });
  ready = true;
}

function decode<A>(codec: t.Type<A>, json: string, what: string): A {
  const r = codec.decode(JSON.parse(json));
  if (isLeft(r)) throw new Error(`unexpected ${what} answer from tla-checker: ${json.slice(0, 300)}`);
  return r.right;
}

export const CheckResponseCodec = t.intersection([
  t.type({
    success: t.boolean,
    error_type: t.union([t.string, t.null]),
    error_message: t.union([t.string, t.null]),
    states_explored: t.number,
    trace: t.union([t.array(t.string), t.null]),
    warnings: t.array(t.string),
  }),
  // The state graph in DOT, when asked for (exportDot).
  t.partial({ dot: t.union([t.string, t.null]) }),
]);
export type CheckResponse = t.TypeOf<typeof CheckResponseCodec>;

export type CheckLimits = {
  readonly maxStates: number;
  readonly maxDepth: number;
  /** Also return the state graph as DOT (edges labelled with Next's top-level disjuncts). */
  readonly exportDot?: boolean;
};

/** A full model check; deadlocks are never reported (TLC is run with -deadlock too). */
export function checkSpec(spec: string, cfg: string, limits: CheckLimits): CheckResponse {
  init();
  const dot = limits.exportDot === true ? { export_dot: true, dot_mode: 'clean' } : {};
  const options = { cfg_source: cfg, max_states: limits.maxStates, max_depth: limits.maxDepth, allow_deadlock: true, ...dot };
  return decode(CheckResponseCodec, check_spec_with_options(spec, JSON.stringify(options)), 'check');
}

/** An explore call answered {"ok": false, "error": ...}. */
export class ExploreError extends Error {}

const Failure = t.type({ ok: t.literal(false), error: t.string });
const ExploredState = t.type({ display: t.record(t.string, t.string), json: TlaStateCodec });
export type ExploredState = t.TypeOf<typeof ExploredState>;
const InitResponse = t.type({ ok: t.literal(true), states: t.array(ExploredState), vars: t.array(t.string) });
// `action` is the name of Next's top-level disjunct, or null (seen for bullet-less disjuncts).
const Transition = t.type({ action: t.union([t.string, t.null]), state: ExploredState });
const NextResponse = t.type({ ok: t.literal(true), transitions: t.array(Transition) });
const EvalResponse = t.type({ ok: t.literal(true), json: TlaValueCodec, value: t.string });
export type EvalResult = t.TypeOf<typeof EvalResponse>;

function explore<A>(codec: t.Type<A>, json: string, what: string): A {
  const failure = Failure.decode(JSON.parse(json));
  if (!isLeft(failure)) throw new ExploreError(failure.right.error);
  return decode(codec, json, what);
}

export function exploreInit(spec: string, cfg: string): { states: ExploredState[]; vars: string[] } {
  init();
  return explore(InitResponse, explore_init(spec, cfg, '{}'), 'explore_init');
}

/** Successor states; the `action` label tla-checker gives is only Next's name, so it is dropped. */
export function exploreNext(spec: string, cfg: string, state: TlaState): ExploredState[] {
  init();
  return explore(NextResponse, explore_next(spec, cfg, '{}', JSON.stringify(state)), 'explore_next').transitions.map((x) => x.state);
}

export function exploreEval(spec: string, cfg: string, state: TlaState, expr: string): EvalResult {
  init();
  return explore(EvalResponse, explore_eval(spec, cfg, '{}', JSON.stringify(state), expr), 'explore_eval');
}
