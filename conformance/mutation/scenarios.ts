// scenarios: hand-written traces that kill mutants of src/ the corpus
// replay lets survive (conformance/mutation/SURVIVORS.md says which). As in
// conformance/fixtures/scenarios.ts, each step is spelled out from
// spec/Raft.tla, with the rule ids it exercises; nothing here consults src/.
// `node dist/conformance/mutation/write.js` writes conformance/mutation/traces/.
import { aeq, aer, discard, resetRoleFields, rvq, rvr, Scenario, send } from '../scenario.js';

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
  const S = ['s1', 's2', 's3'];
  const leader = (s: Parameters<typeof resetRoleFields>[0], i: string): void => {
    s.state[i] = 'Leader';
    s.votesGranted[i] = [];
  };
  const rv1 = rvq('s1', 's2', 1, 0, 0);
  const vote1 = rvr('s2', 's1', 1, true);
  const rv2 = rvq('s2', 's3', 2, 0, 0);
  const vote2 = rvr('s3', 's2', 2, true);
  const rv3 = rvq('s1', 's2', 3, 1, 1);
  const deny3 = rvr('s2', 's1', 3, false);
  return new Scenario(S, ['v1', 'v2'])
    .step('Timeout', ['s1'], (s) => {
      s.state['s1'] = 'Candidate';
      s.currentTerm['s1'] = 1;
      s.votedFor['s1'] = 's1';
      s.votesGranted['s1'] = ['s1'];
    })
    .step('RequestVote', ['s1', 's2'], (s) => send(s, rv1))
    .step('UpdateTerm', [rv1], (s) => {
      s.currentTerm['s2'] = 1;
    })
    .step('HandleRequestVoteRequest', [rv1], (s) => {
      s.votedFor['s2'] = 's1';
      discard(s, rv1);
      send(s, vote1);
    })
    .step('HandleRequestVoteResponse', [vote1], (s) => {
      s.votesGranted['s1'] = ['s1', 's2'];
      discard(s, vote1);
    })
    .step('BecomeLeader', ['s1'], (s) => leader(s, 's1'))
    .step('ClientRequest', ['s1', 'v1'], (s) => {
      s.log['s1'] = [[1, 'v1']];
    })
    // Term 2: s2 is elected by s3.
    .step('Timeout', ['s2'], (s) => {
      s.state['s2'] = 'Candidate';
      s.currentTerm['s2'] = 2;
      s.votedFor['s2'] = 's2';
      s.votesGranted['s2'] = ['s2'];
    })
    .step('RequestVote', ['s2', 's3'], (s) => send(s, rv2))
    .step('UpdateTerm', [rv2], (s) => {
      s.currentTerm['s3'] = 2;
    })
    .step('HandleRequestVoteRequest', [rv2], (s) => {
      s.votedFor['s3'] = 's2';
      discard(s, rv2);
      send(s, vote2);
    })
    .step('HandleRequestVoteResponse', [vote2], (s) => {
      s.votesGranted['s2'] = ['s2', 's3'];
      discard(s, vote2);
    })
    .step('BecomeLeader', ['s2'], (s) => leader(s, 's2'))
    .step('ClientRequest', ['s2', 'v2'], (s) => {
      s.log['s2'] = [[2, 'v2']];
    })
    // Term 3: s1 comes back and runs with a log as long as s2's.
    .step('Restart', ['s1'], (s) => {
      s.state['s1'] = 'Follower';
      resetRoleFields(s, S, 's1');
    })
    .step('Timeout', ['s1'], (s) => {
      s.state['s1'] = 'Candidate';
      s.currentTerm['s1'] = 2;
      s.votedFor['s1'] = 's1';
      s.votesGranted['s1'] = ['s1'];
    })
    .step('Timeout', ['s1'], (s) => {
      // C-4: a new election in term 3.
      s.currentTerm['s1'] = 3;
    })
    .step('RequestVote', ['s1', 's2'], (s) => send(s, rv3))
    .step('UpdateTerm', [rv3], (s) => {
      // ALL-2: s2 leaves its leadership with votedFor Nil in term 3.
      s.currentTerm['s2'] = 3;
      s.state['s2'] = 'Follower';
      s.votedFor['s2'] = 'Nil';
      resetRoleFields(s, S, 's2');
    })
    .step('HandleRequestVoteRequest', [rv3], (s) => {
      // RV-2: lastLogTerm 1 < LastTerm(log[s2]) = 2, though lastLogIndex 1 = Len(log[s2]): refused.
      discard(s, rv3);
      send(s, deny3);
    })
    .step('HandleRequestVoteResponse', [deny3], (s) => {
      // C-2: a refusal is not counted.
      discard(s, deny3);
    });
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
  const S = ['s1', 's2'];
  const rv1 = rvq('s1', 's2', 1, 0, 0);
  const vote1 = rvr('s2', 's1', 1, true);
  const rv2 = rvq('s1', 's2', 2, 1, 1);
  const vote2 = rvr('s2', 's1', 2, true);
  const probe = aeq('s1', 's2', 2, 1, 1, [], 0);
  const fail = aer('s2', 's1', 2, false, 1, 0);
  const ae = aeq('s1', 's2', 2, 0, 0, [[1, 'v1']], 0);
  const ok = aer('s2', 's1', 2, true, 0, 1);
  return new Scenario(S, ['v1'])
    .step('Timeout', ['s1'], (s) => {
      s.state['s1'] = 'Candidate';
      s.currentTerm['s1'] = 1;
      s.votedFor['s1'] = 's1';
      s.votesGranted['s1'] = ['s1'];
    })
    .step('RequestVote', ['s1', 's2'], (s) => send(s, rv1))
    .step('UpdateTerm', [rv1], (s) => {
      s.currentTerm['s2'] = 1;
    })
    .step('HandleRequestVoteRequest', [rv1], (s) => {
      s.votedFor['s2'] = 's1';
      discard(s, rv1);
      send(s, vote1);
    })
    .step('HandleRequestVoteResponse', [vote1], (s) => {
      s.votesGranted['s1'] = ['s1', 's2'];
      discard(s, vote1);
    })
    .step('BecomeLeader', ['s1'], (s) => {
      s.state['s1'] = 'Leader';
      s.votesGranted['s1'] = [];
    })
    .step('ClientRequest', ['s1', 'v1'], (s) => {
      s.log['s1'] = [[1, 'v1']];
    })
    .step('Restart', ['s1'], (s) => {
      s.state['s1'] = 'Follower';
      resetRoleFields(s, S, 's1');
    })
    .step('Timeout', ['s1'], (s) => {
      s.state['s1'] = 'Candidate';
      s.currentTerm['s1'] = 2;
      s.votesGranted['s1'] = ['s1'];
    })
    .step('RequestVote', ['s1', 's2'], (s) => send(s, rv2))
    .step('UpdateTerm', [rv2], (s) => {
      s.currentTerm['s2'] = 2;
      s.votedFor['s2'] = 'Nil';
    })
    .step('HandleRequestVoteRequest', [rv2], (s) => {
      // RV-2: s1's log (last term 1) is more up to date than s2's empty one.
      s.votedFor['s2'] = 's1';
      discard(s, rv2);
      send(s, vote2);
    })
    .step('HandleRequestVoteResponse', [vote2], (s) => {
      s.votesGranted['s1'] = ['s1', 's2'];
      discard(s, vote2);
    })
    .step('BecomeLeader', ['s1'], (s) => {
      // L-3: nextIndex = Len(log) + 1 = 2.
      s.state['s1'] = 'Leader';
      s.votesGranted['s1'] = [];
      s.nextIndex['s1'] = { s2: 2 };
      s.matchIndex['s1'] = { s2: 0 };
    })
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
    .step('AppendEntries', ['s1', 's2', 1], (s) => send(s, ae))
    .step('HandleAppendEntriesRequest', [ae], (s) => {
      s.log['s2'] = [[1, 'v1']];
      discard(s, ae);
      send(s, ok);
    })
    .step('HandleAppendEntriesResponse', [ok], (s) => {
      // L-3a
      s.nextIndex['s1'] = { s2: 2 };
      s.matchIndex['s1'] = { s2: 1 };
      discard(s, ok);
    })
    .step('HandleAppendEntriesResponse', [fail], (s) => {
      // D-5: prevLogIndex 1 + 1 = nextIndex, but Max(2 - 1, matchIndex 1 + 1) = 2: unchanged.
      discard(s, fail);
    });
}

export const MUTATION_SCENARIOS = {
  'log-deny-3': { model: 'hand: 3 servers', description: 'a vote refused for the log alone (RV-2)', build: logDeny3 },
  'dup-failure-2': { model: 'hand: 2 servers', description: 'a duplicated AppendEntries failure after the follower caught up (D-5)', build: dupFailure2 },
} as const;
