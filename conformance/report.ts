// report: a divergence as a self-contained report: the trace file, the
// step and its action, what differs (expected from the trace, actual from
// the implementation), the state just before, the Figure 2 rules involved,
// and the command that replays only this trace.
import { formatDiff, type Diff } from './compare.js';
import { formatCall, formatState } from './format.js';
import type { Divergence, DivergenceKind, ReplayResult } from './replay.js';
import { ACTION_RULES, rulesOf } from './rules.js';

/** CLI: how the reports spell the command line. */
export const CLI = 'node dist/scripts/raftref.js';

/** shellQuote: a path as one shell word. */
export function shellQuote(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function replayCommand(file: string): string {
  return `${CLI} replay ${shellQuote(file)}`;
}

/** Repro: the shrunk reproducer written for a divergence. */
export type Repro = { readonly file: string; readonly states: number; readonly command: string };

/** DivergenceReport: everything about one divergence, as data (for --json) and as text. */
export type DivergenceReport = {
  readonly file: string;
  readonly model: string;
  readonly step: number;
  readonly action: string;
  readonly kind: DivergenceKind;
  readonly reason: string;
  readonly diffs: readonly Diff[];
  /** The trace's state before the step (the implementation agreed with it), one line per server and message. */
  readonly before: readonly string[];
  /** The rule ids of the action (spec/README.md) and the ones this step exercises per the trace. */
  readonly rules: { readonly action: readonly string[]; readonly step: readonly string[] };
  readonly command: string;
  readonly repro: Repro | undefined;
  /** The report as text lines. */
  readonly text: readonly string[];
};

export function describeStep(d: Divergence): string {
  return d.call === null ? 'step 0 (initial state)' : `step ${d.step}: ${formatCall(d.call)}`;
}

/** divergenceReport: the report of a replay that diverged. */
export function divergenceReport(r: ReplayResult & { readonly divergence: Divergence }, repro: Repro | undefined): DivergenceReport {
  const { trace, divergence: d } = r;
  const servers = trace.constants.servers;
  const beforeStep = d.step > 0 ? trace.steps[d.step - 1] : undefined;
  const afterStep = trace.steps[d.step];
  // An enabledness divergence is about the state the step reached, the others about the step.
  const shown = d.kind === 'enabled' ? afterStep : beforeStep;
  const before = shown === undefined ? [] : formatState(shown.state, servers);
  const action = d.call === null ? 'Init' : formatCall(d.call);
  const actionRules = d.call === null ? [] : ACTION_RULES[d.call.name];
  const stepRules = d.call === null || beforeStep === undefined || afterStep === undefined ? [] : rulesOf(d.call, beforeStep.state, afterStep.state);
  const command = replayCommand(trace.file);
  const text = [
    `FAIL ${trace.file}: ${describeStep(d)}: ${d.kind === 'state' ? `${d.diffs.length} difference${d.diffs.length === 1 ? '' : 's'} from the trace` : d.reason}`,
    `  model ${trace.model}${trace.description === '' ? '' : ` (${trace.description})`}, ${trace.steps.length} states, ${r.steps} steps conformed`,
    `  divergence (${d.kind}): ${d.reason}`,
    ...(d.diffs.length === 0 ? [] : ['  expected (trace) vs actual (implementation):', ...d.diffs.map((x) => `    ${formatDiff(x)}`)]),
    ...(d.kind === 'enabled'
      ? [`  state ${d.step} (on which the implementation agreed):`, ...before.map((l) => `    ${l}`)]
      : before.length === 0
        ? ['  state before: none (state 0 is the initial state)']
        : [`  state before step ${d.step} (state ${d.step - 1}, on which the implementation agreed):`, ...before.map((l) => `    ${l}`)]),
    ...(d.call === null
      ? ['  rules: P-1 (restart from empty storage is Init)']
      : [`  rules of ${d.call.name}: ${actionRules.join(', ')}; this step per the trace: ${stepRules.length === 0 ? '(none)' : stepRules.join(', ')}`]),
    `  rerun: ${command}`,
    ...(repro === undefined ? [] : [`  reproducer (states 0..${repro.states - 1}): ${repro.file}`, `  rerun it: ${repro.command}`]),
  ];
  return {
    file: trace.file,
    model: trace.model,
    step: d.step,
    action,
    kind: d.kind,
    reason: d.reason,
    diffs: d.diffs,
    before,
    rules: { action: actionRules, step: stepRules },
    command,
    repro,
    text,
  };
}
