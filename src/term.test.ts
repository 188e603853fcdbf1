// Terms (§5.1): ALL-2 and D-3.
import t from 'tap';
import { Guard } from './result.js';
import { dropStaleResponse, updateTerm } from './term.js';
import { aeRequest, aeResponse, candidate, follower, leader, rvRequest, rvResponse, s2, step } from './testing.js';

t.test('ALL-2 §5.1: a newer term in a message: set currentTerm = T and convert to follower', async (t) => {
  const r = step(updateTerm(candidate({ currentTerm: 2 }), rvRequest({ term: 5 })));
  t.match(r.state, { role: 'Follower', currentTerm: 5, votedFor: null });
  t.notOk('votesGranted' in r.state);
  t.same(r.outputs.persist, [
    { write: 'currentTerm', currentTerm: 5 },
    { write: 'votedFor', votedFor: null },
  ]);
});

t.test('ALL-2 §5.1: a leader that sees a newer term steps down and drops its per-peer indexes', async (t) => {
  const r = step(updateTerm(leader({ currentTerm: 2 }), aeResponse({ term: 3 })));
  t.equal(r.state.role, 'Follower');
  t.notOk('nextIndex' in r.state || 'matchIndex' in r.state);
});

t.test('ALL-2 D-3: the message itself stays in flight, for a later step in the new term', async (t) => {
  const r = step(updateTerm(follower({ currentTerm: 1 }), aeRequest({ term: 2 })));
  t.same(r.outputs.send, [], 'no reply yet');
  t.same(r.outputs.persist, [{ write: 'currentTerm', currentTerm: 2 }], 'votedFor was already null');
});

t.test('ALL-2 §5.1: a term that is not newer is not adopted', async (t) => {
  t.match(updateTerm(follower({ currentTerm: 2 }), rvRequest({ term: 2 })), {
    enabled: false,
    action: 'UpdateTerm',
    reason: { guard: Guard.newerTerm },
  });
});

t.test('D-3: a response of an older term is discarded unread', async (t) => {
  const s = candidate({ currentTerm: 3 });
  for (const m of [rvResponse({ term: 2 }), aeResponse({ term: 1, from: s2 })]) {
    const r = step(dropStaleResponse(s, m));
    t.equal(r.state, s, `${m.type}: nothing changes`);
    t.same(r.outputs, { persist: [], send: [], apply: [] });
  }
});

t.test('D-3: requests and responses of the current term are not dropped', async (t) => {
  const s = follower({ currentTerm: 3 });
  t.match(dropStaleResponse(s, rvRequest({ term: 2 })), { enabled: false, reason: { guard: Guard.response } });
  t.match(dropStaleResponse(s, aeRequest({ term: 2 })), { enabled: false, reason: { guard: Guard.response } });
  t.match(dropStaleResponse(s, rvResponse({ term: 3 })), { enabled: false, reason: { guard: Guard.olderTerm } });
});
