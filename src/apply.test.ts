// Applying committed entries (§5.3): ALL-1.
import t from 'tap';
import { applyEntry } from './apply.js';
import { Guard } from './result.js';
import { follower, leader, log, step } from './testing.js';

t.test('ALL-1 §5.3: if commitIndex > lastApplied, increment lastApplied and apply log[lastApplied]', async (t) => {
  const s = follower({ log: log(1, 1, 2), commitIndex: 2, lastApplied: 0 });
  const first = step(applyEntry(s));
  t.equal(first.state.lastApplied, 1);
  t.same(first.outputs.apply, [{ index: 1, entry: log(1)[0] }]);
  const second = step(applyEntry(first.state));
  t.same(second.outputs.apply, [{ index: 2, entry: log(1, 1)[1] }], 'one entry a step, in log order');
  t.match(applyEntry(second.state), { enabled: false, reason: { guard: Guard.unapplied } }, 'index 3 is not committed');
});

t.test('ALL-1 §5.3: every role applies', async (t) => {
  t.ok(applyEntry(leader({ log: log(1), commitIndex: 1 })).enabled);
});
