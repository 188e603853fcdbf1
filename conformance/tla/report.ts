// report.ts: what `raftref check` prints for a model, a broken variant and the summary.

import { formatDisplayTrace, formatSteps } from './counterexample.js';
import { type CheckResult, counterexampleLength } from './result.js';
import type { TlcTraceState } from './tlc-output.js';

const fmtStates = (n: number | undefined): string => (n === undefined ? 'n/a' : String(n));

export function formatDepth(r: CheckResult): string {
  if (r.depth === undefined) return r.depthNote;
  return r.depthNote === 'reported by TLC' ? String(r.depth) : `${r.depth} (${r.depthNote.replace(/^\d+ \(|\)$/g, '')})`;
}

/** One line: checker, model, states, depth, time, verdict. */
export function headline(r: CheckResult, label = r.model): string {
  return `checker: ${r.checker}  model: ${label}  states: ${fmtStates(r.states)}  depth: ${formatDepth(r)}  time: ${r.seconds.toFixed(1)}s  verdict: ${r.verdict.toUpperCase()}`;
}

/** Notes, properties left unchecked, the error or the violated property. */
export function details(r: CheckResult): string[] {
  const out = [
    ...r.notes.map((n) => `  note: ${n}`),
    ...r.unchecked.map((u) => `  PROPERTY ${u.name}: not checked by the embedded checker (${u.reason}); use --checker tlc`),
  ];
  if (r.error !== undefined) out.push(`  error: ${r.error}`);
  if (r.verdict === 'timeout') out.push('  stopped by the time limit (--timeout)');
  if (r.violated !== undefined) out.push(`  violated: ${r.violated.kind} ${r.violated.name} (counterexample: ${counterexampleLength(r) ?? '?'} states)`);
  return out;
}

export function counterexampleLines(r: CheckResult): string[] {
  if (r.counterexample !== undefined) return formatSteps(r.counterexample);
  if (r.rawTrace !== undefined) return formatDisplayTrace(r.rawTrace);
  if (r.tlcTrace !== undefined) return formatTlcTrace(r.tlcTrace);
  return [];
}

/** TLC's trace, one step per line with only the variables whose text changed. */
export function formatTlcTrace(trace: readonly TlcTraceState[]): string[] {
  return trace.flatMap((s, k) => {
    const prev = trace[k - 1];
    const head = `step ${k}: ${k === 0 ? 'Init' : s.action}`;
    const vars = Object.entries(s.vars).filter(([v, x]) => prev === undefined || prev.vars[v] !== x);
    return [head, ...vars.map(([v, x]) => (prev === undefined ? `  ${v} = ${x}` : `  ${v}: ${prev.vars[v] ?? '(absent)'} → ${x}`))];
  });
}

/** Per action of Next, how often it fired, in one format for both checkers. */
export function coverageLines(r: CheckResult): string[] {
  const cov = r.actionCoverage;
  if (cov === undefined || cov.length === 0) return [];
  const width = Math.max(...cov.map((c) => c.action.length));
  const tlc = cov.some((c) => c.total !== undefined);
  const caption = tlc
    ? '  coverage (TLC, distinct new states per action; in parentheses, all successors generated, ACTION_CONSTRAINT rejects included):'
    : '  coverage (tla-checker state graph, distinct transitions per action):';
  return [
    caption,
    ...cov.map((c) => `    ${c.action.padEnd(width)} ${String(c.fired).padStart(8)}${c.total === undefined ? '' : ` (${c.total})`}${c.fired === 0 ? '  NEVER FIRED' : ''}`),
  ];
}
