// scenarios: hand-written traces for mutants that the corpus does not
// catch, each spelled out step by step from spec/Raft.tla (like
// conformance/fixtures/scenarios.ts). `node dist/conformance/mutants/write.js`
// writes them to conformance/mutants/traces/, stamped with the hash of the
// current spec/Raft.tla; `raftref mutants` replays them with the corpus.
import { aeq, aer, discard, Scenario, send } from '../scenario.js';
import { election, replicate, updateTerm } from '../scenario-steps.js';

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
  const ae2 = aeq('s2', 's3', 2, 0, 0, [[2, 'v1']], 0);
  const ok2 = aer('s3', 's2', 2, true, 0, 1);
  const hb3 = aeq('s3', 's1', 3, 1, 2, [], 0);
  const fail3 = aer('s1', 's3', 3, false, 1, 0);

  return (
    new Scenario(['s1', 's2', 's3'], ['v1'])
      // Term 1: s1 is elected by s2 (RV-2: s2 has not voted in term 1, and
      // both logs are empty) and appends [1, v1], which it never sends.
      .play(election('s1', ['s2']))
      .step('ClientRequest', ['s1', 'v1'], (s) => {
        // L-2
        s.log['s1'] = [[1, 'v1']];
      })
      // Term 2: s2 is elected by s3 and replicates [2, v1] to it.
      .play(election('s2', ['s3']))
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
      // Term 3: s3 runs with [2, v1] and wins with s2's vote (RV-2: s2 has not
      // voted in term 3; s3's log, last term 2 at index 1, is as up to date).
      .play(election('s3', ['s2']))
      // s3's heartbeat to s1, which still leads term 1.
      .step('AppendEntries', ['s3', 's1', 0], (s) => send(s, hb3))
      .step('UpdateTerm', [hb3], (s) => updateTerm(s, 's1', 3))
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
      // AE-3: [1, v1] conflicts with [2, v1] at index 1; AE-4 appends; L-3a.
      .play(replicate('s3', 's1', 1))
  );
}

export const MUTANT_SCENARIOS = {
  'prev-term-mismatch-3': {
    model: 'hand: 3 servers',
    description: 'AE-2 refuses a heartbeat whose prevLogTerm differs from the entry at prevLogIndex',
    build: prevTermMismatch3,
  },
} as const;
