// tlc.ts: runs TLC (tla2tools.jar) on a model in a temporary directory holding the spec's
// modules (for a broken variant, the generated module instead of the one it replaces) and
// the cfg as written (TLC reads EXTENDS, `<-` and PROPERTY itself), then parses its output.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from './errors.js';
import type { LoadedModel } from './model.js';
import { type Step, Stepper } from './label.js';
import type { ActionCoverage, CheckResult } from './result.js';
import { coverageBack, labelTlcTrace, tlcActionCoverage, traceStateBack } from './tlc-actions.js';
import { type TlcReport, parseTlcOutput } from './tlc-output.js';

export type TlcOptions = {
  readonly java: string;
  readonly jar: string;
  readonly timeoutSeconds?: number;
  readonly signal?: AbortSignal;
  readonly onHeartbeat?: (elapsedSeconds: number, lastProgress: string | undefined) => void;
  readonly heartbeatSeconds?: number;
};

/** The TLC command line (without `java`). */
export function tlcArgs(jar: string, mcName: string): string[] {
  return ['-XX:+UseParallelGC', '-cp', jar, 'tlc2.TLC', '-workers', 'auto', '-deadlock', '-coverage', '1', '-config', `${mcName}.cfg`, `${mcName}.tla`];
}

/** A temp dir with every module of the spec dir, the overrides and the model's cfg. */
export function stageModel(model: LoadedModel): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'raftref-tlc-'));
  const specDir = path.dirname(model.mcPath);
  for (const f of fs.readdirSync(specDir).filter((f) => f.endsWith('.tla'))) fs.copyFileSync(path.join(specDir, f), path.join(dir, f));
  for (const [name, src] of model.overrides) fs.writeFileSync(path.join(dir, `${name}.tla`), src.text);
  fs.copyFileSync(model.cfgPath, path.join(dir, `${model.name}.cfg`));
  return dir;
}

/** Between SIGTERM and SIGKILL when a run is stopped. */
export const KILL_GRACE_MS = 2_000;

type Run = { output: string; code: number | null; outcome: 'done' | 'timeout' | 'aborted' };

function runJava(java: string, args: readonly string[], cwd: string, o: TlcOptions): Promise<Run> {
  return new Promise((resolve) => {
    // Own process group, so that a timeout kills java and anything it started.
    const child = spawn(java, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const started = Date.now();
    let output = '';
    let outcome: Run['outcome'] = 'done';
    const append = (b: Buffer): void => void (output += b.toString('utf8'));
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    let killer: NodeJS.Timeout | undefined;
    const signal = (s: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, s);
      } catch {
        // already gone
      }
    };
    // SIGTERM first (TLC's JVM exits on it), SIGKILL if it is still there 2 s later.
    const stop = (why: Run['outcome']): void => {
      if (killer !== undefined) return;
      outcome = why;
      signal('SIGTERM');
      killer = setTimeout(() => signal('SIGKILL'), KILL_GRACE_MS);
    };
    const lastProgress = (): string | undefined => output.match(/^Progress\(.*$/gm)?.at(-1);
    const beat = setInterval(() => o.onHeartbeat?.((Date.now() - started) / 1000, lastProgress()), (o.heartbeatSeconds ?? 5) * 1000);
    const timer = o.timeoutSeconds === undefined ? undefined : setTimeout(() => stop('timeout'), o.timeoutSeconds * 1000);
    const onAbort = (): void => stop('aborted');
    o.signal?.addEventListener('abort', onAbort);
    child.on('error', (e) => void (output += `Error: cannot start ${java}: ${e.message}\n`));
    child.on('close', (code) => {
      clearInterval(beat);
      clearTimeout(timer);
      clearTimeout(killer);
      o.signal?.removeEventListener('abort', onAbort);
      resolve({ output, code, outcome });
    });
  });
}

export class TlcAbortedError extends Error {}

