import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { FIXTURES } from './fixtures.js';
import { parseTlcOutput } from './tlc-output.js';

const recorded = (name: string): string => fs.readFileSync(path.join(FIXTURES, 'tlc', name), 'utf8');

t.test('invariant violation: counts, depth, trace with actions, coverage', async (t) => {
  const r = parseTlcOutput(recorded('violation.txt'));
  t.equal(r.verdict, 'violation');
  t.same(r.violated, { name: 'ElectionSafety', kind: 'invariant' });
  t.equal(r.statesGenerated, 50123, 'the final line, not the Progress line');
  t.equal(r.distinctStates, 10234);
  t.equal(r.depth, 9);
  t.equal(r.version, '2.16');
  t.same(r.trace.map((s) => [s.index, s.action]), [[1, 'Initial predicate'], [2, 'Timeout'], [3, 'RequestVote']]);
  t.equal(r.trace[1]?.vars['currentTerm'], '(s1 :> 1 @@ s2 :> 0 @@ s3 :> 0)');
  t.match(r.trace[2]?.vars['messages'], /:> 1 @@\n {2}\[type/, 'a value over two lines stays whole');
  t.same(r.coverage.map((c) => [c.action, c.distinct, c.total]), [['Init', 1, 1], ['Timeout', 3012, 12044], ['RequestVote', 2210, 9000], ['ApplyEntry', 0, 0]]);
});

t.test('pass: the final coverage statistics win over the periodic ones', async (t) => {
  const r = parseTlcOutput(recorded('pass.txt'));
  t.equal(r.verdict, 'pass');
  t.equal(r.distinctStates, 234567);
  t.equal(r.statesGenerated, 1234567);
  t.equal(r.depth, 23);
  t.same(r.coverage.find((c) => c.action === 'Timeout'), { action: 'Timeout', line: 122, module: 'Raft', distinct: 1204, total: 5611 });
  t.equal(r.trace.length, 0);
});

t.test('action property violation', async (t) => {
  const r = parseTlcOutput(recorded('action-property.txt'));
  t.same(r.violated, { name: 'LeaderAppendOnly', kind: 'action property' });
  t.same(r.trace.map((s) => s.action), ['Initial predicate', 'Shrink']);
});

t.test('parse error: an error with the module and line', async (t) => {
  const r = parseTlcOutput(recorded('parse-error.txt'));
  t.equal(r.verdict, 'error');
  t.match(r.error, /Parse Error/);
  t.same(r.errorAt, { module: 'Raft', line: 87 });
});

t.test('temporal violation and deadlock are named; no verdict is an error', async (t) => {
  t.same(parseTlcOutput('Error: Temporal properties were violated.\n').violated, { name: 'temporal properties', kind: 'temporal' });
  t.same(parseTlcOutput('Error: Deadlock reached.\n').violated, { name: 'deadlock', kind: 'deadlock' });
  t.match(parseTlcOutput('Starting...\n'), { verdict: 'error', error: 'TLC ended without a verdict' });
  t.match(parseTlcOutput('Error: The constant parameter N is not assigned a value by the configuration file.\n'), {
    verdict: 'error',
    error: /constant parameter N is not assigned/,
  });
});
