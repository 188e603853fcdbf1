// enabled: do the implementation and the spec agree on which actions are
// enabled in a state, not only on what the taken one does? A trace shows
// one step out of each state; an action the implementation enables where
// the spec does not (say, L-4 committing an entry of an older term by
// counting replicas, Figure 8) is never taken by a trace, so replay alone
// cannot see it. This probe asks the implementation about every action
// instance in a state of the trace and compares with the spec's guards,
// transcribed here from spec/Raft.tla conjunct by conjunct (enabledness,
// and for a disabled instance the first false conjunct; what a step does
// is the replay's to check). enabled-spec.test.ts checks the transcription
// against the spec itself: the embedded checker's successors of corpus
// states.
import { Guard, type ActionResult, type Message, type NodeId, type NodeState, type Received, type Term } from '../src/index.js';
import type { Actions } from './actions.js';
import { formatMessage } from './format.js';
import { MESSAGE_ACTIONS, type MessageAction, type SpecAction, type SpecState } from './trace.js';

/** Probe: one action instance on which the two disagree. */
export type Disagreement = { readonly action: string; readonly implementation: string; readonly spec: string };

/** specMessageAction: the one action of Next that takes m at m.to, if any: the message action whose conjuncts hold (they exclude each other). */
export function specMessageAction(s: SpecState, m: Message): MessageAction | undefined {
  return takenBy(messageFalseGuards(s, m));
}

/** takenBy: the message action with no false conjunct, if any. */
function takenBy(falseGuards: Readonly<Record<MessageAction, Guard | undefined>>): MessageAction | undefined {
  return MESSAGE_ACTIONS.find((a) => falseGuards[a] === undefined);
}

