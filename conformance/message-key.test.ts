// The bag's keys: one per message record, whatever the field order; a
// different value or an extra field is a different message.
import t from 'tap';
import { keyOf } from './message-key.js';

const m = { type: 'AppendEntriesRequest', from: 's1', to: 's2', term: 1, leaderId: 's1', prevLogIndex: 0, prevLogTerm: 0, entries: [{ term: 1, value: 'v1' }], leaderCommit: 0 };

t.test('the same record in any field order has one key', async (t) => {
  const reversed = Object.fromEntries(Object.entries(m).reverse());
  t.equal(keyOf(reversed), keyOf(m));
  t.equal(keyOf({ ...m, entries: [{ value: 'v1', term: 1 }] }), keyOf(m));
});

t.test('a different value, an extra or a missing field is another message', async (t) => {
  const keys = new Set([
    keyOf(m),
    keyOf({ ...m, term: 2 }),
    keyOf({ ...m, entries: [] }),
    keyOf({ ...m, entries: [{ term: 1, value: 'v2' }] }),
    keyOf({ ...m, extra: 0 }),
    keyOf({ ...m, leaderCommit: undefined }),
    keyOf({ ...m, from: 's3' }),
    keyOf({ ...m, term: '1' }),
  ]);
  t.equal(keys.size, 8);
});

t.test('strings are quoted, so no value can forge a separator', async (t) => {
  t.not(keyOf({ type: 'X', a: 'b;c:d' }), keyOf({ type: 'X', a: 'b', c: 'd' }));
});

t.test('strings are quoted as JSON quotes them, escapes included', async (t) => {
  for (const s of ['s1', '', 'a"b', 'a\\b', 'tab\there', 'line\nbreak', '\u0001', 'é', '\ud83d\ude00', '\ud800 alone']) {
    t.equal(keyOf({ type: 'X', a: s }), `[a:${JSON.stringify(s)};type:"X";]`, JSON.stringify(s));
  }
});
