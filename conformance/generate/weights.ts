// weights.ts: how likely a random walk is to take each action. A step first picks an
// action name among the enabled ones with probability proportional to its weight, then
// one of that action's successors uniformly (so an action with many instances, such as
// AppendEntries(i, j, n), is not favoured for having many).
//
// The defaults keep the protocol moving: handling messages, client requests and leader
// steps are likely; faults (loss, duplication, restart) and timeouts are rarer, so that
// elections finish and entries get replicated and committed between them, yet every
// trace of some length still sees a few of them.

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

/** The weights of `actions`: defaults, then the `NAME=W` overrides. */
export function resolveWeights(actions: readonly string[], overrides: readonly string[], source = '--weight'): Weights {
  const out: Record<string, number> = {};
  for (const a of [...actions].sort()) out[a] = DEFAULT_WEIGHTS[a] ?? OTHER_WEIGHT;
  for (const o of overrides) {
    const m = /^([A-Za-z_]\w*)=(.+)$/.exec(o);
    const w = Number(m?.[2]);
    if (m?.[1] === undefined || !Number.isFinite(w) || w < 0) throw new UserError(source, undefined, `bad weight ${o}`, 'write NAME=W with W a number >= 0');
    if (!actions.includes(m[1])) throw new UserError(source, undefined, `${m[1]} is not an action of the model`, `use one of ${actions.join(', ')}`);
    out[m[1]] = w;
  }
  return out;
}
