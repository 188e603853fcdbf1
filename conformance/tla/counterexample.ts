// counterexample.ts: prints a labelled counterexample one step per line:
//   step 0: Init            followed by every variable
//   step k: Action(a, b)    followed by only what changed (`  var: old → new`)

import { diffStates } from './diff.js';
import type { ActionLabel, Step } from './label.js';
import type { DisplayState } from './trace.js';
import { formatValue } from './value.js';

export function formatAction(a: ActionLabel): string {
  return a.args.length === 0 ? a.name : `${a.name}(${a.args.map(formatValue).join(', ')})`;
}

export function formatSteps(steps: readonly Step[]): string[] {
  return steps.flatMap((s, k) => {
    const prev = steps[k - 1];
    const head = `step ${k}: ${formatAction(s.action)}`;
    if (prev === undefined) return [head, ...Object.entries(s.display).map(([v, x]) => `  ${v} = ${x}`)];
    const changes = diffStates(prev.state, s.state);
    if (changes.length === 0) return [head, '  (no variable changed)'];
    return [head, ...changes.map((c) => `  ${c.path}: ${c.before} → ${c.after}`)];
  });
}

/** Fallback when labelling failed: the raw display states. */
export function formatDisplayTrace(states: readonly DisplayState[]): string[] {
  return states.flatMap((s, k) => [`state ${k}:`, ...Object.entries(s).map(([v, x]) => `  ${v} = ${x}`)]);
}
