import t from 'tap';
import { coverage, formatCoverage } from './coverage.js';
import { fixtureModel } from './fixtures.js';
import { loadModel } from './model.js';

t.setTimeout(300_000);

t.test('complete BFS: every action counted, depth exact', async (t) => {
  const r = coverage(loadModel(...fixtureModel('extends', 'MCBase')), 1000);
  t.equal(r.complete, true);
  // Step(i) adds 1 or 2 while a < 3; b collects the a's seen. The farthest states, such as
  // a = 3 with b = {0, 1, 2}, need three steps.
  t.equal(r.depth, 3);
  t.same(r.neverFired, []);
  t.same(r.actions.map((a) => a.name), ['Step']);
  t.equal(r.actions[0]?.newStates, r.states - 1, 'every state but the initial one is first reached by Step');
  t.match(formatCoverage(r)[0], /^coverage MCBase: complete BFS of \d+ states, depth 3/);
});

t.test('bounded BFS says so; CONSTRAINT bounds the space', async (t) => {
  const model = loadModel(...fixtureModel('counter', 'MCCounter'));
  const full = coverage(model, 100_000);
  t.equal(full.complete, true, 'HistBound makes the space finite');
  const part = coverage(model, 5);
  t.equal(part.complete, false);
  t.equal(part.states, 5);
  t.match(formatCoverage(part)[0], /coverage from the first 5 states of BFS \(bound 5\)/);
});

t.test('an action that never fires is reported', async (t) => {
  const dir = t.testdir({
    'MCN.tla': '---- MODULE MCN ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\nUp == x < 3 /\\ x\' = x + 1\nDown == x > 5 /\\ x\' = x - 1\nNext == Up \\/ Down\n====\n',
    'MCN.cfg': 'INIT Init\nNEXT Next\n',
  });
  const r = coverage(loadModel(`${dir}/MCN.tla`, `${dir}/MCN.cfg`), 100);
  t.same(r.neverFired, ['Down']);
  t.match(formatCoverage(r).join('\n'), /Down .* 0 transitions .* NEVER FIRED/);
  t.equal(r.depth, 3);
});
