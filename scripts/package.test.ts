// raftref as a package: `npm pack` of the built tree (no prepare: the build is current), installed
// into an empty project from npm's cache; then `npx raftref --version` prints the version with the
// commit recorded at build time (no .git there), and both entry points import.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { repoDir } from '../conformance/spec-hash.js';
import { BUILD_INFO, formatVersion } from '../conformance/version.js';

t.setTimeout(300_000);

const REPO = repoDir();

function run(cwd: string, command: string, args: readonly string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

t.test('pack, install, npx raftref --version, import raftref and raftref/conformance', async (t) => {
  const dir = t.testdir({ 'package.json': JSON.stringify({ name: 'uses-raftref', private: true, type: 'module' }) });
  const packed = run(REPO, 'npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', dir]);
  t.equal(packed.code, 0, 'npm pack', { stderr: packed.err });
  const tarball = packed.out.trim().split('\n').pop() ?? '';
  t.match(tarball, /^raftref-\d+\.\d+\.\d+\.tgz$/);
  const installed = run(dir, 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', `./${tarball}`]);
  t.equal(installed.code, 0, 'npm install of the tarball', { stderr: installed.err });

  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string };
  // A build by tsc alone (no npm run build) has no build-info.json: then no commit is recorded.
  const info = path.join(REPO, BUILD_INFO);
  const recorded = (fs.existsSync(info) ? JSON.parse(fs.readFileSync(info, 'utf8')) : {}) as { commit?: string };
  const version = run(dir, 'npx', ['--no-install', 'raftref', '--version']);
  t.equal(version.code, 0, 'npx raftref --version', { stderr: version.err });
  t.equal(version.out, `${formatVersion({ version: pkg.version, commit: recorded.commit })}\n`, 'the version, and the commit the build recorded');

  const script = "const core = await import('raftref'); const suite = await import('raftref/conformance'); console.log(typeof core.becomeLeader, typeof suite.replayFiles, typeof suite.SRC_ACTIONS.becomeLeader)";
  const imported = run(dir, process.execPath, ['--input-type=module', '-e', script]);
  t.equal(imported.code, 0, 'both entry points import', { stderr: imported.err });
  t.equal(imported.out, 'function function function\n');

  const shipped = fs.readdirSync(path.join(dir, 'node_modules', 'raftref'));
  t.same(shipped.sort(), ['LICENSE', 'README.md', 'dist', 'package.json', 'spec', 'traces'], 'no sources, tests or corpus');
  t.notOk(fs.existsSync(path.join(dir, 'node_modules', 'raftref', 'dist', 'src', 'log.test.js')), 'no compiled tests');
});
