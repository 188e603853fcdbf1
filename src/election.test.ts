// Elections (§5.2): F-2, C-1, C-2, C-4, and the start of L-3.
import t from 'tap';
import { becomeLeader, requestVote, timeout } from './election.js';
import { Guard } from './result.js';
import { candidate, follower, id, leader, log, s1, s2, s3, step } from './testing.js';

t.test('F-2 D-6 §5.2: a follower whose election timeout elapses becomes a candidate, whenever the driver says', async (t) => {
  const next = step(timeout(follower({ currentTerm: 1 }))).state;
  t.equal(next.role, 'Candidate');
});

t.test('C-1 §5.2: a new candidate increments currentTerm, votes for itself and persists both', async (t) => {
  const r = step(timeout(follower({ currentTerm: 1, votedFor: s2 })));
  t.match(r.state, { role: 'Candidate', currentTerm: 2, votedFor: s1 });
  t.same(r.state.role === 'Candidate' && [...r.state.votesGranted], [s1]);
  t.same(r.outputs.persist, [
    { write: 'currentTerm', currentTerm: 2 },
    { write: 'votedFor', votedFor: s1 },
  ]);
  t.same(r.outputs.send, [], 'the RequestVote RPCs are separate steps, after the writes');
});

t.test('C-1 §5.2: a candidate sends a peer a RequestVote RPC with its last log index and term', async (t) => {
  const r = step(requestVote(candidate({ currentTerm: 3, log: log(1, 2) }), s2));
  t.same(r.outputs.send, [
    { type: 'RequestVoteRequest', from: s1, to: s2, term: 3, candidateId: s1, lastLogIndex: 2, lastLogTerm: 2 },
  ]);
  t.same(r.outputs.persist, []);
});

t.test('C-1 §5.2: no RequestVote to a peer that granted its vote, nor to the candidate itself', async (t) => {
  const c = candidate({ votesGranted: [s1, s2] });
  t.match(requestVote(c, s2), { enabled: false, reason: { kind: 'GuardFailed', guard: Guard.peerWithoutVote } });
  t.match(requestVote(c, s1), { enabled: false, reason: { kind: 'GuardFailed', guard: Guard.peerWithoutVote } });
  t.ok(requestVote(c, s3).enabled);
});

t.test('C-1 §5.2: only a candidate sends RequestVote', async (t) => {
  t.match(requestVote(follower(), s2), { enabled: false, reason: { guard: Guard.candidate } });
  t.match(requestVote(leader(), s2), { enabled: false, reason: { guard: Guard.candidate } });
});

t.test('C-4 §5.2: a candidate whose election times out starts a new one in the next term', async (t) => {
  const r = step(timeout(candidate({ currentTerm: 4, votesGranted: [s1, s2] })));
  t.match(r.state, { role: 'Candidate', currentTerm: 5, votedFor: s1 });
  t.same(r.state.role === 'Candidate' && [...r.state.votesGranted], [s1], 'the old votes are void');
});

t.test('F-2 §5.2: a leader has no election timeout', async (t) => {
  t.match(timeout(leader()), { enabled: false, action: 'Timeout', reason: { guard: Guard.followerOrCandidate } });
});

t.test('C-2 §5.2: a candidate with votes from a majority becomes leader', async (t) => {
  const r = step(becomeLeader(candidate({ currentTerm: 2, votesGranted: [s1, s3] })));
  t.match(r.state, { role: 'Leader', currentTerm: 2 });
  t.notOk('votesGranted' in r.state, 'a leader has no votesGranted');
  t.same(r.outputs, { persist: [], send: [], apply: [] });
});

t.test('C-2 §5.2: votes from a minority are not enough', async (t) => {
  const five = [s1, s2, s3, id('s4'), id('s5')];
  t.match(becomeLeader(candidate({ servers: five, votesGranted: [s1, s2] })), {
    enabled: false,
    reason: { kind: 'GuardFailed', guard: Guard.quorum },
  });
  t.ok(becomeLeader(candidate({ servers: five, votesGranted: [s1, s2, s3] })).enabled);
  t.match(becomeLeader(candidate({ servers: [s1, s2], votesGranted: [s1] })), { enabled: false }, 'half is not a majority');
});

t.test('C-2 §5.2: a single server is a majority of itself', async (t) => {
  const c = step(timeout(follower({ servers: [s1] }))).state;
  t.match(step(becomeLeader(c)).state, { role: 'Leader' });
});

t.test('C-2 §5.2: only a candidate becomes leader', async (t) => {
  t.match(becomeLeader(follower()), { enabled: false, reason: { guard: Guard.candidate } });
  t.match(becomeLeader(leader()), { enabled: false, reason: { guard: Guard.candidate } });
});

t.test('L-3 §5.3: a new leader sets nextIndex past its last entry and matchIndex 0 for each peer', async (t) => {
  const r = step(becomeLeader(candidate({ log: log(1, 1, 2), votesGranted: [s1, s2] })));
  if (r.state.role !== 'Leader') return t.fail('not a leader');
  t.same([...r.state.nextIndex], [
    [s2, 4],
    [s3, 4],
  ]);
  t.same([...r.state.matchIndex], [
    [s2, 0],
    [s3, 0],
  ]);
});
