// election: a follower or candidate starts an election (F-2, C-1, C-4),
// asks each peer for its vote (C-1) and wins with a majority (C-2) (§5.2).
import { toIndex, toTerm, type LogIndex, type NodeId } from './codecs.js';
import { lastIndex, lastTerm } from './log.js';
import { isQuorum } from './quorum.js';
import { badInput, enabled, Guard, guardFailed, unknownServer, type ActionResult } from './result.js';
import { peers, toCandidate, toLeader, type NodeState } from './state.js';

/**
 * timeout: Timeout(i). F-2: a follower that hears from no leader for an
 * election timeout becomes a candidate; C-4: so does a candidate whose
 * election timed out. C-1: the candidate increments currentTerm and votes
 * for itself; both are persisted before any RequestVote is sent (P-1).
 * D-6: there is no timer here; the driver decides when a timeout elapses.
 */
export function timeout(s: NodeState): ActionResult {
  if (s.role === 'Leader') {
    return guardFailed('Timeout', Guard.followerOrCandidate, 'a leader has no election timeout');
  }
  const currentTerm = toTerm(s.currentTerm + 1);
  const next = toCandidate({ ...s, currentTerm, votedFor: s.id }, new Set([s.id]));
  return enabled('Timeout', next, {
    persist: [
      { write: 'currentTerm', currentTerm },
      { write: 'votedFor', votedFor: s.id },
    ],
  });
}

/**
 * requestVote: RequestVote(i, j). C-1: a candidate sends a RequestVote RPC
 * to peer j, which has not granted its vote yet, carrying its last log
 * index and term for RV-2. One peer a step (D-7); a driver broadcasts.
 */
export function requestVote(s: NodeState, j: NodeId): ActionResult {
  if (!s.servers.has(j)) return badInput('RequestVote', unknownServer('j', j));
  if (s.role !== 'Candidate') {
    return guardFailed('RequestVote', Guard.candidate, `${s.id} is a ${s.role}, not a Candidate`);
  }
  if (j === s.id || s.votesGranted.has(j)) {
    const why = j === s.id ? `${j} is this server, not a peer` : `${j} has already granted its vote`;
    return guardFailed('RequestVote', Guard.peerWithoutVote, why);
  }
  return enabled('RequestVote', s, {
    send: [
      {
        type: 'RequestVoteRequest',
        from: s.id,
        to: j,
        term: s.currentTerm,
        candidateId: s.id,
        lastLogIndex: lastIndex(s.log),
        lastLogTerm: lastTerm(s.log),
      },
    ],
  });
}

/**
 * becomeLeader: BecomeLeader(i). C-2: a candidate with votes from a
 * majority of servers (its own included) becomes leader; L-3 starts from
 * nextIndex just past its last entry and matchIndex 0 for every peer.
 * L-1 (the first heartbeats) are AppendEntries steps.
 */
export function becomeLeader(s: NodeState): ActionResult {
  if (s.role !== 'Candidate') {
    return guardFailed('BecomeLeader', Guard.candidate, `${s.id} is a ${s.role}, not a Candidate`);
  }
  if (!isQuorum(s.votesGranted, s.servers)) {
    return guardFailed(
      'BecomeLeader',
      Guard.quorum,
      `votes from [${[...s.votesGranted].join(', ')}] are not a majority of ${s.servers.size} servers`,
    );
  }
  const next = toIndex(lastIndex(s.log) + 1);
  const nextIndex = new Map<NodeId, LogIndex>(peers(s).map((j) => [j, next]));
  const matchIndex = new Map<NodeId, LogIndex>(peers(s).map((j) => [j, toIndex(0)]));
  return enabled('BecomeLeader', toLeader(s, nextIndex, matchIndex));
}
