// coverage: how many replayed steps exercised each spec action and each
// Figure 2 rule (rules.ts), and which exercised none.
import { RULES, rulesOf, type Rule } from './rules.js';
import { SPEC_ACTIONS, type SpecAction, type Trace } from './trace.js';

export type Coverage = {
  readonly actions: Readonly<Record<SpecAction, number>>;
  readonly rules: Readonly<Record<Rule, number>>;
};

export function emptyCoverage(): Coverage {
  return {
    actions: Object.fromEntries(SPEC_ACTIONS.map((a) => [a, 0])) as Record<SpecAction, number>,
    rules: Object.fromEntries(RULES.map(([r]) => [r, 0])) as Record<Rule, number>,
  };
}

/** addCoverage: count steps 1..steps of a trace (the ones that replayed and conformed). */
export function addCoverage(c: Coverage, trace: Trace, steps: number): void {
  const actions = c.actions as Record<SpecAction, number>;
  const rules = c.rules as Record<Rule, number>;
  for (let k = 1; k <= steps && k < trace.steps.length; k++) {
    const step = trace.steps[k];
    const before = trace.steps[k - 1];
    if (step?.call == null || before === undefined) continue;
    actions[step.call.name] += 1;
    for (const r of new Set(rulesOf(step.call, before.state, step.state))) rules[r] += 1;
  }
}

/** formatCoverage: the two tables, then the actions and rules no step exercised. */
export function formatCoverage(c: Coverage): string[] {
  const width = Math.max(...SPEC_ACTIONS.map((a) => a.length), ...RULES.map(([r]) => r.length));
  const row = (name: string, n: number, what = ''): string => `  ${name.padEnd(width)}  ${String(n).padStart(8)}${what === '' ? '' : `  ${what}`}`;
  const zeroActions = SPEC_ACTIONS.filter((a) => c.actions[a] === 0);
  const zeroRules = RULES.filter(([r]) => c.rules[r] === 0).map(([r]) => r);
  return [
    'coverage: steps per action',
    ...SPEC_ACTIONS.map((a) => row(a, c.actions[a])),
    'coverage: steps per Figure 2 rule (spec/README.md)',
    ...RULES.map(([r, what]) => row(r, c.rules[r], what)),
    `actions with no step: ${zeroActions.length === 0 ? 'none' : zeroActions.join(', ')}`,
    `rules with no step: ${zeroRules.length === 0 ? 'none' : zeroRules.join(', ')}`,
  ];
}
