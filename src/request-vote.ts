// request-vote: the RequestVote RPC, receiver side (RV-1, RV-2, F-1) and
// the candidate's handling of the answers (C-2) (§5.2, §5.4.1).
import type { Log, Message, RequestVoteRequest } from './codecs.js';
import { checkedFirst } from './envelope.js';
import { lastIndex, lastTerm } from './log.js';
import { enabled, Guard, guardFailed, type ActionResult } from './result.js';
import { toCandidate, type NodeState } from './state.js';

/**
 * candidateLogUpToDate: CandidateLogUpToDate. RV-2 (§5.4.1): the
 * candidate's log is at least as up-to-date as `log`: a later last term,
 * or the same last term and at least as long.
 */
export function candidateLogUpToDate(log: Log, m: RequestVoteRequest): boolean {
  const term = lastTerm(log);
  return m.lastLogTerm > term || (m.lastLogTerm === term && m.lastLogIndex >= lastIndex(log));
}

/** grantVote: GrantVote(i, m), RV-1 and RV-2 together. */
function grantVote(s: NodeState, m: RequestVoteRequest): boolean {
  return (
    // RV-1: reply false if term < currentTerm.
    m.term === s.currentTerm &&
    // RV-2: votedFor is null or candidateId, and the candidate's log is
    // at least as up-to-date as ours.
    (s.votedFor === null || s.votedFor === m.candidateId) &&
    candidateLogUpToDate(s.log, m)
  );
}

/**
 * handleRequestVoteRequest: HandleRequestVoteRequest(m). F-1: answer a
 * candidate's RequestVote RPC of this term or an older one (a newer term
 * is UpdateTerm's, ALL-2). RV-1: reply false if term < currentTerm. RV-2:
 * grant the vote if votedFor is null or candidateId and the candidate's log
 * is at least as up-to-date; the vote is persisted before the reply (P-1).
 */
export const handleRequestVoteRequest = checkedFirst('HandleRequestVoteRequest', handleRequestVoteRequestChecked);

/** handleRequestVoteRequestChecked: handleRequestVoteRequest of a message that passed checkMessage (receive checks it once). */
export function handleRequestVoteRequestChecked(s: NodeState, m: Message): ActionResult {
  const action = 'HandleRequestVoteRequest';
  if (m.type !== 'RequestVoteRequest') {
    return guardFailed(action, Guard.requestVoteRequest, `m.type = ${m.type}`);
  }
  if (m.term > s.currentTerm) {
    return guardFailed(
      action,
      Guard.notNewerTerm,
      `m.term = ${m.term} > currentTerm = ${s.currentTerm}: UpdateTerm (ALL-2) comes first`,
    );
  }
  const grant = grantVote(s, m);
  const next = grant ? { ...s, votedFor: m.candidateId } : s;
  return enabled(action, next, {
    persist: grant && s.votedFor !== m.candidateId ? [{ write: 'votedFor', votedFor: m.candidateId }] : [],
    send: [{ type: 'RequestVoteResponse', from: s.id, to: m.from, term: s.currentTerm, voteGranted: grant }],
  });
}

/**
 * handleRequestVoteResponse: HandleRequestVoteResponse(m). C-2: a candidate
 * counts a vote granted in its current term. A response of the current
 * term that finds this server no longer a candidate (it won, or heard
 * from the new leader) is consumed and changes nothing.
 */
export const handleRequestVoteResponse = checkedFirst('HandleRequestVoteResponse', handleRequestVoteResponseChecked);

/** handleRequestVoteResponseChecked: handleRequestVoteResponse of a message that passed checkMessage. */
export function handleRequestVoteResponseChecked(s: NodeState, m: Message): ActionResult {
  const action = 'HandleRequestVoteResponse';
  if (m.type !== 'RequestVoteResponse') {
    return guardFailed(action, Guard.requestVoteResponse, `m.type = ${m.type}`);
  }
  if (m.term !== s.currentTerm) {
    const next = m.term > s.currentTerm ? 'UpdateTerm (ALL-2) comes first' : 'DropStaleResponse (D-3) discards it';
    return guardFailed(action, Guard.currentTerm, `m.term = ${m.term} # currentTerm = ${s.currentTerm}: ${next}`);
  }
  if (s.role === 'Candidate' && m.voteGranted) {
    return enabled(action, toCandidate(s, new Set([...s.votesGranted, m.from])));
  }
  return enabled(action, s);
}
