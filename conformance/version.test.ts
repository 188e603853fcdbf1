// version.ts: the version string, the commit from git in a checkout, from dist/build-info.json
// without one, and never an error when git, the record or package.json is missing.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { repoDir } from './spec-hash.js';
import { formatVersion, gitCommit, raftrefVersion, versionInfo } from './version.js';

t.test('formatVersion: the commit only when known', async (t) => {
  t.equal(formatVersion({ version: '0.1.0', commit: 'd03abda' }), 'raftref 0.1.0 (git d03abda)');
  t.equal(formatVersion({ version: '0.1.0', commit: undefined }), 'raftref 0.1.0');
});

t.test('an installed package (no .git): the commit recorded at build time', async (t) => {
  const dir = t.testdir({ 'package.json': '{"version": "1.2.3"}', dist: { 'build-info.json': '{"commit": "abc1234"}' } });
  t.same(versionInfo(dir), { version: '1.2.3', commit: 'abc1234' });
});

t.test('nothing recorded, nothing readable: still a version string', async (t) => {
  t.same(versionInfo(t.testdir({ 'package.json': '{"version": "1.2.3"}' })), { version: '1.2.3', commit: undefined });
  t.same(versionInfo(t.testdir({ 'package.json': 'not json', dist: { 'build-info.json': '[]' } })), { version: 'unknown', commit: undefined });
});

t.test('a checkout: git HEAD, which wins over the record; without git on the PATH, the record', async (t) => {
  const repo = repoDir();
  if (!fs.existsSync(path.join(repo, '.git'))) {
    t.comment('not a git checkout: nothing to test here');
    return;
  }
  const head = gitCommit(repo);
  t.match(head, /^[0-9a-f]{4,40}$/);
  t.match(raftrefVersion(), new RegExp(`^raftref \\d+\\.\\d+\\.\\d+ \\(git ${head}\\)$`));
  const dir = t.testdir({ '.git': 'gitdir: /nonexistent', 'package.json': '{"version": "1.2.3"}', dist: { 'build-info.json': '{"commit": "abc1234"}' } });
  t.equal(gitCommit(dir), undefined, 'a broken .git gives no commit, not an error');
  const saved = process.env['PATH'];
  process.env['PATH'] = '/nonexistent';
  try {
    t.equal(gitCommit(repo), undefined, 'no git on the PATH gives no commit, not an error');
  } finally {
    process.env['PATH'] = saved;
  }
  t.same(versionInfo(dir), { version: '1.2.3', commit: 'abc1234' });
});
