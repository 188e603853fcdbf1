// AppendEntries RPC (§5.3): AE-1 .. AE-5, C-3, F-1, D-2 on the receiver,
// L-3a, L-3b, D-5 on the leader.
import t from 'tap';
import {
  followerCommitIndex,
  handleAppendEntriesRequest,
  handleAppendEntriesResponse,
  newLogWrite,
} from './append-entries.js';
import { Guard } from './result.js';
import { aeRequest, aeResponse, candidate, follower, idx, leader, log, rvRequest, s1, s2, s3, step, term } from './testing.js';

const reply = (term: number, success: boolean, prevLogIndex: number, matchIndex: number) => [
  { type: 'AppendEntriesResponse', from: s1, to: s2, term, success, prevLogIndex, matchIndex },
];
const e = (t: number, value: string) => ({ term: term(t), value });

t.test('AE-1 §5.1: reply false if term < currentTerm', async (t) => {
  const c = candidate({ currentTerm: 3, log: log(1) });
  const r = step(handleAppendEntriesRequest(c, aeRequest({ term: 2, prevLogIndex: 1, prevLogTerm: 1, entries: log(2) })));
  t.same(r.outputs.send, reply(3, false, 1, 0));
  t.equal(r.state, c, 'a stale leader does not make a candidate step down, nor touch the log');
});

t.test('AE-2 §5.3: reply false if the log has no entry at prevLogIndex', async (t) => {
  const s = follower({ currentTerm: 2, log: log(1) });
  const r = step(handleAppendEntriesRequest(s, aeRequest({ term: 2, prevLogIndex: 2, prevLogTerm: 1, entries: log(1, 1, 2) })));
  t.same(r.outputs.send, reply(2, false, 2, 0));
  t.same(r.state.log, s.log);
  t.same(r.outputs.persist, []);
});

t.test('AE-2 §5.3: reply false if the entry at prevLogIndex has another term', async (t) => {
  const s = follower({ currentTerm: 3, log: log(1, 1), commitIndex: 1 });
  const r = step(handleAppendEntriesRequest(s, aeRequest({ term: 3, prevLogIndex: 2, prevLogTerm: 2, leaderCommit: 2 })));
  t.same(r.outputs.send, reply(3, false, 2, 0));
  t.equal(r.state.commitIndex, 1, 'AE-5 only after a match');
});

t.test('AE-2 §5.3: prevLogIndex 0 matches any log', async (t) => {
  const r = step(handleAppendEntriesRequest(follower({ log: log(1) }), aeRequest({ prevLogIndex: 0, entries: log(1) })));
  t.same(r.outputs.send, reply(1, true, 0, 1));
});

t.test('AE-3 §5.3: a conflicting entry and all that follow it are deleted', async (t) => {
  const s = follower({ currentTerm: 3, log: log(1, 1, 2, 2) });
  const m = aeRequest({ term: 3, prevLogIndex: 1, prevLogTerm: 1, entries: [e(1, 'v2'), e(3, 'x')] });
  const r = step(handleAppendEntriesRequest(s, m));
  t.same(r.state.log, [e(1, 'v1'), e(1, 'v2'), e(3, 'x')]);
  t.same(r.outputs.persist, [{ write: 'log', from: 3, entries: [e(3, 'x')] }], 'the write starts at the conflict');
  t.same(r.outputs.send, reply(3, true, 1, 3));
});

t.test('AE-4 §5.3: append any new entries not already in the log', async (t) => {
  const s = follower({ currentTerm: 2, log: log(1, 1) });
  const m = aeRequest({ term: 2, prevLogIndex: 1, prevLogTerm: 1, entries: [e(1, 'v2'), e(2, 'v3'), e(2, 'v4')] });
  const r = step(handleAppendEntriesRequest(s, m));
  t.same(r.state.log, [e(1, 'v1'), e(1, 'v2'), e(2, 'v3'), e(2, 'v4')]);
  t.same(r.outputs.persist, [{ write: 'log', from: 3, entries: [e(2, 'v3'), e(2, 'v4')] }]);
  t.same(r.outputs.send, reply(2, true, 1, 4));
});

