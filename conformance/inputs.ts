// inputs: the checks every input of the command line goes through before it is used, so that a
// bad one is a UserError naming it (one line, exit 2) and never a hang or a stack trace.
//   - numbers: integers (or plain decimals) in a stated range, written plainly: no `1e0`,
//     `1.0` for an integer, `-0`, `0x10`, `+1`, spaces or the empty string;
//   - files read: regular files, checked with stat BEFORE opening (a FIFO would block the
//     open, a device never ends); symlinks are followed, a dangling or looping one is named;
//   - directories read: directories; directories written: a real, writable directory, shown
//     by creating and removing a probe file (O_EXCL on a fresh name: it cannot block), and not
//     on a kernel filesystem (/proc, /sys, ...), whose files are not files.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from './tla/errors.js';

/** parseInteger: `text` as an integer in [min, max], or a UserError naming `option` and the range. */
export function parseInteger(option: string, text: string, min: number, max: number, todo = 'see --help'): number {
  const range = `an integer in [${min}, ${max}]`;
  if (!/^(0|-?[1-9][0-9]*)$/.test(text)) throw new UserError(option, undefined, `must be ${range}, not ${show(text)}`, todo);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < min || n > max) throw new UserError(option, undefined, `must be ${range}, not ${show(text)}`, todo);
  return n;
}

/** parseDecimal: `text` as a plain decimal (`3`, `0.25`) in [min, max], or a UserError naming `option`. */
export function parseDecimal(option: string, text: string, min: number, max: number, todo = 'see --help'): number {
  const range = `a decimal number in [${min}, ${max}] (e.g. 2 or 0.5)`;
  if (!/^(0|[1-9][0-9]*)(\.[0-9]+)?$/.test(text)) throw new UserError(option, undefined, `must be ${range}, not ${show(text)}`, todo);
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max) throw new UserError(option, undefined, `must be ${range}, not ${show(text)}`, todo);
  return n;
}

/** parseChoice: one of `choices`, or a UserError naming `option` and the choices. */
export function parseChoice<C extends string>(option: string, text: string, choices: readonly C[], todo = 'see --help'): C {
  const found = choices.find((c) => c === text);
  if (found === undefined) throw new UserError(option, undefined, `must be one of ${choices.join(', ')}, not ${show(text)}`, todo);
  return found;
}

/** show: a value as it can be printed on one line (quoted, control characters escaped, cut short). */
export function show(text: string): string {
  const cut = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(cut);
}

/** What a path turned out to be, following symlinks. */
export type Kind = 'file' | 'directory' | 'fifo' | 'socket' | 'device' | 'dangling link' | 'link loop' | 'missing' | 'unreadable' | 'not a directory on the way';

/** kindOf: what `p` is once its symlinks are followed; never opens it, so never blocks. */
export function kindOf(p: string): Kind {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return 'link loop';
    if (code === 'ENOTDIR') return 'not a directory on the way';
    if (code === 'EACCES' || code === 'EPERM') return 'unreadable';
    if (code === 'ENOENT') return isLink(p) ? 'dangling link' : 'missing';
    return 'unreadable';
  }
  if (st.isFile()) return 'file';
  if (st.isDirectory()) return 'directory';
  if (st.isFIFO()) return 'fifo';
  if (st.isSocket()) return 'socket';
  return 'device';
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

const DESCRIBE: Record<Kind, string> = {
  file: 'a file',
  directory: 'a directory',
  fifo: 'a FIFO (named pipe), not a regular file',
  socket: 'a socket, not a regular file',
  device: 'a device, not a regular file',
  'dangling link': 'a symbolic link to nothing',
  'link loop': 'a loop of symbolic links',
  missing: 'cannot read: ENOENT',
  unreadable: 'not readable (permission denied)',
  'not a directory on the way': 'not found: a path component is not a directory',
};

/** describe: `kind` as the `what` of an error. */
export function describe(kind: Kind): string {
  return DESCRIBE[kind];
}

/** requireFile: `p` must be (a link to) a regular file; otherwise a UserError naming it. */
export function requireFile(p: string, todo: string): void {
  const kind = kindOf(p);
  if (kind !== 'file') throw new UserError(p, undefined, kind === 'directory' ? 'a directory, where a file is expected' : describe(kind), todo);
}

/** readFile: the text of `p`, after requireFile; a read error is a UserError too. */
export function readFile(p: string, todo: string): string {
  requireFile(p, todo);
  try {
    return fs.readFileSync(p, 'utf8');
  } catch (e) {
    throw new UserError(p, undefined, `cannot read (${errno(e)})`, todo);
  }
}

