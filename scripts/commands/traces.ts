// traces.ts: `raftref traces generate`: seeded batches of ITF traces of the spec's models
// (conformance/generate/), for the conformance suite to replay against src/.

import os from 'node:os';
import { UserError } from '../../conformance/tla/errors.js';
import { type GenerateOptions, generateTraces } from '../../conformance/generate/generate.js';
import { GenerationAborted } from '../../conformance/generate/pool.js';
import { progressSink } from '../../conformance/generate/progress.js';
import { formatSummary } from '../../conformance/generate/summary.js';
import { DEFAULT_WEIGHTS, OTHER_WEIGHT, WEIGHT_RANGE, parseWeight } from '../../conformance/generate/weights.js';
import { LIMITS } from '../../conformance/generate/options.js';
import { type Command, EXIT, INTERNAL_HELP, choiceOption, intOption, jsonSeconds, parseCommandArgs, usageError } from './command.js';
import { raftrefVersion } from '../../conformance/version.js';

const r = (name: keyof typeof LIMITS): string => LIMITS[name].join(', ');

const weightList = Object.entries(DEFAULT_WEIGHTS)
  .map(([a, w]) => `${a}=${w}`)
  .join(' ')
  .replace(/(.{1,64})(\s|$)/g, '                          $1\n')
  .trimEnd();

const help = `usage: raftref traces generate --model M --count N --depth D --seed S --out DIR [options]

Writes N traces of each model M (spec/M.tla + spec/M.cfg) in the Informal Trace Format of
traces/README.md, one file per trace: DIR/<model>-<mode>-s<seed>-<index>.itf.json (earlier
files with the same model, mode and seed are replaced). Trace k depends only on the options
and on (seed, k): the same command writes the same bytes, whatever --jobs. A summary of what
the traces contain (steps per action and rule id, traces with elections, leader changes with
uncommitted entries, truncation, commits, faults, reordering) is printed at the end.

options:
  --model M               model name, MC prefix optional (repeatable: N traces of each)
  --count N               traces per model (coverage mode: at least N), in [${r('--count')}]
  --depth D               most steps per trace, in [${r('--depth')}]
  --min-depth d           fewest steps: each trace aims at a length drawn in [d, D],
                          backtracking out of dead ends; retried when it cannot (default: D)
  --seed S                seed, an integer in [${r('--seed')}]
  --out DIR               output directory (created)
  --mode random|coverage  random (default): weighted random walks. coverage: walks biased
                          toward actions and rule ids not taken yet (then toward rare ones),
                          half of them starting from a state an earlier trace reached
                          first (its steps up to there replayed), in rounds of 8 traces per
                          model, until every action of Next and every rule id (the rows of
                          the replay coverage table: Figure 2 ids, RV-2 by outcome, D-1,
                          D-3, D-5, D-9) has been taken and N traces written; exit 1
                          naming the missing ones if --max-count traces per model do not
                          get there
  --max-count M           coverage mode: most traces per model (default max(10 N, 100)),
                          in [${r('--max-count')}]
  --skip ID               coverage mode: do not aim at action or rule id ID (repeatable),
                          e.g. DuplicateMessage under MaxCopies = 1, where it cannot fire
  --checker embedded|tlc  embedded (default): tla-checker's stepping API. tlc: TLC's
                          simulation mode (-simulate file=..,num=N -depth D -seed S,
                          1 worker) from $TLA2TOOLS_JAR, each step's action from TLC's
                          label and its arguments by matching states with tla-checker;
                          uniform choice, no weights, random mode only. TLC leaves
                          stuttering steps out, so traces are often much shorter than D
                          (the summary gives the lengths obtained); --min-depth is ignored
  --jobs J                worker threads (default: number of CPUs, here ${os.availableParallelism()}), in [${r('--jobs')}]
  --weight NAME=W         weight of action NAME (repeatable); an action is picked with
                          probability proportional to its weight among the enabled ones,
                          then one of its successors uniformly; 0 leaves it out. W is
                          a plain decimal in [${WEIGHT_RANGE.join(', ')}] (e.g. 2 or 0.5).
                          Weights that leave no step to take are bad input (exit 2).
                          Defaults (others ${OTHER_WEIGHT}):
${weightList}
  --cfg FILE              use FILE instead of spec/<model>.cfg (one model; recorded in
                          the headers), e.g. bounds that allow duplicate messages
  --spec-dir DIR          where the models are (default: the package's spec/)
  --json                  print one JSON object (files, summary) instead of text

Numbers are written plainly (no 1e3, 0x10, +1, -0, 1.0 for an integer). Stuttering steps
are never taken. Progress goes to stderr (a bar on a terminal, else a line every 10 s).
exit codes: 0 done, 1 coverage not reached (or a checker error), 2 unusable input (also a
spec tla-checker cannot evaluate, weights under which no trace takes a step), ${INTERNAL_HELP},
130 Ctrl-C. With --json, stdout is one JSON object: the report, or {"error", "exitCode", ...}.`;

