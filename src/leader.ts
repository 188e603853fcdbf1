// leader: a leader's own steps: take a client's command (L-2) and send a
// peer the entries it lacks, or a heartbeat (L-1, L-3) (§5.3).
import { toIndex, type NodeId } from './codecs.js';
import { malformed } from './decode.js';
import { checkLeader } from './leader-state.js';
import { entriesFrom, lastIndex, termAt } from './log.js';
import { badInput, enabled, Guard, guardFailed, indexBeyondLog, unknownServer, type ActionResult } from './result.js';
import { indexOf, type NodeState } from './state.js';

/**
 * clientRequest: ClientRequest(i, v). L-2: a leader appends the client's
 * command v to its log as an entry of its current term; the entry is
 * persisted before it is sent to anyone (P-1). It answers the client once
 * the entry is applied (ALL-1), which is the driver's business.
 */
export function clientRequest(s: NodeState, v: string): ActionResult {
  if (typeof v !== 'string') {
    return badInput('ClientRequest', malformed('command', [{ path: 'v', expected: 'string', actual: v }]));
  }
  if (s.role !== 'Leader') {
    return guardFailed('ClientRequest', Guard.leader, `${s.id} is a ${s.role}, not a Leader`);
  }
  const entry = { term: s.currentTerm, value: v };
  return enabled(
    'ClientRequest',
    { ...s, log: [...s.log, entry] },
    { persist: [{ write: 'log', from: toIndex(lastIndex(s.log) + 1), entries: [entry] }] },
  );
}

/**
 * appendEntries: AppendEntries(i, j). L-3: a leader sends peer j every
 * entry from nextIndex[j] on, with the index and term of the entry before
 * them for AE-2; L-1: with no entries (nextIndex past the end of the log)
 * it is a heartbeat. One peer a step; a driver broadcasts.
 */
export function appendEntries(s: NodeState, j: NodeId): ActionResult {
  const action = 'AppendEntries';
  if (!s.servers.has(j)) return badInput(action, unknownServer('j', j));
  if (s.role !== 'Leader') return guardFailed(action, Guard.leader, `${s.id} is a ${s.role}, not a Leader`);
  if (j === s.id) return guardFailed(action, Guard.peer, `${j} is this server, not a peer`);
  const broken = checkLeader(s);
  if (broken !== undefined) return badInput(action, broken);
  const nextIndex = indexOf(s.nextIndex, j);
  const prevLogIndex = toIndex(nextIndex - 1);
  const prevLogTerm = termAt(s.log, prevLogIndex);
  if (prevLogTerm === undefined) {
    return badInput(action, indexBeyondLog(`nextIndex[${j}] - 1`, prevLogIndex, lastIndex(s.log)));
  }
  return enabled(action, s, {
    send: [
      {
        type: 'AppendEntriesRequest',
        from: s.id,
        to: j,
        term: s.currentTerm,
        leaderId: s.id,
        prevLogIndex,
        prevLogTerm,
        entries: entriesFrom(s.log, nextIndex),
        leaderCommit: s.commitIndex,
      },
    ],
  });
}
