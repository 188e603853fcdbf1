// summary.ts: what a batch of traces contains, summed over its traces, and its text form.

import { FEATURES, type Feature, type TraceStats } from './stats.js';

export type Summary = {
  readonly traces: number;
  readonly perModel: Readonly<Record<string, number>>;
  readonly steps: number;
  readonly lengths: { readonly min: number; readonly median: number; readonly max: number };
  /** Traces shorter than --min-depth (every retry hit a dead end first). */
  readonly short: number;
  /** Action -> steps, and traces that took it. */
  readonly actions: Readonly<Record<string, { readonly steps: number; readonly traces: number }>>;
  readonly rules: Readonly<Record<string, { readonly steps: number; readonly traces: number }>>;
  readonly features: Readonly<Record<Feature, number>>;
  /** Actions and rule ids aimed at and never taken. */
  readonly missing: readonly string[];
  readonly seconds: number;
  /** successors() calls, the unit of work (dead-end probes and retries included). */
  readonly calls: number;
  readonly jobs: number;
  /** What the lengths mean when they differ from what was asked (TLC's simulation). */
  readonly notes?: readonly string[];
};

export type Tally = { readonly model: string; readonly stats: TraceStats; readonly short: boolean; readonly calls: number };

function add(into: Record<string, { steps: number; traces: number }>, counts: Readonly<Record<string, number>>): void {
  for (const [k, n] of Object.entries(counts)) {
    const e = (into[k] ??= { steps: 0, traces: 0 });
    e.steps += n;
    e.traces += 1;
  }
}

export function summarize(tallies: readonly Tally[], target: readonly string[], actions: readonly string[], seconds: number, jobs: number): Summary {
  const acts: Record<string, { steps: number; traces: number }> = Object.fromEntries(actions.map((a) => [a, { steps: 0, traces: 0 }]));
  const rules: Record<string, { steps: number; traces: number }> = {};
  const features = Object.fromEntries(Object.keys(FEATURES).map((f) => [f, 0])) as Record<Feature, number>;
  const perModel: Record<string, number> = {};
  for (const t of tallies) {
    add(acts, t.stats.actions);
    add(rules, t.stats.rules);
    for (const f of t.stats.features) features[f] += 1;
    perModel[t.model] = (perModel[t.model] ?? 0) + 1;
  }
  const lengths = tallies.map((t) => t.stats.steps).sort((a, b) => a - b);
  const taken = new Set([...Object.keys(acts).filter((a) => (acts[a]?.steps ?? 0) > 0), ...Object.keys(rules)]);
  return {
    traces: tallies.length,
    perModel,
    steps: lengths.reduce((a, b) => a + b, 0),
    lengths: { min: lengths[0] ?? 0, median: lengths[Math.floor(lengths.length / 2)] ?? 0, max: lengths.at(-1) ?? 0 },
    short: tallies.filter((t) => t.short).length,
    actions: acts,
    rules,
    features,
    missing: target.filter((id) => !taken.has(id)),
    seconds,
    calls: tallies.reduce((a, t) => a + t.calls, 0),
    jobs,
  };
}

const rate = (n: number, s: number): string => (s > 0 ? (n / s).toFixed(n / s >= 10 ? 0 : 2) : 'n/a');

export function formatSummary(s: Summary, ruleOrder: readonly string[]): string[] {
  const models = Object.entries(s.perModel).map(([m, n]) => `${m}: ${n}`).join(', ');
  const lines = [
    `generated ${s.traces} traces (${models}), ${s.steps} steps in ${s.seconds.toFixed(1)}s with ${s.jobs} job${s.jobs === 1 ? '' : 's'}: ` +
      `${rate(s.steps, s.seconds)} steps/s, ${rate(s.traces, s.seconds)} traces/s, ${rate(s.calls, s.seconds)} successor calls/s`,
    `lengths: min ${s.lengths.min}, median ${s.lengths.median}, max ${s.lengths.max}` + (s.short > 0 ? `; ${s.short} shorter than --min-depth (dead ends)` : ''),
    ...(s.notes ?? []).map((n) => `note: ${n}`),
    'actions:                         steps  traces',
  ];
  const row = (name: string, e: { steps: number; traces: number } | undefined): string =>
    `  ${name.padEnd(30)} ${String(e?.steps ?? 0).padStart(6)}  ${String(e?.traces ?? 0).padStart(6)}${(e?.steps ?? 0) === 0 ? '  NEVER' : ''}`;
  for (const a of Object.keys(s.actions).sort()) lines.push(row(a, s.actions[a]));
  lines.push('rules:');
  for (const r of ruleOrder) lines.push(row(r, s.rules[r]));
  lines.push('traces showing:');
  for (const f of Object.keys(FEATURES) as Feature[]) lines.push(`  ${String(s.features[f]).padStart(5)}/${s.traces}  ${FEATURES[f]}`);
  lines.push(s.missing.length === 0 ? 'coverage: every action and rule id taken' : `never taken: ${s.missing.join(', ')}`);
  return lines;
}
