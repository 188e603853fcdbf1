// errors.test.ts: the reported failures of the error contract (issues 12 and 14), each replayed
// through main with the real commands, in this process: every one must be exit 2 (bad input;
// 3 for a time limit) with one line on stderr naming the input and, with --json, exactly one
// JSON object on stdout. Before the fix they were internal errors (exit 1), hangs or crashes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import t, { type Test } from 'tap';
import { repoDir } from '../../conformance/spec-hash.js';
import { FIXTURES } from '../../conformance/tla/fixtures.js';
import { type Io, main } from '../main.js';

t.setTimeout(300_000);

const REPO = repoDir();
const SPEC = path.join(REPO, 'spec');
const GOOD_TRACE = path.join(REPO, 'conformance', 'fixtures', 'election-2.itf.json');

type Outcome = { code: number; out: string; err: string[] };

/** main in this process; stdout (console.log) and stderr writes of the command are captured too. */
async function raftref(t: Test, argv: readonly string[]): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => void out.push(l), err: (l) => void err.push(l) };
  const log = t.capture(console, 'log');
  const errLog = t.capture(console, 'error');
  const write = t.capture(process.stderr, 'write', () => true);
  const code = await main(argv, io);
  out.push(...log().map((c) => c.args.join(' ')));
  err.push(...errLog().map((c) => c.args.join(' ')));
  err.push(...write().flatMap((c) => String(c.args[0]).split('\n').filter((l) => l !== '')));
  return { code, out: out.join('\n'), err };
}

/** The contract for bad input: exit 2, one error line matching `re`, no stack; with --json one object. */
async function rejects(t: Test, argv: readonly string[], re: RegExp, code = 2): Promise<void> {
  const plain = await raftref(t, argv);
  t.equal(plain.code, code, argv.join(' '));
  const errors = plain.err.filter((l) => l.startsWith('raftref: '));
  t.equal(errors.length, 1, `one error line: ${plain.err.join(' | ')}`);
  t.match(errors[0] ?? '', re);
  t.notOk(plain.err.some((l) => /^\s+at /.test(l)), 'no stack trace');
  const json = await raftref(t, [...argv, '--json']);
  t.equal(json.code, code);
  t.match(JSON.parse(json.out), { exitCode: code, error: re }, 'stdout: one JSON object');
}

const mkfifo = (p: string): void => void execFileSync('mkfifo', [p]);

t.test('check: a file as --spec-dir (ENOTDIR), a cfg that is a directory (EISDIR), a FIFO cfg, no model', async (t) => {
  const dir = t.testdir({ file: 'x', cfgdir: { 'MCX.tla': '', 'MCX.cfg': {} }, fifo: { 'MCX.tla': '' }, empty: { 'README.md': '' } });
  mkfifo(path.join(dir, 'fifo', 'MCX.cfg'));
  await rejects(t, ['check', '--spec-dir', path.join(dir, 'file')], /file: a file, where a directory is expected/);
  await rejects(t, ['check', '--spec-dir', path.join(dir, 'cfgdir')], /MCX\.cfg: a directory, where a file is expected/);
  await rejects(t, ['check', '--spec-dir', path.join(dir, 'fifo')], /MCX\.cfg: a FIFO \(named pipe\)/);
  await rejects(t, ['check', '--spec-dir', path.join(dir, 'empty')], /empty: nothing to check: no model/);
});

t.test('check: timeouts the runtime cannot honour, a bad --coverage', async (t) => {
  for (const v of ['Infinity', '2147484', '12.3', '0', '-1', '1e3']) await rejects(t, ['check', `--timeout=${v}`], /--timeout: must be an integer in \[1, 2147483\]/);
  await rejects(t, ['check', '--coverage=abc'], /--coverage: must be an integer in \[1, 1000000\], not "abc"/);
  await rejects(t, ['check', '--coverage', '-5'], /--coverage: must be an integer/);
  await rejects(t, ['check', '--checker', 'nope'], /--checker: must be one of embedded, tlc/);
});

t.test('check --checker tlc: a java that cannot run TLC is bad input; one that never ends is stopped by --timeout', async (t) => {
  const dir = t.testdir({ bad: { bin: {} }, slow: { bin: {} } });
  const jar = path.join(dir, 'fake.jar');
  execFileSync('python3', ['-c', `import zipfile; z = zipfile.ZipFile(${JSON.stringify(jar)}, 'w'); z.writestr('tlc2/TLC.class', 'x'); z.close()`]);
  const java = (name: string, body: string): void => {
    fs.writeFileSync(path.join(dir, name, 'bin', 'java'), `#!/bin/sh\nif [ "$1" = -version ]; then echo 'openjdk version "17"' >&2; exit 0; fi\n${body}\n`, { mode: 0o755 });
  };
  java('bad', 'echo "Error: Could not find or load main class tlc2.TLC" >&2; exit 1');
  java('slow', 'trap "" TERM\nwhile true; do sleep 1; done');
  const saved = { JAVA_HOME: process.env['JAVA_HOME'], TLA2TOOLS_JAR: process.env['TLA2TOOLS_JAR'] };
  t.teardown(() => Object.assign(process.env, saved));
  process.env['TLA2TOOLS_JAR'] = jar;
  process.env['JAVA_HOME'] = path.join(dir, 'bad');
  await rejects(t, ['check', '--checker', 'tlc', '--spec-dir', path.join(FIXTURES, 'counter')], /bad\/bin\/java: cannot run TLC: Error: Could not find or load main class tlc2\.TLC/);
  process.env['JAVA_HOME'] = path.join(dir, 'slow');
  const started = Date.now();
  const r = await raftref(t, ['check', '--checker', 'tlc', '--spec-dir', path.join(FIXTURES, 'counter'), '--timeout', '1']);
  t.equal(r.code, 3, 'the time limit');
  t.ok(Date.now() - started < 15_000, 'SIGTERM ignored, SIGKILL 2 s later');
});