const bad = usageError('traces generate');

function integer(name: keyof typeof LIMITS, v: string | undefined): number | undefined {
  return intOption('traces generate', name, v, LIMITS[name]);
}

function required(name: string, v: string | undefined): string {
  if (v === undefined) throw bad(`${name} is required`);
  return v;
}

export type GenerateArgs = GenerateOptions & { readonly json: boolean };

export function parseGenerateArgs(argv: readonly string[]): GenerateArgs {
  const values = parseCommandArgs('traces generate', {
    args: [...argv],
    options: {
      model: { type: 'string', multiple: true, default: [] },
      count: { type: 'string' },
      depth: { type: 'string' },
      'min-depth': { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      mode: { type: 'string', default: 'random' },
      'max-count': { type: 'string' },
      checker: { type: 'string', default: 'embedded' },
      jobs: { type: 'string' },
      weight: { type: 'string', multiple: true, default: [] },
      cfg: { type: 'string' },
      skip: { type: 'string', multiple: true, default: [] },
      'spec-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  }).values;
  const mode = choiceOption('traces generate', '--mode', values.mode, ['random', 'coverage'] as const);
  const checker = choiceOption('traces generate', '--checker', values.checker, ['embedded', 'tlc'] as const);
  if (values.model.length === 0) throw bad('--model is required');
  for (const w of values.weight) parseWeight(w);
  const minDepth = integer('--min-depth', values['min-depth']);
  const jobs = integer('--jobs', values.jobs);
  const maxCount = integer('--max-count', values['max-count']);
  return {
    models: values.model,
    count: integer('--count', required('--count', values.count)) ?? 0,
    depth: integer('--depth', required('--depth', values.depth)) ?? 0,
    seed: integer('--seed', required('--seed', values.seed)) ?? 0,
    out: required('--out', values.out),
    mode,
    checker,
    weights: values.weight,
    ...(values['spec-dir'] !== undefined && { specDir: values['spec-dir'] }),
    ...(minDepth !== undefined && { minDepth }),
    ...(jobs !== undefined && { jobs }),
    ...(maxCount !== undefined && { maxCount }),
    ...(values.cfg !== undefined && { cfg: values.cfg }),
    ...(values.skip.length > 0 && { skip: values.skip }),
    json: values.json,
  };
}

async function generate(argv: readonly string[]): Promise<number> {
  const o = parseGenerateArgs(argv);
  if (o.checker === 'tlc') {
    if (!process.env['TLA2TOOLS_JAR']) throw new UserError('TLA2TOOLS_JAR', undefined, 'not set: --checker tlc needs tla2tools.jar', 'set TLA2TOOLS_JAR (make check-tlc downloads the pinned one)');
  }
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  const sink = progressSink(process.stderr);
  try {
    const { json, ...options } = o;
    const r = await generateTraces({ ...options, signal: controller.signal }, (p) => sink.update(p));
    sink.done();
    // Nothing generated: the weights leave no enabled action (e.g. --weight Timeout=0 --weight Restart=0).
    if (r.summary.steps === 0) throw new UserError('--weight', undefined, `no trace took a step: under these weights no action enabled in the initial state can be taken (${r.files.length} empty traces written)`, 'give a positive weight to an action enabled initially (e.g. Timeout)');
    const code = o.mode === 'coverage' && r.summary.missing.length > 0 ? EXIT.failed : EXIT.ok;
    if (json) {
      console.log(JSON.stringify({ raftref: raftrefVersion(), out: o.out, files: r.files, summary: { ...r.summary, seconds: jsonSeconds(r.summary.seconds) }, exitCode: code }, null, 2));
      return code;
    }
    console.log(`wrote ${r.files.length} files to ${o.out}`);
    formatSummary(r.summary, r.ruleIds).forEach((l) => console.log(l));
    return code;
  } catch (e) {
    sink.done();
    if (e instanceof GenerationAborted) {
      process.stderr.write('raftref: interrupted\n');
      return EXIT.interrupted;
    }
    throw e;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}

export const traces: Command = {
  name: 'traces',
  summary: 'generate seeded ITF traces of the models (traces generate --help)',
  help,
  run: async (argv) => {
    const [sub, ...rest] = argv;
    if (sub !== 'generate') throw new UserError('raftref traces', undefined, sub === undefined ? 'missing subcommand' : `unknown subcommand ${sub}`, 'use raftref traces generate (see --help)');
    return generate(rest);
  },
};
