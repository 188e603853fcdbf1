// inputs.test.ts: numbers are taken only when written plainly and in range; paths are judged by
// stat before anything opens them, so a FIFO is named and never read (an open would block).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { checkWritableDirectory, kindOf, parseDecimal, parseInteger, readFile, requireFile, writableDirectory, writeFile } from './inputs.js';

const mkfifo = (p: string): void => void execFileSync('mkfifo', [p]);

t.test('parseInteger: plain integers in range only, the error names the option and the range', async (t) => {
  t.equal(parseInteger('--count', '12', 1, 100), 12);
  t.equal(parseInteger('--seed', '0', 0, 5), 0);
  t.equal(parseInteger('--x', '-3', -5, 5), -3);
  for (const bad of ['', ' 1', '1 ', '1e0', '1.0', '-0', '0x10', '+1', '01', 'Infinity', 'NaN', '１', '101', '0', '9007199254740993']) {
    t.throws(() => parseInteger('--count', bad, 1, 100), { name: 'UserError', message: /^--count: must be an integer in \[1, 100\], not ".*" — / }, JSON.stringify(bad));
  }
});

t.test('parseDecimal: plain decimals in range only', async (t) => {
  t.equal(parseDecimal('--weight', '0.5', 0, 10), 0.5);
  t.equal(parseDecimal('--weight', '3', 0, 10), 3);
  for (const bad of ['', '.5', '5.', '1e0', '-1', '0x1', '11', 'Infinity', '1,5']) {
    t.throws(() => parseDecimal('--weight', bad, 0, 10), { name: 'UserError', message: /^--weight: must be a decimal number in \[0, 10\]/ }, JSON.stringify(bad));
  }
});

t.test('kindOf: what a path is, links followed, without opening it', async (t) => {
  const dir = t.testdir({ 'f.txt': 'x', sub: {} });
  mkfifo(path.join(dir, 'fifo'));
  fs.symlinkSync(path.join(dir, 'f.txt'), path.join(dir, 'good-link'));
  fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'dangling'));
  fs.symlinkSync(path.join(dir, 'loop-b'), path.join(dir, 'loop-a'));
  fs.symlinkSync(path.join(dir, 'loop-a'), path.join(dir, 'loop-b'));
  t.equal(kindOf(path.join(dir, 'f.txt')), 'file');
  t.equal(kindOf(path.join(dir, 'good-link')), 'file');
  t.equal(kindOf(path.join(dir, 'sub')), 'directory');
  t.equal(kindOf(path.join(dir, 'fifo')), 'fifo');
  t.equal(kindOf('/dev/null'), 'device');
  t.equal(kindOf(path.join(dir, 'dangling')), 'dangling link');
  t.equal(kindOf(path.join(dir, 'loop-a')), 'link loop');
  t.equal(kindOf(path.join(dir, 'missing')), 'missing');
  t.equal(kindOf(path.join(dir, 'f.txt', 'x')), 'not a directory on the way');
  // A FIFO given where a file is read: an error at once, not a blocked open.
  t.throws(() => readFile(path.join(dir, 'fifo'), 'todo'), { message: /fifo: a FIFO \(named pipe\), not a regular file — todo$/ });
  t.throws(() => requireFile(path.join(dir, 'sub'), 'todo'), { message: /sub: a directory, where a file is expected/ });
  t.equal(readFile(path.join(dir, 'good-link'), 'todo'), 'x');
});

t.test('writableDirectory: created and probed; files, FIFOs and kernel filesystems refused', async (t) => {
  const dir = t.testdir({ file: 'x' });
  const made = path.join(dir, 'a', 'b');
  t.equal(writableDirectory(made, '--out'), made);
  t.ok(fs.statSync(made).isDirectory());
  t.same(fs.readdirSync(made), [], 'the probe file is removed');
  t.throws(() => writableDirectory(path.join(dir, 'file'), '--out'), { message: /file: a file, where a directory is expected — pass a writable directory as --out/ });
  t.throws(() => writableDirectory(path.join(dir, 'file', 'x'), '--out'), { message: /not a directory/ });
  // Node's recursive mkdir never returns here; ours names the kernel filesystem.
  t.throws(() => writableDirectory('/proc/self/x', '--out'), { message: /\/proc\/self is on procfs, a kernel filesystem/ });
  t.throws(() => writableDirectory('/proc/self', '--out'), { message: /on procfs, a kernel filesystem/ });
  t.throws(() => writableDirectory('/sys/kernel', '--out'), { message: /sysfs|cannot write|cannot be created/ });
});

t.test('checkWritableDirectory: judges without creating', async (t) => {
  const dir = t.testdir({ file: 'x' });
  const later = path.join(dir, 'later', 'repro');
  t.equal(checkWritableDirectory(later, '--repro-dir'), later);
  t.notOk(fs.existsSync(path.join(dir, 'later')), 'nothing created');
  t.throws(() => checkWritableDirectory(path.join(dir, 'file'), '--repro-dir'), { message: /a file, where a directory is expected/ });
  t.throws(() => checkWritableDirectory('/proc/self/x/y', '--repro-dir'), { message: /procfs/ });
});

t.test('writeFile: a name taken by a directory is a UserError naming the file', async (t) => {
  const dir = t.testdir({ 'taken.itf.json': {} });
  t.throws(() => writeFile(path.join(dir, 'taken.itf.json'), 'x', 'todo'), { name: 'UserError', message: /taken\.itf\.json: cannot write: the name is taken by a directory/ });
  writeFile(path.join(dir, 'new.itf.json'), 'x', 'todo');
  t.equal(fs.readFileSync(path.join(dir, 'new.itf.json'), 'utf8'), 'x');
});
