import t from 'tap';
import { fixtureModel } from './fixtures.js';
import { Stepper, labelTrace } from './label.js';
import { loadModel } from './model.js';
import { canonicalState, canonicalValue, symmetryRenamings } from './symmetry.js';

const swap12 = new Map([['p1', 'p2'], ['p2', 'p1']]);

t.test('canonical values: sets and functions sorted, model values renamed', async (t) => {
  t.equal(canonicalValue('(p2 :> 0 @@ p1 :> 1)', new Map()), canonicalValue('(p1 :> 1 @@ p2 :> 0)', new Map()));
  t.equal(canonicalValue('(p1 :> 1 @@ p2 :> 0)', swap12), canonicalValue('(p1 :> 0 @@ p2 :> 1)', new Map()));
  t.equal(canonicalValue('{<<p1, 2>>, <<p2, 1>>}', swap12), canonicalValue('{<<p1, 1>>, <<p2, 2>>}', new Map()));
  t.equal(canonicalValue('[term |-> 1, value |-> p1]', swap12), canonicalValue('[value |-> p2, term |-> 1]', new Map()));
  t.not(canonicalValue('<<p1, p2>>', new Map()), canonicalValue('<<p2, p1>>', new Map()), 'tuples keep their order');
  t.equal(canonicalValue('"p1"', swap12), '"p1"', 'strings are not model values');
  t.equal(canonicalValue('( )', new Map()), '()');
  t.equal(canonicalValue('<<1, ', new Map()), undefined, 'not in the grammar: undefined');
  t.equal(canonicalValue('1 2', new Map()), undefined);
  t.equal(canonicalState({ x: '(p2 :> 0 @@ p1 :> 1)' }, swap12), 'x=(p1:>0@@p2:>1)');
});

t.test('renamings: every permutation of the SYMMETRY set, identity first', async (t) => {
  const sym = loadModel(...fixtureModel('symmetry', 'MCSym'));
  const r = symmetryRenamings(sym);
  t.equal(r.length, 6);
  t.same([...(r[0] ?? [])], [['p1', 'p1'], ['p2', 'p2'], ['p3', 'p3']]);
  t.equal(new Set(r.map((m) => JSON.stringify([...m]))).size, 6);
  t.same(symmetryRenamings(loadModel(...fixtureModel('extends', 'MCBase'))).map((m) => m.size), [0], 'no SYMMETRY: identity only');
});

t.test('a counterexample of canonical representatives is labelled up to symmetry', async (t) => {
  const model = loadModel(...fixtureModel('symmetry', 'MCSym'));
  // A behaviour as a symmetry-reducing checker may print it: states 2 and 3 are
  // permutations of successors of the state before them, not successors themselves.
  const printed = [
    { x: '(p1 :> 0 @@ p2 :> 0 @@ p3 :> 0)' },
    { x: '(p1 :> 1 @@ p2 :> 0 @@ p3 :> 0)' },
    { x: '(p1 :> 0 @@ p2 :> 1 @@ p3 :> 1)' },
    { x: '(p1 :> 0 @@ p2 :> 1 @@ p3 :> 2)' },
  ];
  t.throws(() => labelTrace(new Stepper(model), printed), { message: /state 2 of the counterexample is not a successor of state 1/ }, 'not a behaviour as printed');
  const renamings = symmetryRenamings(model);
  const steps = labelTrace(new Stepper(model), printed, renamings);
  t.same(steps.map((s) => s.action.name), ['Init', 'Inc', 'Inc', 'Inc']);
  steps.forEach((s, k) => {
    const want = new Set(renamings.map((r) => canonicalState(printed[k] ?? {}, r)));
    t.ok(want.has(canonicalState(s.display, new Map())), `state ${k} is a permutation of the printed one`);
  });
  t.not(steps[2]?.display['x'], printed[2]?.x, 'and a concrete state, not the printed one');
});
