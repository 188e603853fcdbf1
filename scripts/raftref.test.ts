import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { FIXTURES } from '../conformance/tla/fixtures.js';

// Each case starts a worker or a process; the default 30 s per file is too short on 2 cores.
t.setTimeout(600_000);

const CLI = path.join(path.dirname(fileURLToPath(import.meta.url)), 'raftref.ts');

function raftref(args: readonly string[], env: NodeJS.ProcessEnv = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...process.execArgv, CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A spec dir with the counter model and the chosen broken variants. */
function specDir(t: Test, variants: readonly string[]): string {
  const src = path.join(FIXTURES, 'counter');
  const files: Record<string, string | Record<string, string>> = { broken: {} };
  for (const f of ['Counter.tla', 'MCCounter.tla', 'MCCounter.cfg']) files[f] = fs.readFileSync(path.join(src, f), 'utf8');
  files['broken'] = Object.fromEntries(variants.map((v) => [`${v}.tla`, fs.readFileSync(path.join(src, 'broken', `${v}.tla`), 'utf8')]));
  return t.testdir(files);
}

t.test('help', async (t) => {
  const top = raftref(['--help']);
  t.equal(top.code, 0);
  t.match(top.out, /^ {2}check +model-check/m);
  const check = raftref(['check', '--help']);
  t.equal(check.code, 0);
  t.match(check.out, /--checker embedded\|tlc/);
});

t.test('check: a pass and caught broken variants exit 0 with a summary', async (t) => {
  const dir = specDir(t, ['CounterIncTwice', 'CounterResetHist']);
  const r = raftref(['check', '--spec-dir', dir, '--broken']);
  t.equal(r.code, 0, r.err);
  t.match(r.out, /^checker: tla-checker 0\.9\.0 {2}model: MCCounter {2}states: \d+ {2}depth: \d+ \(breadth-first, from the exported state graph\) {2}time: [\d.]+s {2}verdict: PASS$/m);
  t.match(r.out, /^ {2}coverage \(tla-checker state graph, distinct transitions per action\):\n {4}Inc +\d+\n {4}Reset +\d+$/m);
  t.match(r.out, /caught: invariant Bounded violated, counterexample of 4 states/);
  t.match(r.out, /caught: action property HistGrows violated, counterexample of 3 states/);
  t.match(r.out, /^summary: 3 passed, 0 failed$/m);
});

t.test('check: a broken variant that passes is a failure', async (t) => {
  const dir = specDir(t, ['CounterHarmless']);
  const r = raftref(['check', '--spec-dir', dir, '--broken']);
  t.equal(r.code, 1);
  t.match(r.out, /NOT CAUGHT: broken variant CounterHarmless must violate an invariant/);
  t.match(r.out, /^summary: 1 passed, 1 failed$/m);
});

t.test('check: a violation prints the labelled counterexample and exits 1', async (t) => {
  const r = raftref(['check', '--spec-dir', path.join(FIXTURES, 'extends'), '--model', 'MCBase']);
  t.equal(r.code, 1);
  t.match(r.out, /verdict: VIOLATION/);
  t.match(r.out, /violated: invariant NotThree \(counterexample: \d states\)/);
  t.match(r.out, /^step 0: Init\n {2}a = 0\n {2}b = \{\}\nstep 1: Step\([12]\)\n {2}a: 0 → [12]$/m);
});

t.test('bad input: one line, exit 2, no stack trace', async (t) => {
  const cases: Array<[string[], RegExp, NodeJS.ProcessEnv?]> = [
    [['check', '--spec-dir', FIXTURES + '/counter', '--model', 'Nope'], /^raftref: error: .*: unknown model Nope — use one of MCCounter\n$/],
    [['check', '--spec-dir', FIXTURES + '/parseerror'], /^raftref: error: .*parseerror\/Broken\.tla:6: tla-checker cannot parse this: .* — fix the TLA\+/m],
    [['check', '--checker', 'tlc', '--spec-dir', FIXTURES + '/counter'], /^raftref: error: TLA2TOOLS_JAR: not set — set TLA2TOOLS_JAR/, { TLA2TOOLS_JAR: '' }],
    [['check', '--checker', 'tlc', '--spec-dir', FIXTURES + '/counter'], /^raftref: error: java: java not found: install a JDK 11\+/, { PATH: '/nonexistent', JAVA_HOME: '' }],
    [['check', '--checker', 'nope'], /^raftref: error: --checker: must be one of embedded, tlc, not "nope"/],
    [['check', '--timeout', 'soon'], /^raftref: error: --timeout: must be an integer in \[1, 2147483\], not "soon" — see raftref check --help\n$/],
  ];
  for (const [args, want, env] of cases) {
    const r = raftref(args, env);
    t.equal(r.code, 2, args.join(' '));
    t.match(r.err, want);
    t.notMatch(r.err, /\n\s+at /, 'no stack trace');
  }
});

t.test('timeout: exit 3 and says so', async (t) => {
  const r = raftref(['check', '--spec-dir', FIXTURES + '/slow', '--timeout', '1']);
  t.equal(r.code, 3);
  t.match(r.out, /verdict: TIMEOUT/);
  t.match(r.out, /stopped by the time limit/);
});

t.test('--json and --coverage', async (t) => {
  const r = raftref(['check', '--spec-dir', FIXTURES + '/counter', '--json']);
  t.equal(r.code, 0);
  const doc: unknown = JSON.parse(r.out);
  t.match(doc, { raftref: /^raftref \d+\.\d+\.\d+( \(git [0-9a-f]+\))?$/, results: [{ model: 'MCCounter', verdict: 'pass', checker: 'tla-checker 0.9.0' }], exitCode: 0 });
  const c = raftref(['check', '--spec-dir', FIXTURES + '/counter', '--coverage', '500']);
  t.match(c.out, /^coverage MCCounter: complete BFS of \d+ states, depth \d+/m);
  t.match(c.out, /^ {2}Inc +\d+ transitions/m);
  t.match(c.out, /^ {2}Reset +\d+ transitions/m);
});
