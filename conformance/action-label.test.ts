// A step's result must be labelled with the trace's action: a function that
// answers for another action is caught even when its state is right.
import t from 'tap';
import { SRC_ACTIONS, type Actions } from './actions.js';
import { fixture, replayJson } from './testing.js';

t.test('a result labelled with another action is a divergence of kind action', async (t) => {
  const mislabelled: Actions = { ...SRC_ACTIONS, becomeLeader: (s) => ({ ...SRC_ACTIONS.becomeLeader(s), action: 'Timeout' }) };
  const d = replayJson(fixture('election-2'), mislabelled).divergence;
  t.equal(d?.kind, 'action');
  t.equal(d?.call?.name, 'BecomeLeader');
  t.match(d?.reason, /^BecomeLeader at s\d: the implementation's result is labelled Timeout$/);
  t.equal(replayJson(fixture('election-2')).divergence, undefined, 'src/ itself conforms');
});
