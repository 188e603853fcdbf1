// files: the trace files named on the command line: files as given,
// directories searched recursively for *.itf.json, in a stable order.
import fs from 'node:fs';
import path from 'node:path';
import type { TraceError } from './itf/read.js';

/**
 * COMMITTED_TRACES: every committed set of traces, relative to the
 * repository: the corpus, then the hand-written ones (the mutant
 * catalogue's, the mutation run's, the fixtures). A catalogued mutant must
 * be caught by them, and the replay-only mutation run replays them.
 */
export const COMMITTED_TRACES = ['traces/corpus', 'conformance/mutants/traces', 'conformance/mutation/traces', 'conformance/fixtures'] as const;

export type Found = { readonly files: readonly string[]; readonly errors: readonly TraceError[] };

function walk(dir: string, out: string[]): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (entry.isFile() && entry.name.endsWith('.itf.json')) out.push(p);
  }
}

/** findTraces: every trace under `paths`; a path that does not exist, or a directory without traces, is an error. */
export function findTraces(paths: readonly string[]): Found {
  const files: string[] = [];
  const errors: TraceError[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      errors.push({ file: p, state: undefined, what: `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, todo: 'give a trace file or a directory of *.itf.json traces' });
      continue;
    }
    if (!stat.isDirectory()) {
      files.push(p);
      continue;
    }
    const found: string[] = [];
    walk(p, found);
    if (found.length === 0) errors.push({ file: p, state: undefined, what: 'no *.itf.json traces in this directory', todo: 'generate traces (raftref traces generate) or give another path' });
    files.push(...found);
  }
  return { files: [...new Set(files)], errors };
}
