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
const NO_PEERS: ReadonlyMap<NodeId, number> = new Map();

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

/**
 * Baseline: a state of the trace the implementation was found equal to (the
 * state before, during a replay), with what the implementation held then.
 * compareState skips what neither side has changed since, by induction:
 * if the trace's value is the object it was in the baseline (the shared
 * parse gives an unchanged variable, and an unchanged server's entry of a
 * changed one, the object of the state before: itf/parse.ts) and the
 * implementation's value is the one it was then (the same reference, or
 * for a number or string the same value), the two are equal now because
 * they were equal then. This rests on neither side changing a value in
 * place: the trace's states are never written to, and src/'s states are
 * immutable (every step builds a new NodeState, and a new array, Set or Map
 * for what it changes; its types are readonly, so a write in place does not
 * type-check there). Everything that changed on either side, and every
 * variable of a step's server that is a number or string, is compared; so
 * is everything in the first state, which has no baseline. replay.test.ts
 * keeps implementations that change a value the trace kept, and traces
 * that change a value the implementation kept, caught at their step.
 */
export type Baseline = {
  readonly want: SpecState;
  /** The implementation's servers then, in the order of `servers`. */
  readonly nodes: readonly (NodeState | undefined)[];
  /** Whether the implementation's bag is the one it was then (unchanged since). */
  readonly sameBag: boolean;
};

/** kept: whether the trace's value at i is the object it was in the baseline's state (undefined: there is none). */
function kept<A>(now: ReadonlyMap<NodeId, A>, then: ReadonlyMap<NodeId, A> | undefined, i: NodeId): boolean {
  return then !== undefined && (now === then || now.get(i) === then.get(i));
}

const votesOf = (n: NodeState): ReadonlySet<NodeId> => (n.role === 'Candidate' ? n.votesGranted : NO_VOTES);
const nextIndexOf = (n: NodeState): ReadonlyMap<NodeId, number> | undefined => (n.role === 'Leader' ? n.nextIndex : undefined);
const matchIndexOf = (n: NodeState): ReadonlyMap<NodeId, number> | undefined => (n.role === 'Leader' ? n.matchIndex : undefined);

/**
 * compareServer: the spec variables of server i; `was` is the server in
 * the baseline and `then` the baseline's trace state (see Baseline).
 */
function compareServer(i: NodeId, node: NodeState, want: SpecState, out: Diff[], was: NodeState | undefined, then: SpecState | undefined): void {
  // A server the step left alone is the same object: its numbers and
  // strings need no look-up in a variable the trace did not change either.
  const idle = was === node && then !== undefined;
  if (!(idle && want.currentTerm === then.currentTerm)) {
    const term = want.currentTerm.get(i);
    if (node.currentTerm !== term) out.push({ variable: 'currentTerm', at: `[${i}]`, expected: String(term), actual: String(node.currentTerm) });
  }
  if (!(idle && want.votedFor === then.votedFor)) {
    const votedFor = want.votedFor.get(i) ?? null;
    if (node.votedFor !== votedFor) out.push({ variable: 'votedFor', at: `[${i}]`, expected: formatVotedFor(votedFor), actual: formatVotedFor(node.votedFor) });
  }
  if (!(was !== undefined && node.log === was.log && kept(want.log, then?.log, i))) {
    const log = want.log.get(i) ?? [];
    const first = firstLogDifference(log, node.log);
    if (first !== 0) {
      out.push({ variable: 'log', at: `[${i}]`, expected: formatLog(log), actual: formatLog(node.log), note: `first difference at index ${first}` });
    }
  }
  if (!(idle && want.state === then.state)) {
    const role = want.state.get(i);
    if (node.role !== role) out.push({ variable: 'state', at: `[${i}]`, expected: String(role), actual: node.role });
  }
  if (!(idle && want.commitIndex === then.commitIndex)) {
    const commitIndex = want.commitIndex.get(i);
    if (node.commitIndex !== commitIndex) out.push({ variable: 'commitIndex', at: `[${i}]`, expected: String(commitIndex), actual: String(node.commitIndex) });
  }
  if (!(idle && want.lastApplied === then.lastApplied)) {
    const lastApplied = want.lastApplied.get(i);
    if (node.lastApplied !== lastApplied) out.push({ variable: 'lastApplied', at: `[${i}]`, expected: String(lastApplied), actual: String(node.lastApplied) });
  }
  const actualVotes = votesOf(node);
  if (!(was !== undefined && actualVotes === votesOf(was) && kept(want.votesGranted, then?.votesGranted, i))) {
    const votes = want.votesGranted.get(i) ?? NO_VOTES;
    if (!sameSet(votes, actualVotes)) out.push({ variable: 'votesGranted', at: `[${i}]`, expected: formatSet(votes), actual: formatSet(actualVotes) });
  }
  const next = nextIndexOf(node);
  if (!(was !== undefined && next === nextIndexOf(was) && kept(want.nextIndex, then?.nextIndex, i))) {
    comparePeers('nextIndex', i, want.nextIndex.get(i) ?? NO_PEERS, next, 1, out);
  }
  const match = matchIndexOf(node);
  if (!(was !== undefined && match === matchIndexOf(was) && kept(want.matchIndex, then?.matchIndex, i))) {
    comparePeers('matchIndex', i, want.matchIndex.get(i) ?? NO_PEERS, match, 0, out);
  }
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

/**
 * compareState: every spec variable of every server, and the network;
 * with a baseline, what neither side changed since is known equal (see
 * Baseline) and not compared again.
 */
export function compareState(
  servers: readonly NodeId[],
  nodes: ReadonlyMap<NodeId, NodeState>,
  network: Bag,
  want: SpecState,
  baseline?: Baseline,
): Diff[] {
  const out: Diff[] = [];
  const then = baseline?.want;
  // The trace changed no server's variable since the baseline: then a
  // server the step left alone (the same object) is as equal as it was.
  const keptAll = then !== undefined && keptServers(want, then);
  for (let k = 0; k < servers.length; k++) {
    const i = servers[k] as NodeId;
    const node = nodes.get(i);
    const was = baseline?.nodes[k];
    if (node === undefined) out.push({ variable: 'state', at: `[${i}]`, expected: String(want.state.get(i)), actual: '(no node)' });
    else if (!(keptAll && was === node)) compareServer(i, node, want, out, was, then);
  }
  if (!(then !== undefined && baseline?.sameBag === true && want.messages === then.messages)) compareMessages(want.messages, network, out);
  return out;
}

/** keptServers: whether every server variable of `want` is the object it was in `then`. */
function keptServers(want: SpecState, then: SpecState): boolean {
  return (
    want.currentTerm === then.currentTerm &&
    want.votedFor === then.votedFor &&
    want.log === then.log &&
    want.state === then.state &&
    want.commitIndex === then.commitIndex &&
    want.lastApplied === then.lastApplied &&
    want.votesGranted === then.votesGranted &&
    want.nextIndex === then.nextIndex &&
    want.matchIndex === then.matchIndex
  );
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
