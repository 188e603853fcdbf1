// broadcast: driver helpers, not part of the core's step semantics. The
// spec sends to one peer per step, and AppendEntries may carry fewer
// entries than the leader has (D-7: RequestVote(i, j), AppendEntries(i, j,
// n)); a driver that wants to reach every peer at once with everything
// they lack runs the step for each peer in turn and sends what it produces.
import type { Message, NodeId } from './codecs.js';
import { appendEntries } from './leader.js';
import { lastIndex } from './log.js';
import type { ActionResult, Applied, Disabled, Outputs, PersistWrite } from './result.js';
import { indexOf, peers, type NodeState } from './state.js';

/**
 * replicate: AppendEntries(i, j, n) with the largest n, every entry from
 * nextIndex[j] on (L-3); a heartbeat when there is none (L-1).
 */
export function replicate(s: NodeState, j: NodeId): ActionResult {
  const n = s.role === 'Leader' ? Math.max(0, lastIndex(s.log) - indexOf(s.nextIndex, j) + 1) : 0;
  return appendEntries(s, j, n);
}

export type Broadcast = {
  readonly state: NodeState;
  readonly outputs: Outputs;
  /** The peers whose step was not enabled, with the reason. */
  readonly skipped: readonly { readonly peer: NodeId; readonly result: Disabled }[];
};

/**
 * broadcast: run `step` (requestVote or replicate) for every peer in
 * configuration order, threading the state and concatenating the outputs.
 */
export function broadcast(s: NodeState, step: (s: NodeState, j: NodeId) => ActionResult): Broadcast {
  let state = s;
  const persist: PersistWrite[] = [];
  const send: Message[] = [];
  const apply: Applied[] = [];
  const skipped: { peer: NodeId; result: Disabled }[] = [];
  for (const peer of peers(s)) {
    const result = step(state, peer);
    if (!result.enabled) {
      skipped.push({ peer, result });
      continue;
    }
    state = result.state;
    persist.push(...result.outputs.persist);
    send.push(...result.outputs.send);
    apply.push(...result.outputs.apply);
  }
  return { state, outputs: { persist, send, apply }, skipped };
}
