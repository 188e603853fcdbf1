import t from 'tap';
import { firingProblems } from './firing.js';
import type { CheckResult } from './result.js';

const result = (coverage: Record<string, number> | undefined): CheckResult => ({
  checker: 'tla-checker 0.9.0',
  model: 'MCX',
  states: 10,
  depth: 3,
  depthNote: 'test',
  seconds: 1,
  verdict: 'pass',
  unchecked: [],
  notes: [],
  ...(coverage !== undefined && { actionCoverage: Object.entries(coverage).map(([action, fired]) => ({ action, fired })) }),
});

t.test('every action fires: no problem', async (t) => {
  t.same(firingProblems(result({ A: 1, B: 2 }), new Map()), { lines: [], problems: [] });
});

t.test('an action that never fires makes the model vacuous, unless declared', async (t) => {
  const bare = firingProblems(result({ A: 1, B: 0 }), new Map());
  t.equal(bare.problems.length, 1);
  t.match(bare.problems[0], /action B never fires/);
  const declared = firingProblems(result({ A: 1, B: 0 }), new Map([['B', 'bounds']]));
  t.same(declared.problems, []);
  t.same(declared.lines, ['  unfired by design: B (bounds)']);
});

t.test('a declaration that is wrong or stale is a problem', async (t) => {
  t.match(firingProblems(result({ A: 1, B: 3 }), new Map([['B', 'bounds']])).problems, [/B is declared unfired in the cfg but fires 3 times/]);
  t.match(firingProblems(result({ A: 1 }), new Map([['Zzz', 'typo']])).problems, [/declares Zzz unfired, but Next has no such action/]);
});

t.test('no coverage (a violation, a timeout): nothing to judge', async (t) => {
  t.same(firingProblems(result(undefined), new Map([['B', 'bounds']])), { lines: [], problems: [] });
});
