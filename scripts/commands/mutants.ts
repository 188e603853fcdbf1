// mutants.ts: `raftref mutants [PATH...]`: replay the traces against each mutant of the
// catalogue (conformance/mutants/) and report which ones the conformance suite catches.

import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { COMMITTED_TRACES } from '../../conformance/files.js';
import { formatTraceError } from '../../conformance/itf/read.js';
import { MUTANTS, type Mutant } from '../../conformance/mutants/catalogue.js';
import { CatalogueError, loadTraces, runMutants, type MutantOutcome, type RunResult } from '../../conformance/mutants/run.js';
import { repoDir } from '../../conformance/spec-hash.js';
import { UserError } from '../../conformance/tla/errors.js';
import { raftrefVersion } from '../../conformance/version.js';
import { type Command, INTERNAL_HELP, jsonSeconds, parseCommandArgs, usageError } from './command.js';

/** DEFAULT_PATHS: the traces every catalogued mutant must be caught by (relative to the repository): every committed one. */
export const DEFAULT_PATHS = COMMITTED_TRACES;

const help = `usage: raftref mutants [--only ID,...] [--json] [--list] [PATH...]

Mutation testing of the conformance suite. Each mutant of the catalogue
(conformance/mutants/catalogue.ts, listed in conformance/mutants/README.md) is a small source
edit of src/ that breaks one Figure 2 rule. For each, a copy of the compiled tree (dist/) is
made in a temporary directory, the edit is applied to src/<file>.ts and that file is
transpiled over the copy; the working tree is not touched. The traces under PATH (default:
${DEFAULT_PATHS.join(' ')}) are decoded once. Each mutant replays them
plainly, then, if none diverged, with the enabledness check of replay --check-enabled (which
catches an action enabled where the spec has none, e.g. the Figure 8 commit), and stops at its
first divergence: the mutant is killed there, or it survives every trace. Needs a build
(make build).

options:
  --only ID,...  only these mutants (comma-separated ids; repeatable)
  --list         print the catalogue (id, Figure 2 rules, title) and run nothing
  --json         print one JSON document: { raftref (the version), mutants: [{ id, title,
                 rules, status, trace, step, action, kind, reason, stepRules }], killed,
                 survived, seconds }

progress (stderr), one line per mutant:
  <id>  killed  <trace>:<step>  <action> (<kind>)  [rules <its rules>; step <the step's>]  <ms> ms
  <id>  survived (<n> traces)  [rules <its rules>]  <ms> ms     (n counts both passes)
summary (stdout; stderr with --json): mutants: K killed, S survived of N, T s

exit codes: 0 every mutant killed, 1 a mutant survived, 2 bad input (an unknown option or id,
an unusable trace or path, a catalogue edit whose text is not found exactly once in its file),
${INTERNAL_HELP}, 130 Ctrl-C. With --json, stdout is one JSON object: the report, or
{"error", "exitCode", ...}.`;

type Options = {
  readonly only: readonly string[] | undefined;
  readonly list: boolean;
  readonly json: boolean;
  readonly paths: readonly string[];
};

const bad = usageError('mutants');

