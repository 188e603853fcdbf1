// Roles as a discriminated union: each role has exactly its own fields
// (the spec's RoleFieldsClean, by construction).
import t from 'tap';
import type { LogIndex, NodeId } from './codecs.js';
import { indexOf, peers, toCandidate, toFollower, toLeader, type Follower, type NodeState } from './state.js';
import { follower, idx, leader, s1, s2, s3 } from './testing.js';

t.test('D-10 RoleFieldsClean: leaving a role drops its fields', async (t) => {
  const l = leader();
  t.same(Object.keys(toFollower(l)).sort(), ['commitIndex', 'currentTerm', 'id', 'lastApplied', 'log', 'role', 'servers', 'votedFor']);
  const c = toCandidate(l, new Set([s1]));
  t.notOk('nextIndex' in c || 'matchIndex' in c);
  t.notOk('votesGranted' in toLeader(c, new Map(), new Map()));
});

t.test('Peers(i) is the configuration without the server itself', async (t) => {
  t.same(peers(follower()), [s2, s3]);
});

t.test('indexOf reads a per-peer index; a missing peer reads as 0 (checkLeader rules it out first)', async (t) => {
  t.equal(indexOf(new Map([[s2, idx(3)]]), s2), 3);
  t.equal(indexOf(new Map<NodeId, LogIndex>(), s2), 0);
});

t.test('D-10 type-level: a role\'s fields cannot be written on another role', async (t) => {
  const base = follower();
  // @ts-expect-error a follower has no nextIndex
  const f: Follower = { ...base, nextIndex: new Map() };
  // @ts-expect-error a candidate has no matchIndex
  const c: NodeState = { ...base, role: 'Candidate', votesGranted: new Set(), matchIndex: new Map() };
  // @ts-expect-error a leader has no votesGranted
  const l: NodeState = { ...leader(), votesGranted: new Set() };
  // @ts-expect-error a follower has no votesGranted, even an empty one
  const g: NodeState = { ...base, votesGranted: new Set() };
  t.ok([f, c, l, g].every((x) => typeof x === 'object'));
});
