// Persistence (Figure 2 "State", §5.1): P-1.
import t from 'tap';
import type { PersistentState } from './codecs.js';
import { handleRequestVoteRequest } from './request-vote.js';
import { restart } from './restart.js';
import { applyPersist, MemoryStorage } from './storage.js';
import { follower, id, idx, log, rvRequest, s1, s2, s3, step, term } from './testing.js';
import { becomeLeader, timeout } from './election.js';
import { clientRequest } from './leader.js';

const config = { id: s1, servers: new Set([s1, s2, s3]) };

t.test('P-1 §5.1: with empty storage, restart is Init: a follower in term 0 with an empty log', async (t) => {
  const r = step(restart(config, new MemoryStorage()));
  t.same(r.state, follower({ currentTerm: 0 }));
  t.same(r.outputs, { persist: [], send: [], apply: [] });
});

t.test('P-1 §5.1: persistent state survives a restart; volatile state is reinitialised', async (t) => {
  const stored: PersistentState = { currentTerm: term(4), votedFor: s2, log: log(1, 4) };
  const r = step(restart(config, new MemoryStorage(stored)));
  t.same(r.state, follower({ currentTerm: 4, votedFor: s2, log: log(1, 4), commitIndex: 0, lastApplied: 0 }));
});

t.test('P-1 §5.1: a leader that crashes comes back as a follower with what it had persisted', async (t) => {
  const storage = new MemoryStorage();
  let s = step(restart({ id: s1, servers: new Set([s1]) }, storage)).state;
  for (const action of [timeout, becomeLeader, (x: typeof s) => clientRequest(x, 'a')]) {
    const r = step(action(s));
    t.same(applyPersist(storage, r.outputs.persist), { ok: true });
    s = r.state;
  }
  const back = step(restart({ id: s1, servers: new Set([s1]) }, storage)).state;
  t.match(back, { role: 'Follower', currentTerm: 1, votedFor: s1, log: [{ term: 1, value: 'a' }], commitIndex: 0 });
});

t.test('P-1 §5.2: a vote is persisted before the reply, so a restarted server does not vote twice', async (t) => {
  const storage = new MemoryStorage({ currentTerm: term(2), votedFor: null, log: [] });
  const s = step(restart(config, storage)).state;
  const vote = step(handleRequestVoteRequest(s, rvRequest({ term: 2, from: s2 })));
  t.same(applyPersist(storage, vote.outputs.persist), { ok: true }, 'persist first ...');
  t.match(vote.outputs.send, [{ voteGranted: true }], '... then send');
  const back = step(restart(config, storage)).state;
  const again = step(handleRequestVoteRequest(back, rvRequest({ term: 2, from: s3 })));
  t.match(again.outputs.send, [{ voteGranted: false }]);
});

t.test('P-1: applyPersist performs truncate-and-append writes in order', async (t) => {
  const storage = new MemoryStorage({ currentTerm: term(1), votedFor: null, log: log(1, 1, 1) });
  const e = { term: term(2), value: 'x' };
  t.same(
    applyPersist(storage, [
      { write: 'log', from: idx(2), entries: [e] },
      { write: 'log', from: idx(3), entries: [e, e] },
      { write: 'currentTerm', currentTerm: term(2) },
      { write: 'votedFor', votedFor: id('s3') },
    ]),
    { ok: true },
  );
  t.same(storage.load(), { currentTerm: 2, votedFor: 's3', log: [log(1)[0], e, e, e] });
});
