// label.ts: a stepping API over a model (initial states, labelled successors), built on the
// label variant (see variant.ts), and counterexample labelling: replaying a display-string
// trace from tla-checker to recover action names, arguments and typed states.

import type { LoadedModel } from './model.js';
import { type Renaming, canonicalState } from './symmetry.js';
import { type DisplayState, sameDisplay, stripInternal } from './trace.js';
import { LABEL_VARIABLE, labelVariant } from './variant.js';
import { type TlaState, type TlaValue, field, tupleItems } from './value.js';
import { exploreInit, exploreNext } from './wasm.js';

export type ActionLabel = { readonly name: string; readonly args: readonly TlaValue[] };
export type Visible = { readonly state: TlaState; readonly display: DisplayState };
export type Step = Visible & { readonly action: ActionLabel };

const INIT_LABEL: TlaValue = { name: 'Init', args: { __tuple: [] } };

export class Stepper {
  private readonly spec: string;
  private readonly cfg: string;

  constructor(model: LoadedModel) {
    const v = labelVariant(model);
    this.spec = v.spec.text;
    this.cfg = v.cfg;
  }

  /** Initial states, each labelled Init. */
  initialStates(): Step[] {
    return exploreInit(this.spec, this.cfg).states.map((s) => visible(s.json, s.display));
  }

  /** Successors of `state` with the action (and arguments) that produced each. */
  successors(state: TlaState): Step[] {
    const input = { ...state, [LABEL_VARIABLE]: INIT_LABEL };
    return exploreNext(this.spec, this.cfg, input).map((s) => visible(s.json, s.display));
  }
}

function visible(json: TlaState, display: Readonly<Record<string, string>>): Step {
  return { action: labelOf(json[LABEL_VARIABLE]), state: stripInternal(json), display: stripInternal(display) };
}

function labelOf(v: TlaValue | undefined): ActionLabel {
  const name = field(v, 'name');
  const args = tupleItems(field(v, 'args'));
  if (typeof name !== 'string' || args === undefined) throw new Error(`successor without a label: ${JSON.stringify(v)}`);
  return { name, args };
}

export class LabelError extends Error {}

/**
 * A candidate equal to `want` up to one of the renamings (symmetry.ts): a concrete behaviour
 * of the spec whose states are permutations of the checker's canonical representatives.
 */
function upToSymmetry(candidates: readonly Step[], want: DisplayState, renamings: readonly Renaming[]): Step | undefined {
  if (renamings.length <= 1) return undefined;
  const wanted = new Set(renamings.map((r) => canonicalState(want, r)));
  const identity = new Map<string, string>();
  return candidates.find((c) => wanted.has(canonicalState(c.display, identity)));
}

/** Replays a display trace: step 0 is an initial state, step k a successor of step k-1. */
export function labelTrace(stepper: Stepper, trace: readonly DisplayState[], renamings: readonly Renaming[] = [new Map()]): Step[] {
  const steps: Step[] = [];
  let candidates = stepper.initialStates();
  for (const [k, raw] of trace.entries()) {
    const want = stripInternal(raw);
    const found = candidates.find((c) => sameDisplay(c.display, want)) ?? upToSymmetry(candidates, want, renamings);
    if (found === undefined) throw new LabelError(`state ${k} of the counterexample is not ${k === 0 ? 'an initial state' : 'a successor of state ' + (k - 1)} of the label variant`);
    steps.push(found);
    if (k + 1 < trace.length) candidates = stepper.successors(found.state);
  }
  return steps;
}
