// enabled: do the implementation and the spec agree on which actions are
// enabled in a state, not only on what the taken one does? A trace shows
// one step out of each state; an action the implementation enables where
// the spec does not (say, L-4 committing an entry of an older term by
// counting replicas, Figure 8) is never taken by a trace, so replay alone
// cannot see it. This probe asks the implementation about every action
// instance in a state of the trace and compares with the spec's guards,
// transcribed here from spec/Raft.tla (enabledness only; what a step does
// is the replay's to check).
import type { Message, NodeId, NodeState, Received } from '../src/index.js';
import type { Actions } from './actions.js';
import { formatMessage } from './format.js';
import type { SpecAction, SpecState } from './trace.js';

/** Probe: one action instance on which the two disagree. */
export type Disagreement = { readonly action: string; readonly implementation: string; readonly spec: string };

/** specMessageAction: the one action of Next that takes m at m.to, if any (UpdateTerm .. DropStaleResponse). */
export function specMessageAction(s: SpecState, m: Message): SpecAction | undefined {
  const term = s.currentTerm.get(m.to) ?? 0;
  if (m.term > term) return 'UpdateTerm';
  switch (m.type) {
    case 'RequestVoteRequest':
      return 'HandleRequestVoteRequest';
    case 'AppendEntriesRequest':
      return 'HandleAppendEntriesRequest';
    case 'RequestVoteResponse':
      return m.term === term ? 'HandleRequestVoteResponse' : 'DropStaleResponse';
    case 'AppendEntriesResponse':
      if (m.term < term) return 'DropStaleResponse';
      return s.state.get(m.to) === 'Leader' ? 'HandleAppendEntriesResponse' : undefined;
  }
}

/** committable: CommittableIndexes(i) # {}. */
function committable(s: SpecState, i: NodeId, servers: readonly NodeId[]): boolean {
  const log = s.log.get(i) ?? [];
  const match = s.matchIndex.get(i);
  for (let n = (s.commitIndex.get(i) ?? 0) + 1; n <= log.length; n++) {
    if (log[n - 1]?.term !== s.currentTerm.get(i)) continue;
    const agree = 1 + servers.filter((j) => j !== i && (match?.get(j) ?? 0) >= n).length;
    if (2 * agree > servers.length) return true;
  }
  return false;
}

/**
 * probeEnabled: every instance of the server actions (but Restart, always
 * enabled) and the message actions on every message in flight, asked of
 * the implementation (nodes: the cluster, equal to `s`) and of the spec.
 */
export function probeEnabled(
  actions: Actions,
  nodes: ReadonlyMap<NodeId, NodeState>,
  s: SpecState,
  servers: readonly NodeId[],
  values: readonly string[],
): Disagreement | undefined {
  const say = (b: boolean): string => (b ? 'enabled' : 'not enabled');
  for (const i of servers) {
    const node = nodes.get(i) as NodeState;
    const role = s.state.get(i);
    const log = s.log.get(i) ?? [];
    const votes = s.votesGranted.get(i);
    const checks: [string, () => boolean, boolean][] = [
      [`Timeout(${i})`, () => actions.timeout(node).enabled, role !== 'Leader'],
      [`BecomeLeader(${i})`, () => actions.becomeLeader(node).enabled, role === 'Candidate' && 2 * (votes?.size ?? 0) > servers.length],
      [`AdvanceCommitIndex(${i})`, () => actions.advanceCommitIndex(node).enabled, role === 'Leader' && committable(s, i, servers)],
      [`ApplyEntry(${i})`, () => actions.applyEntry(node).enabled, (s.commitIndex.get(i) ?? 0) > (s.lastApplied.get(i) ?? 0)],
      ...values.map((v): [string, () => boolean, boolean] => [`ClientRequest(${i}, ${v})`, () => actions.clientRequest(node, v).enabled, role === 'Leader']),
    ];
    for (const j of servers) {
      checks.push([`RequestVote(${i}, ${j})`, () => actions.requestVote(node, j).enabled, role === 'Candidate' && j !== i && !(votes?.has(j) ?? false)]);
      const next = s.nextIndex.get(i)?.get(j) ?? 1;
      for (let n = 0; n <= log.length; n++) {
        checks.push([`AppendEntries(${i}, ${j}, ${n})`, () => actions.appendEntries(node, j, n).enabled, role === 'Leader' && j !== i && next + n - 1 <= log.length]);
      }
    }
    for (const [action, implementation, spec] of checks) {
      const impl = implementation();
      if (impl !== spec) return { action, implementation: say(impl), spec: say(spec) };
    }
  }
  for (const { message } of s.messages.values()) {
    const spec = specMessageAction(s, message);
    const chosen: Received = actions.receive(nodes.get(message.to) as NodeState, message);
    const impl = chosen.enabled ? chosen.action : undefined;
    if (impl !== spec) {
      return {
        action: `receive(${message.to}, ${formatMessage(message)})`,
        implementation: impl === undefined ? `no action enabled${chosen.enabled ? '' : ` (${chosen.reason.message})`}` : `${impl} enabled`,
        spec: spec === undefined ? 'no action enabled' : `${spec} enabled`,
      };
    }
  }
  return undefined;
}