t.test('replay: a FIFO trace, a FIFO and a dangling link among good traces, a symlinked trace', async (t) => {
  const dir = t.testdir({ traces: {}, lone: {} });
  fs.copyFileSync(GOOD_TRACE, path.join(dir, 'traces', 'good.itf.json'));
  fs.symlinkSync(GOOD_TRACE, path.join(dir, 'traces', 'linked.itf.json'));
  mkfifo(path.join(dir, 'traces', 'pipe.itf.json'));
  fs.symlinkSync(path.join(dir, 'gone'), path.join(dir, 'traces', 'dangling.itf.json'));
  mkfifo(path.join(dir, 'lone', 'only.itf.json'));
  await rejects(t, ['replay', '--no-repro', path.join(dir, 'lone', 'only.itf.json')], /only\.itf\.json: a FIFO \(named pipe\), not a regular file/);
  const r = await raftref(t, ['replay', '--no-repro', '--json', path.join(dir, 'traces')]);
  t.equal(r.code, 2, 'unusable input, reported at the end');
  const doc = JSON.parse(r.out) as { traces: number; unusable: { file: string; what: string }[] };
  t.equal(doc.traces, 2, 'the good trace and the symlinked one are replayed');
  t.same(doc.unusable.map((u) => [path.basename(u.file), u.what]), [
    ['dangling.itf.json', 'a symbolic link to nothing'],
    ['pipe.itf.json', 'a FIFO (named pipe), not a regular file'],
  ]);
});

t.test('replay: a --repro-dir that is a file, or under /proc', async (t) => {
  const dir = t.testdir({ file: 'x' });
  await rejects(t, ['replay', '--repro-dir', path.join(dir, 'file'), GOOD_TRACE], /file: a file, where a directory is expected — pass a writable directory as --repro-dir/);
  await rejects(t, ['replay', '--repro-dir', '/proc/self', GOOD_TRACE], /\/proc\/self: on procfs, a kernel filesystem/);
  await rejects(t, ['replay', '--repro-dir', '/proc/self/x', GOOD_TRACE], /\/proc\/self is on procfs/);
});

t.test('traces generate: counts beyond the bound, --out under /proc, a name taken by a directory, a seed of -1', async (t) => {
  const dir = t.testdir({ taken: { 'MCRaft2-random-s1-0000.itf.json': {} } });
  const common = ['--model', 'Raft2', '--depth', '3', '--seed', '1', '--jobs', '1', '--spec-dir', SPEC];
  for (const n of ['4294967296', '100000000', '100001']) await rejects(t, ['traces', 'generate', ...common, '--count', n, '--out', dir], /--count: must be an integer in \[1, 100000\]/);
  await rejects(t, ['traces', 'generate', ...common, '--count', '1', '--out', '/proc/self/x'], /\/proc\/self is on procfs/);
  await rejects(t, ['traces', 'generate', ...common, '--count', '1', '--out', path.join(dir, 'taken')], /MCRaft2-random-s1-0000\.itf\.json: cannot write a trace here: the name is taken by a directory/);
  await rejects(t, ['traces', 'generate', '--model', 'Raft2', '--count', '1', '--depth', '3', '--seed', '-1', '--out', dir], /Option '--seed' argument is ambiguous/);
  await rejects(t, ['traces', 'generate', ...common, '--count', '1', '--out', dir, '--weight', 'Timeout=1e0'], /--weight: must be a decimal number/);
});

t.test('traces generate: weights that allow no step, and a spec tla-checker cannot evaluate', async (t) => {
  const out = t.testdir({});
  const common = ['--model', 'Raft2', '--count', '1', '--depth', '3', '--seed', '1', '--jobs', '1', '--out', out];
  await rejects(t, ['traces', 'generate', ...common, '--spec-dir', SPEC, '--weight', 'Timeout=0', '--weight', 'Restart=0'], /--weight: no trace took a step/);
  const spec = t.testdir(Object.fromEntries(fs.readdirSync(SPEC).filter((f) => /\.(tla|cfg)$/.test(f)).map((f) => [f, fs.readFileSync(path.join(SPEC, f), 'utf8')])));
  const raft = path.join(spec, 'Raft.tla');
  fs.writeFileSync(raft, fs.readFileSync(raft, 'utf8').replace(/^Timeout\(i\) ==\n/m, 'Timeout(i) ==\n    /\\ noSuchVar = 1\n'));
  await rejects(t, ['traces', 'generate', ...common, '--spec-dir', spec], /Raft\.tla.*: tla-checker cannot evaluate the model: undefined variable `noSuchVar`/);
});