/** messageFalseGuards: each message action's first false conjunct on m at m.to (undefined: the action that takes m). */
function messageFalseGuards(s: SpecState, m: Message): Readonly<Record<MessageAction, Guard | undefined>> {
  const conjuncts = messageConjuncts(s, m);
  return Object.fromEntries(MESSAGE_ACTIONS.map((a) => [a, firstFalse(conjuncts[a])])) as Record<MessageAction, Guard | undefined>;
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
 * Conjunct: one enabling conjunct of a spec action: the text src/ names it
 * by when it is false (Guard, quoted from spec/Raft.tla) and its value,
 * evaluated only if every conjunct before it holds (as in TLA+, a later
 * conjunct may be meaningless otherwise: nextIndex[i][j] for j = i).
 */
export type Conjunct = readonly [Guard, () => boolean];

/** holds: every conjunct holds. */
const holds = (cs: readonly Conjunct[]): boolean => cs.every(([, c]) => c());

/** firstFalse: the first conjunct, in the spec's order, that is false; undefined if the action is enabled. */
export function firstFalse(cs: readonly Conjunct[]): Guard | undefined {
  return cs.find(([, c]) => !c())?.[0];
}

/** The message actions' conjuncts: the bag holds m, and i = m.to. */
function messageConjuncts(s: SpecState, m: Message): Readonly<Record<MessageAction, Conjunct[]>> {
  const term = (): number => s.currentTerm.get(m.to) ?? 0;
  const isResponse = (): boolean => m.type === 'RequestVoteResponse' || m.type === 'AppendEntriesResponse';
  return {
    UpdateTerm: [[Guard.newerTerm, () => m.term > term()]],
    HandleRequestVoteRequest: [
      [Guard.requestVoteRequest, () => m.type === 'RequestVoteRequest'],
      [Guard.notNewerTerm, () => m.term <= term()],
    ],
    HandleRequestVoteResponse: [
      [Guard.requestVoteResponse, () => m.type === 'RequestVoteResponse'],
      [Guard.currentTerm, () => m.term === term()],
    ],
    HandleAppendEntriesRequest: [
      [Guard.appendEntriesRequest, () => m.type === 'AppendEntriesRequest'],
      [Guard.notNewerTerm, () => m.term <= term()],
    ],
    HandleAppendEntriesResponse: [
      [Guard.appendEntriesResponse, () => m.type === 'AppendEntriesResponse'],
      [Guard.currentTerm, () => m.term === term()],
      [Guard.leader, () => s.state.get(m.to) === 'Leader'],
    ],
    DropStaleResponse: [
      [Guard.response, isResponse],
      [Guard.olderTerm, () => m.term < term()],
    ],
  };
}

/**
 * SPEC_CONJUNCTS: the enabling conjuncts of each action of spec/Raft.tla,
 * transcribed in the spec's order (Restart and the network's DropMessage
 * and DuplicateMessage have none).
 */
export const SPEC_CONJUNCTS = {
  Timeout: (s: SpecState, i: NodeId): Conjunct[] => [[Guard.followerOrCandidate, () => s.state.get(i) !== 'Leader']],
  RequestVote: (s: SpecState, i: NodeId, j: NodeId): Conjunct[] => [
    [Guard.candidate, () => s.state.get(i) === 'Candidate'],
    [Guard.peerWithoutVote, () => j !== i && !(s.votesGranted.get(i)?.has(j) ?? false)],
  ],
  BecomeLeader: (s: SpecState, i: NodeId, servers: readonly NodeId[]): Conjunct[] => [
    [Guard.candidate, () => s.state.get(i) === 'Candidate'],
    [Guard.quorum, () => 2 * (s.votesGranted.get(i)?.size ?? 0) > servers.length],
  ],
  ClientRequest: (s: SpecState, i: NodeId): Conjunct[] => [[Guard.leader, () => s.state.get(i) === 'Leader']],
  AppendEntries: (s: SpecState, i: NodeId, j: NodeId, n: number): Conjunct[] => [
    [Guard.leader, () => s.state.get(i) === 'Leader'],
    [Guard.peer, () => j !== i],
    [Guard.entriesInLog, () => (s.nextIndex.get(i)?.get(j) ?? 1) + n - 1 <= (s.log.get(i) ?? []).length],
  ],
  AdvanceCommitIndex: (s: SpecState, i: NodeId, servers: readonly NodeId[]): Conjunct[] => [
    [Guard.leader, () => s.state.get(i) === 'Leader'],
    [Guard.committable, () => committable(s, i, servers)],
  ],
  ApplyEntry: (s: SpecState, i: NodeId): Conjunct[] => [[Guard.unapplied, () => (s.commitIndex.get(i) ?? 0) > (s.lastApplied.get(i) ?? 0)]],
  message: messageConjuncts,
} as const;

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

const C = SPEC_CONJUNCTS;

/** SPEC_GUARDS: the guards of spec/Raft.tla, each the conjunction of SPEC_CONJUNCTS (enabled-spec.test.ts checks them against the spec itself). */
export const SPEC_GUARDS: Guards = {
  Timeout: (s, i) => holds(C.Timeout(s, i)),
  RequestVote: (s, i, j) => holds(C.RequestVote(s, i, j)),
  BecomeLeader: (s, i, servers) => holds(C.BecomeLeader(s, i, servers)),
  ClientRequest: (s, i) => holds(C.ClientRequest(s, i)),
  AppendEntries: (s, i, j, n) => holds(C.AppendEntries(s, i, j, n)),
  AdvanceCommitIndex: (s, i, servers) => holds(C.AdvanceCommitIndex(s, i, servers)),
  ApplyEntry: (s, i) => holds(C.ApplyEntry(s, i)),
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
  const say = (falseGuard: Guard | undefined): string => (falseGuard === undefined ? 'enabled' : `not enabled (${falseGuard})`);
  for (const i of servers) {
    const node = nodes.get(i) as NodeState;
    const log = s.log.get(i) ?? [];
    const checks: [string, SpecAction, () => ActionResult, readonly Conjunct[]][] = [
      [`Timeout(${i})`, 'Timeout', () => actions.timeout(node), C.Timeout(s, i)],
      [`BecomeLeader(${i})`, 'BecomeLeader', () => actions.becomeLeader(node), C.BecomeLeader(s, i, servers)],
      [`AdvanceCommitIndex(${i})`, 'AdvanceCommitIndex', () => actions.advanceCommitIndex(node), C.AdvanceCommitIndex(s, i, servers)],
      [`ApplyEntry(${i})`, 'ApplyEntry', () => actions.applyEntry(node), C.ApplyEntry(s, i)],
      ...values.map((v): [string, SpecAction, () => ActionResult, readonly Conjunct[]] => [`ClientRequest(${i}, ${v})`, 'ClientRequest', () => actions.clientRequest(node, v), C.ClientRequest(s, i)]),
    ];
    for (const j of servers) {
      checks.push([`RequestVote(${i}, ${j})`, 'RequestVote', () => actions.requestVote(node, j), C.RequestVote(s, i, j)]);
      for (let n = 0; n <= log.length; n++) {
        checks.push([`AppendEntries(${i}, ${j}, ${n})`, 'AppendEntries', () => actions.appendEntries(node, j, n), C.AppendEntries(s, i, j, n)]);
      }
    }
    for (const [action, name, implementation, conjuncts] of checks) {
      const falseGuard = firstFalse(conjuncts);
      const wrong = answerProblem(implementation(), name, falseGuard);
      if (wrong !== undefined) return { action, implementation: wrong, spec: say(falseGuard) };
    }
  }
  for (const { message } of s.messages.values()) {
    const falseGuards = messageFalseGuards(s, message);
    const spec = takenBy(falseGuards);
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
    // replayer does): enabled exactly when it is the spec's action for m,
    // and otherwise refused for its first false conjunct.
    for (const [name, handler] of messageHandlers(actions)) {
      const falseGuard = falseGuards[name];
      const wrong = answerProblem(handler(node, message), name, falseGuard);
      if (wrong !== undefined) return { action: `${name}(${formatMessage(message)})`, implementation: wrong, spec: say(falseGuard) };
    }
    const prev0 = anyPrevLogTerm(actions, node, message, chosen);
    if (prev0 !== undefined) return prev0;
  }
  return undefined;
}

/** view: what a step decides (label, role, log, commitIndex, outputs), or the kind of refusal, as comparable text. */
function view(r: Received): string {
  if (!r.enabled) return `refused (${r.reason.kind})`;
  const { role, log, commitIndex } = r.state;
  return JSON.stringify({ action: r.action, role, log, commitIndex, outputs: r.outputs });
}

/**
 * anyPrevLogTerm: LogOk(i, m) holds at prevLogIndex 0 whatever prevLogTerm
 * says, and MessageOk lets prevLogTerm be any Nat, so a request at 0 must
 * get the same answer with another prevLogTerm (no behaviour of the spec
 * sends one: a leader's term at index 0 is 0). `answer`: receive's answer
 * to m itself.
 */
function anyPrevLogTerm(actions: Actions, node: NodeState, m: Message, answer: Received): Disagreement | undefined {
  if (m.type !== 'AppendEntriesRequest' || m.prevLogIndex !== 0) return undefined;
  const other: Message = { ...m, prevLogTerm: (m.prevLogTerm + 1) as Term };
  if (view(answer) === view(actions.receive(node, other))) return undefined;
  return {
    action: `receive(${m.to}, ${formatMessage(other)})`,
    implementation: `a different step than with prevLogTerm ${m.prevLogTerm}`,
    spec: 'the same step: LogOk holds at prevLogIndex 0 whatever prevLogTerm is',
  };
}

/**
 * answerProblem: why a result is not the spec's answer for action `name`,
 * or undefined. `falseGuard` is the spec's first false conjunct (undefined:
 * enabled). Either way the result is labelled with `name`; a disabled one
 * names that conjunct as a false guard: the input is the spec's own (a
 * state of a trace, arguments in its domain), so it is not bad input.
 */
function answerProblem(r: ActionResult, name: SpecAction, falseGuard: Guard | undefined): string | undefined {
  if (r.enabled !== (falseGuard === undefined)) return r.enabled ? 'enabled' : `not enabled (${r.reason.message})`;
  if (r.action !== name) return `${r.enabled ? 'enabled' : 'not enabled'}, but its result is labelled ${r.action}`;
  if (r.enabled) return undefined;
  if (r.reason.kind !== 'GuardFailed') return `not enabled, refused as bad input (${r.reason.kind}: ${r.reason.message}) rather than a false guard`;
  if (r.reason.guard !== falseGuard) return `not enabled, but for ${r.reason.guard}, not for the spec's first false conjunct`;
  return undefined;
}

/** messageHandlers: the implementation's function for each message action of the spec. */
export function messageHandlers(a: Actions): readonly (readonly [MessageAction, (s: NodeState, m: Message) => ActionResult])[] {
  return [
    ['UpdateTerm', a.updateTerm],
    ['HandleRequestVoteRequest', a.handleRequestVoteRequest],
    ['HandleRequestVoteResponse', a.handleRequestVoteResponse],
    ['HandleAppendEntriesRequest', a.handleAppendEntriesRequest],
    ['HandleAppendEntriesResponse', a.handleAppendEntriesResponse],
    ['DropStaleResponse', a.dropStaleResponse],
  ];
}
