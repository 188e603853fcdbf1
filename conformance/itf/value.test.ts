import t from 'tap';
import { asFunction, canonical, compareItf, fromTla, int, intOf, itfKey, mapGet } from './value.js';

t.test('fromTla: every kind of tla-checker value', async (t) => {
  t.same(fromTla(42), { '#bigint': '42' }, 'integer');
  t.same(fromTla(-3), { '#bigint': '-3' }, 'negative integer');
  t.equal(fromTla('Follower'), 'Follower', 'string');
  t.equal(fromTla(true), true, 'boolean');
  t.equal(fromTla({ __model: 's1' }), 's1', 'model value: its name');
  t.same(fromTla({ __tuple: [1, { __model: 's2' }] }), [int(1), 's2'], 'sequence: array');
  t.same(fromTla([{ __model: 's2' }, { __model: 's1' }, { __model: 's1' }]), { '#set': ['s1', 's2'] }, 'set: sorted, no duplicates');
  t.same(
    fromTla({ __fn: [[{ __model: 's2' }, 1], [{ __model: 's1' }, 0]] }),
    { '#map': [['s1', int(0)], ['s2', int(1)]] },
    'function: #map with keys sorted',
  );
  const rec = fromTla({ term: 1, from: { __model: 's1' }, entries: { __tuple: [] } });
  t.same(Object.keys(rec as object), ['entries', 'from', 'term'], 'record: keys sorted');
  t.same(rec, { entries: [], from: 's1', term: int(1) });
  t.throws(() => fromTla({ __fn: [[1]] }), /not \[key, value\]/);
});

t.test('canonical order: integers by value, then strings, sequences, sets, maps, records', async (t) => {
  t.ok(compareItf(int(9), int(10)) < 0, '9 < 10 (not as text)');
  t.ok(compareItf(int(-1), int(0)) < 0);
  t.ok(compareItf(false, true) < 0);
  t.ok(compareItf(int(5), 'a') < 0, 'integers before strings');
  t.ok(compareItf('s1', 's2') < 0);
  t.ok(compareItf([int(1)], [int(1), int(0)]) < 0, 'a prefix first');
  t.ok(compareItf({ a: int(1), b: int(2) }, { a: int(1), b: int(3) }) < 0, 'records field by field');
  t.equal(compareItf({ '#set': ['a'] }, { '#set': ['a'] }), 0);
  const msgs = fromTla({ __fn: [[{ term: 10, type: 'X' }, 1], [{ term: 9, type: 'X' }, 2]] });
  t.same(msgs, { '#map': [[{ term: int(9), type: 'X' }, int(2)], [{ term: int(10), type: 'X' }, int(1)]] }, 'message keys sorted by term value');
});

t.test('canonical: a value written by another tool (plain integers, any order) becomes ours', async (t) => {
  t.same(canonical({ '#map': [['s2', 3], ['s1', { '#set': ['b', 'a', 'a'] }]] }), { '#map': [['s1', { '#set': ['a', 'b'] }], ['s2', int(3)]] });
  t.same(Object.keys(canonical({ z: 1, a: 2 }) as object), ['a', 'z']);
  t.equal(itfKey(canonical({ x: 1, y: [2] })), itfKey(canonical({ y: [{ '#bigint': '2' }], x: { '#bigint': '1' } })));
  t.same(canonical({ '#tup': [1, 'a'] }), { '#tup': [int(1), 'a'] });
});

t.test('asFunction: a function printed as a tuple (domain {} or 1..n) becomes a #map', async (t) => {
  t.same(asFunction([]), { '#map': [] }, 'empty bag of messages');
  t.same(asFunction(['a', 'b']), { '#map': [[int(1), 'a'], [int(2), 'b']] });
  t.same(asFunction({ '#map': [] }), { '#map': [] }, 'a #map stays');
});

t.test('intOf and mapGet', async (t) => {
  t.equal(intOf(int(7)), 7n);
  t.equal(intOf(7), 7n, 'plain JSON integers are accepted when reading');
  t.equal(intOf('7'), undefined);
  const m = fromTla({ __fn: [[{ a: 1 }, 2]] });
  t.same(mapGet(m, { a: { '#bigint': '1' } }), int(2), 'record keys compared canonically');
  t.same(mapGet(m, { a: 1 }), int(2), 'plain integers in the key too');
  t.equal(mapGet(m, { a: 2 }), undefined);
});
