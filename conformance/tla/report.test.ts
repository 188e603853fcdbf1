import t from 'tap';
import { details, formatTlcTrace, headline } from './report.js';
import type { CheckResult } from './result.js';

const base: CheckResult = { checker: 'TLC 2.16', model: 'MCRaft3', states: 10, depth: 4, depthNote: 'reported by TLC', seconds: 1.25, verdict: 'pass', unchecked: [], notes: [] };

t.test('headline: checker, model, states, depth, time, verdict', async (t) => {
  t.equal(headline(base), 'checker: TLC 2.16  model: MCRaft3  states: 10  depth: 4  time: 1.3s  verdict: PASS');
  const embedded = { ...base, checker: 'tla-checker 0.9.0', depth: undefined, depthNote: 'n/a (not reported by tla-checker)' };
  t.match(headline(embedded), /depth: n\/a \(not reported by tla-checker\)/);
  t.match(headline({ ...base, verdict: 'timeout', states: undefined }), /states: n\/a .* verdict: TIMEOUT/);
});

t.test('details never hide an unchecked property', async (t) => {
  const r = { ...base, unchecked: [{ name: 'Live', reason: 'temporal property' }] };
  t.same(details(r), ['  PROPERTY Live: not checked by the embedded checker (temporal property); use --checker tlc']);
});

t.test('TLC trace: one step per line, only changed variables', async (t) => {
  const lines = formatTlcTrace([
    { index: 1, action: 'Initial predicate', location: 'Initial predicate', vars: { x: '0', y: '<<>>' } },
    { index: 2, action: 'Inc', location: 'Inc line 3, col 1 to line 3, col 9 of module M', vars: { x: '1', y: '<<>>' } },
  ]);
  t.same(lines, ['step 0: Init', '  x = 0', '  y = <<>>', 'step 1: Inc', '  x: 0 → 1']);
});
