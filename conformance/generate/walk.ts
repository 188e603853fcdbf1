// walk.ts: one weighted random walk over the stepping API (conformance/tla/label.ts).
//
// - Stuttering successors (a state equal to the current one, e.g. Restart of a server with
//   nothing volatile) are never taken: they add a step that says nothing.
// - A walk does not step into a dead end (a state with no successors, e.g. at the edge of
//   the model's bounds, or whose successors all are dead ends) before its last step: it
//   backtracks and chooses again, so walks reach their length. Choices taken and then
//   backtracked are not in the trace; the trace is still a path from an initial state.
// - An attempt that spends its budget of successors() calls (3 x length + 100) before
//   reaching `minLength` is retried, up to `maxAttempts`; the longest is kept.

import type { ActionLabel } from '../tla/label.js';
import type { TlaState } from '../tla/value.js';
import { type ItfState, fromTla, itfKey } from '../itf/value.js';
import type { Prng } from './prng.js';
import { stateFromTla } from './raft-state.js';
import type { ItfAction } from '../itf/value.js';
import { type RuleId, rulesOf } from './rules.js';
import type { Weights } from './weights.js';

export type Labelled = { readonly action: ActionLabel; readonly state: TlaState };
/** What a walk needs of conformance/tla/label.ts's Stepper. */
export type StepSource = {
  initialStates(): readonly Labelled[];
  successors(state: TlaState): readonly Labelled[];
};

export type WalkStep = { readonly action: ItfAction; readonly state: ItfState; readonly tla: TlaState; readonly key: string };

/** Extra weight of one successor (coverage mode), from its action and the rules it takes. */
export type Boost = (action: ItfAction, rules: readonly RuleId[]) => number;

export type WalkOptions = {
  readonly minLength: number;
  readonly maxLength: number;
  readonly weights: Weights;
  readonly vars: readonly string[];
  readonly boost?: Boost;
  readonly maxAttempts?: number;
  /** Walk on from this step instead of an initial state (coverage mode's archive). */
  readonly start?: WalkStep;
};

export type Walk = {
  /** Step 0 is the initial state (action Init), or `start`. */
  readonly steps: readonly WalkStep[];
  /** The length the walk aimed at (drawn in [minLength, maxLength]). */
  readonly target: number;
  readonly attempts: number;
  /** successors() calls made, dead-end probes and failed attempts included. */
  readonly calls: number;
};

type Candidate = WalkStep & { readonly boost: number };

export function walk(source: StepSource, rng: Prng, o: WalkOptions): Walk {
  const target = rng.between(o.minLength, o.maxLength);
  const maxAttempts = o.maxAttempts ?? 10;
  let best: WalkStep[] = [];
  let calls = 0;
  let attempts = 0;
  while (attempts < maxAttempts) {
    attempts++;
    const r = attempt(source, rng, o, target);
    calls += r.calls;
    if (r.steps.length > best.length) best = r.steps;
    if (best.length - 1 >= o.minLength) break;
  }
  return { steps: best, target, attempts, calls };
}

function attempt(source: StepSource, rng: Prng, o: WalkOptions, target: number): { steps: WalkStep[]; calls: number } {
  const inits = o.start === undefined ? source.initialStates().map((s) => toStep(s, o.vars)) : [o.start];
  const init = inits[rng.below(inits.length)];
  if (init === undefined) return { steps: [], calls: 0 };
  const budget = 3 * target + 100;
  const dead = new Set<string>(); // states from which every path ends (no successor, or only dead ones)
  const frames: { step: WalkStep; options: Candidate[] }[] = [{ step: init, options: candidates(source, init, o) }];
  let calls = 1;
  let longest: WalkStep[] = [init]; // the longest path seen, for a walk that cannot reach its length
  while (frames.length - 1 < target) {
    const top = frames[frames.length - 1] as { step: WalkStep; options: Candidate[] };
    const live = top.options.filter((c) => !dead.has(c.key));
    if (live.length === 0) {
      if (frames.length === 1) break;
      dead.add(top.step.key); // backtrack: try another choice one step earlier
      frames.pop();
      continue;
    }
    const pick = choose(live, o.weights, rng);
    if (frames.length === target || calls >= budget) {
      frames.push({ step: pick, options: [] }); // the last step needs no successors
      break;
    }
    calls++;
    const after = candidates(source, pick, o);
    if (after.length === 0) {
      dead.add(pick.key);
      if (frames.length + 1 > longest.length) longest = [...frames.map((f) => f.step), pick];
    } else frames.push({ step: pick, options: after });
  }
  const steps = frames.map((f) => f.step);
  return { steps: steps.length >= longest.length ? steps : longest, calls };
}

export function toStep(s: Labelled, vars: readonly string[]): WalkStep {
  const state = stateFromTla(s.state, vars);
  return { action: { name: s.action.name, args: s.action.args.map(fromTla) }, state, tla: s.state, key: itfKey(state) };
}

/** The successors of `from`, stuttering ones and those of actions of weight 0 left out. */
function candidates(source: StepSource, from: WalkStep, o: WalkOptions): Candidate[] {
  return source.successors(from.tla).flatMap((s) => {
    if ((o.weights[s.action.name] ?? 1) <= 0) return [];
    const step = toStep(s, o.vars);
    if (step.key === from.key) return [];
    const boost = o.boost === undefined ? 1 : o.boost(step.action, rulesOf(step.action, from.state, step.state));
    return [{ ...step, boost }];
  });
}

/**
 * Picks an action name with probability proportional to weight x the largest boost among
 * its successors, then one of its successors proportionally to their boosts. Names are
 * taken in sorted order, so the choice does not depend on the checker's successor order
 * across actions. Actions of weight 0 are never picked (walks leave them out entirely).
 */
export function choose<C extends { readonly action: { readonly name: string }; readonly boost: number }>(options: readonly C[], weights: Weights, rng: Prng): C {
  const groups = new Map<string, C[]>();
  for (const c of options) groups.set(c.action.name, [...(groups.get(c.action.name) ?? []), c]);
  const names = [...groups.keys()].sort();
  const groupWeights = names.map((n) => (weights[n] ?? 1) * Math.max(...(groups.get(n) ?? []).map((c) => c.boost)));
  const name = names[rng.weighted(groupWeights)] ?? '';
  const group = groups.get(name) ?? [];
  const picked = group[rng.weighted(group.map((c) => c.boost))];
  if (picked === undefined) throw new Error('choose: no candidate');
  return picked;
}
