// weights.ts: how likely a random walk is to take each action. A step first picks an
// action name among the enabled ones with probability proportional to its weight, then
// one of that action's successors uniformly (so an action with many instances, such as
// AppendEntries(i, j, n), is not favoured for having many).
//
// The defaults keep the protocol moving: handling messages, client requests and leader
// steps are likely; faults (loss, duplication, restart) and timeouts are rarer, so that
// elections finish and entries get replicated and committed between them, yet every
// trace of some length still sees a few of them.

import { parseDecimal, show } from '../inputs.js';
import { UserError } from '../tla/errors.js';

export type Weights = Readonly<Record<string, number>>;

export const DEFAULT_WEIGHTS: Weights = {
  HandleRequestVoteRequest: 4,
  HandleRequestVoteResponse: 4,
  HandleAppendEntriesRequest: 4,
  HandleAppendEntriesResponse: 4,
  UpdateTerm: 4,
  BecomeLeader: 4,
  AdvanceCommitIndex: 4,
  ApplyEntry: 3,
  ClientRequest: 3,
  AppendEntries: 3,
  RequestVote: 3,
  DropStaleResponse: 2,
  Timeout: 0.5,
  Restart: 0.3,
  DropMessage: 0.3,
  DuplicateMessage: 0.3,
};

/** Weight of an action that is neither in the defaults nor overridden. */
export const OTHER_WEIGHT = 1;

/** WEIGHT_RANGE: what a --weight may be, inclusive. */
export const WEIGHT_RANGE = [0, 1000] as const;

/** parseWeight: `NAME=W`, W a plain decimal in WEIGHT_RANGE; a UserError naming `source` otherwise. */
export function parseWeight(text: string, source = '--weight'): { readonly name: string; readonly weight: number } {
  const m = /^([A-Za-z_]\w*)=(.*)$/s.exec(text);
  if (m?.[1] === undefined || m[2] === undefined) throw new UserError(source, undefined, `must be NAME=W, not ${show(text)}`, 'write NAME=W with NAME an action of the model');
  return { name: m[1], weight: parseDecimal(source, m[2], WEIGHT_RANGE[0], WEIGHT_RANGE[1], `write ${m[1]}=W`) };
}

/** The weights of `actions`: defaults, then the `NAME=W` overrides; weights that are all 0 are an error (nothing could be taken). */
export function resolveWeights(actions: readonly string[], overrides: readonly string[], source = '--weight'): Weights {
  const out: Record<string, number> = {};
  for (const a of [...actions].sort()) out[a] = DEFAULT_WEIGHTS[a] ?? OTHER_WEIGHT;
  for (const o of overrides) {
    const { name, weight } = parseWeight(o, source);
    if (!actions.includes(name)) throw new UserError(source, undefined, `${name} is not an action of the model`, `use one of ${actions.join(', ')}`);
    out[name] = weight;
  }
  if (actions.length > 0 && actions.every((a) => (out[a] ?? 0) <= 0)) throw new UserError(source, undefined, 'every action has weight 0: no step can be taken', 'give at least one action a positive weight');
  return out;
}
