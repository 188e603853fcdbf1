// The commit rule (§5.3, §5.4.2): L-4 and D-4, with a property test against
// the spec's definition, written as literally as possible.
import fc from 'fast-check';
import t from 'tap';
import type { Entry } from './codecs.js';
import { advanceCommitIndex, committableIndex } from './commit.js';
import { Guard } from './result.js';
import { follower, id, leader, log, s1, step, term } from './testing.js';

t.test('L-4 §5.3: commit an entry of the current term stored on a majority', async (t) => {
  const l = leader({ currentTerm: 2, log: log(1, 2), matchIndex: { s2: 2 } });
  t.equal(step(advanceCommitIndex(l)).state.commitIndex, 2);
});

t.test('L-4 §5.4.2: never commit an entry of an older term by counting replicas (Figure 8)', async (t) => {
  const l = leader({ currentTerm: 4, log: log(1, 2), matchIndex: { s2: 2, s3: 2 } });
  t.match(advanceCommitIndex(l), { enabled: false, reason: { kind: 'GuardFailed', guard: Guard.committable } });
});

t.test('L-4 §5.4.2: an older entry is committed with the first entry of the current term after it', async (t) => {
  const l = leader({ currentTerm: 4, log: log(1, 2, 4), matchIndex: { s2: 3 } });
  t.equal(step(advanceCommitIndex(l)).state.commitIndex, 3);
});

t.test('D-4: the commitIndex moves to the largest committable index in one step', async (t) => {
  const five = [s1, id('s2'), id('s3'), id('s4'), id('s5')];
  const l = leader({ servers: five, currentTerm: 2, log: log(2, 2, 2, 2), matchIndex: { s2: 4, s3: 3, s4: 1 } });
  t.equal(step(advanceCommitIndex(l)).state.commitIndex, 3, 's1, s2, s3 hold index 3; only s1, s2 hold 4');
});

t.test('L-4 §5.3: no majority, no commit; only a leader commits', async (t) => {
  t.match(advanceCommitIndex(leader({ currentTerm: 2, log: log(2) })), { enabled: false, reason: { guard: Guard.committable } });
  t.match(advanceCommitIndex(leader({ currentTerm: 2, log: log(2), commitIndex: 1, matchIndex: { s2: 1 } })), {
    enabled: false,
    reason: { guard: Guard.committable },
  }, 'nothing above commitIndex');
  t.match(advanceCommitIndex(follower()), { enabled: false, reason: { guard: Guard.leader } });
});

// The spec's CommittableIndexes(i), literally: every N, every quorum count.
function reference(l: ReturnType<typeof leader>): number | undefined {
  const candidates: number[] = [];
  for (let n = l.commitIndex + 1; n <= l.log.length; n += 1) {
    const agree = [l.id, ...[...l.matchIndex].filter(([, m]) => m >= n).map(([j]) => j)];
    if (2 * agree.length > l.servers.size && l.log[n - 1]?.term === l.currentTerm) candidates.push(n);
  }
  return candidates.length === 0 ? undefined : Math.max(...candidates);
}

t.test('L-4 D-4 property: committableIndex agrees with the spec\'s definition', async (t) => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 7 }),
      fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 8 }),
      fc.integer({ min: 0, max: 4 }),
      fc.array(fc.nat({ max: 9 }), { minLength: 6, maxLength: 6 }),
      fc.nat({ max: 8 }),
      (size, terms, currentTerm, matches, commit) => {
        const servers = Array.from({ length: size }, (_, k) => id(`s${k + 1}`));
        const entries: Entry[] = terms.map((x) => ({ term: term(x), value: 'v' }));
        const matchIndex = Object.fromEntries(servers.slice(1).map((j, k) => [j, Math.min(matches[k] ?? 0, entries.length)]));
        const l = leader({ servers, currentTerm, log: entries, matchIndex, commitIndex: Math.min(commit, entries.length) });
        return committableIndex(l) === reference(l);
      },
    ),
    { numRuns: 3000 },
  );
  t.pass('3000 random leaders agree');
});