/** Model-checks `model` with TLC. SANY parse errors throw UserError naming the module file. */
export async function checkTlc(model: LoadedModel, o: TlcOptions): Promise<CheckResult & { readonly output: string }> {
  const dir = stageModel(model);
  const started = Date.now();
  try {
    const run = await runJava(o.java, tlcArgs(o.jar, model.name), dir, o);
    if (run.outcome === 'aborted') throw new TlcAbortedError('interrupted');
    const report = parseTlcOutput(run.output);
    const seconds = (Date.now() - started) / 1000;
    if (run.outcome === 'timeout') return { ...base(model, report, seconds, run.output), verdict: 'timeout', states: undefined, depth: undefined, depthNote: 'n/a (timed out)' };
    throwIfParseError(model, report);
    // No TLC banner at all: this java did not run TLC (a wrong JVM, a broken jar, a stub).
    if (report.version === undefined && report.verdict === 'error') {
      const first = run.output.split('\n').find((l) => l.trim() !== '') ?? `exit code ${run.code}, no output`;
      throw new UserError(o.java, undefined, `cannot run TLC: ${first.trim()}`, 'check the JDK (11+) and TLA2TOOLS_JAR');
    }
    return fromReport(model, report, seconds, run.output);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function base(model: LoadedModel, r: TlcReport, seconds: number, output: string): Omit<CheckResult, 'verdict' | 'states' | 'depth' | 'depthNote'> & { output: string } {
  return { checker: `TLC ${r.version ?? '(version unknown)'}`, model: model.name, seconds, unchecked: [], notes: [], output };
}

/**
 * The result of a run: line numbers in the original files (a broken variant's generated module
 * mapped back), per-action coverage of a passing run (tlc-actions.ts), and the error trace
 * labelled with actions and arguments by the stepping API when it can be (a note otherwise).
 */
export function fromReport(model: LoadedModel, r: TlcReport, seconds: number, output: string): CheckResult & { output: string } {
  const depthNote = r.depth === undefined ? 'n/a (not in TLC output)' : 'reported by TLC';
  const actionCoverage: ActionCoverage[] | undefined =
    r.verdict === 'pass' ? tlcActionCoverage(model, r.coverage).map((c) => ({ action: c.action, fired: c.distinct, total: c.total })) : undefined;
  const labelled = r.trace.length === 0 ? undefined : labelTrace(model, r);
  const b = base(model, r, seconds, output);
  return {
    ...b,
    notes: typeof labelled === 'string' ? [...b.notes, labelled] : b.notes,
    verdict: r.verdict,
    states: r.distinctStates,
    depth: r.depth,
    depthNote,
    tlcTrace: r.trace.map((s) => traceStateBack(model, s)),
    tlcCoverage: r.coverage.map((c) => coverageBack(model, c)),
    ...(Array.isArray(labelled) && { counterexample: labelled }),
    ...(actionCoverage && { actionCoverage }),
    ...(r.violated && { violated: r.violated }),
    ...(r.error !== undefined && { error: r.error }),
  };
}

/** The labelled trace, or why it could not be labelled. */
function labelTrace(model: LoadedModel, r: TlcReport): Step[] | string {
  try {
    return labelTlcTrace(model, r.trace, new Stepper(model));
  } catch (e) {
    return `TLC's error trace printed as TLC gave it, without arguments: ${e instanceof Error ? e.message : String(e)}`;
  }
}

function throwIfParseError(model: LoadedModel, r: TlcReport): void {
  if (r.verdict !== 'error' || r.errorAt === undefined) return;
  const override = model.overrides.get(r.errorAt.module);
  const origin = override?.mapped?.origins[r.errorAt.line - 1];
  const file = origin?.file ?? path.join(path.dirname(model.mcPath), `${r.errorAt.module}.tla`);
  throw new UserError(file, origin?.line ?? r.errorAt.line, `TLC cannot parse this: ${r.error ?? 'parse error'}`, 'fix the TLA+');
}
