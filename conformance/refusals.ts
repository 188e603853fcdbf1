// refusals: enabledness outside the spec's domain. The spec's actions take
// only what the spec can produce: a message in flight at its addressee,
// from a server of the configuration; server arguments in Server; n and v
// of the right type; states in TypeOK that satisfy the invariants; stable
// storage written without gaps. A driver can hand the implementation
// anything, and its contract (src/result.ts, BadInput) is to refuse what
// the spec never produces, with a typed reason that names the field at
// fault and the value found there, under the name of the action asked, and
// to change nothing. No trace shows such an input (each is a spec
// behaviour), so in each state of a trace this probe builds
// inputs just outside the domain from the state itself (the messages in
// flight sent to another server or by a stranger, a leader's nextIndex
// missing a peer, the server's storage with a vote for a stranger, ...)
// and checks each answer. With `--check-enabled`, after probeEnabled.
import {
  applyPersist,
  Guard,
  MemoryStorage,
  type ActionResult,
  type BadInput,
  type LogIndex,
  type Message,
  type NodeId,
  type NodeState,
  type PersistentState,
  type PersistWrite,
  type Reason,
  type Received,
} from '../src/index.js';
import type { Actions } from './actions.js';
import { messageHandlers, type Disagreement } from './enabled.js';
import { formatMessage } from './format.js';
import type { SpecState } from './trace.js';

/**
 * Expected: the refusal an input outside the spec's domain must get: its
 * reason's kind, where the reason must say the fault is (see `where`), and
 * the label (null: no action chosen).
 */
type Expected = { readonly kind: Reason['kind']; readonly where: string; readonly action: string | null };

/** Answer: what the implementation said, reduced to what a refusal is checked on. */
type Answer = {
  readonly refused: boolean;
  readonly action: string | null;
  readonly kind: string | undefined;
  readonly where?: string | undefined;
  readonly changed?: string | undefined;
};

/** Probe: one out-of-domain input, the call that makes it, and the refusal it must get. */
export type Probe = { readonly call: string; readonly expect: Expected; readonly run: () => Answer };

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/**
 * where: the part of a reason a driver acts on, as one line: each field (or
 * path) at fault with the value found there, the addressee of a message
 * for another server, the invariant a state breaks, or the guard a spec
 * input fails. The reason's message is not compared; this is, so a refusal
 * that blames the wrong field, or none, is caught.
 */
export function where(r: Reason): string {
  switch (r.kind) {
    case 'UnknownServer':
      return `${r.field} = ${show(r.server)}`;
    case 'IndexBeyondLog':
      return `${r.field} = ${r.index}`;
    case 'MalformedInput':
      return r.problems.map((p) => `${p.path} = ${show(p.actual)}`).join('; ');
    case 'WrongAddressee':
      return `to = ${show(r.to)}`;
    case 'InconsistentState':
      return r.invariant;
    case 'GuardFailed':
      return r.guard;
  }
}

function answer(r: ActionResult | Received): Answer {
  return r.enabled ? { refused: false, action: r.action, kind: undefined } : { refused: true, action: r.action, kind: r.reason.kind, where: where(r.reason) };
}

/** outsider: a server name that is not in the configuration. */
export function outsider(servers: readonly NodeId[]): NodeId {
  let name = 'x';
  while (servers.includes(name as NodeId)) name += 'x';
  return name as NodeId;
}

/** fromStranger: m as sent by `stranger` (the sender fields a request repeats too, so that it stays well-formed). */
function fromStranger(m: Message, stranger: NodeId): Message {
  switch (m.type) {
    case 'RequestVoteRequest':
      return { ...m, from: stranger, candidateId: stranger };
    case 'AppendEntriesRequest':
      return { ...m, from: stranger, leaderId: stranger };
    default:
      return { ...m, from: stranger };
  }
}

