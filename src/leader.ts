// leader: a leader's own steps: take a client's command (L-2) and send a
// peer entries it lacks, or a heartbeat (L-1, L-3) (§5.3).
import { toIndex, type NodeId } from './codecs.js';
import { malformed } from './decode.js';
import { checkLeader } from './leader-state.js';
import { lastIndex, termAt } from './log.js';
import { badInput, enabled, Guard, guardFailed, unknownServer, type ActionResult } from './result.js';
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
 * appendEntries: AppendEntries(i, j, n). L-3: a leader sends peer j the n
 * entries that start at nextIndex[j], with the index and term of the entry
 * before them for AE-2; L-1: with n = 0 it is a heartbeat. D-7: n may be
 * less than all the entries past nextIndex[j], and one peer is sent to a
 * step; a driver broadcasts (see broadcast.ts, sendAll).
 */
export function appendEntries(s: NodeState, j: NodeId, n: number): ActionResult {
  const action = 'AppendEntries';
  if (!s.servers.has(j)) return badInput(action, unknownServer('j', j));
  if (!Number.isSafeInteger(n) || n < 0) {
    return badInput(action, malformed('AppendEntries', [{ path: 'n', expected: 'a non-negative integer', actual: n }]));
  }
  if (s.role !== 'Leader') return guardFailed(action, Guard.leader, `${s.id} is a ${s.role}, not a Leader`);
  if (j === s.id) return guardFailed(action, Guard.peer, `${j} is this server, not a peer`);
  const broken = checkLeader(s);
  if (broken !== undefined) return badInput(action, broken);
  const nextIndex = indexOf(s.nextIndex, j);
  const prevLogIndex = toIndex(nextIndex - 1);
  const prevLogTerm = termAt(s.log, prevLogIndex);
  // prevLogTerm is undefined only when nextIndex - 1 is past the end, which fails the guard for every n.
  if (prevLogTerm === undefined || nextIndex + n - 1 > lastIndex(s.log)) {
    return guardFailed(
      action,
      Guard.entriesInLog,
      `nextIndex[${j}] = ${nextIndex}: the log (last index ${lastIndex(s.log)}) has no ${n} entries from there`,
    );
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
        entries: s.log.slice(prevLogIndex, prevLogIndex + n),
        leaderCommit: s.commitIndex,
      },
    ],
  });
}
