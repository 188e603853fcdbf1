// scenarios: hand-written traces for mutants that the corpus does not
// catch, each spelled out step by step from spec/Raft.tla (like
// conformance/fixtures/scenarios.ts). `node dist/conformance/mutants/write.js`
// writes them to conformance/mutants/traces/, stamped with the hash of the
// current spec/Raft.tla; `raftref mutants` replays them with the corpus.
import { aeq, aer, discard, resetRoleFields, rvq, rvr, Scenario, send, type State } from '../scenario.js';

/**
 * prev-term-mismatch-3: AE-2 refusing a request because the entry at
 * prevLogIndex has another term (the corpus only has refusals where the
 * entry is missing). s1 leads term 1 and appends [1, v1] that nobody gets;
 * s2 leads term 2 and replicates [2, v1] to s3; s3 wins term 3 with that
 * entry, so its nextIndex is 2, and its first heartbeat to s1 carries
 * prevLogIndex 1, prevLogTerm 2 against s1's [1, v1]: refused (AE-2). The
 * leader backs off (L-3b) and repairs s1's log (AE-3, AE-4, L-3a).
 */
export function prevTermMismatch3(): Scenario {
  const S = ['s1', 's2', 's3'];
  const leader = (s: State, i: string, next: number): void => {
    // C-2 (BecomeLeader): nextIndex = Len(log) + 1, matchIndex = 0.
    s.state[i] = 'Leader';
    s.votesGranted[i] = [];
    s.nextIndex[i] = Object.fromEntries(S.filter((j) => j !== i).map((j) => [j, next]));
    s.matchIndex[i] = Object.fromEntries(S.filter((j) => j !== i).map((j) => [j, 0]));
  };
  const follow = (s: State, i: string, term: number): void => {
    // ALL-2 (UpdateTerm): the new term, no vote, a follower (D-10).
    s.currentTerm[i] = term;
    s.state[i] = 'Follower';
    s.votedFor[i] = 'Nil';
    resetRoleFields(s, S, i);
  };
  const candidate = (s: State, i: string): void => {
    // F-2, C-1 (Timeout)
    s.state[i] = 'Candidate';
    s.currentTerm[i] = (s.currentTerm[i] as number) + 1;
    s.votedFor[i] = i;
    s.votesGranted[i] = [i];
  };

  const rv1 = rvq('s1', 's2', 1, 0, 0);
  const vote1 = rvr('s2', 's1', 1, true);
  const rv2 = rvq('s2', 's3', 2, 0, 0);
  const vote2 = rvr('s3', 's2', 2, true);
  const ae2 = aeq('s2', 's3', 2, 0, 0, [[2, 'v1']], 0);
  const ok2 = aer('s3', 's2', 2, true, 0, 1);
  const rv3 = rvq('s3', 's2', 3, 1, 2);
  const vote3 = rvr('s2', 's3', 3, true);
  const hb3 = aeq('s3', 's1', 3, 1, 2, [], 0);
  const fail3 = aer('s1', 's3', 3, false, 1, 0);
  const ae3 = aeq('s3', 's1', 3, 0, 0, [[2, 'v1']], 0);
  const ok3 = aer('s1', 's3', 3, true, 0, 1);

  return (
    new Scenario(S, ['v1'])
      // Term 1: s1 is elected by s2 and appends [1, v1], which it never sends.
      .step('Timeout', ['s1'], (s) => candidate(s, 's1'))
      .step('RequestVote', ['s1', 's2'], (s) => send(s, rv1))
      .step('UpdateTerm', [rv1], (s) => follow(s, 's2', 1))
      .step('HandleRequestVoteRequest', [rv1], (s) => {
        // RV-2: s2 has not voted in term 1, and both logs are empty.
        s.votedFor['s2'] = 's1';
        discard(s, rv1);
        send(s, vote1);
      })
      .step('HandleRequestVoteResponse', [vote1], (s) => {
        s.votesGranted['s1'] = ['s1', 's2'];
        discard(s, vote1);
      })
      .step('BecomeLeader', ['s1'], (s) => leader(s, 's1', 1))
      .step('ClientRequest', ['s1', 'v1'], (s) => {
        // L-2
        s.log['s1'] = [[1, 'v1']];
      })
      // Term 2: s2 is elected by s3 and replicates [2, v1] to it.
      .step('Timeout', ['s2'], (s) => candidate(s, 's2'))
      .step('RequestVote', ['s2', 's3'], (s) => send(s, rv2))
      .step('UpdateTerm', [rv2], (s) => follow(s, 's3', 2))
      .step('HandleRequestVoteRequest', [rv2], (s) => {
        s.votedFor['s3'] = 's2';
        discard(s, rv2);
        send(s, vote2);
      })
      .step('HandleRequestVoteResponse', [vote2], (s) => {
        s.votesGranted['s2'] = ['s2', 's3'];
        discard(s, vote2);
      })
      .step('BecomeLeader', ['s2'], (s) => leader(s, 's2', 1))
      .step('ClientRequest', ['s2', 'v1'], (s) => {
        s.log['s2'] = [[2, 'v1']];
      })
      .step('AppendEntries', ['s2', 's3', 1], (s) => send(s, ae2))
      .step('HandleAppendEntriesRequest', [ae2], (s) => {
        // AE-2 passes (prevLogIndex 0); AE-4 appends.
        s.log['s3'] = [[2, 'v1']];
        discard(s, ae2);
        send(s, ok2);
      })
      .step('DropMessage', [ok2], (s) => discard(s, ok2))
      // Term 3: s3 runs with [2, v1] and wins with s2's vote.
      .step('Timeout', ['s3'], (s) => candidate(s, 's3'))
      .step('RequestVote', ['s3', 's2'], (s) => send(s, rv3))
      .step('UpdateTerm', [rv3], (s) => follow(s, 's2', 3))
      .step('HandleRequestVoteRequest', [rv3], (s) => {
        // RV-2: s2 has not voted in term 3; s3's log (last term 2, index 1) is as up to date.
        s.votedFor['s2'] = 's3';
        discard(s, rv3);
        send(s, vote3);
      })
      .step('HandleRequestVoteResponse', [vote3], (s) => {
        s.votesGranted['s3'] = ['s3', 's2'];
        discard(s, vote3);
      })
      .step('BecomeLeader', ['s3'], (s) => leader(s, 's3', 2))
      // s3's heartbeat to s1, which still leads term 1.
      .step('AppendEntries', ['s3', 's1', 0], (s) => send(s, hb3))
      .step('UpdateTerm', [hb3], (s) => follow(s, 's1', 3))
      .step('HandleAppendEntriesRequest', [hb3], (s) => {
        // AE-2: s1's entry 1 has term 1, not prevLogTerm 2: refused, log unchanged.
        discard(s, hb3);
        send(s, fail3);
      })
      .step('HandleAppendEntriesResponse', [fail3], (s) => {
        // L-3b: the failure answers the probe at nextIndex 2: back to 1.
        s.nextIndex['s3'] = { s1: 1, s2: 2 };
        discard(s, fail3);
      })
      .step('AppendEntries', ['s3', 's1', 1], (s) => send(s, ae3))
      .step('HandleAppendEntriesRequest', [ae3], (s) => {
        // AE-3: [1, v1] conflicts with [2, v1] at index 1; AE-4 appends.
        s.log['s1'] = [[2, 'v1']];
        discard(s, ae3);
        send(s, ok3);
      })
      .step('HandleAppendEntriesResponse', [ok3], (s) => {
        // L-3a
        s.matchIndex['s3'] = { s1: 1, s2: 0 };
        s.nextIndex['s3'] = { s1: 2, s2: 2 };
        discard(s, ok3);
      })
  );
}

export const MUTANT_SCENARIOS = {
  'prev-term-mismatch-3': {
    model: 'hand: 3 servers',
    description: 'AE-2 refuses a heartbeat whose prevLogTerm differs from the entry at prevLogIndex',
    build: prevTermMismatch3,
  },
} as const;
