// replay.ts: `raftref replay PATH...`: replay traces of the model (traces/README.md) against
// the implementation in src/ (conformance/).

import { formatCoverage } from '../../conformance/coverage.js';
import { formatTraceError } from '../../conformance/itf/read.js';
import { DEFAULT_REPRO_DIR, replayFiles, type ReplayFilesResult } from '../../conformance/run.js';
import { fromPackage } from '../../conformance/spec-hash.js';
import { raftrefVersion } from '../../conformance/version.js';
import { type Command, parseCommandArgs, usageError } from './command.js';

const help = `usage: raftref replay [options] PATH...

Replays ITF traces of spec/Raft.tla (traces/README.md) against src/: each PATH is a trace file
or a directory searched recursively for *.itf.json. After every step the implementation's
state is compared with the trace's on every spec variable. A trace that diverges is reported
(step, action, per-variable diff, the state before, the Figure 2 rules, the command that
replays it) and shrunk to the shortest diverging prefix, written as a reproducer.

options:
  --repro-dir DIR  where reproducers go (default: ${DEFAULT_REPRO_DIR} of the package); each is <name>.repro.itf.json
  --no-repro       do not write reproducers
  --coverage       steps per action and per Figure 2 rule id, and the ones with none
  --check-enabled  also compare, in every state, which actions src/ enables with the spec's
                   guards (catches an action enabled where the spec has none, which no trace
                   takes; several times slower)
  --json           print one JSON document (the raftref version, traces, steps, divergences,
                   unusable files, seconds)
  --spec FILE      the spec the traces must have been generated from (default: the package's
                   spec/Raft.tla)

summary: replay: N traces, S steps, D divergences, E unusable, T s
  N traces replayed, S steps that conformed, D traces that diverged, E files not usable

exit codes: 0 every trace conforms, 1 a trace diverges, 2 unusable input (not JSON, not a
raftref ITF trace, a missing variable, an unknown action or server, a value of the wrong type,
another spec version, a missing path); unusable files are reported and the others still replay.`;

type Options = {
  readonly paths: readonly string[];
  readonly reproDir: string | null;
  readonly coverage: boolean;
  readonly checkEnabled: boolean;
  readonly json: boolean;
  readonly spec: string | undefined;
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
    seconds: r.seconds,
    exitCode: r.exitCode,
  };
}

export const replay: Command = {
  name: 'replay',
  summary: 'replay ITF traces of the spec against src/ (conformance), shrink and report divergences',
  help,
  run: async (argv) => {
    const o = parseReplayArgs(argv);
    const r = replayFiles(o.paths, {
      reproDir: o.reproDir,
      coverage: o.coverage,
      checkEnabled: o.checkEnabled,
      ...(o.spec === undefined ? {} : { specFile: o.spec }),
    });
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
