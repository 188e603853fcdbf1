// The mutation runner: edits apply exactly once or not at all, the copy is
// compiled as tsc compiles src/, the unmutated copy conforms (so what kills
// a mutant is its mutation, not the harness), known mutants are killed at
// the step we expect, a mutant the traces cannot see survives, the working
// tree is left alone, and `raftref mutants` reports and exits accordingly.
// The whole catalogue over the corpus is `make mutants`, not a unit test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { mutants as command, parseMutantsArgs } from '../../scripts/commands/mutants.js';
import { UserError } from '../../scripts/tla/errors.js';
import { FIXTURES } from '../testing.js';
import { repoDir } from '../spec-hash.js';
import { MUTANTS, type Mutant } from './catalogue.js';
import { applyEdits, CatalogueError, loadCompiler, loadTraces, mutatedFiles, replayUnmutated, runMutants } from './run.js';
import { MUTANT_TRACES } from './write.js';

t.setTimeout(300_000);

const REPO = repoDir();
const DIST = path.join(REPO, 'dist');
const mutant = (id: string): Mutant => {
  const m = MUTANTS.find((x) => x.id === id);
  if (m === undefined) throw new Error(`no mutant ${id}`);
  return m;
};
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
  const loaded = loadTraces([FIXTURES, MUTANT_TRACES, FIGURE8_TRACE]);
  t.same(loaded.unusable, []);
  t.equal(loaded.traces.length, 4);
  t.equal(await replayUnmutated(loaded.traces, REPO), undefined);
});

t.test('known mutants are killed where expected; one the traces cannot see survives; the tree is untouched', async (t) => {
  const before = fs.readFileSync(path.join(REPO, 'src', 'request-vote.ts'), 'utf8');
  const builtBefore = fs.readFileSync(path.join(DIST, 'src', 'request-vote.js'), 'utf8');
  const loaded = loadTraces([FIXTURES, MUTANT_TRACES]);
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
  const loaded = loadTraces([FIXTURES]);
  const r = await runMutants([mutant('quorum-off-by-one')], loaded.traces, { stop: () => true });
  t.same([r.outcomes.length, r.interrupted], [0, true]);
});

/** capture: run `raftref mutants` in-process, with its stdout and stderr. */
async function capture(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const log = console.log;
  const write = process.stderr.write.bind(process.stderr);
  console.log = (...xs: unknown[]) => {
    out += `${xs.join(' ')}\n`;
  };
  process.stderr.write = ((s: string) => {
    err += s;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await command.run(argv), out, err };
  } finally {
    console.log = log;
    process.stderr.write = write;
  }
}

t.test('raftref mutants: progress, summary, --json, exit 0 and 1', async (t) => {
  const killed = await capture(['--only', 'restart-loses-vote,vote-not-persisted', FIXTURES]);
  t.equal(killed.code, 0);
  t.match(killed.out, /^mutants: 2 killed, 0 survived of 2, \d+\.\d s\n$/);
  const lines = killed.err.trimEnd().split('\n');
  t.equal(lines.length, 2, 'one progress line per mutant, in catalogue order');
  t.match(lines[0], /^vote-not-persisted +killed {2}\S+conflict-3\.itf\.json:\d+ {2}HandleRequestVoteRequest\(.*\) \(state\) {2}\[rules P-1, RV-2; step F-1, RV-2 grant\] {2}\d+ ms$/);
  t.match(lines[1], /^restart-loses-vote +killed {2}\S+conflict-3\.itf\.json:\d+ {2}Restart\(s1\) \(state\) {2}\[rules P-1, RV-2; step P-1\] {2}\d+ ms$/);

  const survived = await capture(['--json', '--only', 'match-index-backwards', FIXTURES]);
  t.equal(survived.code, 1);
  const doc = JSON.parse(survived.out) as { mutants: Record<string, unknown>[]; killed: number; survived: number; seconds: number };
  t.same(doc.mutants, [
    {
      id: 'match-index-backwards',
      title: mutant('match-index-backwards').title,
      rules: ['L-3a'],
      status: 'survived',
      trace: null,
      step: null,
      action: null,
      kind: null,
      reason: null,
      stepRules: [],
    },
  ]);
  t.same([doc.killed, doc.survived, typeof doc.seconds], [0, 1, 'number']);
  t.match(survived.err, /^match-index-backwards {2}survived \(4 traces\) {2}\[rules L-3a\] {2}\d+ ms\nmutants: 0 killed, 1 survived of 1, /);

  const list = await capture(['--list']);
  t.equal(list.code, 0);
  t.equal(list.out.trimEnd().split('\n').length, MUTANTS.length);
  t.match(list.out, /^vote-without-log-check +RV-2 +grant a vote without the up-to-date log check$/m);
});

t.test('raftref mutants: bad input is one line, exit 2', async (t) => {
  t.throws(() => parseMutantsArgs(['--only', 'nope,vote-twice-in-term']), new UserError('raftref mutants', undefined, '--only: no mutant nope in the catalogue (raftref mutants --list)', 'see raftref mutants --help'));
  t.throws(() => parseMutantsArgs(['--only', '']), { message: /--only: an empty id/ });
  t.throws(() => parseMutantsArgs(['--bogus']), { message: /Unknown option '--bogus'/ });
  const rel = (...p: string[]) => path.relative(process.cwd(), path.join(REPO, ...p));
  t.same(parseMutantsArgs([], REPO).paths, [rel('traces', 'corpus'), path.relative(process.cwd(), MUTANT_TRACES), rel('conformance', 'mutation', 'traces'), rel('conformance', 'fixtures')]);
  await t.rejects(capture(['--only', 'vote-twice-in-term', path.join(REPO, 'no-such-dir')]), { name: 'UserError', message: /no-such-dir: cannot read: ENOENT/ });
  // End to end through the built CLI: one line on stderr, exit 2, no stack trace.
  const r = spawnSync(process.execPath, [path.join(DIST, 'scripts', 'raftref.js'), 'mutants', '--only', 'nope'], { encoding: 'utf8' });
  t.equal(r.status, 2);
  t.equal(r.stderr, 'raftref: error: raftref mutants: --only: no mutant nope in the catalogue (raftref mutants --list) — see raftref mutants --help\n');
  const help = spawnSync(process.execPath, [path.join(DIST, 'scripts', 'raftref.js'), 'mutants', '--help'], { encoding: 'utf8' });
  t.equal(help.status, 0);
  t.match(help.stdout, /^usage: raftref mutants \[--only ID,\.\.\.\] \[--json\] \[--list\] \[PATH\.\.\.\]/);
});
