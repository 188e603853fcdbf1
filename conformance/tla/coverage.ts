// coverage.ts: per-action coverage for the embedded checker, which reports none. A BFS over
// the model with the stepping API (label.ts), under the cfg's CONSTRAINT (TLC semantics: a
// state outside it is visited but not expanded), counting for every action of Next how many
// transitions it produced and how many new states it reached first. No symmetry reduction:
// the BFS may visit more states than the checker reports.

import type { LoadedModel } from './model.js';
import { type Step, Stepper } from './label.js';
import { actionNames } from './variant.js';

export type ActionCoverage = { readonly name: string; readonly transitions: number; readonly newStates: number };

export type CoverageReport = {
  readonly model: string;
  readonly actions: readonly ActionCoverage[];
  readonly states: number;
  /** True when the BFS exhausted the state space within the bound. */
  readonly complete: boolean;
  /** BFS depth reached (number of levels beyond the initial states); exact when complete. */
  readonly depth: number;
  readonly bound: number;
  readonly seconds: number;
  /** Actions that never fired. */
  readonly neverFired: readonly string[];
};

const keyOf = (s: Step): string => JSON.stringify(Object.entries(s.display).sort(([a], [b]) => a.localeCompare(b)));

/** BFS until the state space is exhausted or `maxStates` states were visited. */
export function coverage(model: LoadedModel, maxStates: number): CoverageReport {
  const started = Date.now();
  const stepper = new Stepper(model);
  const counts = new Map<string, { transitions: number; newStates: number }>(actionNames(model).map((n) => [n, { transitions: 0, newStates: 0 }]));
  const seen = new Set<string>();
  let level = stepper.initialStates().filter((s) => addNew(seen, s));
  let depth = 0;
  let complete = true;
  while (level.length > 0 && complete) {
    const next: Step[] = [];
    for (const state of level) {
      if (seen.size >= maxStates) {
        complete = false;
        break;
      }
      for (const succ of stepper.successors(state.state)) {
        const c = counts.get(succ.action.name) ?? { transitions: 0, newStates: 0 };
        counts.set(succ.action.name, c);
        c.transitions++;
        if (seen.size < maxStates && addNew(seen, succ)) {
          c.newStates++;
          next.push(succ);
        }
      }
    }
    if (next.length > 0) depth++;
    level = next;
  }
  const actions = [...counts].map(([name, c]) => ({ name, ...c }));
  return {
    model: model.name,
    actions,
    states: seen.size,
    complete: complete && level.length === 0,
    depth,
    bound: maxStates,
    seconds: (Date.now() - started) / 1000,
    neverFired: actions.filter((a) => a.transitions === 0).map((a) => a.name),
  };
}

function addNew(seen: Set<string>, s: Step): boolean {
  const k = keyOf(s);
  if (seen.has(k)) return false;
  seen.add(k);
  return true;
}

export function formatCoverage(r: CoverageReport): string[] {
  const scope = r.complete ? `complete BFS of ${r.states} states, depth ${r.depth}` : `coverage from the first ${r.states} states of BFS (bound ${r.bound}), depth reached ${r.depth}`;
  const width = Math.max(...r.actions.map((a) => a.name.length));
  return [
    `coverage ${r.model}: ${scope}, ${r.seconds.toFixed(1)}s`,
    ...r.actions.map((a) => `  ${a.name.padEnd(width)}  ${String(a.transitions).padStart(8)} transitions  ${String(a.newStates).padStart(8)} new states${a.transitions === 0 ? '  NEVER FIRED' : ''}`),
  ];
}
