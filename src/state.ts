// state: the state of one server, role by role. The spec's per-server
// variables map to fields as follows:
//
//   spec variable        field             role
//   currentTerm[i]       currentTerm       all (persistent)
//   votedFor[i]          votedFor          all (persistent; Nil is null)
//   log[i]               log               all (persistent)
//   state[i]             role              all
//   commitIndex[i]       commitIndex       all (volatile)
//   lastApplied[i]       lastApplied       all (volatile)
//   votesGranted[i]      votesGranted      Candidate only
//   nextIndex[i]         nextIndex         Leader only, over Peers(i)
//   matchIndex[i]        matchIndex        Leader only, over Peers(i)
//   Server               servers           all (the configuration)
//
// D-10: the spec resets votesGranted, nextIndex and matchIndex to their
// initial values when a server leaves the role that uses them
// (RoleFieldsClean); here those fields exist only on their role, so a
// follower with a nextIndex cannot be written down.
import type { Log, LogIndex, NodeId, Term } from './codecs.js';

/** Config: this server and the cluster configuration (the spec's Server), which includes it. */
export type Config = { readonly id: NodeId; readonly servers: ReadonlySet<NodeId> };

type Common = Config & {
  readonly currentTerm: Term;
  readonly votedFor: NodeId | null;
  readonly log: Log;
  readonly commitIndex: LogIndex;
  readonly lastApplied: LogIndex;
};

export type Follower = Common & {
  readonly role: 'Follower';
  readonly votesGranted?: never;
  readonly nextIndex?: never;
  readonly matchIndex?: never;
};

export type Candidate = Common & {
  readonly role: 'Candidate';
  readonly votesGranted: ReadonlySet<NodeId>;
  readonly nextIndex?: never;
  readonly matchIndex?: never;
};

export type Leader = Common & {
  readonly role: 'Leader';
  readonly votesGranted?: never;
  readonly nextIndex: ReadonlyMap<NodeId, LogIndex>;
  readonly matchIndex: ReadonlyMap<NodeId, LogIndex>;
};

export type NodeState = Follower | Candidate | Leader;
export type Role = NodeState['role'];

/** peers: Peers(i), the servers other than this one. */
export function peers(s: Config): NodeId[] {
  return [...s.servers].filter((j) => j !== s.id);
}

/** common: the fields every role has; leaving a role drops the rest. */
function common(s: NodeState): Common {
  const { id, servers, currentTerm, votedFor, log, commitIndex, lastApplied } = s;
  return { id, servers, currentTerm, votedFor, log, commitIndex, lastApplied };
}

/** toFollower: s as a follower, without any candidate or leader field. */
export function toFollower(s: NodeState): Follower {
  return { ...common(s), role: 'Follower' };
}

/** toCandidate: s as a candidate with the given votes. */
export function toCandidate(s: NodeState, votesGranted: ReadonlySet<NodeId>): Candidate {
  return { ...common(s), role: 'Candidate', votesGranted };
}

/** toLeader: s as a leader with the given per-peer indexes. */
export function toLeader(
  s: NodeState,
  nextIndex: ReadonlyMap<NodeId, LogIndex>,
  matchIndex: ReadonlyMap<NodeId, LogIndex>,
): Leader {
  return { ...common(s), role: 'Leader', nextIndex, matchIndex };
}

/** indexOf: a leader's nextIndex or matchIndex for peer j; callers check the maps with checkLeader first. */
export function indexOf(map: ReadonlyMap<NodeId, LogIndex>, j: NodeId): LogIndex {
  return map.get(j) ?? (0 as LogIndex);
}