/** messageProbes: each message in flight at a server it is not for, from a stranger, and with a negative term. */
function messageProbes(actions: Actions, nodes: ReadonlyMap<NodeId, NodeState>, s: SpecState, servers: readonly NodeId[]): Probe[] {
  const out: Probe[] = [];
  const stranger = outsider(servers);
  const handlers = messageHandlers(actions);
  for (const { message: m } of s.messages.values()) {
    const other = servers.find((k) => k !== m.to) as NodeId;
    const at = nodes.get(other) as NodeState;
    const wrong: Expected = { kind: 'WrongAddressee', where: `to = ${show(m.to)}`, action: null };
    out.push({ call: `receive(${other}, ${formatMessage(m)})`, expect: wrong, run: () => answer(actions.receive(at, m)) });
    for (const [name, handler] of handlers) {
      out.push({ call: `${name} at ${other}(${formatMessage(m)})`, expect: { ...wrong, action: name }, run: () => answer(handler(at, m)) });
    }
    const to = nodes.get(m.to) as NodeState;
    const strange = fromStranger(m, stranger);
    out.push({ call: `receive(${m.to}, ${formatMessage(strange)})`, expect: { kind: 'UnknownServer', where: `from = ${show(stranger)}`, action: null }, run: () => answer(actions.receive(to, strange)) });
    const negative = { ...m, term: -1 } as unknown as Message;
    out.push({ call: `receive(${m.to}, ${formatMessage(m)} with term -1)`, expect: { kind: 'MalformedInput', where: 'term = -1', action: null }, run: () => answer(actions.receive(to, negative)) });
  }
  return out;
}

/** The TypeOK conjuncts a leader's indexes can break, as src/leader-state.ts names them. */
const overPeers = (name: string): string => `${name}[i] \\in [Peers(i) -> Nat]`;
const atLeast = (name: string, least: number): string => `${name}[i][j] >= ${least}`;

/**
 * brokenLeaders: s with nextIndex or matchIndex outside TypeOK
 * (nextIndex[i] \in [Peers(i) -> Nat \ {0}], matchIndex[i] \in [Peers(i) -> Nat]):
 * a peer missing, a stranger in a peer's place or besides the peers, a value
 * too small, a fraction; each with the invariant it breaks.
 */
function brokenLeaders(s: NodeState & { role: 'Leader' }, peer: NodeId, stranger: NodeId): readonly (readonly [string, NodeState, string])[] {
  const without = (m: ReadonlyMap<NodeId, LogIndex>): Map<NodeId, LogIndex> => {
    const copy = new Map(m);
    copy.delete(peer);
    return copy;
  };
  const set = (m: ReadonlyMap<NodeId, LogIndex>, v: number): Map<NodeId, LogIndex> => new Map(m).set(peer, v as LogIndex);
  const replaced = (m: ReadonlyMap<NodeId, LogIndex>): Map<NodeId, LogIndex> => without(m).set(stranger, m.get(peer) as LogIndex);
  const extra = (m: ReadonlyMap<NodeId, LogIndex>): Map<NodeId, LogIndex> => new Map(m).set(stranger, m.get(peer) as LogIndex);
  return [
    [`nextIndex without ${peer}`, { ...s, nextIndex: without(s.nextIndex) }, overPeers('nextIndex')],
    [`nextIndex over ${stranger} instead of ${peer}`, { ...s, nextIndex: replaced(s.nextIndex) }, overPeers('nextIndex')],
    [`nextIndex over ${stranger} besides the peers`, { ...s, nextIndex: extra(s.nextIndex) }, overPeers('nextIndex')],
    [`nextIndex[${peer}] = 0`, { ...s, nextIndex: set(s.nextIndex, 0) }, atLeast('nextIndex', 1)],
    [`nextIndex[${peer}] = 1.5`, { ...s, nextIndex: set(s.nextIndex, 1.5) }, atLeast('nextIndex', 1)],
    [`matchIndex without ${peer}`, { ...s, matchIndex: without(s.matchIndex) }, overPeers('matchIndex')],
    [`matchIndex[${peer}] = -1`, { ...s, matchIndex: set(s.matchIndex, -1) }, atLeast('matchIndex', 0)],
  ];
}

/**
 * serverProbes: the server actions of i with arguments outside Server or
 * Nat, in states outside TypeOK or the invariants; and one state inside
 * TypeOK that no behaviour reaches, where the answer is the spec's guard.
 */