/** requireDirectory: `p` must be (a link to) a directory; otherwise a UserError naming it. */
export function requireDirectory(p: string, todo: string): void {
  const kind = kindOf(p);
  if (kind !== 'directory') throw new UserError(p, undefined, kind === 'file' ? 'a file, where a directory is expected' : describe(kind), todo);
}

/** Kernel filesystems whose entries are not files (statfs f_type; linux/magic.h). */
const SPECIAL_FS = new Map<number, string>([
  [0x9fa0, 'procfs'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x73636673, 'securityfs'],
  [0x42494e4d, 'binfmt_misc'],
  [0xcafe4a11, 'bpf'],
]);

/**
 * checkWritableDirectory: like writableDirectory, without creating anything: an existing `dir`
 * is probed; a missing one must have a nearest existing ancestor that passes the same checks.
 */
export function checkWritableDirectory(dir: string, option: string): string {
  let at = dir;
  while (kindOf(at) === 'missing' && path.dirname(at) !== at) at = path.dirname(at);
  if (at !== dir && kindOf(at) !== 'directory') throw new UserError(dir, undefined, `cannot be created: ${at} is ${kindOf(at) === 'file' ? 'a file' : describe(kindOf(at))}`, `pass a writable directory as ${option}`);
  const special = at === dir ? undefined : specialFilesystem(at);
  if (special !== undefined) throw new UserError(dir, undefined, `cannot be created: ${at} is on ${special}, a kernel filesystem`, `pass a writable directory as ${option}`);
  writableDirectory(at, option);
  return dir;
}

/**
 * writableDirectory: creates `dir` (and its parents) if needed and shows that files can be
 * written in it, or throws a UserError naming `dir`. Refused: an existing non-directory, a
 * directory on a kernel filesystem (/proc, /sys, ...), one where a probe file cannot be created.
 */
export function writableDirectory(dir: string, option: string): string {
  const todo = `pass a writable directory as ${option}`;
  const kind = kindOf(dir);
  if (kind !== 'directory' && kind !== 'missing') throw new UserError(dir, undefined, kind === 'file' ? 'a file, where a directory is expected' : describe(kind), todo);
  makeDirectory(dir, todo);
  requireDirectory(dir, todo);
  const special = specialFilesystem(dir);
  if (special !== undefined) throw new UserError(dir, undefined, `on ${special}, a kernel filesystem, not a place for files`, todo);
  const probe = path.join(dir, `.raftref-probe-${process.pid}-${Date.now()}`);
  try {
    // O_EXCL: a fresh name, never an existing FIFO; O_NONBLOCK for good measure.
    fs.closeSync(fs.openSync(probe, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_NONBLOCK, 0o600));
    fs.rmSync(probe, { force: true });
  } catch (e) {
    throw new UserError(dir, undefined, `cannot write in this directory (${errno(e)})`, todo);
  }
  return dir;
}

/**
 * makeDirectory: `mkdir -p` one level at a time, checking the nearest existing ancestor first
 * (a directory, not on a kernel filesystem). Node's recursive mkdirSync never returns under
 * /proc (`/proc/self/x`), so it is not used.
 */
function makeDirectory(dir: string, todo: string): void {
  const missing: string[] = [];
  let at = path.resolve(dir);
  while (kindOf(at) === 'missing' && path.dirname(at) !== at) {
    missing.unshift(at);
    at = path.dirname(at);
  }
  if (missing.length === 0) return;
  const kind = kindOf(at);
  if (kind !== 'directory') throw new UserError(dir, undefined, `cannot be created: ${at} is ${kind === 'file' ? 'a file' : describe(kind)}`, todo);
  const special = specialFilesystem(at);
  if (special !== undefined) throw new UserError(dir, undefined, `cannot be created: ${at} is on ${special}, a kernel filesystem`, todo);
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new UserError(dir, undefined, `cannot create the directory (${errno(e)} at ${d})`, todo);
    }
  }
}

function specialFilesystem(dir: string): string | undefined {
  try {
    return SPECIAL_FS.get(Number(fs.statfsSync(dir).type));
  } catch {
    return undefined;
  }
}

/** writeFile: writes `text` to `file`, a UserError naming it when that fails (e.g. a directory holds its name). */
export function writeFile(file: string, text: string, todo: string): void {
  const kind = kindOf(file);
  if (kind !== 'file' && kind !== 'missing') throw new UserError(file, undefined, `cannot write: the name is taken by ${kind === 'directory' ? 'a directory' : describe(kind)}`, todo);
  try {
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new UserError(file, undefined, `cannot write (${errno(e)})`, todo);
  }
}

/** errno: the code of a file-system error (EACCES, ...), or its message. */
export function errno(e: unknown): string {
  return (e as NodeJS.ErrnoException | undefined)?.code ?? (e instanceof Error ? e.message : String(e));
}
