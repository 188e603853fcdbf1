// replayFiles and shrinking: files and directories, unusable input that
// does not stop the others, the shortest diverging prefix written as a
// reproducer that replays to the same divergence.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { SRC_ACTIONS } from './actions.js';
import { formatDiff } from './compare.js';
import { decodeTrace, formatTraceError } from './itf/read.js';
import { replayTrace } from './replay.js';
import { replayFiles } from './run.js';
import { prefix, reproName, shrink } from './shrink.js';
import { big, decode, FIXTURES, fixture, fixturePath, setVar, SPEC_HASH, type Json } from './testing.js';

const write = (dir: string, name: string, json: unknown): string => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
};

t.test('a directory of conforming traces: exit 0, every step counted', async (t) => {
  const names = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.itf.json')).map((f) => f.slice(0, -'.itf.json'.length));
  const r = replayFiles([FIXTURES], { reproDir: null, coverage: true });
  t.equal(r.exitCode, 0);
  t.equal(r.traces, names.length);
  t.ok(names.length >= 6, 'election-2, conflict-3 and the paper\'s figures');
  t.equal(r.steps, names.reduce((n, name) => n + fixture(name).states.length - 1, 0));
  t.same(r.divergences, []);
  t.same(r.unusable, []);
  // Only conflict-3 duplicates a message (twice).
  t.equal(r.coverage?.actions.DuplicateMessage, 2);
  // AE-3: conflict-3 once, figure8d-5 three times (s2, s3, s1), figure7-7 four times (c, d, e, f), kv-overwrite-3 once.
  t.equal(r.coverage?.rules['AE-3'], 9);
});

t.test('unusable input is reported, one line each, and the other files still replay', async (t) => {
  const dir = t.testdir({ sub: {}, empty: {} });
  const altered = setVar(fixture('election-2'), 9, 'log', 's2', []);
  write(dir, 'a-good.itf.json', fixture('election-2'));
  write(dir, 'b-diverges.itf.json', altered);
  write(dir, 'c-notjson.itf.json', '{"#meta": ');
  write(dir, 'd-notitf.itf.json', { hello: 'world' });
  const missing = fixture('election-2');
  delete missing.states[3]?.['messages'];
  write(path.join(dir, 'sub'), 'e-missing.itf.json', missing);
  write(dir, 'ignored.json', { not: 'a trace' });
  const r = replayFiles([dir, path.join(dir, 'nope.itf.json'), path.join(dir, 'empty')], { reproDir: path.join(dir, 'repro') });
  t.equal(r.exitCode, 2, 'unusable input wins over a divergence');
  t.equal(r.traces, 2, 'the usable traces were replayed');
  t.equal(r.divergences.length, 1);
  t.equal(r.divergences[0]?.file, path.join(dir, 'b-diverges.itf.json'));
  t.same(
    r.unusable.map((e) => `${path.relative(dir, e.file)}: ${e.state ?? '-'}: ${e.what.replace(/: .*/, '')}`),
    ['nope.itf.json: -: cannot read', 'empty: -: no *.itf.json traces in this directory', 'c-notjson.itf.json: -: $.#meta', 'd-notitf.itf.json: -: not an ITF trace', 'sub/e-missing.itf.json: 3: $.states[3].messages'],
  );
});

t.test('a trace nested 20,000 deep, or with a member given twice, among good ones: reported in one line, the others replayed', async (t) => {
  const dir = t.testdir({});
  const good = fs.readFileSync(fixturePath('election-2'), 'utf8');
  const deep = `${'['.repeat(20000)}${']'.repeat(20000)}`;
  write(dir, 'a-good.itf.json', good);
  write(dir, 'b-deep-value.itf.json', good.replace('"args": []', `"args": [${deep}]`));
  write(dir, 'c-deep-meta.itf.json', good.replace('"#meta": {', `"#meta": {"x": ${deep},`));
  write(dir, 'd-twice.itf.json', good.replace('"vars": [', '"states": [], "vars": ['));
  write(dir, 'e-good.itf.json', fs.readFileSync(fixturePath('conflict-3'), 'utf8'));
  const r = replayFiles([dir], { reproDir: null });
  t.equal(r.traces, 2, 'both good traces replayed');
  t.equal(r.outcomes.filter((o) => o.conforms).length, 2);
  t.equal(r.exitCode, 2);
  t.same(
    r.unusable.map((e) => formatTraceError(e).slice(dir.length + 1)),
    [
      'b-deep-value.itf.json:52:77: $.states[0].#meta.args[0][0][0][0][0][0][0][0]...(52 levels more): nested deeper than 64 levels',
      'c-deep-meta.itf.json:2:80: $.#meta.x[0][0][0][0][0][0][0][0][0][0]...(52 levels more): nested deeper than 64 levels',
      'd-twice.itf.json:47:3: $.states: member "states" given twice',
    ],
  );
});

