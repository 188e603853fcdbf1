// state-graph.ts: what the embedded checker's state graph (its DOT export) tells that its
// summary does not: how many transitions each action of Next produced, and the depth.
//
// The DOT has one line per state, `  s12 [label="..."];`, numbered in the order the
// breadth-first search found them, and one line per distinct transition,
// `  s3 -> s12 [label="__A2_Timeout"];` (two actions producing the same transition are one
// edge labelled `__A2_Timeout, __A5_ClientRequest`). With symmetry, states are the
// canonical representatives, so the figures are those of the reduced graph.

import { actionOfLabel } from './variant.js';

export type StateGraphSummary = {
  /** Distinct transitions per action of Next; an edge found by two actions counts for both. */
  readonly transitions: Readonly<Record<string, number>>;
  /** States on the longest shortest path from an initial state (TLC's convention: 1 = Init only). */
  readonly depth: number;
  readonly states: number;
  readonly edges: number;
};

const NODE = /^\s*s(\d+) \[label=/;
const EDGE = /^\s*s(\d+) -> s(\d+) \[label="([^"]*)"\];$/;

/**
 * Summarises the DOT of a finished check. Initial states are found as the states no earlier
 * state reaches: the numbering is breadth-first, so every state not reachable from the ones
 * numbered before it is an initial state.
 */
export function summariseStateGraph(dot: string): StateGraphSummary {
  const transitions: Record<string, number> = {};
  const successors: number[][] = [];
  let states = 0;
  let edges = 0;
  for (const line of dot.split('\n')) {
    const node = NODE.exec(line);
    if (node !== null) {
      states = Math.max(states, Number(node[1]) + 1);
      continue;
    }
    const edge = EDGE.exec(line);
    if (edge === null) continue;
    edges++;
    const from = Number(edge[1]);
    (successors[from] ??= []).push(Number(edge[2]));
    for (const label of (edge[3] ?? '').split(', ')) {
      const action = actionOfLabel(label) ?? label;
      transitions[action] = (transitions[action] ?? 0) + 1;
    }
  }
  return { transitions, depth: bfsDepth(successors, states), states, edges };
}

function bfsDepth(successors: readonly (readonly number[] | undefined)[], states: number): number {
  const level = new Int32Array(states);
  // Roots: every state that no earlier root reaches.
  const reached = new Uint8Array(states);
  const roots: number[] = [];
  for (let r = 0; r < states; r++) {
    if (reached[r] === 1) continue;
    roots.push(r);
    const stack = [r];
    reached[r] = 1;
    for (let s = stack.pop(); s !== undefined; s = stack.pop()) {
      for (const t of successors[s] ?? []) {
        if (t < states && reached[t] === 0) {
          reached[t] = 1;
          stack.push(t);
        }
      }
    }
  }
  // Breadth-first from all roots at once.
  let frontier = roots;
  for (const r of roots) level[r] = 1;
  let depth = roots.length > 0 ? 1 : 0;
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const s of frontier) {
      for (const t of successors[s] ?? []) {
        if (t < states && level[t] === 0) {
          level[t] = (level[s] ?? 0) + 1;
          depth = Math.max(depth, level[t] ?? 0);
          next.push(t);
        }
      }
    }
    frontier = next;
  }
  return depth;
}
