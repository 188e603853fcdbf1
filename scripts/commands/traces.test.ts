import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { traces } from './traces.js';
import { UserError } from '../../conformance/tla/errors.js';
import { repoDir } from '../../conformance/spec-hash.js';

// Each case starts the CLI in a process (TypeScript compiled on the fly): slow on 2 cores.
t.setTimeout(300_000);

const REPO = repoDir();
const CLI = path.join(REPO, 'scripts', 'raftref.ts');
const SPEC = path.join(REPO, 'spec');

function raftref(args: readonly string[], env: NodeJS.ProcessEnv = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...process.execArgv, CLI, 'traces', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const oneLineError = (t: Test, r: ReturnType<typeof raftref>, re: RegExp): void => {
  t.equal(r.code, 2, r.err);
  t.match(r.err, re);
  t.match(r.err, /^raftref: error: [^\n]+\n$/, 'one line');
};

t.test('--help lists every option', async (t) => {
  const r = { out: traces.help };
  for (const o of ['--model', '--count', '--depth', '--min-depth', '--seed', '--out', '--mode random|coverage', '--checker embedded|tlc', '--jobs', '--weight', '--max-count', '--skip', '--cfg']) {
    t.ok(r.out.includes(o), o);
  }
  t.match(r.out, /TLC leaves\s+stuttering steps out/, 'says TLC traces can be shorter than asked');
  t.match(r.out, /DropMessage=0\.3/, 'the default weights');
});

t.test('a small batch: files, summary, exit 0; progress on stderr (not a terminal: lines)', async (t) => {
  const out = t.testdir();
  const r = raftref(['generate', '--model', 'Raft2', '--count', '2', '--depth', '6', '--seed', '3', '--out', out, '--jobs', '1', '--spec-dir', SPEC]);
  t.equal(r.code, 0, r.err);
  t.match(r.out, /^wrote 2 files to /m);
  t.match(r.out, /^generated 2 traces \(MCRaft2: 2\), 12 steps in [\d.]+s with 1 job: /m);
  t.match(r.out, /^ {2}Timeout +\d+ +\d+/m);
  t.match(r.out, /^ {2}AE-3 +0 +0 {2}NEVER$/m);
  t.match(r.out, /a leader elected while a log holds an older-term entry not committed anywhere/);
  t.match(r.err, /^progress: 2\/2 traces/m);
  t.same(fs.readdirSync(out).sort(), ['MCRaft2-random-s3-0000.itf.json', 'MCRaft2-random-s3-0001.itf.json']);
});

t.test('coverage mode that does not get there: exit 1, naming what is missing', async (t) => {
  const log = t.capture(console, 'log');
  const code = await traces.run(['generate', '--model', 'MCRaft2', '--count', '1', '--depth', '3', '--seed', '1', '--out', t.testdir(), '--mode', 'coverage', '--max-count', '1', '--jobs', '1', '--spec-dir', SPEC]);
  t.equal(code, 1);
  t.match(log().map((c) => c.args.join(' ')).join('\n'), /^never taken: .*AdvanceCommitIndex/m);
});

t.test('bad input: a UserError, which raftref prints as one line with exit 2', async (t) => {
  const dir = t.testdir({ file: '' });
  const common = ['--count', '1', '--depth', '2', '--seed', '1', '--spec-dir', SPEC];
  const rejects = (args: string[], re: RegExp) => t.rejects(traces.run(['generate', ...args]), { name: 'UserError', message: re });
  await rejects(['--model', 'MCNope', '--out', dir, ...common], /unknown model MCNope/);
  await rejects(['--model', 'MCRaft2', '--out', dir, '--count', 'ten', '--depth', '2', '--seed', '1'], /--count: must be an integer in \[1, 100000\], not "ten"/);
  await rejects(['--model', 'MCRaft2', '--out', dir, '--count', '1', '--depth', '2'], /--seed is required/);
  await rejects(['--out', dir, ...common], /--model is required/);
  await rejects(['--model', 'MCRaft2', '--out', path.join(dir, 'file', 'x'), ...common], /not found: a path component is not a directory/);
  await rejects(['--model', 'MCRaft2', '--out', dir, '--mode', 'bfs', ...common], /--mode: must be one of random, coverage, not "bfs"/);
  await rejects(['--model', 'MCRaft2', '--out', dir, '--checker', 'java', ...common], /--checker: must be one of embedded, tlc, not "java"/);
  await rejects(['--model', 'MCRaft2', '--out', dir, '--bogus', ...common], /Unknown option '--bogus'/);
  await t.rejects(traces.run(['frobnicate']), UserError);
  const saved = process.env['TLA2TOOLS_JAR'];
  delete process.env['TLA2TOOLS_JAR'];
  await rejects(['--model', 'MCRaft2', '--out', dir, '--checker', 'tlc', ...common], /TLA2TOOLS_JAR: not set/);
  if (saved !== undefined) process.env['TLA2TOOLS_JAR'] = saved;
  const r = raftref(['generate', '--model', 'MCNope', '--out', dir, ...common]);
  oneLineError(t, r, /unknown model MCNope/);
});