t.test('shrinking: the shortest prefix that diverges, the same divergence, a one-file reproducer', async (t) => {
  const dir = t.testdir({});
  const altered = setVar(fixture('conflict-3'), 23, 'log', 's1', [{ term: big(1), value: 'v1' }]);
  const file = write(dir, 'conflict.itf.json', altered);
  const reproDir = path.join(dir, 'repro');
  const r = replayFiles([file], { reproDir });
  t.equal(r.exitCode, 1);
  const d = r.divergences[0];
  t.equal(d?.step, 23);
  t.equal(d?.repro?.file, path.join(reproDir, 'conflict.repro.itf.json'));
  t.equal(d?.repro?.states, 24);
  t.equal(d?.repro?.command, `node dist/scripts/raftref.js replay ${path.join(reproDir, 'conflict.repro.itf.json')}`);

  // The reproducer is a trace of states 0..23 that diverges at step 23, in the same way.
  const repro = JSON.parse(fs.readFileSync(path.join(reproDir, 'conflict.repro.itf.json'), 'utf8')) as Json;
  t.equal(repro.states.length, 24);
  t.match(repro['#meta']['description'], /shrunk: states 0\.\.23 of .*conflict\.itf\.json, diverges at step 23, HandleAppendEntriesRequest\(/);
  const again = replayTrace(decode(repro));
  t.equal(again.divergence?.step, 23);
  t.same(again.divergence?.diffs.map(formatDiff), d?.diffs.map(formatDiff));
  // One state shorter, it conforms: the prefix is the shortest.
  t.equal(replayTrace(decode({ ...repro, states: repro.states.slice(0, 23) })).divergence, undefined);
  // Replaying the reproducer by path gives the same report.
  const rr = replayFiles([path.join(reproDir, 'conflict.repro.itf.json')], { reproDir: null });
  t.equal(rr.divergences[0]?.step, 23);
});

t.test('shrink reports whether the prefix behaves (a nondeterministic implementation does not)', async (t) => {
  const trace = decode(setVar(fixture('election-2'), 9, 'log', 's2', []));
  const d = replayTrace(trace).divergence;
  if (d === undefined) throw new Error('expected a divergence');
  const s = shrink(trace, d);
  t.equal(s.verified, true);
  t.equal(s.trace.steps.length, 10);
  let calls = 0;
  const flaky = { ...SRC_ACTIONS, timeout: (n: Parameters<typeof SRC_ACTIONS.timeout>[0]) => (calls++ % 2 === 0 ? SRC_ACTIONS.timeout(n) : SRC_ACTIONS.becomeLeader(n)) };
  const first = replayTrace(trace, { actions: flaky }).divergence;
  if (first === undefined) throw new Error('expected a divergence');
  t.equal(shrink(trace, first, { actions: flaky }).verified, false);
  t.equal(prefix(trace, 0, 'note').steps.length, 1);
});

t.test('reproducer names', async (t) => {
  t.equal(reproName('traces/MCRaft3-random-s1-0007.itf.json'), 'MCRaft3-random-s1-0007.repro.itf.json');
  t.equal(reproName('out/repro/x.repro.itf.json'), 'x.repro.itf.json');
  const dir = t.testdir({ a: {}, b: {} });
  const altered = setVar(fixture('election-2'), 9, 'log', 's2', []);
  write(path.join(dir, 'a'), 'x.itf.json', altered);
  write(path.join(dir, 'b'), 'x.itf.json', altered);
  const r = replayFiles([dir], { reproDir: path.join(dir, 'repro') });
  t.same(
    r.divergences.map((d) => path.basename(d.repro?.file ?? '')),
    ['x.repro.itf.json', 'x-2.repro.itf.json'],
    'two traces with one name do not overwrite each other',
  );
});

t.test('a spec that is not there makes every trace unusable', async (t) => {
  const r = replayFiles([fixturePath('election-2')], { specFile: '/nonexistent/Raft.tla', reproDir: null });
  t.equal(r.exitCode, 2);
  t.equal(r.traces, 0);
  t.match(r.unusable[0], { file: '/nonexistent/Raft.tla', what: 'cannot read the spec: ENOENT' });
});

t.test('a trace of another spec is unusable; decodeTrace checks the hash it is given', async (t) => {
  const dir = t.testdir({ 'Raft.tla': '---- MODULE Raft ----\n====\n' });
  const r = replayFiles([fixturePath('election-2')], { specFile: path.join(dir, 'Raft.tla'), reproDir: null });
  t.equal(r.exitCode, 2);
  t.match(r.unusable[0]?.what, /^\$\.#meta\.raftref\.specHash: the trace is of spec sha256:[0-9a-f]{64}, but spec\/Raft\.tla is now sha256:[0-9a-f]{64}$/);
  t.ok(decodeTrace(fixture('election-2'), 'x', SPEC_HASH).ok);
});
