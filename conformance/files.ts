// files: the trace files named on the command line: files as given,
// directories searched recursively for *.itf.json, in a stable order.
import fs from 'node:fs';
import path from 'node:path';
import { describe, errno, kindOf } from './inputs.js';
import type { TraceError } from './itf/read.js';

/**
 * COMMITTED_TRACES: every committed set of traces, relative to the
 * repository: the corpus, then the hand-written ones (the mutant
 * catalogue's, the mutation run's, the fixtures). A catalogued mutant must
 * be caught by them, and the replay-only mutation run replays them.
 */
export const COMMITTED_TRACES = ['traces/corpus', 'conformance/mutants/traces', 'conformance/mutation/traces', 'conformance/fixtures'] as const;

export type Found = { readonly files: readonly string[]; readonly errors: readonly TraceError[] };

/** How a directory is listed; a test passes one that fails (a permission error cannot be staged as root). */
export type ReadDir = (dir: string) => readonly string[];
const readDir: ReadDir = (dir) => fs.readdirSync(dir);

const TODO = 'give a trace file or a directory of *.itf.json traces';
const isTrace = (name: string): boolean => name.endsWith('.itf.json');

/**
 * walk: the traces under `dir`, in name order. Symlinks are followed (to files and to
 * directories; a directory already visited, by its real path, is not entered twice). An entry
 * named *.itf.json that is not a regular file (a FIFO, a device, a dangling or looping link)
 * and a subdirectory that cannot be listed are errors; the other traces are still found.
 */
function walk(dir: string, out: string[], errors: TraceError[], seen: Set<string>, list: ReadDir): void {
  let names: readonly string[];
  try {
    names = [...list(dir)].sort((a, b) => a.localeCompare(b));
  } catch (e) {
    errors.push({ file: dir, state: undefined, what: `cannot list this directory (${errno(e)})`, todo: TODO });
    return;
  }
  for (const name of names) {
    const p = path.join(dir, name);
    const kind = kindOf(p);
    if (kind === 'directory') {
      const real = realpath(p);
      if (seen.has(real)) continue;
      seen.add(real);
      walk(p, out, errors, seen, list);
    } else if (isTrace(name) && kind === 'file') out.push(p);
    else if (isTrace(name)) errors.push({ file: p, state: undefined, what: describe(kind), todo: TODO });
  }
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/**
 * findTraces: every trace under `paths`. A path that is not a regular file or a directory (after
 * its symlinks: missing, dangling, a FIFO, a device), or a directory without traces, is an error;
 * the files are only stat-ed here, never opened, so nothing blocks.
 */
export function findTraces(paths: readonly string[], list: ReadDir = readDir): Found {
  const files: string[] = [];
  const errors: TraceError[] = [];
  for (const p of paths) {
    const kind = kindOf(p);
    if (kind === 'file') {
      files.push(p);
      continue;
    }
    if (kind !== 'directory') {
      errors.push({ file: p, state: undefined, what: describe(kind), todo: TODO });
      continue;
    }
    const found: string[] = [];
    const before = errors.length;
    walk(p, found, errors, new Set([realpath(p)]), list);
    if (found.length === 0 && errors.length === before) errors.push({ file: p, state: undefined, what: 'no *.itf.json traces in this directory', todo: 'generate traces (raftref traces generate) or give another path' });
    files.push(...found);
  }
  return { files: [...new Set(files)], errors };
}