function serverProbes(actions: Actions, node: NodeState, servers: readonly NodeId[]): Probe[] {
  const i = node.id;
  const stranger = outsider(servers);
  const peer = servers.find((j) => j !== i) as NodeId;
  const len = node.log.length;
  const refuse = (call: string, kind: Reason['kind'], at: string, action: string, run: () => ActionResult): Probe => ({
    call,
    expect: { kind, where: at, action },
    run: () => answer(run()),
  });
  const out: Probe[] = [
    refuse(`RequestVote(${i}, ${stranger})`, 'UnknownServer', `j = ${show(stranger)}`, 'RequestVote', () => actions.requestVote(node, stranger)),
    refuse(`AppendEntries(${i}, ${stranger}, 0)`, 'UnknownServer', `j = ${show(stranger)}`, 'AppendEntries', () => actions.appendEntries(node, stranger, 0)),
    refuse(`AppendEntries(${i}, ${peer}, -1)`, 'MalformedInput', 'n = -1', 'AppendEntries', () => actions.appendEntries(node, peer, -1)),
    refuse(`AppendEntries(${i}, ${peer}, 0.5)`, 'MalformedInput', 'n = 0.5', 'AppendEntries', () => actions.appendEntries(node, peer, 0.5)),
    refuse(`ClientRequest(${i}, 7)`, 'MalformedInput', 'v = 7', 'ClientRequest', () => actions.clientRequest(node, 7 as unknown as string)),
    // CommitIndexInLog: commitIndex never passes the end of the log.
    refuse(`ApplyEntry(${i}) with commitIndex = ${len + 1} past the log`, 'IndexBeyondLog', `lastApplied + 1 = ${len + 1}`, 'ApplyEntry', () =>
      actions.applyEntry({ ...node, commitIndex: (len + 1) as LogIndex, lastApplied: len as LogIndex }),
    ),
  ];
  if (node.role === 'Candidate') {
    // Inside TypeOK but off the reachable states (Timeout always adds i's own
    // vote): the spec's guard still decides, j = i is not in Peers(i).
    const votes = new Set(node.votesGranted);
    votes.delete(i);
    out.push(
      refuse(`RequestVote(${i}, ${i}) with votesGranted without ${i}`, 'GuardFailed', Guard.peerWithoutVote, 'RequestVote', () =>
        actions.requestVote({ ...node, votesGranted: votes }, i),
      ),
    );
  }
  if (node.role !== 'Leader') return out;
  const response = (success: boolean, matchIndex: number): Message => ({
    type: 'AppendEntriesResponse',
    from: peer,
    to: i,
    term: node.currentTerm,
    success,
    prevLogIndex: 0 as LogIndex,
    matchIndex: matchIndex as LogIndex,
  });
  // A follower acknowledges only entries the leader sent it: never past the leader's log.
  out.push(
    refuse(
      `HandleAppendEntriesResponse at ${i}(success, matchIndex ${len + 1} past the log)`,
      'IndexBeyondLog',
      `m.matchIndex = ${len + 1}`,
      'HandleAppendEntriesResponse',
      () => actions.handleAppendEntriesResponse(node, response(true, len + 1)),
    ),
  );
  for (const [what, broken, invariant] of brokenLeaders(node, peer, stranger)) {
    out.push(
      refuse(`AppendEntries(${i}, ${peer}, 0) with ${what}`, 'InconsistentState', invariant, 'AppendEntries', () => actions.appendEntries(broken, peer, 0)),
      refuse(`AdvanceCommitIndex(${i}) with ${what}`, 'InconsistentState', invariant, 'AdvanceCommitIndex', () => actions.advanceCommitIndex(broken)),
      refuse(`HandleAppendEntriesResponse at ${i} with ${what}`, 'InconsistentState', invariant, 'HandleAppendEntriesResponse', () =>
        actions.handleAppendEntriesResponse(broken, response(false, 0)),
      ),
    );
  }
  return out;
}

