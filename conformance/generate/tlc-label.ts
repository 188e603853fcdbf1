// tlc-label.ts: names the action (with arguments) of each step of a behaviour that comes
// without labels, such as a TLC simulation trace: step k is the successor of state k-1,
// by the stepping API, whose state equals state k. Stuttering steps are dropped.
//
// Two actions can reach the same state (DropMessage(m) and a HandleRequestVoteResponse(m)
// that counts nothing both just remove m); the protocol action is preferred over the
// network's, then the first in (name, arguments) order, so the choice is deterministic.

import { type ItfState, fromTla, itfKey } from '../itf/value.js';
import { stateFromTla } from './raft-state.js';
import type { ItfAction } from '../itf/value.js';
import type { StepSource } from './walk.js';
import type { TlaState } from '../tla/value.js';

export class UnlabelledStepError extends Error {
  override name = 'UnlabelledStepError';
}

const NETWORK = new Set(['DropMessage', 'DuplicateMessage']);

export type LabelledStep = { readonly action: ItfAction; readonly state: ItfState };

function preferred(a: ItfAction, b: ItfAction): number {
  const na = NETWORK.has(a.name) ? 1 : 0;
  const nb = NETWORK.has(b.name) ? 1 : 0;
  if (na !== nb) return na - nb;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  const ka = itfKey(a.args);
  const kb = itfKey(b.args);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * Labels `states` (tla-checker shapes, e.g. parsed from TLC) with the stepping API. With
 * `lastMayLeaveBounds`, a last state that is no successor is dropped instead: TLC's
 * simulation picks a successor before checking ACTION_CONSTRAINT and ends the behaviour
 * with it, while the stepping API never offers it. `names[k]`, when given, is the action the
 * producer says took step k (TLC's label): only successors by that action match.
 */
export function labelStates(source: StepSource, vars: readonly string[], states: readonly TlaState[], lastMayLeaveBounds = false, names: readonly (string | undefined)[] = []): LabelledStep[] {
  const out: LabelledStep[] = [];
  let prev: TlaState | undefined;
  let prevKey = '';
  for (const [k, raw] of states.entries()) {
    const state = stateFromTla(raw, vars);
    const key = itfKey(state);
    if (prev !== undefined && key === prevKey) continue;
    const options = prev === undefined ? source.initialStates() : source.successors(prev);
    const named = names[k];
    const matches = options
      .filter((o) => (named === undefined || o.action.name === named) && itfKey(stateFromTla(o.state, vars)) === key)
      .map((o) => ({ name: o.action.name, args: o.action.args.map(fromTla) }))
      .sort(preferred);
    const action = matches[0];
    if (action === undefined) {
      if (lastMayLeaveBounds && k === states.length - 1 && prev !== undefined) break;
      throw new UnlabelledStepError(`state ${k + 1} of the trace is not ${prev === undefined ? 'an initial state' : `a successor of state ${k}`} by tla-checker's stepping API (the checkers disagree)`);
    }
    out.push({ action, state });
    prev = options.find((o) => o.action.name === action.name && itfKey(stateFromTla(o.state, vars)) === key)?.state ?? raw;
    prevKey = key;
  }
  return out;
}
