// compare: the implementation's cluster against one state of a trace, on
// every spec variable (traces/README.md, mapping table), down to the
// server, the peer and the message. Equal states cost a walk over
// primitives; text is built only for what differs.
import type { Entry, NodeId, NodeState, PersistentState } from '../src/index.js';
import { formatLog, formatMessage, formatSet, formatVotedFor } from './format.js';
import type { Bag, SpecState, SpecVariable } from './trace.js';

/** Diff: one difference, e.g. log[s2]: expected <<[term 1, v1]>>, actual <<>>. */
export type Diff = {
  /** A spec variable, or `storage` for what a server's stable storage holds (P-1). */
  readonly variable: SpecVariable | 'storage';
  /** Where in the variable: [s2], [s1][s2], [message], [s1].log. */
  readonly at: string;
  readonly expected: string;
  readonly actual: string;
  readonly note?: string;
};

export function formatDiff(d: Diff): string {
  return `${d.variable}${d.at}: expected ${d.expected}, actual ${d.actual}${d.note === undefined ? '' : ` (${d.note})`}`;
}

const NO_VOTES: ReadonlySet<NodeId> = new Set();

/** firstLogDifference: the first index (1-based) where two logs differ, or 0 if they are equal. */
export function firstLogDifference(a: readonly Entry[], b: readonly Entry[]): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const x = a[k] as Entry;
    const y = b[k] as Entry;
    if (x.term !== y.term || x.value !== y.value) return k + 1;
  }
  return a.length === b.length ? 0 : n + 1;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** comparePeers: nextIndex[i] or matchIndex[i]; `actual` undefined means the spec's initial value `init` for every peer. */
function comparePeers(
  variable: 'nextIndex' | 'matchIndex',
  i: NodeId,
  expected: ReadonlyMap<NodeId, number>,
  actual: ReadonlyMap<NodeId, number> | undefined,
  init: number,
  out: Diff[],
): void {
  for (const [j, want] of expected) {
    const got = actual === undefined ? init : actual.get(j);
    if (got !== want) out.push({ variable, at: `[${i}][${j}]`, expected: String(want), actual: got === undefined ? '(no entry)' : String(got) });
  }
  if (actual !== undefined && actual.size !== expected.size) {
    for (const [j, got] of actual) {
      if (!expected.has(j)) out.push({ variable, at: `[${i}][${j}]`, expected: '(no entry: not a peer)', actual: String(got) });
    }
  }
}

/** compareServer: the spec variables of server i. */
function compareServer(i: NodeId, node: NodeState, want: SpecState, out: Diff[]): void {
  const term = want.currentTerm.get(i);
  if (node.currentTerm !== term) out.push({ variable: 'currentTerm', at: `[${i}]`, expected: String(term), actual: String(node.currentTerm) });
  const votedFor = want.votedFor.get(i) ?? null;
  if (node.votedFor !== votedFor) out.push({ variable: 'votedFor', at: `[${i}]`, expected: formatVotedFor(votedFor), actual: formatVotedFor(node.votedFor) });
  const log = want.log.get(i) ?? [];
  const first = firstLogDifference(log, node.log);
  if (first !== 0) {
    out.push({ variable: 'log', at: `[${i}]`, expected: formatLog(log), actual: formatLog(node.log), note: `first difference at index ${first}` });
  }
  const role = want.state.get(i);
  if (node.role !== role) out.push({ variable: 'state', at: `[${i}]`, expected: String(role), actual: node.role });
  const commitIndex = want.commitIndex.get(i);
  if (node.commitIndex !== commitIndex) out.push({ variable: 'commitIndex', at: `[${i}]`, expected: String(commitIndex), actual: String(node.commitIndex) });
  const lastApplied = want.lastApplied.get(i);
  if (node.lastApplied !== lastApplied) out.push({ variable: 'lastApplied', at: `[${i}]`, expected: String(lastApplied), actual: String(node.lastApplied) });
  const votes = want.votesGranted.get(i) ?? NO_VOTES;
  const actualVotes = node.role === 'Candidate' ? node.votesGranted : NO_VOTES;
  if (!sameSet(votes, actualVotes)) out.push({ variable: 'votesGranted', at: `[${i}]`, expected: formatSet(votes), actual: formatSet(actualVotes) });
  const leader = node.role === 'Leader';
  comparePeers('nextIndex', i, want.nextIndex.get(i) ?? new Map(), leader ? node.nextIndex : undefined, 1, out);
  comparePeers('matchIndex', i, want.matchIndex.get(i) ?? new Map(), leader ? node.matchIndex : undefined, 0, out);
}

/** compareMessages: the bag, with copies. */
export function compareMessages(expected: Bag, actual: Bag, out: Diff[]): void {
  let same = expected.size === actual.size;
  if (same) {
    for (const [key, e] of expected) {
      if (actual.get(key)?.copies !== e.copies) {
        same = false;
        break;
      }
    }
  }
  if (same) return;
  for (const [key, e] of expected) {
    const got = actual.get(key)?.copies ?? 0;
    if (got !== e.copies) out.push({ variable: 'messages', at: `[${formatMessage(e.message)}]`, expected: `${e.copies}`, actual: `${got}`, note: 'copies in flight' });
  }
  for (const [key, a] of actual) {
    if (!expected.has(key)) out.push({ variable: 'messages', at: `[${formatMessage(a.message)}]`, expected: '0', actual: `${a.copies}`, note: 'copies in flight' });
  }
}

/** compareState: every spec variable of every server, and the network. */
export function compareState(
  servers: readonly NodeId[],
  nodes: ReadonlyMap<NodeId, NodeState>,
  network: Bag,
  want: SpecState,
): Diff[] {
  const out: Diff[] = [];
  for (const i of servers) {
    const node = nodes.get(i);
    if (node === undefined) out.push({ variable: 'state', at: `[${i}]`, expected: String(want.state.get(i)), actual: '(no node)' });
    else compareServer(i, node, want, out);
  }
  compareMessages(want.messages, network, out);
  return out;
}

/**
 * compareStorage: P-1: stable storage holds exactly the node's currentTerm,
 * votedFor and log (what Restart(i) would bring back), so a missing or
 * wrong persist write is caught at the step that makes it.
 */
export function compareStorage(i: NodeId, node: NodeState, stored: PersistentState, out: Diff[]): void {
  if (stored.currentTerm !== node.currentTerm) {
    out.push({ variable: 'storage', at: `[${i}].currentTerm`, expected: String(node.currentTerm), actual: String(stored.currentTerm), note: 'the persist writes do not reproduce currentTerm' });
  }
  if (stored.votedFor !== node.votedFor) {
    out.push({ variable: 'storage', at: `[${i}].votedFor`, expected: formatVotedFor(node.votedFor), actual: formatVotedFor(stored.votedFor), note: 'the persist writes do not reproduce votedFor' });
  }
  if (stored.log !== node.log && firstLogDifference(node.log, stored.log) !== 0) {
    out.push({ variable: 'storage', at: `[${i}].log`, expected: formatLog(node.log), actual: formatLog(stored.log), note: 'the persist writes do not reproduce the log' });
  }
}
