// `raftref replay`: output, exit codes (0 conform, 1 divergence, 2 unusable
// input), --json, --coverage, --help, argument errors.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { SMALL_FIXTURES, fixture, fixturePath, setVar } from './testing.js';

// Each case starts a process that compiles TypeScript on the fly: slow on 2 cores.
t.setTimeout(600_000);

const CLI = path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'scripts', 'raftref.ts');

function raftref(args: readonly string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...process.execArgv, CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const SUMMARY = /^replay: (\d+) traces, (\d+) steps, (\d+) divergences, (\d+) unusable, \d+\.\d\d s$/m;

t.test('help', async (t) => {
  const top = raftref(['--help']);
  t.equal(top.code, 0);
  t.match(top.out, /^ {2}replay +replay ITF traces/m);
  const help = raftref(['replay', '--help']);
  t.equal(help.code, 0);
  t.match(help.out, /^usage: raftref replay \[options\] PATH\.\.\./);
  t.match(help.out, /--repro-dir DIR/);
  t.match(help.out, /--check-enabled/);
  t.match(help.out, /exit codes: 0 every trace conforms, 1 a trace diverges, 2 unusable input/);
});

t.test('conforming traces: exit 0 and the summary line', async (t) => {
  const r = raftref(['replay', '--check-enabled', ...SMALL_FIXTURES]);
  t.equal(r.code, 0, r.err);
  const steps = fixture('election-2').states.length - 1 + fixture('conflict-3').states.length - 1;
  t.match(r.out, new RegExp(`^replay: 2 traces, ${steps} steps, 0 divergences, 0 unusable, \\d+\\.\\d\\d s\\n$`));
  t.equal(r.err, '');
});

t.test('a divergence: exit 1, one FAIL line with the report, a reproducer', async (t) => {
  const dir = t.testdir({});
  const file = path.join(dir, 'altered.itf.json');
  fs.writeFileSync(file, JSON.stringify(setVar(fixture('election-2'), 9, 'log', 's2', [])));
  const repro = path.join(dir, 'repro');
  const r = raftref(['replay', '--repro-dir', repro, file, fixturePath('conflict-3')]);
  t.equal(r.code, 1, r.err);
  const lines = r.out.split('\n');
  t.equal(lines.filter((l) => l.startsWith('FAIL ')).length, 1);
  t.match(r.out, `FAIL ${file}: step 9: HandleAppendEntriesRequest(AppendEntriesRequest(s1 -> s2, term 1, leaderId s1, prevLogIndex 0, prevLogTerm 0, entries <<[term 1, v1]>>, leaderCommit 0)): 1 difference from the trace\n`);
  t.match(r.out, '    log[s2]: expected <<>>, actual <<[term 1, v1]>> (first difference at index 1)\n');
  t.match(r.out, '  state before step 9 (state 8, on which the implementation agreed):\n    s1: Leader, term 1, votedFor s1, log <<[term 1, v1]>>, commitIndex 0, lastApplied 0, nextIndex (s2 :> 1), matchIndex (s2 :> 0)\n    s2: Follower, term 1, votedFor s1, log <<>>, commitIndex 0, lastApplied 0\n');
  t.match(r.out, '  rules of HandleAppendEntriesRequest: AE-1, AE-2, AE-3, AE-4, AE-5, C-3, F-1, D-9; this step per the trace: F-1, AE-4\n');
  t.match(r.out, `  rerun: node dist/scripts/raftref.js replay ${file}\n`);
  t.match(r.out, `  reproducer (states 0..9): ${path.join(repro, 'altered.repro.itf.json')}\n`);
  t.ok(fs.existsSync(path.join(repro, 'altered.repro.itf.json')));
  t.match(r.out, SUMMARY);
  t.match(r.out, /^replay: 2 traces, \d+ steps, 1 divergences, 0 unusable/m);
});

t.test('unusable input: one line each on stderr, exit 2, the other files still replay', async (t) => {
  const dir = t.testdir({
    'notjson.itf.json': '{"#meta": ',
    'notitf.itf.json': '{"hello": "world"}',
  });
  const r = raftref(['replay', '--no-repro', dir, fixturePath('election-2'), path.join(dir, 'missing.itf.json')]);
  t.equal(r.code, 2);
  const errors = r.err.trimEnd().split('\n');
  t.equal(errors.length, 3, r.err);
  t.match(errors[0], /^raftref: error: .*missing\.itf\.json: cannot read: ENOENT — give a trace file or a directory of \*\.itf\.json traces$/);
  t.match(errors[1], /^raftref: error: .*notitf\.itf\.json: not an ITF trace: \$\.#meta: expected ITF value, got nothing — replay only ITF traces/);
  t.match(errors[2], /^raftref: error: .*notjson\.itf\.json:1:11: \$\.#meta: expected a JSON value, found the end of the text — replay only ITF traces/);
  t.notMatch(r.err, /\n\s+at /, 'no stack trace');
  t.match(r.out, /^replay: 1 traces, 16 steps, 0 divergences, 3 unusable, /m);
});

t.test('--json and --coverage', async (t) => {
  const dir = t.testdir({ 'bad.itf.json': '[]' });
  const file = path.join(dir, 'altered.itf.json');
  fs.writeFileSync(file, JSON.stringify(setVar(fixture('election-2'), 3, 'currentTerm', 's2', { '#bigint': '2' })));
  const r = raftref(['replay', '--json', '--coverage', '--no-repro', ...SMALL_FIXTURES, file, path.join(dir, 'bad.itf.json')]);
  t.equal(r.code, 2);
  const doc = JSON.parse(r.out) as Record<string, unknown>;
  t.match(doc, {
    raftref: /^raftref \d+\.\d+\.\d+( \(git [0-9a-f]+\))?$/,
    traces: 3,
    steps: Number,
    seconds: Number,
    exitCode: 2,
    unusable: [{ file: path.join(dir, 'bad.itf.json'), what: /^not an ITF trace/, todo: String, message: String }],
    divergences: [
      {
        file,
        step: 3,
        action: /^UpdateTerm\(RequestVoteRequest\(s1 -> s2/,
        kind: 'state',
        diffs: [{ variable: 'currentTerm', at: '[s2]', expected: '2', actual: '1' }],
        before: Array,
        rules: { action: ['ALL-2', 'D-3'], step: ['ALL-2'] },
        command: `node dist/scripts/raftref.js replay ${file}`,
      },
    ],
    coverage: { actions: { DuplicateMessage: 2 }, rules: { 'AE-3': 1 } },
  });
  t.notOk('text' in ((doc['divergences'] as object[])[0] as object), 'no text lines in JSON');

  const c = raftref(['replay', '--coverage', fixturePath('election-2')]);
  t.equal(c.code, 0);
  t.match(c.out, /^coverage: steps per action\n {2}Restart +0\n/m);
  t.match(c.out, /^ {2}HandleAppendEntriesRequest +2$/m);
  t.match(c.out, /^ {2}AE-4 +1 {2}new entries appended$/m);
  t.match(c.out, /^actions with no step: Restart, DropStaleResponse, DropMessage, DuplicateMessage$/m);
  t.match(c.out, /^rules with no step: AE-1, AE-2, AE-3, RV-1, .*P-1, D-1, D-3, D-5, D-9$/m);
});

t.test('argument errors: one line, exit 2', async (t) => {
  for (const [args, want] of [
    [['replay'], /^raftref: error: raftref replay: no PATH given: name trace files or directories \(e\.g\. traces\) — see raftref replay --help\n$/],
    [['replay', '--bogus', 'x'], /^raftref: error: raftref replay: Unknown option '--bogus'/],
    [['replay', '--no-repro', '--repro-dir', 'x', 'y'], /contradict each other/],
  ] as const) {
    const r = raftref(args);
    t.equal(r.code, 2, args.join(' '));
    t.match(r.err, want);
  }
});
