// replay.ts: `raftref replay PATH...`: replay traces of the model (traces/README.md) against
// the implementation in src/ (conformance/).

import { formatCoverage } from '../../conformance/coverage.js';
import { formatTraceError } from '../../conformance/itf/read.js';
import { fromPackage } from '../../conformance/spec-hash.js';
import { raftrefVersion } from '../../conformance/version.js';
import { progressSink } from '../../conformance/generate/progress.js';
import { checkWritableDirectory } from '../../conformance/inputs.js';
import { DEFAULT_REPRO_DIR, replayFiles, type ReplayFilesResult, type ReplayProgress } from '../../conformance/run.js';
import { type Command, INTERNAL_HELP, jsonSeconds, parseCommandArgs, usageError } from './command.js';

/** Replay progress: a line every 2 s off a terminal (a bar, redrawn, on one). */
export const PROGRESS_EVERY_MS = 2_000;

const help = `usage: raftref replay [options] PATH...

Replays ITF traces of spec/Raft.tla (traces/README.md) against src/: each PATH is a trace file
or a directory searched recursively for *.itf.json (symlinks followed). Only regular files are
read: a FIFO, a device, a dangling or looping link, or a subdirectory that cannot be listed is
reported as unusable, and the other traces are still replayed. After every step the implementation's
state is compared with the trace's on every spec variable. A trace that diverges is reported
(step, action, per-variable diff, the state before, the Figure 2 rules, the command that
replays it) and shrunk to the shortest diverging prefix, written as a reproducer.

options:
  --repro-dir DIR  where reproducers go (default: ${DEFAULT_REPRO_DIR} of the package); each is <name>.repro.itf.json;
                   checked before replaying: a writable directory, or one that can be created
  --no-repro       do not write reproducers
  --coverage       steps per action and per Figure 2 rule id, and the ones with none
  --check-enabled  also compare, in every state, which actions src/ enables with the spec's
                   guards (catches an action enabled where the spec has none, which no trace
                   takes; several times slower)
  --json           print one JSON document (the raftref version, traces, steps, divergences,
                   unusable files, seconds)
  --progress       progress on stderr (traces done/total, steps/s, ETA): a line every 2 s;
                   on a terminal a bar, shown without --progress; stdout is never touched
  --spec FILE      the spec the traces must have been generated from (default: the package's
                   spec/Raft.tla)

summary: replay: N traces, S steps, D divergences, E unusable, T s
  N traces replayed, S steps that conformed, D traces that diverged, E files not usable

exit codes: 0 every trace conforms, 1 a trace diverges, 2 unusable input (not JSON, not a
raftref ITF trace, a missing variable, an unknown action or server, a value of the wrong type,
another spec version, a missing path, no trace in a directory, a FIFO, a bad --repro-dir);
unusable files are reported and the others still replay; ${INTERNAL_HELP}.
With --json, stdout is one JSON object: the report, or {"error", "exitCode", ...}.`;

type Options = {
  readonly paths: readonly string[];
  readonly reproDir: string | null;
  readonly coverage: boolean;
  readonly checkEnabled: boolean;
  readonly json: boolean;
  readonly spec: string | undefined;
  readonly progress: boolean;
};

const bad = usageError('replay');

export function parseReplayArgs(argv: readonly string[]): Options {
  const parsed = parseCommandArgs('replay', {
    args: [...argv],
    allowPositionals: true,
    options: {
      'repro-dir': { type: 'string' },
      'no-repro': { type: 'boolean', default: false },
      coverage: { type: 'boolean', default: false },
      'check-enabled': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      spec: { type: 'string' },
      progress: { type: 'boolean', default: false },
    },
  });
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw bad('no PATH given: name trace files or directories (e.g. traces)');
  if (values['no-repro'] && values['repro-dir'] !== undefined) throw bad('--repro-dir and --no-repro contradict each other');
  return {
    paths: positionals,
    reproDir: values['no-repro'] ? null : (values['repro-dir'] ?? fromPackage(DEFAULT_REPRO_DIR)),
    coverage: values.coverage,
    checkEnabled: values['check-enabled'],
    json: values.json,
    spec: values.spec,
    progress: values.progress,
  };
}

export function summaryLine(r: ReplayFilesResult): string {
  return `replay: ${r.traces} traces, ${r.steps} steps, ${r.divergences.length} divergences, ${r.unusable.length} unusable, ${r.seconds.toFixed(2)} s`;
}

/** jsonSummary: the machine-readable form (reports without their text lines, which repeat the data). */
export function jsonSummary(r: ReplayFilesResult): unknown {
  return {
    raftref: raftrefVersion(),
    traces: r.traces,
    steps: r.steps,
    divergences: r.divergences.map(({ text: _text, ...d }) => d),
    unusable: r.unusable.map((e) => ({ ...e, message: formatTraceError(e) })),
    outcomes: r.outcomes,
    ...(r.coverage === undefined ? {} : { coverage: r.coverage }),
    seconds: jsonSeconds(r.seconds),
    // Unusable input is an error like any other: `error` says what, as on stderr.
    ...(r.unusable.length === 0 ? {} : { error: r.unusable.map((e) => `${formatTraceError(e)} — ${e.todo}`).join('; ') }),
    exitCode: r.exitCode,
  };
}

export const replay: Command = {
  name: 'replay',
  summary: 'replay ITF traces of the spec against src/ (conformance), shrink and report divergences',
  help,
  run: async (argv) => {
    const o = parseReplayArgs(argv);
    if (o.reproDir !== null) checkWritableDirectory(o.reproDir, '--repro-dir');
    const sink = o.progress || process.stderr.isTTY === true ? progressSink(process.stderr, Date.now, 250, PROGRESS_EVERY_MS) : undefined;
    const r = replayFiles(o.paths, {
      ...(sink === undefined ? {} : { onProgress: (p: ReplayProgress) => sink.update(p) }),
      reproDir: o.reproDir,
      coverage: o.coverage,
      checkEnabled: o.checkEnabled,
      ...(o.spec === undefined ? {} : { specFile: o.spec }),
    });
    sink?.done();
    if (o.json) {
      console.log(JSON.stringify(jsonSummary(r), null, 2));
      return r.exitCode;
    }
    for (const e of r.unusable) console.error(`raftref: error: ${formatTraceError(e)} — ${e.todo}`);
    for (const d of r.divergences) console.log(d.text.join('\n'));
    if (r.coverage !== undefined) console.log(formatCoverage(r.coverage).join('\n'));
    console.log(summaryLine(r));
    return r.exitCode;
  },
};