export function parseMutantsArgs(argv: readonly string[], repo = repoDir()): Options {
  const parsed = parseCommandArgs('mutants', {
    args: [...argv],
    allowPositionals: true,
    options: {
      only: { type: 'string', multiple: true },
      list: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const { values, positionals } = parsed;
  const only = values.only?.flatMap((s) => s.split(',')).map((s) => s.trim());
  if (only !== undefined && only.some((id) => id === '')) throw bad('--only: an empty id');
  const unknown = only?.filter((id) => !MUTANTS.some((m) => m.id === id)) ?? [];
  if (unknown.length > 0) throw bad(`--only: no mutant ${unknown.join(', ')} in the catalogue (raftref mutants --list)`);
  const paths = positionals.length > 0 ? positionals : DEFAULT_PATHS.map((p) => path.relative(process.cwd(), path.join(repo, p)) || '.');
  return { only, list: values.list, json: values.json, paths };
}

/** selected: the catalogue, or the mutants --only names, in catalogue order. */
export function selected(only: readonly string[] | undefined): readonly Mutant[] {
  return only === undefined ? MUTANTS : MUTANTS.filter((m) => only.includes(m.id));
}

/** progressLine: one line per mutant. */
export function progressLine(o: MutantOutcome, width: number): string {
  const ms = `${Math.round(o.ms)} ms`;
  if (o.caught === undefined) return `${o.id.padEnd(width)}  survived (${o.traces} traces)  [rules ${o.rules.join(', ')}]  ${ms}`;
  const c = o.caught;
  const step = c.stepRules.length === 0 ? '' : `; step ${c.stepRules.join(', ')}`;
  return `${o.id.padEnd(width)}  killed  ${c.trace}:${c.step}  ${c.action} (${c.kind})  [rules ${o.rules.join(', ')}${step}]  ${ms}`;
}

export function summaryLine(r: RunResult, seconds: number): string {
  return `mutants: ${r.killed} killed, ${r.survived} survived of ${r.outcomes.length}, ${seconds.toFixed(1)} s`;
}

/** jsonSummary: the machine-readable form. */
export function jsonSummary(r: RunResult, seconds: number): unknown {
  return {
    raftref: raftrefVersion(),
    mutants: r.outcomes.map((o) => ({
      id: o.id,
      title: o.title,
      rules: o.rules,
      status: o.status,
      trace: o.caught?.trace ?? null,
      step: o.caught?.step ?? null,
      action: o.caught?.action ?? null,
      kind: o.caught?.kind ?? null,
      reason: o.caught?.reason ?? null,
      stepRules: o.caught?.stepRules ?? [],
    })),
    killed: r.killed,
    survived: r.survived,
    seconds: jsonSeconds(seconds),
  };
}

function listLines(mutants: readonly Mutant[]): string[] {
  const width = Math.max(...mutants.map((m) => m.id.length));
  const rules = Math.max(...mutants.map((m) => m.rules.join(', ').length));
  return mutants.map((m) => `${m.id.padEnd(width)}  ${m.rules.join(', ').padEnd(rules)}  ${m.title}`);
}

export const mutants: Command = {
  name: 'mutants',
  summary: 'mutation testing: replay the traces against each catalogued Raft bug; every one must be caught',
  help,
  run: async (argv) => {
    const started = performance.now();
    const o = parseMutantsArgs(argv);
    const chosen = selected(o.only);
    if (o.list) {
      console.log(listLines(chosen).join('\n'));
      return 0;
    }
    const loaded = loadTraces(o.paths);
    const first = loaded.unusable[0];
    if (first !== undefined) {
      // formatTraceError's text after `<file>:` (a line:col position, or a state), so the error names the same place.
      throw new UserError(first.file, undefined, formatTraceError(first).slice(first.file.length + 1).replace(/^ /, ''), first.todo);
    }
    let interrupted = false;
    const onSigint = (): void => {
      interrupted = true;
    };
    process.once('SIGINT', onSigint);
    const width = Math.max(...chosen.map((m) => m.id.length));
    let r: RunResult;
    try {
      r = await runMutants(chosen, loaded.traces, {
        stop: () => interrupted,
        onOutcome: (x) => process.stderr.write(`${progressLine(x, width)}\n`),
      });
    } catch (e) {
      if (e instanceof CatalogueError) throw new UserError('conformance/mutants/catalogue.ts', undefined, e.message, 'fix the mutant\'s edit to match the current src/');
      throw e;
    } finally {
      process.removeListener('SIGINT', onSigint);
    }
    if (r.interrupted) {
      process.stderr.write('raftref: interrupted\n');
      return 130;
    }
    const seconds = (performance.now() - started) / 1000;
    if (o.json) {
      console.log(JSON.stringify(jsonSummary(r, seconds), null, 2));
      process.stderr.write(`${summaryLine(r, seconds)}\n`);
    } else {
      console.log(summaryLine(r, seconds));
    }
    return r.survived > 0 ? 1 : 0;
  },
};