t.test('AE-3 AE-4 §5.3: a stale, reordered request does not erase entries a newer one appended', async (t) => {
  const s = follower({ currentTerm: 2, log: log(1, 2, 2) });
  const r = step(handleAppendEntriesRequest(s, aeRequest({ term: 2, prevLogIndex: 1, prevLogTerm: 1, entries: log(1, 2).slice(1) })));
  t.same(r.state.log, s.log);
  t.same(r.outputs.persist, [], 'nothing to write');
  t.same(r.outputs.send, reply(2, true, 1, 2), 'D-2: it acknowledges only what it carried');
});

t.test('AE-3 AE-4: newLogWrite on each shape of request', async (t) => {
  const l = log(1, 1, 2);
  t.equal(newLogWrite(l, aeRequest({ prevLogIndex: 3, prevLogTerm: 2 })), undefined, 'heartbeat');
  t.same(newLogWrite(l, aeRequest({ prevLogIndex: 3, entries: log(3) })), { from: 4, entries: log(3) });
  t.same(newLogWrite(l, aeRequest({ prevLogIndex: 0, entries: log(3) })), { from: 1, entries: log(3) });
  t.same(newLogWrite([], aeRequest({ prevLogIndex: 0, entries: log(1, 1) })), { from: 1, entries: log(1, 1) });
});

t.test('AE-5 §5.3: if leaderCommit > commitIndex, set commitIndex = min(leaderCommit, index of last new entry)', async (t) => {
  const s = follower({ currentTerm: 2, log: log(1, 1, 1, 1) });
  const short = step(handleAppendEntriesRequest(s, aeRequest({ term: 2, prevLogIndex: 1, prevLogTerm: 1, entries: log(1, 1).slice(1), leaderCommit: 4 })));
  t.equal(short.state.commitIndex, 2, 'only as far as this request vouches for');
  const long = step(handleAppendEntriesRequest(s, aeRequest({ term: 2, prevLogIndex: 4, prevLogTerm: 1, leaderCommit: 3 })));
  t.equal(long.state.commitIndex, 3, 'as far as the leader has committed');
});

t.test('AE-5 D-9 §5.3: commitIndex never moves back', async (t) => {
  const m = aeRequest({ prevLogIndex: 1, leaderCommit: 5 });
  t.equal(followerCommitIndex(idx(3), m), 3, 'a request vouching for less than is committed');
  t.equal(followerCommitIndex(idx(3), aeRequest({ leaderCommit: 2 })), 3, 'leaderCommit not above commitIndex');
});

t.test('D-2: a success reports prevLogIndex + Len(entries), a failure 0', async (t) => {
  const ok = step(handleAppendEntriesRequest(follower({ log: log(1, 1) }), aeRequest({ prevLogIndex: 1, prevLogTerm: 1 })));
  t.same(ok.outputs.send, reply(1, true, 1, 1), 'a heartbeat vouches for prevLogIndex');
});

t.test('C-3 D-9 D-10 §5.2: a candidate that hears from the leader of its term becomes a follower', async (t) => {
  const r = step(handleAppendEntriesRequest(candidate({ currentTerm: 2 }), aeRequest({ term: 2 })));
  t.equal(r.state.role, 'Follower');
  t.notOk('votesGranted' in r.state, 'a follower has no votesGranted');
  const failed = step(handleAppendEntriesRequest(candidate({ currentTerm: 2 }), aeRequest({ term: 2, prevLogIndex: 1, prevLogTerm: 1 })));
  t.equal(failed.state.role, 'Follower', 'even when AE-2 fails');
});

t.test('F-1 §5.2: a follower answers the leader of its term', async (t) => {
  const r = step(handleAppendEntriesRequest(follower({ currentTerm: 2 }), aeRequest({ term: 2 })));
  t.same(r.outputs.send, reply(2, true, 0, 0));
});

