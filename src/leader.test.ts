// A leader's own steps (§5.2, §5.3): L-1, L-2, L-3.
import t from 'tap';
import { appendEntries, clientRequest } from './leader.js';
import { Guard } from './result.js';
import { candidate, follower, leader, log, s1, s2, s3, step, term } from './testing.js';

t.test('L-2 §5.3: a leader appends a client command to its log as an entry of its term, persisted', async (t) => {
  const r = step(clientRequest(leader({ currentTerm: 3, log: log(1) }), 'x'));
  t.same(r.state.log, [...log(1), { term: 3, value: 'x' }]);
  t.same(r.outputs.persist, [{ write: 'log', from: 2, entries: [{ term: 3, value: 'x' }] }]);
  t.same(r.outputs.send, [], 'replication is a separate AppendEntries step');
});

t.test('L-2 §5.3: only a leader takes client commands', async (t) => {
  t.match(clientRequest(follower(), 'x'), { enabled: false, action: 'ClientRequest', reason: { guard: Guard.leader } });
  t.match(clientRequest(candidate(), 'x'), { enabled: false, reason: { guard: Guard.leader } });
});

t.test('L-1 §5.2: AppendEntries with no entries is a heartbeat', async (t) => {
  const r = step(appendEntries(leader({ currentTerm: 2, log: log(1, 2), commitIndex: 1 }), s2, 0));
  t.same(r.outputs.send, [
    { type: 'AppendEntriesRequest', from: s1, to: s2, term: 2, leaderId: s1, prevLogIndex: 2, prevLogTerm: 2, entries: [], leaderCommit: 1 },
  ]);
  const behind = step(appendEntries(leader({ currentTerm: 2, log: log(1, 2), nextIndex: { s2: 2 } }), s2, 0));
  t.match(behind.outputs.send, [{ prevLogIndex: 1, prevLogTerm: 1, entries: [] }], 'a heartbeat also probes nextIndex');
});

t.test('L-3 §5.3: a leader sends the entries from nextIndex on, after the entry at nextIndex - 1', async (t) => {
  const l = leader({ currentTerm: 3, log: log(1, 2, 3), nextIndex: { s2: 2, s3: 1 } });
  const r = step(appendEntries(l, s2, 2));
  t.match(r.outputs.send, [{ to: s2, prevLogIndex: 1, prevLogTerm: 1, entries: [{ term: term(2) }, { term: term(3) }] }]);
  t.match(step(appendEntries(l, s3, 3)).outputs.send, [{ to: s3, prevLogIndex: 0, prevLogTerm: 0, entries: log(1, 2, 3) }]);
  t.equal(r.state, l, 'sending changes nothing');
});

t.test('L-3 D-7: an AppendEntries may carry fewer entries than the leader has past nextIndex', async (t) => {
  const l = leader({ currentTerm: 3, log: log(1, 2, 3), nextIndex: { s2: 1 } });
  t.match(step(appendEntries(l, s2, 1)).outputs.send, [{ prevLogIndex: 0, entries: log(1) }]);
});

t.test('L-3 D-7: but never more than it has: nextIndex[i][j] + n - 1 <= Len(log[i])', async (t) => {
  const l = leader({ currentTerm: 3, log: log(1, 2, 3), nextIndex: { s2: 2 } });
  t.ok(appendEntries(l, s2, 2).enabled);
  t.match(appendEntries(l, s2, 3), { enabled: false, reason: { kind: 'GuardFailed', guard: Guard.entriesInLog } });
  const past = leader({ log: log(1), nextIndex: { s2: 5 } });
  t.match(appendEntries(past, s2, 0), { enabled: false, reason: { guard: Guard.entriesInLog } }, 'nextIndex past the end');
});

t.test('L-3 §5.3: only a leader sends AppendEntries, and only to a peer', async (t) => {
  t.match(appendEntries(follower(), s2, 0), { enabled: false, reason: { guard: Guard.leader } });
  t.match(appendEntries(leader(), s1, 0), { enabled: false, reason: { guard: Guard.peer } });
});
