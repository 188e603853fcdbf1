// broadcast: a driver helper, not part of the core's step semantics. The
// spec sends to one peer per step (RequestVote(i, j), AppendEntries(i, j));
// a driver that wants to reach every peer at once runs the step for each
// peer in turn and sends what they produce.
import type { Message, NodeId } from './codecs.js';
import type { ActionResult, Applied, Disabled, Outputs, PersistWrite } from './result.js';
import { peers, type NodeState } from './state.js';

export type Broadcast = {
  readonly state: NodeState;
  readonly outputs: Outputs;
  /** The peers whose step was not enabled, with the reason. */
  readonly skipped: readonly { readonly peer: NodeId; readonly result: Disabled }[];
};

/**
 * broadcast: run `step` (requestVote or appendEntries) for every peer in
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
