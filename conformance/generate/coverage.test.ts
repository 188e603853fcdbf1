import t from 'tap';
import { Archive, DIVERGENT_INTEREST, STALE_INTEREST, cellOf, interestOf } from './archive.js';
import { NEW_BOOST, RARE_BOOST, coverageBoost, coverageTarget, missingIds } from './coverage.js';
import { state } from './fixtures.js';
import { Prng } from './prng.js';
import { RULE_IDS } from './rules.js';

t.test('target: every action, then every rule id', async (t) => {
  const target = coverageTarget(['Timeout', 'Restart', 'Timeout']);
  t.same(target, ['Restart', 'Timeout', ...RULE_IDS]);
  t.same(missingIds(['A', 'AE-1'], { A: 2 }), ['AE-1']);
});

t.test('boost: an id never taken weighs most, a rare one more, a common one 1', async (t) => {
  const boost = coverageBoost(['A', 'B', 'AE-1', 'AE-2'], { A: 100, B: 1, 'AE-1': 100, 'AE-2': 0 });
  t.equal(boost({ name: 'A', args: [] }, ['AE-2']), NEW_BOOST, 'takes AE-2, never taken');
  t.equal(boost({ name: 'B', args: [] }, []), RARE_BOOST, 'B: mean 50 / 1, capped');
  t.equal(boost({ name: 'A', args: [] }, ['AE-1']), 1, 'common');
  t.equal(boost({ name: 'Other', args: [] }, []), 1, 'not aimed at');
});

t.test('cells: what Figure 2 branches depend on, not the rest', async (t) => {
  t.equal(cellOf(state({})), cellOf(state({ next: [2, 1] })), 'nextIndex is not in the cell');
  t.not(cellOf(state({})), cellOf(state({ log: [[1], []] })), 'log terms are');
  t.not(cellOf(state({})), cellOf(state({ role: ['Candidate', 'Follower'] })), 'roles are');
});

t.test('archive: the first trace to reach a cell is kept; rarely visited cells are chosen more', async (t) => {
  const a = new Archive();
  const start = (file: string, steps: number, interest = 1) => () => ({ model: 'M', file, lines: Array.from({ length: steps + 1 }, () => '{}'), last: {}, interest });
  a.visit('x', start('t0', 3));
  a.visit('x', start('t1', 1));
  for (let k = 0; k < 30; k++) a.visit('common', start('t2', 2));
  a.visit('long', start('t3', 50));
  t.equal(a.size, 3);
  const rng = new Prng(1, 1);
  const picks: Record<string, number> = {};
  for (let k = 0; k < 400; k++) {
    const c = a.choose('M', 10, rng);
    picks[c?.file ?? 'none'] = (picks[c?.file ?? 'none'] ?? 0) + 1;
  }
  t.equal(picks['t1'], undefined, 'a later trace does not replace the first');
  t.equal(picks['t3'], undefined, 'too long for depth 10');
  t.ok((picks['t0'] ?? 0) > (picks['t2'] ?? 0), `rare cell x chosen more than the common one: ${JSON.stringify(picks)}`);
  t.equal(a.choose('Other', 10, rng), undefined, 'another model has no cells');
  a.visit('diverging', start('t4', 2, 10));
  const again: Record<string, number> = {};
  for (let k = 0; k < 400; k++) {
    const f = a.choose('M', 10, rng)?.file ?? 'none';
    again[f] = (again[f] ?? 0) + 1;
  }
  t.ok((again['t4'] ?? 0) > 2 * (again['t0'] ?? 0), `an interesting cell is chosen more: ${JSON.stringify(again)}`);
});

t.test('interest: cells whose logs disagree at an index, or whose leader lacks an older entry', async (t) => {
  t.equal(interestOf(state({ log: [[1], [1]] })), 1);
  t.equal(interestOf(state({ log: [[1, 1], [1]] })), 1, 'one log longer: not a conflict');
  t.equal(interestOf(state({ log: [[1], [2]] })), DIVERGENT_INTEREST);
  t.equal(interestOf(state({ term: [2, 2], role: ['Leader', 'Follower'], log: [[], [1]] })), STALE_INTEREST, 'the leader of term 2 lacks an entry of term 1');
  t.equal(interestOf(state({ term: [1, 1], role: ['Leader', 'Follower'], log: [[], [1]] })), 1, 'an entry of its own term: not stale');
});
