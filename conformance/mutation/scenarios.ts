// scenarios: hand-written traces that kill mutants of src/ the corpus
// replay lets survive (conformance/mutation/SURVIVORS.md says which). As in
// conformance/fixtures/scenarios.ts, each step is spelled out from
// spec/Raft.tla, with the rule ids it exercises; nothing here consults src/.
// `node dist/conformance/mutation/write.js` writes conformance/mutation/traces/.
import { aeq, aer, discard, rvq, rvr, Scenario, send } from '../scenario.js';
import { becomeCandidate, election, replicate, restart, updateTerm } from '../scenario-steps.js';

/**
 * log-deny-3: a vote refused for the log alone (RV-2, §5.4.1), where the
 * candidate's log is as long as the voter's but its last term is older.
 * s1 leads term 1 and appends v1 that nobody gets; s2 is elected in term 2
 * by s3 and appends v2. s1 restarts (P-1), times out twice (F-2, C-4) and
 * asks s2 in term 3 with lastLogIndex 1, lastLogTerm 1. s2 adopts term 3
 * with votedFor Nil (ALL-2), so only the log can refuse: its last term 2
 * is newer than 1, even though the two logs have the same length. The
 * refusal is not counted (C-2).
 */
export function logDeny3(): Scenario {
  const rv3 = rvq('s1', 's2', 3, 1, 1);
  const deny3 = rvr('s2', 's1', 3, false);
  return (
    new Scenario(['s1', 's2', 's3'], ['v1', 'v2'])
      .play(election('s1', ['s2']))
      .step('ClientRequest', ['s1', 'v1'], (s) => {
        s.log['s1'] = [[1, 'v1']];
      })
      // Term 2: s2 is elected by s3.
      .play(election('s2', ['s3']))
      .step('ClientRequest', ['s2', 'v2'], (s) => {
        s.log['s2'] = [[2, 'v2']];
      })
      // Term 3: s1 comes back and runs with a log as long as s2's.
      .step('Restart', ['s1'], (s) => restart(s, 's1'))
      .step('Timeout', ['s1'], (s) => becomeCandidate(s, 's1'))
      // C-4: a new election in term 3.
      .step('Timeout', ['s1'], (s) => becomeCandidate(s, 's1'))
      .step('RequestVote', ['s1', 's2'], (s) => send(s, rv3))
      // ALL-2: s2 leaves its leadership with votedFor Nil in term 3.
      .step('UpdateTerm', [rv3], (s) => updateTerm(s, 's2', 3))
      .step('HandleRequestVoteRequest', [rv3], (s) => {
        // RV-2: lastLogTerm 1 < LastTerm(log[s2]) = 2, though lastLogIndex 1 = Len(log[s2]): refused.
        discard(s, rv3);
        send(s, deny3);
      })
      .step('HandleRequestVoteResponse', [deny3], (s) => {
        // C-2: a refusal is not counted.
        discard(s, deny3);
      })
  );
}

/**
 * dup-failure-2: a duplicated failure answers the current probe again after
 * the follower has caught up (D-5). s1 leads term 1 and appends v1, which
 * nobody gets; it restarts (P-1) and wins term 2 with its log, so
 * nextIndex[s2] = 2 (L-3). The heartbeat fails on s2's empty log (AE-2) and
 * the network duplicates the failure (D-1). The first copy backs nextIndex
 * off to 1 (L-3b), v1 is replicated (AE-4, L-3a: nextIndex 2, matchIndex
 * 1), and then the second copy arrives: its prevLogIndex 1 + 1 is nextIndex
 * again, but nextIndex never drops to matchIndex or below, so it stays 2.
 */
export function dupFailure2(): Scenario {
  const probe = aeq('s1', 's2', 2, 1, 1, [], 0);
  const fail = aer('s2', 's1', 2, false, 1, 0);
  return (
    new Scenario(['s1', 's2'], ['v1'])
      .play(election('s1', ['s2']))
      .step('ClientRequest', ['s1', 'v1'], (s) => {
        s.log['s1'] = [[1, 'v1']];
      })
      .step('Restart', ['s1'], (s) => restart(s, 's1'))
      // Term 2. RV-2: s1's log (last term 1) is more up to date than s2's
      // empty one. L-3: nextIndex = Len(log) + 1 = 2.
      .play(election('s1', ['s2']))
      .step('AppendEntries', ['s1', 's2', 0], (s) => send(s, probe))
      .step('HandleAppendEntriesRequest', [probe], (s) => {
        // AE-2: s2 has no entry at index 1.
        discard(s, probe);
        send(s, fail);
      })
      .step('DuplicateMessage', [fail], (s) => send(s, fail))
      .step('HandleAppendEntriesResponse', [fail], (s) => {
        // L-3b: the answer to the current probe: nextIndex = Max(2 - 1, 0 + 1) = 1.
        s.nextIndex['s1'] = { s2: 1 };
        discard(s, fail);
      })
      // AE-4, L-3a: nextIndex 2, matchIndex 1.
      .play(replicate('s1', 's2', 1))
      .step('HandleAppendEntriesResponse', [fail], (s) => {
        // D-5: prevLogIndex 1 + 1 = nextIndex, but Max(2 - 1, matchIndex 1 + 1) = 2: unchanged.
        discard(s, fail);
      })
  );
}

export const MUTATION_SCENARIOS = {
  'log-deny-3': { model: 'hand: 3 servers', description: 'a vote refused for the log alone (RV-2)', build: logDeny3 },
  'dup-failure-2': { model: 'hand: 2 servers', description: 'a duplicated AppendEntries failure after the follower caught up (D-5)', build: dupFailure2 },
} as const;
