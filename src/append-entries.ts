// append-entries: the AppendEntries RPC, receiver side (AE-1 .. AE-5, C-3,
// F-1), and the leader's handling of the answers (L-3a, L-3b) (§5.3).
import { toIndex, type AppendEntriesRequest, type Entry, type Log, type LogIndex, type Message } from './codecs.js';
import { checkedFirst } from './envelope.js';
import { checkLeader } from './leader-state.js';
import { lastIndex, termAt, truncateAndAppend } from './log.js';
import { badInput, enabled, Guard, guardFailed, indexBeyondLog, type ActionResult } from './result.js';
import { indexOf, toFollower, toLeader, type NodeState } from './state.js';

/** logOk: LogOk(i, m). AE-2: the log has an entry at prevLogIndex whose term is prevLogTerm (index 0 always matches). */
export function logOk(log: Log, m: AppendEntriesRequest): boolean {
  return m.prevLogIndex === 0 || termAt(log, m.prevLogIndex) === m.prevLogTerm;
}

/**
 * newLogWrite: NewLog(log, m) as a truncate-and-append, for a log that
 * passed AE-2; undefined when NewLog leaves the log as it is. Entry k of
 * the request (1-based) goes to index prevLogIndex + k.
 *   AE-3: if an existing entry conflicts with a new one (same index,
 *         different terms), delete it and all that follow it.
 *   AE-4: append any new entries not already in the log.
 * Entries that do not conflict are kept, even past the last new entry: a
 * stale, reordered request must not erase what a newer one appended.
 */
export function newLogWrite(
  log: Log,
  m: AppendEntriesRequest,
): { readonly from: LogIndex; readonly entries: readonly Entry[] } | undefined {
  // FirstConflict, 0-based: the first new entry whose index holds an entry of another term.
  const conflict = m.entries.findIndex((e, k) => {
    const existing = termAt(log, m.prevLogIndex + k + 1);
    return existing !== undefined && existing !== e.term;
  });
  if (conflict >= 0) {
    // AE-3 then AE-4: from the conflict on, the log is the request's.
    return { from: toIndex(m.prevLogIndex + conflict + 1), entries: m.entries.slice(conflict) };
  }
  // AE-4: no conflict; append the new entries past the end of the log, if any.
  const present = log.length - m.prevLogIndex;
  if (m.entries.length <= present) return undefined;
  return { from: toIndex(log.length + 1), entries: m.entries.slice(present) };
}

/**
 * followerCommitIndex: FollowerCommitIndex(i, m). AE-5: if leaderCommit >
 * commitIndex, set commitIndex = min(leaderCommit, index of last new
 * entry). D-9: it never moves back (a late request can vouch for fewer
 * entries than are already committed).
 */
export function followerCommitIndex(commitIndex: LogIndex, m: AppendEntriesRequest): LogIndex {
  if (!(m.leaderCommit > commitIndex)) return commitIndex;
  return toIndex(Math.max(commitIndex, Math.min(m.leaderCommit, m.prevLogIndex + m.entries.length)));
}

/**
 * handleAppendEntriesRequest: HandleAppendEntriesRequest(m). F-1: answer a
 * leader's AppendEntries RPC of this term or an older one (a newer term is
 * UpdateTerm's, ALL-2).
 *   AE-1: reply false if term < currentTerm.
 *   C-3:  a candidate that hears from the leader of its term becomes a
 *         follower.
 *   AE-2: reply false if the log has no entry at prevLogIndex whose term
 *         matches prevLogTerm.
 *   AE-3, AE-4: see newLogWrite; the new entries are persisted before the
 *         reply (P-1). AE-5: see followerCommitIndex.
 * A successful reply reports the index of the last new entry as matchIndex
 * (D-2); a failed one reports 0.
 */
export const handleAppendEntriesRequest = checkedFirst('HandleAppendEntriesRequest', handleAppendEntriesRequestChecked);

