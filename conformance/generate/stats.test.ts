import t from 'tap';
import { ae, aeReply, rv, rvReply, state } from './fixtures.js';
import type { ItfState } from '../itf/value.js';
import { int } from '../itf/value.js';
import type { ItfAction } from '../itf/value.js';
import { traceStats } from './stats.js';

const step = (name: string, args: ItfAction['args'], s: ItfState) => ({ action: { name, args }, state: s });
const init = step('Init', [], state({}));

t.test('counts actions and rules; an empty trace has none', async (t) => {
  t.same(traceStats([init]), { steps: 0, actions: {}, rules: {}, features: [] });
  const s = traceStats([init, step('Timeout', ['s1'], state({ role: ['Candidate', 'Follower'], term: [2, 1] })), step('Restart', ['s1'], state({ term: [2, 1] }))]);
  t.same(s.actions, { Timeout: 1, Restart: 1 });
  t.same(s.rules, { 'F-2': 1, 'C-1': 1, 'P-1': 1 });
  t.same(s.features, ['restart']);
});

t.test('truncation and commit', async (t) => {
  const before = state({ term: [2, 2], log: [[2], [1]], msgs: [ae(2, 0, [2], 1)] });
  const after = state({ term: [2, 2], log: [[2], [2]], commit: [0, 1], msgs: [aeReply(2, true, 0, 1)] });
  const s = traceStats([step('Init', [], before), step('HandleAppendEntriesRequest', [ae(2, 0, [2], 1)], after)]);
  t.same(s.features, ['truncation', 'commit']);
  t.same(s.rules, { 'F-1': 1, 'AE-3': 1, 'AE-4': 1, 'AE-5': 1 });
});

t.test('a leader elected while an older entry is not committed anywhere', async (t) => {
  const cand = state({ term: [2, 2], role: ['Candidate', 'Follower'], log: [[], [1]], votes: [['s1', 's2'], []] });
  const s = traceStats([step('Init', [], cand), step('BecomeLeader', ['s1'], state({ term: [2, 2], role: ['Leader', 'Follower'], log: [[], [1]] }))]);
  t.same(s.features, ['election', 'leaderChangeUncommitted']);
  const committed = state({ term: [2, 2], role: ['Candidate', 'Follower'], log: [[1], [1]], commit: [1, 1] });
  t.same(traceStats([step('Init', [], committed), step('BecomeLeader', ['s1'], committed)]).features, ['election'], 'committed: not counted');
});

t.test('a vote refused at the current term; a lost message', async (t) => {
  const s = traceStats([
    step('Init', [], state({ msgs: [rv(1)] })),
    step('HandleRequestVoteRequest', [rv(1)], state({ msgs: [rvReply(1, false)] })),
    step('DropMessage', [rvReply(1, false)], state({})),
  ]);
  t.same(s.features, ['voteRefused', 'loss']);
});

t.test('reordering: a message handled before one sent earlier on the same link', async (t) => {
  const a = ae(1, 0, []);
  const b = ae(1, 0, [1]);
  const lead = (msgs: ReturnType<typeof ae>[]) => state({ role: ['Leader', 'Follower'], msgs });
  const sendBoth = [init, step('AppendEntries', ['s1', 's2', int(0)], lead([a])), step('AppendEntries', ['s1', 's2', int(1)], lead([a, b]))];
  const inOrder = traceStats([...sendBoth, step('HandleAppendEntriesRequest', [a], lead([b]))]);
  t.notOk(inOrder.features.includes('reordering'), 'the older one first: in order');
  const reordered = traceStats([...sendBoth, step('HandleAppendEntriesRequest', [b], lead([a]))]);
  t.ok(reordered.features.includes('reordering'), 'the newer one first');
  const dropped = traceStats([...sendBoth, step('DropMessage', [a], lead([b])), step('HandleAppendEntriesRequest', [b], lead([]))]);
  t.notOk(dropped.features.includes('reordering'), 'the older one lost, not reordered');
});
