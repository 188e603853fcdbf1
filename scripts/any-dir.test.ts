// raftref works from any directory: the built CLI, run from an empty directory outside the
// repository, finds its spec/ and defaults from the package, while the paths the user passes
// (the trace to replay, --out) are read relative to the working directory.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { repoDir } from '../conformance/spec-hash.js';

t.setTimeout(300_000);

const REPO = repoDir();
const CLI = path.join(REPO, 'dist', 'scripts', 'raftref.js');
const VERSION = /^raftref \d+\.\d+\.\d+( \(git [0-9a-f]+\))?$/;

function raftref(cwd: string, args: readonly string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

t.test('--version and --help', async (t) => {
  const cwd = t.testdir();
  const v = raftref(cwd, ['--version']);
  t.equal(v.code, 0);
  t.match(v.out.trimEnd(), VERSION);
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
  t.ok(v.out.startsWith(`raftref ${pkg.version}`), 'the version of package.json');
  const h = raftref(cwd, ['--help']);
  t.equal(h.code, 0);
  t.match(h.out, /^raftref --version prints/m);
});

t.test('replay: a trace named by the user, the spec from the package', async (t) => {
  const cwd = t.testdir({ 'copy.itf.json': fs.readFileSync(path.join(REPO, 'conformance', 'fixtures', 'election-2.itf.json'), 'utf8') });
  const r = raftref(cwd, ['replay', 'copy.itf.json']);
  t.equal(r.code, 0, 'exit 0', { stderr: r.err });
  t.match(r.out, /^replay: 1 traces, \d+ steps, 0 divergences, 0 unusable/m);
});

t.test('check: the models of the package\'s spec/', async (t) => {
  const r = raftref(t.testdir(), ['check', '--model', 'Nope']);
  t.equal(r.code, 2);
  t.match(r.err, /^raftref: error: .*unknown model Nope — use one of .*MCRaft2/);
});

t.test('traces generate: --out relative to the working directory, headers name the package\'s files', async (t) => {
  const cwd = t.testdir();
  const r = raftref(cwd, ['traces', 'generate', '--model', 'MCRaft2', '--count', '1', '--depth', '5', '--seed', '1', '--jobs', '1', '--out', 'out-here']);
  t.equal(r.code, 0, 'exit 0', { stderr: r.err });
  const files = fs.readdirSync(path.join(cwd, 'out-here'));
  t.same(files, ['MCRaft2-random-s1-0000.itf.json']);
  const doc = JSON.parse(fs.readFileSync(path.join(cwd, 'out-here', files[0] ?? ''), 'utf8')) as { '#meta': { source: string; raftref: { spec: string; generatedBy: string } } };
  t.equal(doc['#meta'].source, 'spec/MCRaft2.tla');
  t.equal(doc['#meta'].raftref.spec, 'spec/Raft.tla');
  t.match(doc['#meta'].raftref.generatedBy, VERSION);
});
