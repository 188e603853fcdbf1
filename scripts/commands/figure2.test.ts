// spec/FIGURE2.md as a whole: a row for every rule id of spec/README.md,
// the gaps of a repository whose src/ lacks a rule, and `raftref figure2`:
// --check finds a stale file, bad --mutants JSON is a one-line error.
// The corpus is the two hand-written fixture traces, not traces/corpus.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { figure2, parseFigure2Args } from './figure2.js';
import { UserError } from '../../conformance/tla/errors.js';
import { buildFigure2 } from '../../conformance/figure2/generate.js';
import { parseReadme } from '../../conformance/figure2/readme.js';
import { renderFigure2 } from '../../conformance/figure2/render.js';

// The one CLI case starts a process that compiles TypeScript on the fly: slow on 2 cores.
t.setTimeout(600_000);

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = path.join(REPO, 'scripts', 'raftref.ts');
const TRACES = path.join(REPO, 'conformance', 'fixtures');
const read = (f: string): string => fs.readFileSync(path.join(REPO, f), 'utf8');

function raftref(args: readonly string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...process.execArgv, CLI, 'figure2', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const CATALOGUE = [
  { id: 'vote-twice', title: 'vote twice', rules: ['RV-2'] },
  { id: 'no-truncate', title: 'keep conflicting entries', rules: ['AE-3', 'AE-4'] },
];

t.test('the repository: a row for every rule id of spec/README.md, in its order, with its words', async (t) => {
  const readme = parseReadme(read('spec/README.md'), 'spec/README.md');
  const f = buildFigure2({ root: REPO, corpus: [TRACES], catalogue: CATALOGUE, measured: undefined });
  t.same(f.rows.map((r) => r.id), [...readme.rules.map((r) => r.id), ...readme.departures.map((d) => d.id)]);
  const md = renderFigure2(f);
  const tableIds = [...md.matchAll(/^\| ([A-Z]+-\d+[a-z]?) \| (.*?) \|/gm)].map((m) => [m[1], m[2]]);
  t.same(tableIds, [...readme.rules.map((r) => [r.id, r.text]), ...readme.departures.map((d) => [d.id, d.title])]);
  const ae3 = f.rows.find((r) => r.id === 'AE-3');
  t.ok(ae3?.actions.includes('HandleAppendEntriesRequest'), 'AE-3 is in HandleAppendEntriesRequest');
  t.ok(ae3?.code.some((c) => c.file === 'src/append-entries.ts'), 'AE-3 is cited in src/append-entries.ts');
  t.same(ae3?.mutants.map((m) => [m.id, m.status]), [['no-truncate', 'not measured']]);
  t.match(md, /^\| RV-2 \|.*\| not measured: vote-twice \|$/m);
  t.match(md, /status was \*\*not measured\*\*/);
  t.notMatch(md, /killed: /, 'nothing is claimed killed without a measurement');
});

/** A repository with the real spec and README, a README row no source has, and a src/ that cites a few rules. */
function smallRepo(t: Test, extra: Record<string, string> = {}): string {
  const readme = read('spec/README.md').replace(
    '| P-1 |',
    '| AE-6 | a rule only the README has | `NoSuchAction` |\n| P-1 |',
  );
  return t.testdir({
    spec: { 'README.md': readme, 'Raft.tla': read('spec/Raft.tla') },
    src: {
      'append-entries.ts': '// AE-1 .. AE-5: the receiver of AppendEntries.\nexport const x = 1;\n',
      'other.ts': "// P-1 and L-4.\nexport const note = 'L-2 only in a string';\n",
      'append-entries.test.ts': "import t from 'tap';\nt.test('AE-3: a conflict is truncated', async () => {});\n",
    },
    ...extra,
  });
}

t.test('a rule id of spec/README.md that src/ does not cite is a gap', async (t) => {
  const root = smallRepo(t);
  const f = buildFigure2({ root, corpus: [TRACES], catalogue: undefined, measured: undefined });
  const gap = (what: RegExp): readonly string[] => f.gaps.find((g) => what.test(g.what))?.ids ?? [];
  const noCode = gap(/^Figure 2 rules with no code location/);
  t.ok(noCode.includes('L-2'), 'L-2 only in a string: no code location');
  t.ok(noCode.includes('AE-6'));
  t.notOk(noCode.includes('AE-3'), 'AE-3 is in the AE-1 .. AE-5 range');
  t.notOk(noCode.includes('L-4'));
  t.same(gap(/^Figure 2 rules with no spec action/), ['AE-6']);
  t.same(gap(/"spec action" cell/), ['AE-6 (NoSuchAction (not defined))']);
  t.ok(gap(/^Figure 2 rules with no test/).includes('AE-1'));
  t.notOk(gap(/^Figure 2 rules with no test/).includes('AE-3'));
  t.ok(gap(/does not classify/).includes('AE-6'));
  t.same(gap(/^Figure 2 rules with zero corpus steps/), ['RV-1'], 'the fixture traces do not cover everything (no RequestVote of an older term)');
  const md = renderFigure2(f);
  t.match(md, /^- Figure 2 rules with no code location in src\/: .*\bL-2\b/m);
  t.match(md, /^\| AE-6 \| a rule only the README has \| — \| — \| — \| not classified \| no catalogue \|$/m);
});

/** run: `raftref figure2 ARGS` in this process: the exit code and what it printed. */
async function run(t: Test, args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const log = t.capture(console, 'log');
  const error = t.capture(console, 'error');
  try {
    const code = await figure2.run(args);
    const text = (calls: ReturnType<typeof log>): string => calls.map((c) => c.args.join(' ')).join('\n');
    return { code, out: text(log()), err: text(error()) };
  } finally {
    log.restore();
    error.restore();
  }
}

t.test('raftref figure2: --out writes, --check passes, then finds a stale file and names what changed', async (t) => {
  const root = smallRepo(t);
  const out = path.join(root, 'F.md');
  const args = ['--root', root, '--corpus', TRACES, '--out', out];
  const written = await run(t, args);
  t.equal(written.code, 0, written.err);
  t.match(written.out, /^figure2: wrote .*F\.md \(\d+ ids, \d+ kinds of gap, mutants not measured\)$/m);
  const current = await run(t, [...args, '--check']);
  t.equal(current.code, 0, current.err);
  t.match(current.out, /F\.md is current/);

  fs.appendFileSync(path.join(root, 'src', 'other.ts'), '// L-2: now cited.\n');
  const stale = await run(t, [...args, '--check']);
  t.equal(stale.code, 1);
  t.equal(stale.err.split('\n').length, 1, 'one line');
  t.match(stale.err, /^figure2: .*F\.md is stale: \+2 -2 lines, first difference at line \d+, in: L-2, Gaps — run make figure2$/);
  t.equal(fs.readFileSync(out, 'utf8').includes('src/other.ts:3'), false, '--check does not write');

  const missing = await run(t, ['--root', root, '--corpus', TRACES, '--check']);
  t.equal(missing.code, 1);
  t.match(missing.err, /spec\/FIGURE2\.md does not exist/);
});

t.test('raftref figure2: bad --mutants JSON is a one-line error, exit 2', async (t) => {
  const dir = t.testdir({ 'bad.json': '{"mutants": [{"id": "m", "title": "T", "rules": ["AE-1"], "status": "dead"}]}' });
  const r = raftref(['--mutants', path.join(dir, 'bad.json')]);
  t.equal(r.code, 2);
  t.match(r.err, /^raftref: error: .*bad\.json: \$\.mutants\[0\]\.status: expected "killed" or "survived", got "dead" — write it with raftref mutants --json > FILE\n$/);
  t.equal(r.out, '');
});

t.test('raftref figure2: unreadable --mutants, a bad option, a bad root or corpus: a one-line UserError', async (t) => {
  const root = smallRepo(t, { 'text.json': 'killed' });
  const cases: [string[], RegExp][] = [
    [['--mutants', path.join(root, 'text.json')], /text\.json: not JSON: /],
    [['--mutants', path.join(root, 'none.json')], /none\.json: cannot read: ENOENT/],
    [['--bogus'], /^raftref figure2: Unknown option '--bogus'/],
    [['--root', path.join(root, 'src')], /is not a raftref repository \(no spec\/README\.md\)/],
    [['--root', root, '--corpus', path.join(root, 'nowhere')], /nowhere: not a usable corpus trace: cannot read: ENOENT/],
  ];
  for (const [args, what] of cases) {
    const message = await run(t, args).then(
      () => 'no error',
      (e: unknown) => (e instanceof UserError ? e.message : `not a UserError: ${String(e)}`),
    );
    t.match(message, what, args.join(' '));
    t.notMatch(message, /\n/, 'one line');
  }
});

t.test('raftref figure2 --help: every option it lists is accepted', async (t) => {
  const options = [...figure2.help.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1] as string);
  t.same(options, ['--check', '--out', '--mutants', '--corpus', '--root', '--json']);
  const o = parseFigure2Args(['--check', '--out', 'F.md', '--mutants', 'm.json', '--corpus', 'a', '--corpus', 'b', '--root', REPO]);
  t.same(o, { check: true, out: 'F.md', mutants: 'm.json', corpus: ['a', 'b'], root: REPO, json: false });
  t.same(parseFigure2Args([]).corpus, ['traces/corpus'], 'the default corpus is the one --help names');
});
