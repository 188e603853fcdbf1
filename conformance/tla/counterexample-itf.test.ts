// check --json: a labelled counterexample becomes an ITF document (actions and arguments in each
// state's #meta, internal variables dropped); an unlabelled one or TLC's says why it is not ITF.
import t from 'tap';
import { counterexampleItf, resultJson } from './counterexample-itf.js';
import type { Step } from './label.js';
import type { CheckResult } from './result.js';

const base: CheckResult = {
  checker: 'tla-checker 0.9.0',
  model: 'MCCounter',
  states: 10,
  depth: 2,
  depthNote: 'test',
  seconds: 1,
  verdict: 'violation',
  violated: { name: 'Bounded', kind: 'invariant' },
  unchecked: [],
  notes: [],
};
const steps: Step[] = [
  { action: { name: 'Init', args: [] }, state: { count: 0, hist: { __tuple: [] }, __action: 'x' }, display: { count: '0' } },
  { action: { name: 'Inc', args: ['a'] }, state: { count: 2, hist: { __tuple: ['a'] }, __action: 'y' }, display: { count: '2' } },
];

t.test('a labelled counterexample is an ITF document', async (t) => {
  const doc = counterexampleItf(base, steps);
  t.same(doc.vars, ['count', 'hist'], 'internal variables left out');
  t.equal(doc['#meta'].description, 'counterexample: violates the invariant Bounded (tla-checker 0.9.0)');
  t.same(doc.states, [
    { '#meta': { index: 0, action: 'Init', args: [] }, count: { '#bigint': '0' }, hist: [] },
    { '#meta': { index: 1, action: 'Inc', args: ['a'] }, count: { '#bigint': '2' }, hist: ['a'] },
  ]);
  const json = resultJson({ ...base, counterexample: steps });
  t.same(json.counterexample, doc);
  t.notOk('rawTrace' in json);
});

t.test('a counterexample that is not labelled says why it is not ITF', async (t) => {
  const raw = resultJson({ ...base, rawTrace: [{ count: '0' }] });
  t.match(raw.counterexampleNote, /not ITF/);
  t.same(raw.counterexampleStates, [{ count: '0' }]);
  t.notOk('counterexample' in raw);
  t.same(resultJson({ ...base, verdict: 'pass' }), { ...base, verdict: 'pass' }, 'no counterexample, nothing added');
});