/** storageProbes: Restart(i) from a bad configuration or bad storage, and persist writes that are malformed or leave a gap. */
function storageProbes(actions: Actions, persistWith: Persist, node: NodeState, stored: PersistentState, servers: readonly NodeId[]): Probe[] {
  const i = node.id;
  const stranger = outsider(servers);
  const all = new Set(servers);
  const restart = (what: string, kind: BadInput['kind'], at: string, config: { id: NodeId; servers: ReadonlySet<NodeId> }, state: PersistentState): Probe => ({
    call: `Restart(${i}) ${what}`,
    expect: { kind, where: at, action: 'Restart' },
    run: () => answer(actions.restart(config, new MemoryStorage(state))),
  });
  const len = stored.log.length;
  const persist = (what: string, kind: BadInput['kind'], at: string, writes: readonly unknown[]): Probe => ({
    call: `persist at ${i}: ${what}`,
    expect: { kind, where: at, action: null },
    run: () => {
      const storage = new MemoryStorage(stored);
      const r = persistWith(storage, writes as readonly PersistWrite[]);
      const changed = storage.load() === stored ? undefined : 'the storage was written';
      return r.ok ? { refused: false, action: null, kind: undefined, changed } : { refused: true, action: null, kind: r.error.kind, where: where(r.error), changed };
    },
  });
  const gap = { write: 'log', from: len + 2, entries: [] };
  return [
    restart(`in a configuration without ${i}`, 'UnknownServer', `id = ${show(i)}`, { id: i, servers: new Set(servers.filter((j) => j !== i)) }, stored),
    restart('in a configuration with a server 5', 'MalformedInput', `servers.${servers.length} = 5`, { id: i, servers: new Set([...all, 5 as unknown as NodeId]) }, stored),
    restart(`with votedFor = ${stranger} stored`, 'UnknownServer', `votedFor = ${show(stranger)}`, { id: i, servers: all }, { ...stored, votedFor: stranger }),
    restart('with currentTerm = -1 stored', 'MalformedInput', 'currentTerm = -1', { id: i, servers: all }, { ...stored, currentTerm: -1 } as unknown as PersistentState),
    persist(`a log write from ${len + 2}, past the end (a gap)`, 'IndexBeyondLog', `persist[0].from = ${len + 2}`, [gap]),
    persist('a log write from 0', 'IndexBeyondLog', 'persist[0].from = 0', [{ write: 'log', from: 0, entries: [] }]),
    persist(`a currentTerm write, then a log write from ${len + 2} (nothing may be written)`, 'IndexBeyondLog', `persist[1].from = ${len + 2}`, [
      { write: 'currentTerm', currentTerm: stored.currentTerm + 1 },
      gap,
    ]),
    persist('a write of an unknown kind', 'MalformedInput', 'persist[0].write = "commitIndex"', [{ write: 'commitIndex', commitIndex: 0 }]),
    persist('a currentTerm write of -1', 'MalformedInput', 'persist[0].currentTerm = -1', [{ write: 'currentTerm', currentTerm: -1 }]),
    persist('a votedFor write, then null', 'MalformedInput', 'persist[1] = null', [{ write: 'votedFor', votedFor: null }, null]),
  ];
}

/** Persist: how a driver performs a step's persist writes (src/'s applyPersist; a test passes a broken one). */
export type Persist = typeof applyPersist;

/** refusalProbes: every probe of a state (nodes: the cluster, equal to `s`; stored: each server's stable storage). */
export function refusalProbes(
  actions: Actions,
  nodes: ReadonlyMap<NodeId, NodeState>,
  stored: (i: NodeId) => PersistentState,
  s: SpecState,
  servers: readonly NodeId[],
  persistWith: Persist = applyPersist,
): Probe[] {
  const out = messageProbes(actions, nodes, s, servers);
  for (const i of servers) {
    const node = nodes.get(i) as NodeState;
    out.push(...serverProbes(actions, node, servers), ...storageProbes(actions, persistWith, node, stored(i), servers));
  }
  return out;
}

/** judge: why an answer is not the expected refusal, or undefined. */
export function judge(a: Answer, expect: Expected): string | undefined {
  const label = expect.action === null ? 'no action' : expect.action;
  if (!a.refused) return `${a.action ?? 'no action'} enabled`;
  if (a.kind !== expect.kind) return `refused as ${a.kind ?? 'an untyped reason'}`;
  if (a.where !== expect.where) return `refused as ${a.kind}, but at ${a.where ?? 'no field'}, not at ${expect.where}`;
  if (a.action !== expect.action) return `refused, but labelled ${a.action ?? 'no action'}, not ${label}`;
  return a.changed;
}

/** probeRefusals: the first of `probes` (refusalProbes of a state) whose answer is not its refusal. */
export function probeRefusals(probes: readonly Probe[]): Disagreement | undefined {
  for (const p of probes) {
    const wrong = judge(p.run(), p.expect);
    if (wrong !== undefined) {
      return { action: p.call, implementation: wrong, spec: `the input is outside its domain: refused as ${p.expect.kind} at ${p.expect.where}${p.expect.action === null ? '' : `, labelled ${p.expect.action}`}` };
    }
  }
  return undefined;
}
