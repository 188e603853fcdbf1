// The driver's broadcast helper: the spec's one-peer steps, for every peer.
import t from 'tap';
import { broadcast, replicate } from './broadcast.js';
import { requestVote } from './election.js';
import { candidate, follower, id, leader, log, s1, s2, s3 } from './testing.js';

t.test('C-1 D-7: a candidate asks every peer that has not voted', async (t) => {
  const five = [s1, s2, s3, id('s4'), id('s5')];
  const b = broadcast(candidate({ servers: five, votesGranted: [s1, s3] }), requestVote);
  t.same(b.outputs.send.map((m) => m.to), [s2, 's4', 's5']);
  t.same(b.skipped.map((x) => [x.peer, x.result.reason.kind]), [[s3, 'GuardFailed']]);
});

t.test('L-1: a leader sends every peer a heartbeat', async (t) => {
  const l = leader();
  const b = broadcast(l, replicate);
  t.same(b.outputs.send.map((m) => [m.type, m.to]), [
    ['AppendEntriesRequest', s2],
    ['AppendEntriesRequest', s3],
  ]);
  t.equal(b.state, l);
  t.same([b.outputs.persist, b.outputs.apply], [[], []]);
});

t.test('a follower broadcasts nothing', async (t) => {
  t.equal(broadcast(follower(), replicate).skipped.length, 2);
});

t.test('L-3 D-7: replicate sends each peer every entry from its nextIndex on', async (t) => {
  const l = leader({ currentTerm: 2, log: log(1, 2, 2), nextIndex: { s2: 2, s3: 4 } });
  t.match(broadcast(l, replicate).outputs.send, [
    { to: s2, prevLogIndex: 1, entries: log(1, 2, 2).slice(1) },
    { to: s3, prevLogIndex: 3, entries: [] },
  ]);
  t.match(replicate(l, s1), { enabled: false, reason: { kind: 'GuardFailed' } }, 'not to itself');
});
