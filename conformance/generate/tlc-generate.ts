// tlc-generate.ts: `--checker tlc`: traces from TLC's simulation mode instead of our walks.
// UNTESTED AGAINST A REAL TLC (no jar on the development machine): written against TLC
// 1.7.x as documented and as its SimulationWorker writes traces, with the parser tested on
// sample files written by hand in that format.
//
//   java -cp $TLA2TOOLS_JAR tlc2.TLC -simulate file=<tmp>/trace,num=<count> -depth <depth+1>
//        -seed <seed> -workers 1 -deadlock -config <Model>.cfg <Model>.tla
//
// TLC writes each behaviour to <tmp>/trace_<worker>_<n> as TLA+ text, without action
// names; tlc-label.ts recovers the actions and their arguments with the stepping API.
// TLC's choice is uniform (no weights) and one worker keeps it reproducible for a seed.

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
import { parseTlcTraceFile } from './tlc-values.js';

export const TLC_UNTESTED_NOTE = '--checker tlc is untested here (no tla2tools.jar on the development machine)';

/** The TLC command line (without `java`) for `count` behaviours of up to `depth` steps. */
export function tlcSimulateArgs(jar: string, model: string, traceBase: string, count: number, depth: number, seed: number): string[] {
  return [
    '-XX:+UseParallelGC', '-cp', jar, 'tlc2.TLC',
    '-simulate', `file=${traceBase},num=${count}`,
    '-depth', String(depth + 1), // TLC's depth counts states, the initial one included
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
        const labelled = labelStates(c.stepper, c.vars, parseTlcTraceFile(fs.readFileSync(f, 'utf8')), true);
        const header = headerFor(ref, c, checker, `TLC simulation trace ${index} of ${v.count}, seed ${v.seed}`, generatorRecord(v, index));
        const file = path.join(v.out, traceFileName(ref.name, 'tlc', v.seed, index));
        fs.writeFileSync(file, traceText(header, c.vars, labelled));
        const stats = traceStats(labelled);
        files.push(file);
        tallies.push({ model: ref.name, stats, short: stats.steps < v.minDepth, calls: labelled.length });
        steps += stats.steps;
        onProgress({ done: files.length, total: v.count * v.refs.length, steps, elapsedSeconds: (Date.now() - started) / 1000 });
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (files.length === 0) throw new UserError('TLC', undefined, 'TLC wrote no simulation traces', 'run TLC by hand with the command in conformance/generate/tlc-generate.ts');
  const all = [...actions].sort();
  return { files: files.sort(), summary: summarize(tallies, coverageTarget(all), all, (Date.now() - started) / 1000, 1), ruleIds: RULE_IDS };
}

function generatorRecord(v: Validated, index: number): Record<string, string | number | null> {
  return { mode: 'random', simulator: 'TLC -simulate (uniform choice, 1 worker)', seed: v.seed, index, count: v.count, depth: v.depth, weights: null };
}

