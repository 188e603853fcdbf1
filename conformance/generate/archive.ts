// archive.ts: coverage mode's memory of where earlier walks went (after Go-Explore,
// Ecoffet et al. 2021). States are grouped into cells by an abstraction of what matters to
// Figure 2's branches: each server's role, term, log terms, commitIndex and whether it has
// voted, and the kinds of messages in flight. The first trace to reach a cell is kept;
// later walks may start by replaying that trace up to the cell and walk on from there, so
// that rare situations (a leader elected with an entry the others lack, diverging logs)
// are revisited and pushed further instead of being found again from Init by luck.
//
// The archive lives in the main thread and changes only between rounds, in trace order,
// so that what a walk starts from does not depend on the number of workers.

import type { TlaState } from '../tla/value.js';
import type { ItfState } from '../itf/value.js';
import { intOf, itfKey } from '../itf/value.js';
import type { Prng } from './prng.js';
import { RaftView, field } from './raft-state.js';

/** The cell of a state. */
export function cellOf(state: ItfState): string {
  const v = new RaftView(state);
  const servers = v.servers().map((i) => [v.role(i)[0], v.term(i), v.log(i).map((e) => e.term).join('.'), v.commitIndex(i), v.votedFor(i) === 'Nil' ? '' : 'v'].join(':'));
  const msgs = v
    .messages()
    .map((x) => [field(x.m, 'type'), intOf(field(x.m, 'term')), itfKey(field(x.m, 'success') ?? field(x.m, 'voteGranted') ?? '')].join(':'))
    .sort();
  return `${servers.join('|')}#${msgs.join(',')}`;
}

/** Cells where two logs disagree at an index (AE-3's precondition) are chosen this much more. */
export const DIVERGENT_INTEREST = 10;
/** Cells where a leader lacks an entry of an older term that another server holds: one step from divergence. */
export const STALE_INTEREST = 5;

/** How interesting a cell is to start from: logs that diverge, or are about to, lead to truncation (AE-3). */
export function interestOf(state: ItfState): number {
  const v = new RaftView(state);
  const servers = v.servers();
  const logs = servers.map((i) => v.log(i));
  const diverge = logs.some((a, x) => logs.some((b, y) => y > x && a.some((e, k) => b[k] !== undefined && b[k]?.term !== e.term)));
  if (diverge) return DIVERGENT_INTEREST;
  const stale = servers.some((l, x) => {
    if (v.role(l) !== 'Leader') return false;
    const lead = logs[x] ?? [];
    return logs.some((other) => other.slice(lead.length).some((e) => e.term < v.term(l)));
  });
  return stale ? STALE_INTEREST : 1;
}

/** Where a trace reached a cell first: its state lines up to there and the state to go on from. */
export type CellStart = { readonly model: string; readonly file: string; readonly lines: readonly string[]; readonly last: TlaState; readonly interest: number };

type Cell = CellStart & { visits: number; chosen: number };

export class Archive {
  private readonly cells = new Map<string, Cell>();

  get size(): number {
    return this.cells.size;
  }

  has(key: string): boolean {
    return this.cells.has(key);
  }

  /** A trace reached cell `key`: the first one is kept as the way there. */
  visit(key: string, start: () => CellStart): void {
    const cell = this.cells.get(key);
    if (cell === undefined) this.cells.set(key, { ...start(), visits: 1, chosen: 0 });
    else cell.visits++;
  }

  /**
   * A cell of `model` with fewer than `maxSteps` steps, or undefined if none. Rarely reached
   * and rarely chosen cells are favoured (weight interest / sqrt(1 + visits + chosen)): they
   * are the frontier of what the walks have explored.
   */
  choose(model: string, maxSteps: number, rng: Prng): CellStart | undefined {
    const cells = [...this.cells.values()].filter((c) => c.model === model && c.lines.length - 1 < maxSteps);
    if (cells.length === 0) return undefined;
    const cell = cells[rng.weighted(cells.map((c) => c.interest / Math.sqrt(1 + c.visits + c.chosen)))];
    if (cell !== undefined) cell.chosen++;
    return cell;
  }
}
