// The mutation runner: edits apply exactly once or not at all, the copy is
// compiled as tsc compiles src/, the unmutated copy conforms (so what kills
// a mutant is its mutation, not the harness), known mutants are killed at
// the step we expect, a mutant the traces cannot see survives, the working
// tree is left alone, and `raftref mutants` reports and exits accordingly.
// The whole catalogue over the corpus is `make mutants`, not a unit test.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { FIXTURES, SMALL_FIXTURES } from '../testing.js';
import { repoDir } from '../spec-hash.js';
import { type Mutant, mutantById } from './catalogue.js';
import { applyEdits, CatalogueError, loadCompiler, loadTraces, mutatedFiles, replayUnmutated, runMutants } from './run.js';
import { MUTANT_TRACES } from './write.js';

t.setTimeout(300_000);

const REPO = repoDir();
const DIST = path.join(REPO, 'dist');
const mutant = mutantById;
/** The corpus trace that catches the Figure 8 mutant, and only with the enabledness check. */
const FIGURE8_TRACE = path.join(REPO, 'traces', 'corpus', 'MCRaft2-random-s2026-0057.itf.json');

t.test('applyEdits: each find text exactly once, in order', async (t) => {
  t.equal(applyEdits('m', 'src/x.ts', 'a b c', [{ file: 'src/x.ts', find: 'b', replace: 'B' }]), 'a B c');
  t.equal(
    applyEdits('m', 'src/x.ts', 'a b c', [
      { file: 'src/x.ts', find: 'b', replace: 'bb' },
      { file: 'src/x.ts', find: 'bb c', replace: 'd' },
    ]),
    'a d',
    'a later edit sees the earlier ones',
  );
  t.throws(() => applyEdits('m', 'src/x.ts', 'a b c', [{ file: 'src/x.ts', find: 'z', replace: 'y' }]), {
    name: 'CatalogueError',
    message: 'mutant m: src/x.ts: find text "z" occurs 0 times, expected exactly once',
  });
  t.throws(() => applyEdits('m', 'src/x.ts', 'b b', [{ file: 'src/x.ts', find: 'b', replace: 'c' }]), { message: /occurs 2 times, expected exactly once/ });
  t.throws(() => applyEdits('m', 'src/x.ts', 'b', [{ file: 'src/x.ts', find: 'b', replace: 'b' }]), { message: /replaces "b" by itself/ });
});

t.test('mutatedFiles: a catalogue error names the mutant and the file, on one line', async (t) => {
  const compiler = await loadCompiler(REPO);
  const cases: [Mutant, RegExp][] = [
    [{ ...mutant('vote-twice-in-term'), id: 'moved', edits: [{ file: 'src/request-vote.ts', find: 'no such text', replace: 'x' }] }, /^mutant moved: src\/request-vote\.ts: find text "no such text" occurs 0 times/],
    [{ ...mutant('vote-twice-in-term'), id: 'test-file', edits: [{ file: 'src/quorum.test.ts', find: 'a', replace: 'b' }] }, /^mutant test-file: src\/quorum\.test\.ts: an edit must name a source file/],
    [{ ...mutant('vote-twice-in-term'), id: 'missing', edits: [{ file: 'src/nope.ts', find: 'a', replace: 'b' }] }, /^mutant missing: src\/nope\.ts: cannot read: ENOENT/],
    [{ ...mutant('vote-twice-in-term'), id: 'comment', edits: [{ file: 'src/quorum.ts', find: '// quorum: majorities', replace: '// quorum: the majorities' }] }, /^mutant comment: src\/quorum\.ts: the edits do not change the compiled code/],
    [{ ...mutant('vote-twice-in-term'), id: 'syntax', edits: [{ file: 'src/quorum.ts', find: 'return 2 * count > servers.size;', replace: 'return 2 * count > ;' }] }, /^mutant syntax: src\/quorum\.ts: the mutated file does not parse: Expression expected/],
  ];
  for (const [m, message] of cases) {
    t.throws(() => mutatedFiles(m, REPO, compiler), CatalogueError);
    try {
      mutatedFiles(m, REPO, compiler);
    } catch (e) {
      t.match((e as Error).message, message, m.id);
      t.notOk((e as Error).message.includes('\n'), `${m.id}: one line`);
    }
  }
});

