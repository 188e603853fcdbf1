// raftref: Raft (Figure 2) as a deterministic core, one function per
// action of spec/Raft.tla. Each takes the node state and the action's
// arguments and returns the next state with its outputs as data (persist,
// then send; apply), or why the action is not enabled.
//
// DropMessage(m) and DuplicateMessage(m) are the network's actions, not a
// server's (D-1): they belong to a driver that owns the bag of messages in
// flight, so the core has no function for them. So do timers (D-6: Timeout
// is an input, taken whenever the driver says) and broadcast (D-7: see
// broadcast.ts). Membership changes, snapshots and client sessions are out
// of scope (D-11).

export { restart } from './restart.js';
export { timeout, requestVote, becomeLeader } from './election.js';
export { clientRequest, appendEntries } from './leader.js';
export { advanceCommitIndex } from './commit.js';
export { applyEntry } from './apply.js';
export { updateTerm, dropStaleResponse } from './term.js';
export { handleRequestVoteRequest, handleRequestVoteResponse } from './request-vote.js';
export { handleAppendEntriesRequest, handleAppendEntriesResponse } from './append-entries.js';
export { receive, type Received, type Rejected } from './receive.js';

export {
  NodeId,
  Term,
  LogIndex,
  Entry,
  Log,
  PersistentState,
  RequestVoteRequest,
  RequestVoteResponse,
  AppendEntriesRequest,
  AppendEntriesResponse,
  Message,
  MessageType,
} from './codecs.js';
export { decodeMessage, decodePersistentState, type Decoded, type MalformedInput } from './decode.js';
export {
  Guard,
  type ActionName,
  type ActionResult,
  type Enabled,
  type Disabled,
  type Reason,
  type GuardFailed,
  type BadInput,
  type Problem,
  type Outputs,
  type PersistWrite,
  type Applied,
} from './result.js';
export type { Config, NodeState, Follower, Candidate, Leader, Role } from './state.js';
export { MemoryStorage, applyPersist, type Storage, type PersistResult } from './storage.js';
export * from './state-machine.js';
export { kv, encodeKvCommand, decodeKvCommand, type KvCommand, type KvState, type KvResult } from './kv.js';
export { broadcast, replicate, type Broadcast } from './broadcast.js';
