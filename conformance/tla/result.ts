// result.ts: the result of checking one model, whichever checker ran it.

import type { Step } from './label.js';
import type { TlcCoverage, TlcTraceState } from './tlc-output.js';
import type { Unchecked } from './properties.js';
import type { DisplayState } from './trace.js';

export type { Unchecked };

export type ActionCoverage = { readonly action: string; readonly fired: number; readonly total?: number };

export type Verdict = 'pass' | 'violation' | 'error' | 'timeout';

export type Violated = { readonly name: string; readonly kind: 'invariant' | 'action property' | 'temporal' | 'deadlock' };

export type CheckResult = {
  /** `tla-checker 0.9.0` or `TLC <version>`. */
  readonly checker: string;
  readonly model: string;
  /** Distinct states found, when the run finished. */
  readonly states: number | undefined;
  /** Depth of the state graph when known; `depthNote` says how it was obtained. */
  readonly depth: number | undefined;
  readonly depthNote: string;
  readonly seconds: number;
  readonly verdict: Verdict;
  readonly violated?: Violated;
  /** Embedded checker: the labelled counterexample (typed states). */
  readonly counterexample?: readonly Step[];
  /** Embedded checker: the display states, kept when labelling failed. */
  readonly rawTrace?: readonly DisplayState[];
  /** TLC: its error trace and per-action coverage. */
  readonly tlcTrace?: readonly TlcTraceState[];
  readonly tlcCoverage?: readonly TlcCoverage[];
  /**
   * Passing run, per action of Next, how often it fired: the embedded checker counts the
   * distinct transitions in its state graph; TLC counts the distinct new states the action found
   * (its `total`, every successor generated, includes those the ACTION_CONSTRAINT rejects).
   */
  readonly actionCoverage?: readonly ActionCoverage[];
  readonly error?: string;
  readonly unchecked: readonly Unchecked[];
  readonly notes: readonly string[];
};

/** Number of states in the counterexample, whichever form it has. */
export function counterexampleLength(r: CheckResult): number | undefined {
  return r.counterexample?.length ?? r.rawTrace?.length ?? r.tlcTrace?.length;
}
