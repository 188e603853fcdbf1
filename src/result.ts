// result: what every action returns. Either the action is enabled and this
// is its step (next state plus outputs, as data), or it is not, and the
// reason says which spec guard is false or what is wrong with the input.
import type { Entry, LogIndex, Message, NodeId, Term } from './codecs.js';
import type { NodeState } from './state.js';

/** ActionName: the spec's name of each action a server performs. */
export type ActionName =
  | 'Restart'
  | 'Timeout'
  | 'RequestVote'
  | 'BecomeLeader'
  | 'ClientRequest'
  | 'AppendEntries'
  | 'AdvanceCommitIndex'
  | 'ApplyEntry'
  | 'UpdateTerm'
  | 'HandleRequestVoteRequest'
  | 'HandleRequestVoteResponse'
  | 'HandleAppendEntriesRequest'
  | 'HandleAppendEntriesResponse'
  | 'DropStaleResponse';

/**
 * PersistWrite: one write to stable storage. The log write deletes the
 * entries at index `from` and after, then appends `entries` from `from` on.
 */
export type PersistWrite =
  | { readonly write: 'currentTerm'; readonly currentTerm: Term }
  | { readonly write: 'votedFor'; readonly votedFor: NodeId | null }
  | { readonly write: 'log'; readonly from: LogIndex; readonly entries: readonly Entry[] };

/** Applied: an entry to apply to the state machine (ALL-1). */
export type Applied = { readonly index: LogIndex; readonly entry: Entry };

/**
 * Outputs: the effects of a step, as data, for the driver to perform in
 * this order: every `persist` write reaches stable storage before any of
 * the `send` messages leaves (P-1: "updated on stable storage before
 * responding to RPCs"); `apply` goes to the state machine.
 */
export type Outputs = {
  readonly persist: readonly PersistWrite[];
  readonly send: readonly Message[];
  readonly apply: readonly Applied[];
};

/** Guard: the spec conjunct that was false, quoted from spec/Raft.tla. */
export const Guard = {
  followerOrCandidate: 'state[i] \\in {Follower, Candidate}',
  candidate: 'state[i] = Candidate',
  leader: 'state[i] = Leader',
  peerWithoutVote: 'j \\in Peers(i) \\ votesGranted[i]',
  peer: 'j \\in Peers(i)',
  entriesInLog: 'nextIndex[i][j] + n - 1 <= Len(log[i])',
  quorum: 'HasQuorum(votesGranted[i])',
  committable: 'CommittableIndexes(i) # {}',
  unapplied: 'commitIndex[i] > lastApplied[i]',
  newerTerm: 'm.term > currentTerm[i]',
  notNewerTerm: 'm.term <= currentTerm[i]',
  currentTerm: 'm.term = currentTerm[i]',
  olderTerm: 'm.term < currentTerm[i]',
  requestVoteRequest: 'm.type = RequestVoteRequest',
  requestVoteResponse: 'm.type = RequestVoteResponse',
  appendEntriesRequest: 'm.type = AppendEntriesRequest',
  appendEntriesResponse: 'm.type = AppendEntriesResponse',
  response: 'm.type \\in {RequestVoteResponse, AppendEntriesResponse}',
} as const;
export type Guard = (typeof Guard)[keyof typeof Guard];

/** Problem: one malformed field: where, what was expected, what was there. */
export type Problem = { readonly path: string; readonly expected: string; readonly actual: unknown };

/** GuardFailed: the action is well-formed but the spec does not enable it. */
export type GuardFailed = { readonly kind: 'GuardFailed'; readonly guard: Guard; readonly message: string };

/**
 * BadInput: input the spec never produces, so the question of enabledness
 * does not arise: a malformed value, a server outside the configuration, a
 * message for another node, an index past the end of the log, or a node
 * state that breaks the spec's invariants.
 */
export type BadInput =
  | { readonly kind: 'MalformedInput'; readonly problems: readonly Problem[]; readonly message: string }
  | { readonly kind: 'UnknownServer'; readonly field: string; readonly server: unknown; readonly message: string }
  | { readonly kind: 'WrongAddressee'; readonly to: NodeId; readonly self: NodeId; readonly message: string }
  | {
      readonly kind: 'IndexBeyondLog';
      readonly field: string;
      readonly index: number;
      readonly lastIndex: LogIndex;
      readonly message: string;
    }
  | { readonly kind: 'InconsistentState'; readonly invariant: string; readonly message: string };

export type Reason = GuardFailed | BadInput;

/** Enabled: the action's step. */
export type Enabled = {
  readonly enabled: true;
  readonly action: ActionName;
  readonly state: NodeState;
  readonly outputs: Outputs;
};

/** Disabled: the action is not enabled, or its input is bad; nothing changed. */
export type Disabled = { readonly enabled: false; readonly action: ActionName; readonly reason: Reason };

export type ActionResult = Enabled | Disabled;

export function enabled(action: ActionName, state: NodeState, outputs: Partial<Outputs> = {}): Enabled {
  return {
    enabled: true,
    action,
    state,
    outputs: { persist: outputs.persist ?? [], send: outputs.send ?? [], apply: outputs.apply ?? [] },
  };
}

export function guardFailed(action: ActionName, guard: Guard, message: string): Disabled {
  return { enabled: false, action, reason: { kind: 'GuardFailed', guard, message } };
}

export function badInput(action: ActionName, reason: BadInput): Disabled {
  return { enabled: false, action, reason };
}

export function inconsistentState(invariant: string, message: string): BadInput {
  return { kind: 'InconsistentState', invariant, message };
}

export function indexBeyondLog(field: string, index: number, lastIndex: LogIndex): BadInput {
  return {
    kind: 'IndexBeyondLog',
    field,
    index,
    lastIndex,
    message: `${field} = ${index} is past the end of the log (last index ${lastIndex})`,
  };
}

export function unknownServer(field: string, server: unknown): BadInput {
  return {
    kind: 'UnknownServer',
    field,
    server,
    message: `${field} = ${JSON.stringify(server)} is not a server of the configuration`,
  };
}
