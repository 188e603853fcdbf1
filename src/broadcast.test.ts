// The driver's broadcast helper: the spec's one-peer steps, for every peer.
import t from 'tap';
import { broadcast } from './broadcast.js';
import { requestVote } from './election.js';
import { appendEntries } from './leader.js';
import { candidate, follower, id, leader, s1, s2, s3 } from './testing.js';

t.test('C-1: a candidate asks every peer that has not voted', async (t) => {
  const five = [s1, s2, s3, id('s4'), id('s5')];
  const b = broadcast(candidate({ servers: five, votesGranted: [s1, s3] }), requestVote);
  t.same(b.outputs.send.map((m) => m.to), [s2, 's4', 's5']);
  t.same(b.skipped.map((x) => [x.peer, x.result.reason.kind]), [[s3, 'GuardFailed']]);
});

t.test('L-1: a leader sends every peer a heartbeat', async (t) => {
  const l = leader();
  const b = broadcast(l, appendEntries);
  t.same(b.outputs.send.map((m) => [m.type, m.to]), [
    ['AppendEntriesRequest', s2],
    ['AppendEntriesRequest', s3],
  ]);
  t.equal(b.state, l);
  t.same([b.outputs.persist, b.outputs.apply], [[], []]);
});

t.test('a follower broadcasts nothing', async (t) => {
  t.equal(broadcast(follower(), appendEntries).skipped.length, 2);
});
