import t from 'tap';
import type { TlaState } from '../tla/value.js';
import { Prng } from './prng.js';
import { type Labelled, type StepSource, choose, walk } from './walk.js';

// A toy state graph: a state is node n, stored as currentTerm = (s1 :> n).
const node = (n: number): TlaState => ({ currentTerm: { __fn: [[{ __model: 's1' }, n]] } });
const nodeOf = (s: TlaState): number => ((s['currentTerm'] as { __fn: [unknown, number][] }).__fn[0]?.[1] ?? -1);

function graph(edges: Record<number, [string, number][]>): StepSource & { calls: number } {
  const g = {
    calls: 0,
    initialStates: (): Labelled[] => [{ action: { name: 'Init', args: [] }, state: node(0) }],
    successors(s: TlaState): Labelled[] {
      g.calls++;
      return (edges[nodeOf(s)] ?? []).map(([name, to]) => ({ action: { name, args: [to] }, state: node(to) }));
    },
  };
  return g;
}
const W = { A: 1, B: 1, C: 1, Restart: 1 };
const run = (src: StepSource, seed: number, min: number, max = min) =>
  walk(src, new Prng(seed, 0), { minLength: min, maxLength: max, weights: W, vars: ['currentTerm'] });
const path = (w: ReturnType<typeof run>): number[] => w.steps.map((s) => nodeOf(s.tla));

t.test('stuttering successors are never taken', async (t) => {
  const src = graph({ 0: [['Restart', 0], ['A', 1]], 1: [['Restart', 1], ['A', 0]] });
  for (let seed = 0; seed < 20; seed++) t.same(path(run(src, seed, 6)), [0, 1, 0, 1, 0, 1, 0]);
});

t.test('a dead end is only the last step; deeper dead ends are backtracked out of', async (t) => {
  // 0 -B-> 2 has no successors; 0 -C-> 4 -> 5 dies after two steps; 0 -A-> 1 -> 3 -> 1 ... goes on.
  const src = graph({ 0: [['A', 1], ['B', 2], ['C', 4]], 1: [['A', 3]], 3: [['A', 1]], 4: [['A', 5]] });
  const seen = new Set<string>();
  for (let seed = 0; seed < 30; seed++) {
    const p = path(run(src, seed, 4));
    t.equal(p.length, 5, 'reaches the length');
    seen.add(p.join());
  }
  t.same([...seen], ['0,1,3,1,3'], 'only the live branch');
  const last = new Set(Array.from({ length: 40 }, (_, seed) => path(run(src, seed, 1)).join()));
  t.same([...last].sort(), ['0,1', '0,2', '0,4'], 'as the last step anything goes');
});

t.test('a walk that cannot reach minLength is retried and the longest kept', async (t) => {
  const src = graph({ 0: [['A', 1], ['B', 2]], 1: [['A', 3]] });
  const w = run(src, 1, 5);
  t.equal(w.attempts, 10, 'every attempt tried');
  t.equal(w.steps.length - 1, 2, 'longest possible: two steps');
});

t.test('lengths are drawn in [minLength, maxLength]', async (t) => {
  const src = graph({ 0: [['A', 1]], 1: [['A', 0]] });
  const lengths = new Set(Array.from({ length: 60 }, (_, seed) => run(src, seed, 2, 5).steps.length - 1));
  t.same([...lengths].sort(), [2, 3, 4, 5]);
});

t.test('choose: an action by its weight, then one of its successors by boost', async (t) => {
  const opts = [
    { action: { name: 'A' }, boost: 1, id: 'a1' },
    { action: { name: 'A' }, boost: 1, id: 'a2' },
    { action: { name: 'B' }, boost: 1, id: 'b' },
    { action: { name: 'Z' }, boost: 1, id: 'z' },
  ];
  const rng = new Prng(3, 3);
  const n = 40_000;
  const counts: Record<string, number> = {};
  for (let k = 0; k < n; k++) {
    const c = choose(opts, { A: 3, B: 1, Z: 0 }, rng);
    counts[c.id] = (counts[c.id] ?? 0) + 1;
  }
  t.equal(counts['z'], undefined, 'weight 0: never, while something else is enabled');
  t.ok(Math.abs((counts['b'] ?? 0) / n - 0.25) < 0.01, `B has 1/4: ${counts['b']}`);
  t.ok(Math.abs((counts['a1'] ?? 0) / n - 0.375) < 0.01, `A's two successors share 3/4 evenly: ${counts['a1']}`);
  t.throws(() => choose([{ action: { name: 'Z' }, boost: 1 }], { Z: 0 }, rng), RangeError, 'nothing to choose but weight 0');
  let boosted = 0;
  for (let k = 0; k < 10_000; k++) if (choose([{ action: { name: 'A' }, boost: 9 }, { action: { name: 'B' }, boost: 1 }], { A: 1, B: 1 }, rng).action.name === 'A') boosted++;
  t.ok(Math.abs(boosted / 10_000 - 0.9) < 0.02, `boost multiplies the action weight: ${boosted}`);
});

t.test('an action of weight 0 is left out: a state where only it is enabled is a dead end', async (t) => {
  const src = graph({ 0: [['A', 1], ['B', 2]], 1: [['B', 3]], 2: [['A', 0]] });
  const w = walk(src, new Prng(1, 0), { minLength: 4, maxLength: 4, weights: { A: 1, B: 0 }, vars: ['currentTerm'] });
  t.same(path(w), [0, 1], 'B never taken: from 1 there is nothing left');
});

t.test('dead-end avoidance costs few extra successor calls', async (t) => {
  const src = graph({ 0: [['A', 1], ['B', 2]], 1: [['A', 0], ['B', 2]] });
  const w = run(src, 4, 50);
  t.equal(w.steps.length - 1, 50);
  t.ok(w.calls <= 2 * 50, `calls ${w.calls}`);
});