/** handleAppendEntriesRequestChecked: handleAppendEntriesRequest of a message that passed checkMessage (receive checks it once). */
export function handleAppendEntriesRequestChecked(s: NodeState, m: Message): ActionResult {
  const action = 'HandleAppendEntriesRequest';
  if (m.type !== 'AppendEntriesRequest') {
    return guardFailed(action, Guard.appendEntriesRequest, `m.type = ${m.type}`);
  }
  if (m.term > s.currentTerm) {
    return guardFailed(
      action,
      Guard.notNewerTerm,
      `m.term = ${m.term} > currentTerm = ${s.currentTerm}: UpdateTerm (ALL-2) comes first`,
    );
  }
  const current = m.term === s.currentTerm;
  const reply = (success: boolean, matchIndex: number): Message => ({
    type: 'AppendEntriesResponse',
    from: s.id,
    to: m.from,
    term: s.currentTerm,
    success,
    prevLogIndex: m.prevLogIndex,
    matchIndex: toIndex(matchIndex),
  });
  // AE-1: reply false if term < currentTerm.
  if (!current) return enabled(action, s, { send: [reply(false, 0)] });
  // C-3, D-9: the sender is the leader of this term (a newer term went
  // through ALL-2 first). D-10: leaving a role drops its fields.
  const follower = toFollower(s);
  // AE-2: reply false if the log has no matching entry at prevLogIndex.
  if (!logOk(s.log, m)) return enabled(action, follower, { send: [reply(false, 0)] });
  const write = newLogWrite(s.log, m);
  const log = write === undefined ? s.log : truncateAndAppend(s.log, write.from, write.entries);
  return enabled(
    action,
    { ...follower, log, commitIndex: followerCommitIndex(s.commitIndex, m) },
    {
      persist: write === undefined ? [] : [{ write: 'log', ...write }],
      send: [reply(true, m.prevLogIndex + m.entries.length)],
    },
  );
}

/**
 * handleAppendEntriesResponse: HandleAppendEntriesResponse(m), the leader's
 * handling of an answer of its own term.
 *   L-3a: success: update nextIndex and matchIndex for the follower; both
 *         only move forward, so a reordered response cannot undo progress.
 *   L-3b: failure because of a log inconsistency: decrement nextIndex (the
 *         retry is a later AppendEntries step). A failure that answers an
 *         earlier probe than the current nextIndex is stale and ignored,
 *         and nextIndex never drops to matchIndex or below (D-5).
 */
export const handleAppendEntriesResponse = checkedFirst('HandleAppendEntriesResponse', handleAppendEntriesResponseChecked);

/** handleAppendEntriesResponseChecked: handleAppendEntriesResponse of a message that passed checkMessage. */
export function handleAppendEntriesResponseChecked(s: NodeState, m: Message): ActionResult {
  const action = 'HandleAppendEntriesResponse';
  if (m.type !== 'AppendEntriesResponse') {
    return guardFailed(action, Guard.appendEntriesResponse, `m.type = ${m.type}`);
  }
  if (m.term !== s.currentTerm) {
    const next = m.term > s.currentTerm ? 'UpdateTerm (ALL-2) comes first' : 'DropStaleResponse (D-3) discards it';
    return guardFailed(action, Guard.currentTerm, `m.term = ${m.term} # currentTerm = ${s.currentTerm}: ${next}`);
  }
  if (s.role !== 'Leader') {
    return guardFailed(action, Guard.leader, `${s.id} is a ${s.role}, not a Leader`);
  }
  const broken = checkLeader(s);
  if (broken !== undefined) return badInput(action, broken);
  const j = m.from;
  const nextIndex = indexOf(s.nextIndex, j);
  const matchIndex = indexOf(s.matchIndex, j);
  if (m.success) {
    // A follower only acknowledges entries this leader sent in this term.
    if (m.matchIndex > lastIndex(s.log)) {
      return badInput(action, indexBeyondLog('m.matchIndex', m.matchIndex, lastIndex(s.log)));
    }
    // L-3a: both indexes only move forward.
    return enabled(
      action,
      toLeader(
        s,
        new Map(s.nextIndex).set(j, toIndex(Math.max(nextIndex, m.matchIndex + 1))),
        new Map(s.matchIndex).set(j, toIndex(Math.max(matchIndex, m.matchIndex))),
      ),
    );
  }
  // L-3b, D-5: only the answer to the current probe moves nextIndex back,
  // and never to matchIndex or below.
  if (m.prevLogIndex + 1 !== nextIndex) return enabled(action, s);
  const back = toIndex(Math.max(nextIndex - 1, matchIndex + 1));
  return enabled(action, toLeader(s, new Map(s.nextIndex).set(j, back), s.matchIndex));
}
