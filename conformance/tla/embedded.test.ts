import t from 'tap';
import { checkEmbedded, byteOffsetLine } from './embedded.js';
import { UserError } from './errors.js';
import { fixtureModel } from './fixtures.js';
import { loadModel } from './model.js';
import { formatSteps } from './counterexample.js';
import { coverage } from './coverage.js';

// Each case starts a worker or a process; the default 30 s per file is too short on 2 cores.
t.setTimeout(600_000);

t.test('a passing model: states counted, depth and per-action coverage from the state graph', async (t) => {
  const model = loadModel(...fixtureModel('counter', 'MCCounter'));
  const r = await checkEmbedded(model);
  t.equal(r.verdict, 'pass');
  t.match(r.checker, /^tla-checker \d+\.\d+\.\d+$/);
  t.equal(r.model, 'MCCounter');
  t.ok((r.states ?? 0) > 0);
  t.match(r.notes.join('\n'), /HistGrows checked as an invariant over a step flag/);
  // The independent BFS of coverage.ts (stepping API, no symmetry) must agree on the depth
  // (in TLC's convention: its depth counts levels beyond Init) and on which actions fire.
  const bfs = coverage(model, 100_000);
  t.ok(bfs.complete);
  t.equal(r.depth, bfs.depth + 1);
  t.match(r.depthNote, /state graph/);
  t.same(r.actionCoverage?.map((c) => c.action), ['Inc', 'Reset']);
  for (const c of r.actionCoverage ?? []) t.ok(c.fired > 0, `${c.action} fired`);
  t.equal(r.states, bfs.states, 'no symmetry in this model: the same states');
  // The graph counts distinct (state, successor) pairs: Reset(a, q) and Reset(b, q) are one
  // edge there and two transitions for the BFS. Inc(p) never coincides with another Inc.
  const edges = new Map((r.actionCoverage ?? []).map((c) => [c.action, c.fired]));
  const steps = new Map(bfs.actions.map((c) => [c.name, c.transitions]));
  t.equal(edges.get('Inc'), steps.get('Inc'), 'Inc: as many edges as transitions');
  t.equal((edges.get('Reset') ?? 0) * 2, steps.get('Reset'), 'Reset: each edge found by both resetters');
});

t.test('without the state graph, depth is not invented', async (t) => {
  const r = await checkEmbedded(loadModel(...fixtureModel('counter', 'MCCounter')), { stateGraph: false });
  t.equal(r.verdict, 'pass');
  t.equal(r.depth, undefined);
  t.equal(r.actionCoverage, undefined);
  t.match(r.depthNote, /not reported by tla-checker/);
});

t.test('a violation is named by the cfg, with a labelled counterexample', async (t) => {
  const r = await checkEmbedded(loadModel(...fixtureModel('extends', 'MCBase')));
  t.equal(r.verdict, 'violation');
  t.same(r.violated, { name: 'NotThree', kind: 'invariant' });
  const steps = r.counterexample ?? [];
  t.equal(r.depth, steps.length);
  t.equal(steps[0]?.action.name, 'Init');
  t.same(steps.at(-1)?.state['a'], 3);
  t.ok(steps.slice(1).every((s) => s.action.name === 'Step'));
  const text = formatSteps(steps).join('\n');
  t.match(text, /^step 1: Step\([12]\)$/m);
  t.match(text, /^ {2}a: 0 → [12]$/m);
});

t.test('timeout terminates the worker and says so', async (t) => {
  const r = await checkEmbedded(loadModel(...fixtureModel('slow', 'MCSlow')), { timeoutSeconds: 0.5 });
  t.equal(r.verdict, 'timeout');
  t.equal(r.states, undefined);
  t.ok(r.seconds < 5);
});

t.test('heartbeats are delivered while the worker runs', async (t) => {
  const beats: number[] = [];
  await checkEmbedded(loadModel(...fixtureModel('slow', 'MCSlow')), { timeoutSeconds: 1.2, heartbeatSeconds: 0.3, onHeartbeat: (s) => beats.push(s) });
  t.ok(beats.length >= 2, `beats: ${beats.join(', ')}`);
});

t.test('a parse error names the original file and line', async (t) => {
  const e = await checkEmbedded(loadModel(...fixtureModel('parseerror', 'MCParse'))).catch((x: unknown) => x);
  t.type(e, UserError);
  if (e instanceof UserError) {
    t.match(e.file, /parseerror\/Broken\.tla$/);
    t.equal(e.line, 6);
  }
});

t.test('byte offsets, not UTF-16 offsets, give the line', async (t) => {
  const text = '(* ünï *)\nA == 1\nB == )';
  t.equal(byteOffsetLine(text, Buffer.byteLength(text) - 1), 3);
});
