// trace: a decoded trace in typed form. The spec variables keep the spec's
// shape (one map per variable, server -> value; the network a bag), so the
// comparison with the implementation reads like the mapping table of
// traces/README.md.
import type { Entry, LogIndex, Message, NodeId, Role, Term } from '../src/index.js';

/** SPEC_VARIABLES: the variables of spec/Raft.tla, in its order. */
export const SPEC_VARIABLES = [
  'currentTerm',
  'votedFor',
  'log',
  'state',
  'commitIndex',
  'lastApplied',
  'votesGranted',
  'nextIndex',
  'matchIndex',
  'messages',
] as const;
export type SpecVariable = (typeof SPEC_VARIABLES)[number];

/** MESSAGE_ACTIONS: the actions of Next that a server takes on a message in flight addressed to it (not the network's). */
export const MESSAGE_ACTIONS = [
  'UpdateTerm',
  'HandleRequestVoteRequest',
  'HandleRequestVoteResponse',
  'HandleAppendEntriesRequest',
  'HandleAppendEntriesResponse',
  'DropStaleResponse',
] as const;
export type MessageAction = (typeof MESSAGE_ACTIONS)[number];

/** SPEC_ACTIONS: the actions of Next in spec/Raft.tla: a server's own, then those on a message (MESSAGE_ACTIONS), then the network's. */
export const SPEC_ACTIONS = [
  'Restart',
  'Timeout',
  'RequestVote',
  'BecomeLeader',
  'ClientRequest',
  'AppendEntries',
  'AdvanceCommitIndex',
  'ApplyEntry',
  ...MESSAGE_ACTIONS,
  'DropMessage',
  'DuplicateMessage',
] as const;
export type SpecAction = (typeof SPEC_ACTIONS)[number];

/** The parameters of each action, in the order spec/Raft.tla declares them. */
export type ArgsOf = {
  readonly Restart: readonly [i: NodeId];
  readonly Timeout: readonly [i: NodeId];
  readonly RequestVote: readonly [i: NodeId, j: NodeId];
  readonly BecomeLeader: readonly [i: NodeId];
  readonly ClientRequest: readonly [i: NodeId, v: string];
  readonly AppendEntries: readonly [i: NodeId, j: NodeId, n: number];
  readonly AdvanceCommitIndex: readonly [i: NodeId];
  readonly ApplyEntry: readonly [i: NodeId];
  readonly UpdateTerm: readonly [m: InFlight];
  readonly HandleRequestVoteRequest: readonly [m: InFlight];
  readonly HandleRequestVoteResponse: readonly [m: InFlight];
  readonly HandleAppendEntriesRequest: readonly [m: InFlight];
  readonly HandleAppendEntriesResponse: readonly [m: InFlight];
  readonly DropStaleResponse: readonly [m: InFlight];
  readonly DropMessage: readonly [m: InFlight];
  readonly DuplicateMessage: readonly [m: InFlight];
};

/** ActionCall: one step's action with its typed arguments. */
export type ActionCall = { readonly [A in SpecAction]: { readonly name: A; readonly args: ArgsOf[A] } }[SpecAction];

/** InFlight: a message with its canonical key (see message-key.ts). */
export type InFlight = { readonly key: string; readonly message: Message };

/** Bag: the spec's `messages`, message -> copies in flight, by canonical key. */
export type Bag = ReadonlyMap<string, { readonly message: Message; readonly copies: number }>;

export type ServerMap<A> = ReadonlyMap<NodeId, A>;

/** SpecState: the values of the spec variables in one state of a trace. */
export type SpecState = {
  readonly currentTerm: ServerMap<Term>;
  readonly votedFor: ServerMap<NodeId | null>;
  readonly log: ServerMap<readonly Entry[]>;
  readonly state: ServerMap<Role>;
  readonly commitIndex: ServerMap<LogIndex>;
  readonly lastApplied: ServerMap<LogIndex>;
  readonly votesGranted: ServerMap<ReadonlySet<NodeId>>;
  readonly nextIndex: ServerMap<ServerMap<LogIndex>>;
  readonly matchIndex: ServerMap<ServerMap<LogIndex>>;
  readonly messages: Bag;
};

/** TraceStep: state k of the trace and the action that produced it (none for state 0). */
export type TraceStep = { readonly index: number; readonly call: ActionCall | null; readonly state: SpecState };

/** Constants: the model's constants, from the header's raftref block. */
export type Constants = {
  readonly servers: readonly NodeId[];
  readonly values: readonly string[];
  readonly nil: string;
};

export type Trace = {
  /** The file it was read from (for reports). */
  readonly file: string;
  readonly model: string;
  readonly description: string;
  readonly constants: Constants;
  readonly steps: readonly TraceStep[];
  /** The parsed JSON, for writing a shrunk reproducer. */
  readonly json: unknown;
};
