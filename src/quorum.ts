// quorum: majorities of the configuration (the spec's Quorum).
import type { NodeId } from './codecs.js';

/**
 * isQuorum: Q \in Quorum, i.e. the members of `servers` in `members` are a
 * strict majority of `servers` (C-2, L-4). Members outside the
 * configuration do not count.
 */
export function isQuorum(members: ReadonlySet<NodeId>, servers: ReadonlySet<NodeId>): boolean {
  let count = 0;
  for (const s of servers) if (members.has(s)) count += 1;
  return 2 * count > servers.size;
}

/**
 * quorumIndex: given one index per server of the configuration (how far
 * each server's log is known to match), the largest n such that a strict
 * majority of them is >= n (L-4); 0 for no servers. Sorted in descending
 * order, the value at position floor(size / 2) is held by floor(size / 2) + 1
 * servers, the smallest majority.
 */
export function quorumIndex(indexes: readonly number[]): number {
  const sorted = [...indexes].sort((a, b) => b - a);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