t.test('F-1 ALL-2 D-3: an AppendEntries of a newer term is UpdateTerm\'s first', async (t) => {
  t.match(handleAppendEntriesRequest(follower({ currentTerm: 1 }), aeRequest({ term: 2 })), {
    enabled: false,
    reason: { kind: 'GuardFailed', guard: Guard.notNewerTerm },
  });
  t.match(handleAppendEntriesRequest(follower(), rvRequest()), { enabled: false, reason: { guard: Guard.appendEntriesRequest } });
});

t.test('L-3a §5.3: on success the leader updates nextIndex and matchIndex for the follower', async (t) => {
  const l = leader({ currentTerm: 2, log: log(1, 2, 2), nextIndex: { s2: 2 } });
  const r = step(handleAppendEntriesResponse(l, aeResponse({ term: 2, prevLogIndex: 1, matchIndex: 3 })));
  if (r.state.role !== 'Leader') return t.fail('not a leader');
  t.equal(r.state.nextIndex.get(s2), 4);
  t.equal(r.state.matchIndex.get(s2), 3);
  t.equal(r.state.nextIndex.get(s3), 4, 'other peers unchanged');
});

t.test('L-3a §5.3: a reordered, older success does not move the indexes back', async (t) => {
  const l = leader({ currentTerm: 2, log: log(1, 2, 2), nextIndex: { s2: 4 }, matchIndex: { s2: 3 } });
  const r = step(handleAppendEntriesResponse(l, aeResponse({ term: 2, prevLogIndex: 0, matchIndex: 1 })));
  if (r.state.role !== 'Leader') return t.fail('not a leader');
  t.equal(r.state.nextIndex.get(s2), 4);
  t.equal(r.state.matchIndex.get(s2), 3);
});

t.test('L-3b §5.3: after a failure because of a log inconsistency, decrement nextIndex', async (t) => {
  const l = leader({ currentTerm: 2, log: log(1, 1, 2), nextIndex: { s2: 4 } });
  const r = step(handleAppendEntriesResponse(l, aeResponse({ term: 2, success: false, prevLogIndex: 3 })));
  if (r.state.role !== 'Leader') return t.fail('not a leader');
  t.equal(r.state.nextIndex.get(s2), 3);
  t.same(r.outputs.send, [], 'the retry is a later AppendEntries step');
});

t.test('L-3b D-5: a failure answering an earlier probe is stale and ignored', async (t) => {
  const l = leader({ currentTerm: 2, log: log(1, 1, 2), nextIndex: { s2: 2 } });
  const r = step(handleAppendEntriesResponse(l, aeResponse({ term: 2, success: false, prevLogIndex: 3 })));
  t.equal(r.state, l);
});

t.test('L-3b D-5: nextIndex never drops to matchIndex or below', async (t) => {
  const l = leader({ currentTerm: 2, log: log(1, 1, 2), nextIndex: { s2: 3 }, matchIndex: { s2: 2 } });
  const r = step(handleAppendEntriesResponse(l, aeResponse({ term: 2, success: false, prevLogIndex: 2 })));
  if (r.state.role !== 'Leader') return t.fail('not a leader');
  t.equal(r.state.nextIndex.get(s2), 3);
});

t.test('L-3a L-3b: only a leader, in the response\'s term, handles an AppendEntries response', async (t) => {
  t.match(handleAppendEntriesResponse(follower({ currentTerm: 2 }), aeResponse({ term: 2 })), {
    enabled: false,
    reason: { guard: Guard.leader },
  });
  t.match(handleAppendEntriesResponse(leader({ currentTerm: 2 }), aeResponse({ term: 1 })), {
    enabled: false,
    reason: { guard: Guard.currentTerm, message: /DropStaleResponse/ },
  });
  t.match(handleAppendEntriesResponse(leader({ currentTerm: 2 }), aeResponse({ term: 3 })), {
    enabled: false,
    reason: { guard: Guard.currentTerm, message: /UpdateTerm/ },
  });
  t.match(handleAppendEntriesResponse(leader(), aeRequest()), { enabled: false, reason: { guard: Guard.appendEntriesResponse } });
});
