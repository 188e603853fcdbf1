// RequestVote RPC (§5.2, §5.4.1): RV-1, RV-2, F-1 on the receiver, C-2 on
// the candidate.
import t from 'tap';
import { candidateLogUpToDate, handleRequestVoteRequest, handleRequestVoteResponse } from './request-vote.js';
import { Guard } from './result.js';
import { aeRequest, candidate, follower, leader, log, rvRequest, rvResponse, s1, s2, s3, step } from './testing.js';

const refused = (term: number) => [{ type: 'RequestVoteResponse', from: s1, to: s2, term, voteGranted: false }];
const granted = (term: number) => [{ type: 'RequestVoteResponse', from: s1, to: s2, term, voteGranted: true }];

t.test('RV-1 §5.1: reply false if term < currentTerm', async (t) => {
  const s = follower({ currentTerm: 3 });
  const r = step(handleRequestVoteRequest(s, rvRequest({ term: 2, lastLogIndex: 9, lastLogTerm: 9 })));
  t.same(r.outputs.send, refused(3), 'the reply carries currentTerm so the candidate can update itself');
  t.equal(r.state, s, 'nothing changes');
  t.same(r.outputs.persist, []);
});

t.test('RV-2 §5.2: grant the vote if votedFor is null and the log is up to date; persist it before replying', async (t) => {
  const r = step(handleRequestVoteRequest(follower({ currentTerm: 2 }), rvRequest({ term: 2 })));
  t.equal(r.state.votedFor, s2);
  t.same(r.outputs.persist, [{ write: 'votedFor', votedFor: s2 }]);
  t.same(r.outputs.send, granted(2));
});

t.test('RV-2 §5.2: grant again to the candidate already voted for, with nothing new to persist', async (t) => {
  const r = step(handleRequestVoteRequest(follower({ currentTerm: 2, votedFor: s2 }), rvRequest({ term: 2 })));
  t.same(r.outputs.send, granted(2));
  t.same(r.outputs.persist, []);
});

t.test('RV-2 §5.2: at most one vote per term: refuse a second candidate', async (t) => {
  const r = step(handleRequestVoteRequest(follower({ currentTerm: 2, votedFor: s3 }), rvRequest({ term: 2 })));
  t.same(r.outputs.send, refused(2));
  t.equal(r.state.votedFor, s3);
});

t.test('RV-2 §5.2: a candidate or leader has voted for itself and refuses others', async (t) => {
  t.same(step(handleRequestVoteRequest(candidate({ currentTerm: 2 }), rvRequest({ term: 2 }))).outputs.send, refused(2));
  t.same(step(handleRequestVoteRequest(leader({ currentTerm: 2 }), rvRequest({ term: 2 }))).outputs.send, refused(2));
});

t.test('RV-2 §5.4.1: refuse a candidate whose last log term is older', async (t) => {
  const s = follower({ currentTerm: 3, log: log(1, 2) });
  const r = step(handleRequestVoteRequest(s, rvRequest({ term: 3, lastLogIndex: 5, lastLogTerm: 1 })));
  t.same(r.outputs.send, refused(3), 'a longer log of an older term is not more up-to-date');
});

t.test('RV-2 §5.4.1: refuse a candidate with the same last term and a shorter log', async (t) => {
  const s = follower({ currentTerm: 3, log: log(1, 2, 2) });
  t.same(step(handleRequestVoteRequest(s, rvRequest({ term: 3, lastLogIndex: 2, lastLogTerm: 2 }))).outputs.send, refused(3));
  t.same(step(handleRequestVoteRequest(s, rvRequest({ term: 3, lastLogIndex: 3, lastLogTerm: 2 }))).outputs.send, granted(3));
});

t.test('RV-2 §5.4.1: grant a candidate whose last term is later, however short its log', async (t) => {
  const s = follower({ currentTerm: 3, log: log(1, 1, 1) });
  t.same(step(handleRequestVoteRequest(s, rvRequest({ term: 3, lastLogIndex: 1, lastLogTerm: 2 }))).outputs.send, granted(3));
});

t.test('RV-2 §5.4.1: candidateLogUpToDate compares last term, then length', async (t) => {
  const l = log(1, 2);
  t.ok(candidateLogUpToDate(l, rvRequest({ lastLogTerm: 3, lastLogIndex: 0 })));
  t.ok(candidateLogUpToDate(l, rvRequest({ lastLogTerm: 2, lastLogIndex: 2 })));
  t.notOk(candidateLogUpToDate(l, rvRequest({ lastLogTerm: 2, lastLogIndex: 1 })));
  t.notOk(candidateLogUpToDate(l, rvRequest({ lastLogTerm: 1, lastLogIndex: 9 })));
  t.ok(candidateLogUpToDate([], rvRequest({ lastLogTerm: 0, lastLogIndex: 0 })), 'two empty logs are equally up-to-date');
});

t.test('F-1 ALL-2 D-3: a RequestVote of a newer term is UpdateTerm\'s first; this handler is not enabled', async (t) => {
  t.match(handleRequestVoteRequest(follower({ currentTerm: 1 }), rvRequest({ term: 2 })), {
    enabled: false,
    action: 'HandleRequestVoteRequest',
    reason: { kind: 'GuardFailed', guard: Guard.notNewerTerm },
  });
});

t.test('HandleRequestVoteRequest is only for RequestVote requests', async (t) => {
  t.match(handleRequestVoteRequest(follower(), aeRequest()), { enabled: false, reason: { guard: Guard.requestVoteRequest } });
});

t.test('C-2 §5.2: a candidate counts a vote granted in its current term', async (t) => {
  const r = step(handleRequestVoteResponse(candidate({ currentTerm: 2 }), rvResponse({ term: 2, from: s3 })));
  t.same(r.state.role === 'Candidate' && [...r.state.votesGranted], [s1, s3]);
  t.same(r.outputs, { persist: [], send: [], apply: [] });
});

t.test('C-2 §5.2: a refused vote is consumed and not counted', async (t) => {
  const c = candidate({ currentTerm: 2 });
  const r = step(handleRequestVoteResponse(c, rvResponse({ term: 2, voteGranted: false })));
  t.equal(r.state, c);
});

t.test('C-2 §5.2: a vote that finds the server no longer a candidate changes nothing', async (t) => {
  for (const s of [follower({ currentTerm: 2 }), leader({ currentTerm: 2 })]) {
    const r = step(handleRequestVoteResponse(s, rvResponse({ term: 2 })));
    t.equal(r.state, s, `${s.role}: unchanged`);
  }
});

t.test('C-2 D-3: a vote of another term is not counted here', async (t) => {
  const c = candidate({ currentTerm: 2 });
  t.match(handleRequestVoteResponse(c, rvResponse({ term: 1 })), {
    enabled: false,
    reason: { guard: Guard.currentTerm, message: /DropStaleResponse/ },
  });
  t.match(handleRequestVoteResponse(c, rvResponse({ term: 3 })), {
    enabled: false,
    reason: { guard: Guard.currentTerm, message: /UpdateTerm/ },
  });
  t.match(handleRequestVoteResponse(c, rvRequest({ term: 2 })), { enabled: false, reason: { guard: Guard.requestVoteResponse } });
});