t.test('the unmutated sources transpile to exactly what tsc wrote to dist/', async (t) => {
  const compiler = await loadCompiler(REPO);
  const sources = fs.readdirSync(path.join(REPO, 'src')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  t.ok(sources.length > 10);
  for (const f of sources) {
    const { js, errors } = compiler.transpile(`src/${f}`, fs.readFileSync(path.join(REPO, 'src', f), 'utf8'));
    t.same(errors, []);
    const built = fs.readFileSync(path.join(DIST, 'src', f.replace(/\.ts$/, '.js')), 'utf8').replace(/\/\/# sourceMappingURL=\S+\n?$/, '');
    t.ok(js === built, `src/${f}: same output as dist/src (stale dist? run make build)`);
  }
});

t.test('the unmutated copy conforms: the harness alone kills nothing', async (t) => {
  const loaded = loadTraces([...SMALL_FIXTURES, MUTANT_TRACES, FIGURE8_TRACE]);
  t.same(loaded.unusable, []);
  t.equal(loaded.traces.length, 4);
  t.equal(await replayUnmutated(loaded.traces, REPO), undefined);
});

t.test('known mutants are killed where expected; one the traces cannot see survives; the tree is untouched', async (t) => {
  const before = fs.readFileSync(path.join(REPO, 'src', 'request-vote.ts'), 'utf8');
  const builtBefore = fs.readFileSync(path.join(DIST, 'src', 'request-vote.js'), 'utf8');
  const loaded = loadTraces([...SMALL_FIXTURES, MUTANT_TRACES]);
  const seen: string[] = [];
  const r = await runMutants([mutant('vote-not-persisted'), mutant('prev-log-index-only'), mutant('match-index-backwards')], loaded.traces, {
    onOutcome: (o) => seen.push(o.id),
  });
  t.same(seen, ['vote-not-persisted', 'prev-log-index-only', 'match-index-backwards'], 'progress after each mutant');
  const [vote, prev, match] = r.outcomes;
  t.equal(vote?.status, 'killed');
  // conflict-3 comes first: s2 grants s1 its vote at step 4, and its storage lacks it.
  t.match(vote?.caught, { trace: path.join(FIXTURES, 'conflict-3.itf.json'), kind: 'state' });
  t.match(vote?.caught?.action, /^HandleRequestVoteRequest\(RequestVoteRequest\(s1 -> s2, term 1/);
  t.ok(vote?.caught?.stepRules.includes('RV-2 grant'));
  t.equal(prev?.status, 'killed');
  t.match(prev?.caught, { trace: path.join(MUTANT_TRACES, 'prev-term-mismatch-3.itf.json'), step: 26, kind: 'state', stepRules: ['F-1', 'AE-2'] });
  // No success answer arrives here after a later one: a matchIndex that moves back is invisible.
  t.equal(match?.status, 'survived');
  t.equal(match?.caught, undefined);
  t.equal(match?.traces, 2 * loaded.traces.length, 'a survivor is replayed twice: plainly, then with the enabledness check');
  t.same([r.killed, r.survived, r.interrupted], [2, 1, false]);
  t.equal(fs.readFileSync(path.join(REPO, 'src', 'request-vote.ts'), 'utf8'), before, 'src/ untouched');
  t.equal(fs.readFileSync(path.join(DIST, 'src', 'request-vote.js'), 'utf8'), builtBefore, 'dist/ untouched');
});

t.test('the Figure 8 mutant is caught only by the enabledness check', async (t) => {
  const loaded = loadTraces([FIGURE8_TRACE]);
  const r = await runMutants([mutant('commit-previous-term')], loaded.traces);
  t.equal(r.outcomes[0]?.status, 'killed');
  t.equal(r.outcomes[0]?.caught?.kind, 'enabled');
  t.equal(r.outcomes[0]?.traces, 2, 'the plain replay passed, the second pass caught it');
});

t.test('stop: an interrupted run reports no verdict for the mutant it was on', async (t) => {
  const loaded = loadTraces(SMALL_FIXTURES);
  const r = await runMutants([mutant('quorum-off-by-one')], loaded.traces, { stop: () => true });
  t.same([r.outcomes.length, r.interrupted], [0, true]);
});
