// files.test.ts: which traces findTraces hands over, and which paths it reports as unusable.
// Nothing here opens a trace: a FIFO among them must not block the search.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { findTraces } from './files.js';

t.test('symlinks to traces are followed, inside a directory too', async (t) => {
  const dir = t.testdir({ real: { 'a.itf.json': '{}' }, scan: { 'b.itf.json': '{}', 'notes.txt': 'x' } });
  fs.symlinkSync(path.join(dir, 'real', 'a.itf.json'), path.join(dir, 'scan', 'link.itf.json'));
  fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'scan', 'linked-dir'));
  const found = findTraces([path.join(dir, 'scan')]);
  t.same(found.errors, []);
  t.same(found.files.map((f) => path.relative(dir, f)), ['scan/b.itf.json', 'scan/link.itf.json', 'scan/linked-dir/a.itf.json']);
});

t.test('a FIFO, a dangling link and a link loop among traces are reported; the good ones still found', async (t) => {
  const dir = t.testdir({ 'good.itf.json': '{}' });
  execFileSync('mkfifo', [path.join(dir, 'pipe.itf.json')]);
  fs.symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling.itf.json'));
  fs.symlinkSync(path.join(dir, 'loop.itf.json'), path.join(dir, 'loop.itf.json'));
  const found = findTraces([dir]);
  t.same(found.files, [path.join(dir, 'good.itf.json')]);
  t.same(
    found.errors.map((e) => [path.basename(e.file), e.what]),
    [
      ['dangling.itf.json', 'a symbolic link to nothing'],
      ['loop.itf.json', 'a loop of symbolic links'],
      ['pipe.itf.json', 'a FIFO (named pipe), not a regular file'],
    ],
  );
});

t.test('a FIFO or a device named as a trace is unusable', async (t) => {
  const dir = t.testdir({});
  execFileSync('mkfifo', [path.join(dir, 'p')]);
  t.match(findTraces([path.join(dir, 'p'), '/dev/null']).errors, [{ what: /FIFO/ }, { what: /device/ }]);
});

t.test('a directory loop through a symlink is entered once', async (t) => {
  const dir = t.testdir({ d: { 'x.itf.json': '{}' } });
  fs.symlinkSync(dir, path.join(dir, 'd', 'up'));
  const found = findTraces([dir]);
  t.same(found.files, [path.join(dir, 'd', 'x.itf.json')]);
});

// Tests run as root, for whom every directory is readable: the permission error is staged by
// the listing function instead of chmod.
t.test('a subdirectory that cannot be listed is reported; the rest still found', async (t) => {
  const dir = t.testdir({ ok: { 'a.itf.json': '{}' }, locked: { 'b.itf.json': '{}' } });
  const list = (d: string): string[] => {
    if (d.endsWith('locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return fs.readdirSync(d);
  };
  const found = findTraces([dir], list);
  t.same(found.files, [path.join(dir, 'ok', 'a.itf.json')]);
  t.match(found.errors, [{ file: path.join(dir, 'locked'), what: 'cannot list this directory (EACCES)' }]);
});

t.test('a directory without traces, and a missing path', async (t) => {
  const dir = t.testdir({ 'x.txt': '' });
  t.match(findTraces([dir, path.join(dir, 'nope')]).errors, [{ what: /no \*\.itf\.json traces/ }, { what: 'cannot read: ENOENT' }]);
});
