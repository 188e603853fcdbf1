// ALL-1: committed entries reach the state machine once each, in log order.
import t from 'tap';
import { encodeKvCommand, kv } from './kv.js';
import type { Applied } from './result.js';
import { applyToReplica, initialReplica } from './state-machine.js';
import { idx, term } from './testing.js';

const applied = (index: number, value: string): Applied => ({ index: idx(index), entry: { term: term(1), value } });
const put = (key: string, value: string) => encodeKvCommand({ op: 'put', key, value });

t.test('ALL-1 D-8 §5.3: entries are applied in log order, each once', async (t) => {
  const r = applyToReplica(kv, initialReplica(kv), [applied(1, put('a', '1')), applied(2, put('a', '2'))]);
  if (!r.ok) return t.fail(r.error.message);
  t.equal(r.replica.lastApplied, 2);
  t.same([...r.replica.state], [['a', '2']]);
  t.same(r.outcomes, [
    { index: 1, ok: true, result: { op: 'put', previous: null } },
    { index: 2, ok: true, result: { op: 'put', previous: '1' } },
  ]);
});

t.test('ALL-1: an entry out of order is refused and nothing is applied', async (t) => {
  const start = initialReplica(kv);
  t.match(applyToReplica(kv, start, [applied(1, put('a', '1')), applied(3, put('b', '1'))]), {
    ok: false,
    error: { kind: 'OutOfOrder', expected: 2, got: 3 },
  });
  t.match(applyToReplica(kv, start, [applied(2, put('a', '1'))]), { ok: false, error: { expected: 1, got: 2 } });
  t.equal(start.state.size, 0);
});

t.test('ALL-1: a committed entry that is not a command is applied as a no-op with an error result', async (t) => {
  const r = applyToReplica(kv, initialReplica(kv), [applied(1, 'v1'), applied(2, put('a', '1'))]);
  if (!r.ok) return t.fail(r.error.message);
  t.equal(r.replica.lastApplied, 2, 'every replica skips it the same way');
  t.match(r.outcomes, [{ index: 1, ok: false, error: { kind: 'MalformedInput' } }, { index: 2, ok: true }]);
});
