import t from 'tap';
import { summariseStateGraph } from './state-graph.js';

const dot = (lines: readonly string[]): string => ['digraph StateGraph {', '  rankdir=TB;', ...lines, '}'].join('\n');

t.test('transitions per action, merged labels counted for each action', async (t) => {
  const g = summariseStateGraph(dot([
    '  s0 [label="x=0"];',
    '  s1 [label="x=1 -> not an edge"];',
    '  s2 [label="x=2"];',
    '  s0 -> s1 [label="__A1_Inc"];',
    '  s1 -> s2 [label="__A1_Inc, __A2_Reset"];',
    '  s2 -> s0 [label="__A2_Reset"];',
  ]));
  t.same(g.transitions, { Inc: 2, Reset: 2 });
  t.equal(g.states, 3);
  t.equal(g.edges, 3);
  t.equal(g.depth, 3, 's0 (1) -> s1 (2) -> s2 (3); the edge back to s0 does not shorten anything');
});

t.test('depth is the longest shortest path, from every initial state at once', async (t) => {
  // s0 and s1 are initial (s1 is not reachable from s0); s3 is two steps from s0 but one from s1,
  // so the deepest state is s2 or s3, at level 2.
  const g = summariseStateGraph(dot([
    '  s0 [label="a"];', '  s1 [label="b"];', '  s2 [label="c"];', '  s3 [label="d"];',
    '  s0 -> s2 [label="__A1_Step"];',
    '  s2 -> s3 [label="__A1_Step"];',
    '  s1 -> s3 [label="__A1_Step"];',
  ]));
  t.equal(g.depth, 2, 's3 is one step from the initial state s1: levels are counted from every initial state at once, as TLC does');
  // A chain from one initial state: its length is the depth.
  const chain = summariseStateGraph(dot([
    '  s0 [label="a"];', '  s1 [label="b"];', '  s2 [label="c"];',
    '  s0 -> s1 [label="__A1_Step"];', '  s1 -> s2 [label="__A1_Step"];', '  s2 -> s1 [label="__A1_Step"];',
  ]));
  t.equal(chain.depth, 3);
  const single = summariseStateGraph(dot(['  s0 [label="a"];']));
  t.equal(single.depth, 1, 'Init only: depth 1, as TLC counts');
  t.same(single.transitions, {});
});

t.test('a label that is not ours is kept as it is', async (t) => {
  const g = summariseStateGraph(dot(['  s0 [label="a"];', '  s1 [label="b"];', '  s0 -> s1 [label="Next"];']));
  t.same(g.transitions, { Next: 1 });
});
