// shrink: a diverging trace cut down to the shortest prefix (states 0..k)
// that still diverges, written as a one-file reproducer.
//
// Replay is deterministic and checks every state, so a trace that first
// diverges at step k has states 0..k as its shortest diverging prefix:
// 0..k-1 conformed on the way there. shrink still replays both prefixes
// and says whether they behave so (a nondeterministic implementation would
// not), rather than assume it.
import { writableDirectory, writeFile } from './inputs.js';
import path from 'node:path';
import { formatCall } from './format.js';
import { replayTrace, type Divergence, type ReplayOptions } from './replay.js';
import { replayCommand, type Repro } from './report.js';
import type { Trace } from './trace.js';

/** prefix: states 0..k of a trace, with the JSON to match. */
export function prefix(trace: Trace, k: number, note: string): Trace {
  const json = trace.json as { readonly '#meta': Record<string, unknown>; readonly states: readonly unknown[] };
  const description = typeof json['#meta']['description'] === 'string' ? `${json['#meta']['description']}; ` : '';
  return {
    ...trace,
    description: `${trace.description === '' ? '' : `${trace.description}; `}${note}`,
    steps: trace.steps.slice(0, k + 1),
    json: { ...json, '#meta': { ...json['#meta'], description: `${description}${note}` }, states: json.states.slice(0, k + 1) },
  };
}

export type Shrunk = {
  readonly trace: Trace;
  /** True when the prefix diverges at the same step and the prefix one state shorter conforms. */
  readonly verified: boolean;
};

/** shrink: the shortest prefix of `trace` that still diverges like `d`. */
export function shrink(trace: Trace, d: Divergence, options: ReplayOptions = {}): Shrunk {
  const what = d.call === null ? 'the initial state' : `step ${d.step}, ${formatCall(d.call)}`;
  const shortest = prefix(trace, d.step, `shrunk: states 0..${d.step} of ${trace.file}, diverges at ${what}`);
  const again = replayTrace(shortest, options).divergence;
  const shorter = d.step === 0 ? undefined : replayTrace(prefix(trace, d.step - 1, ''), options).divergence;
  return { trace: shortest, verified: again?.step === d.step && again.kind === d.kind && shorter === undefined };
}

/** reproName: <name>.repro.itf.json for a trace file <name>.itf.json. */
export function reproName(file: string): string {
  const base = path.basename(file).replace(/(\.repro)?\.itf\.json$|\.json$/, '');
  return `${base}.repro.itf.json`;
}

/** writeRepro: write a shrunk trace into `dir`; `taken` avoids overwriting another reproducer of the same run. */
export function writeRepro(shrunk: Trace, dir: string, taken: Set<string>): Repro {
  writableDirectory(dir, '--repro-dir');
  let file = path.join(dir, reproName(shrunk.file));
  for (let n = 2; taken.has(file); n++) file = path.join(dir, reproName(shrunk.file).replace(/\.repro\.itf\.json$/, `-${n}.repro.itf.json`));
  taken.add(file);
  writeFile(file, `${JSON.stringify(shrunk.json, null, 2)}\n`, 'pass another --repro-dir, or --no-repro');
  return { file, states: shrunk.steps.length, command: replayCommand(file) };
}
