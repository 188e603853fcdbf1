// The test builders themselves: a test helper that hides a failure would
// make every test that uses it unable to fail.
import t from 'tap';
import { timeout } from './election.js';
import { candidate, follower, leader, s1, s2, step } from './testing.js';

t.test('step returns an enabled result and throws, naming the reason, on a disabled one', async (t) => {
  t.equal(step(timeout(follower())).action, 'Timeout');
  t.throws(() => step(timeout(leader())), /Timeout not enabled: a leader has no election timeout/);
});

t.test('builders default to s1 of {s1, s2, s3} in term 1, a candidate or leader having voted for itself', async (t) => {
  t.match(follower(), { id: s1, currentTerm: 1, votedFor: null, commitIndex: 0 });
  t.match(candidate(), { role: 'Candidate', votedFor: s1 });
  t.same([...candidate().votesGranted], [s1]);
  t.equal(leader({ votedFor: s2 }).votedFor, s2);
});
