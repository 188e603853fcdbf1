// enabled: do the implementation and the spec agree on which actions are
// enabled in a state, not only on what the taken one does? A trace shows
// one step out of each state; an action the implementation enables where
// the spec does not (say, L-4 committing an entry of an older term by
// counting replicas, Figure 8) is never taken by a trace, so replay alone
// cannot see it. This probe asks the implementation about every action
// instance in a state of the trace and compares with the spec's guards,
// transcribed here from spec/Raft.tla (enabledness only; what a step does
// is the replay's to check). enabled-spec.test.ts checks the transcription
// against the spec itself: the embedded checker's successors of corpus
// states.
import type { ActionResult, Message, NodeId, NodeState, Received } from '../src/index.js';
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
 * Guards: the spec's enabling conditions of the server actions and the
 * message action a message in flight takes (Restart and the network's
 * DropMessage and DuplicateMessage are always enabled).
 */
export type Guards = {
  readonly Timeout: (s: SpecState, i: NodeId) => boolean;
  readonly RequestVote: (s: SpecState, i: NodeId, j: NodeId) => boolean;
  readonly BecomeLeader: (s: SpecState, i: NodeId, servers: readonly NodeId[]) => boolean;
  readonly ClientRequest: (s: SpecState, i: NodeId, v: string) => boolean;
  readonly AppendEntries: (s: SpecState, i: NodeId, j: NodeId, n: number) => boolean;
  readonly AdvanceCommitIndex: (s: SpecState, i: NodeId, servers: readonly NodeId[]) => boolean;
  readonly ApplyEntry: (s: SpecState, i: NodeId) => boolean;
  readonly message: (s: SpecState, m: Message) => SpecAction | undefined;
};

/** SPEC_GUARDS: the guards of spec/Raft.tla, transcribed (enabled-spec.test.ts checks them against the spec itself). */
export const SPEC_GUARDS: Guards = {
  Timeout: (s, i) => s.state.get(i) !== 'Leader',
  RequestVote: (s, i, j) => s.state.get(i) === 'Candidate' && j !== i && !(s.votesGranted.get(i)?.has(j) ?? false),
  BecomeLeader: (s, i, servers) => s.state.get(i) === 'Candidate' && 2 * (s.votesGranted.get(i)?.size ?? 0) > servers.length,
  ClientRequest: (s, i) => s.state.get(i) === 'Leader',
  AppendEntries: (s, i, j, n) => s.state.get(i) === 'Leader' && j !== i && (s.nextIndex.get(i)?.get(j) ?? 1) + n - 1 <= (s.log.get(i) ?? []).length,
  AdvanceCommitIndex: (s, i, servers) => s.state.get(i) === 'Leader' && committable(s, i, servers),
  ApplyEntry: (s, i) => (s.commitIndex.get(i) ?? 0) > (s.lastApplied.get(i) ?? 0),
  message: specMessageAction,
};

/** Instance: one action instance: its name and arguments (servers, a value, n, or a message). */
export type Instance = { readonly name: SpecAction; readonly args: readonly (string | number | Message)[] };

/**
 * enabledInstances: every action instance of Next that `guards` enable in
 * `s`: the quantifiers of Next (spec/Raft.tla) over servers, values,
 * n in 0..Len(log[i]) and the messages in flight.
 */
