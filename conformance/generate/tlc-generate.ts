// tlc-generate.ts: `--checker tlc`: traces from TLC's simulation mode instead of our walks.
// Tested on the trace files of TLC 2026.04.29 (conformance/tla/fixtures/tlc-real/).
//
//   java -cp $TLA2TOOLS_JAR tlc2.TLC -simulate file=<tmp>/trace,num=<count> -depth <depth>
//        -seed <seed> -workers 1 -deadlock -config <Model>.cfg <Model>.tla
//
// TLC writes each behaviour to <tmp>/trace_<worker>_<n> as TLA+ text, each state after a
// comment naming its action: `Timeout(s3)` when TLC can, only `Next` and a span for a
// disjunct that quantifies over a variable (conformance/tla/tlc-actions.ts names it);
// tlc-label.ts finds the successor taking that action, and so its arguments, with the
// stepping API. TLC's choice is uniform (no weights) and one worker keeps it reproducible
// for a seed. `-depth D` bounds the steps TLC takes (measured: -depth 1 gives 2 states), but
// TLC leaves stuttering steps out of the file, so a trace is often much shorter than D (with
// -depth 40 on MCRaft3: 17 to 20 steps); there is no way to ask TLC for a minimum length.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../tla/errors.js';
import { checkJar, findJava } from '../tla/jar.js';
import { stageModel } from '../tla/tlc.js';
import { parseTlcOutput } from '../tla/tlc-output.js';
import { coverageTarget } from './coverage.js';
import type { GenerateOptions, GenerateResult, Progress, Validated } from './options.js';
import { traceText } from '../itf/write.js';
import { headerFor, modelContext, traceFileName } from './job.js';
import { RULE_IDS } from './rules.js';
import { traceStats } from './stats.js';
import { type Tally, summarize } from './summary.js';
import { labelStates } from './tlc-label.js';
import { tlcStepNames } from '../tla/tlc-actions.js';
import { parseTlcTrace } from '../tla/tlc-values.js';

/** The TLC command line (without `java`) for `count` behaviours of up to `depth` steps. */
export function tlcSimulateArgs(jar: string, model: string, traceBase: string, count: number, depth: number, seed: number): string[] {
  return [
    '-XX:+UseParallelGC', '-cp', jar, 'tlc2.TLC',
    '-simulate', `file=${traceBase},num=${count}`,
    '-depth', String(depth), // steps: TLC takes at most `depth` steps after the initial state
    '-seed', String(seed),
    '-workers', '1',
    '-deadlock',
    '-config', `${model}.cfg`, `${model}.tla`,
  ];
}

/** Trace files TLC wrote for `base`: base_<worker>_<n> (older releases: base_<n>), in order. */
export function tlcTraceFiles(dir: string, base: string): string[] {
  const re = /^(.*?)_(\d+)(?:_(\d+))?$/;
  return fs
    .readdirSync(dir)
    .flatMap((f) => {
      const m = re.exec(f);
      if (m === null || m[1] !== base) return [];
      return [m[3] === undefined ? { f, w: 0, n: Number(m[2]) } : { f, w: Number(m[2]), n: Number(m[3]) }];
    })
    .sort((a, b) => a.w - b.w || a.n - b.n)
    .map((x) => path.join(dir, x.f));
}

function runTlc(java: string, args: readonly string[], cwd: string, signal?: AbortSignal): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(java, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (b: Buffer) => void (output += b.toString('utf8')));
    child.stderr.on('data', (b: Buffer) => void (output += b.toString('utf8')));
    const stop = (): void => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    };
    signal?.addEventListener('abort', stop);
    child.on('error', (e) => void (output += `Error: cannot start ${java}: ${e.message}\n`));
    child.on('close', (code) => {
      signal?.removeEventListener('abort', stop);
      resolve({ output, code });
    });
  });
}

export async function generateWithTlc(v: Validated, o: GenerateOptions, onProgress: (p: Progress) => void): Promise<GenerateResult> {
  const jar = checkJar(process.env['TLA2TOOLS_JAR']);
  const java = findJava();
  const started = Date.now();
  const files: string[] = [];
  const tallies: Tally[] = [];
  const actions = new Set<string>();
  let steps = 0;
  for (const ref of v.refs) {
    const c = modelContext(ref);
    c.actions.forEach((a) => actions.add(a));
    const dir = stageModel(c.loaded);
    try {
      const run = await runTlc(java, tlcSimulateArgs(jar, ref.name, 'trace', v.count, v.depth, v.seed), dir, o.signal);
      const report = parseTlcOutput(run.output);
      if (run.code !== 0) throw new Error(`TLC failed (exit ${run.code}) on ${ref.name}: ${report.error ?? report.violated?.name ?? run.output.split('\n').slice(-5).join(' ')}`);
      const checker = { name: 'TLC', version: report.version ?? 'unknown' };
      for (const [index, f] of tlcTraceFiles(dir, 'trace').slice(0, v.count).entries()) {
        const trace = parseTlcTrace(fs.readFileSync(f, 'utf8'));
        const names = tlcStepNames(c.loaded, trace.map((s) => s.label));
        const labelled = labelStates(c.stepper, c.vars, trace.map((s) => s.state), true, names);
        const header = headerFor(ref, c, checker, `TLC simulation trace ${index} of ${v.count}, seed ${v.seed}`, generatorRecord(v, index));
        const file = path.join(v.out, traceFileName(ref.name, 'tlc', v.seed, index));
        fs.writeFileSync(file, traceText(header, c.vars, labelled));
        const stats = traceStats(labelled);
        files.push(file);
        tallies.push({ model: ref.name, stats, short: false, calls: labelled.length });
        steps += stats.steps;
        onProgress({ done: files.length, total: v.count * v.refs.length, steps, elapsedSeconds: (Date.now() - started) / 1000 });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (files.length === 0) throw new UserError('TLC', undefined, 'TLC wrote no simulation traces', 'run TLC by hand with the command in conformance/generate/tlc-generate.ts');
  const all = [...actions].sort();
  const summary = summarize(tallies, coverageTarget(all), all, (Date.now() - started) / 1000, 1);
  const note = `asked TLC for up to ${v.depth} steps (-depth ${v.depth}); obtained ${summary.lengths.min} to ${summary.lengths.max}: TLC leaves stuttering steps out of its trace files`;
  return { files: files.sort(), summary: { ...summary, notes: [note] }, ruleIds: RULE_IDS };
}

function generatorRecord(v: Validated, index: number): Record<string, string | number | null> {
  return { mode: 'random', simulator: 'TLC -simulate (uniform choice, 1 worker)', seed: v.seed, index, count: v.count, depth: v.depth, weights: null };
}

