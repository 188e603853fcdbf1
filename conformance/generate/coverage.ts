// coverage.ts: what coverage-directed generation aims at (every action of each model's
// Next and every rule id of rules.ts) and how it steers a walk: a successor that takes an
// id never taken yet weighs NEW_BOOST times more; once all are taken, rare ids still weigh
// more (up to RARE_BOOST), so the batch keeps spreading over the branches.

import { RULE_IDS } from './rules.js';
import type { Boost } from './walk.js';

export const NEW_BOOST = 50;
export const RARE_BOOST = 10;

/** Ids taken so far: action names and rule ids (the two never clash: rule ids hold a dash). */
export type Counts = Readonly<Record<string, number>>;

export function coverageTarget(actions: readonly string[]): string[] {
  return [...new Set(actions)].sort().concat(RULE_IDS);
}

export function missingIds(target: readonly string[], counts: Counts): string[] {
  return target.filter((id) => (counts[id] ?? 0) === 0);
}

/** The boost of a successor given the counts at the start of the current round. */
export function coverageBoost(target: readonly string[], counts: Counts): Boost {
  const aimed = new Set(target);
  const mean = target.reduce((s, id) => s + (counts[id] ?? 0), 0) / Math.max(target.length, 1);
  return (action, rules) => {
    const ids = [action.name, ...rules].filter((id) => aimed.has(id));
    if (ids.length === 0) return 1;
    const rarest = Math.min(...ids.map((id) => counts[id] ?? 0));
    if (rarest === 0) return NEW_BOOST;
    return Math.min(Math.max(mean / rarest, 1), RARE_BOOST);
  };
}

export function addCounts(into: Record<string, number>, from: Counts): void {
  for (const [k, n] of Object.entries(from)) into[k] = (into[k] ?? 0) + n;
}