export function enabledInstances(s: SpecState, servers: readonly NodeId[], values: readonly string[], guards: Guards = SPEC_GUARDS): Instance[] {
  const out: Instance[] = [];
  for (const i of servers) {
    out.push({ name: 'Restart', args: [i] });
    if (guards.Timeout(s, i)) out.push({ name: 'Timeout', args: [i] });
    for (const j of servers) if (guards.RequestVote(s, i, j)) out.push({ name: 'RequestVote', args: [i, j] });
    if (guards.BecomeLeader(s, i, servers)) out.push({ name: 'BecomeLeader', args: [i] });
    for (const v of values) if (guards.ClientRequest(s, i, v)) out.push({ name: 'ClientRequest', args: [i, v] });
    for (const j of servers) {
      for (let n = 0; n <= (s.log.get(i) ?? []).length; n++) if (guards.AppendEntries(s, i, j, n)) out.push({ name: 'AppendEntries', args: [i, j, n] });
    }
    if (guards.AdvanceCommitIndex(s, i, servers)) out.push({ name: 'AdvanceCommitIndex', args: [i] });
    if (guards.ApplyEntry(s, i)) out.push({ name: 'ApplyEntry', args: [i] });
  }
  for (const { message } of s.messages.values()) {
    const action = guards.message(s, message);
    if (action !== undefined) out.push({ name: action, args: [message] });
    out.push({ name: 'DropMessage', args: [message] }, { name: 'DuplicateMessage', args: [message] });
  }
  return out;
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
  const g = SPEC_GUARDS;
  for (const i of servers) {
    const node = nodes.get(i) as NodeState;
    const log = s.log.get(i) ?? [];
    const checks: [string, SpecAction, () => ActionResult, boolean][] = [
      [`Timeout(${i})`, 'Timeout', () => actions.timeout(node), g.Timeout(s, i)],
      [`BecomeLeader(${i})`, 'BecomeLeader', () => actions.becomeLeader(node), g.BecomeLeader(s, i, servers)],
      [`AdvanceCommitIndex(${i})`, 'AdvanceCommitIndex', () => actions.advanceCommitIndex(node), g.AdvanceCommitIndex(s, i, servers)],
      [`ApplyEntry(${i})`, 'ApplyEntry', () => actions.applyEntry(node), g.ApplyEntry(s, i)],
      ...values.map((v): [string, SpecAction, () => ActionResult, boolean] => [`ClientRequest(${i}, ${v})`, 'ClientRequest', () => actions.clientRequest(node, v), g.ClientRequest(s, i, v)]),
    ];
    for (const j of servers) {
      checks.push([`RequestVote(${i}, ${j})`, 'RequestVote', () => actions.requestVote(node, j), g.RequestVote(s, i, j)]);
      for (let n = 0; n <= log.length; n++) {
        checks.push([`AppendEntries(${i}, ${j}, ${n})`, 'AppendEntries', () => actions.appendEntries(node, j, n), g.AppendEntries(s, i, j, n)]);
      }
    }
    for (const [action, name, implementation, spec] of checks) {
      const wrong = answerProblem(implementation(), name, spec);
      if (wrong !== undefined) return { action, implementation: wrong, spec: say(spec) };
    }
  }
  for (const { message } of s.messages.values()) {
    const spec = g.message(s, message);
    const node = nodes.get(message.to) as NodeState;
    const chosen: Received = actions.receive(node, message);
    const impl = chosen.enabled ? chosen.action : undefined;
    if (impl !== spec) {
      return {
        action: `receive(${message.to}, ${formatMessage(message)})`,
        implementation: impl === undefined ? `no action enabled${chosen.enabled ? '' : ` (${chosen.reason.message})`}` : `${impl} enabled`,
        spec: spec === undefined ? 'no action enabled' : `${spec} enabled`,
      };
    }
    // Each handler on its own too (a driver may call one directly, as the
    // replayer does): enabled exactly when it is the spec's action for m.
    for (const [name, handler] of messageHandlers(actions)) {
      const wrong = answerProblem(handler(node, message), name, spec === name);
      if (wrong !== undefined) return { action: `${name}(${formatMessage(message)})`, implementation: wrong, spec: say(spec === name) };
    }
  }
  return undefined;
}

/**
 * answerProblem: why a result is not the spec's answer for action `name`
 * (enabled or not), or undefined. Either way the result is labelled with
 * `name`; a disabled one says which guard is false: the input is the
 * spec's own (a state of a trace, arguments in its domain), so it is not
 * bad input.
 */
function answerProblem(r: ActionResult, name: SpecAction, spec: boolean): string | undefined {
  if (r.enabled !== spec) return r.enabled ? 'enabled' : `not enabled (${r.reason.message})`;
  if (r.action !== name) return `${r.enabled ? 'enabled' : 'not enabled'}, but its result is labelled ${r.action}`;
  if (!r.enabled && r.reason.kind !== 'GuardFailed') return `not enabled, refused as bad input (${r.reason.kind}: ${r.reason.message}) rather than a false guard`;
  return undefined;
}

/** messageHandlers: the implementation's function for each message action of the spec. */
export function messageHandlers(a: Actions): readonly (readonly [SpecAction, (s: NodeState, m: Message) => ActionResult])[] {
  return [
    ['UpdateTerm', a.updateTerm],
    ['HandleRequestVoteRequest', a.handleRequestVoteRequest],
    ['HandleRequestVoteResponse', a.handleRequestVoteResponse],
    ['HandleAppendEntriesRequest', a.handleAppendEntriesRequest],
    ['HandleAppendEntriesResponse', a.handleAppendEntriesResponse],
    ['DropStaleResponse', a.dropStaleResponse],
  ];
}
