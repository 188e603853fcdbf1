// replay: drive the implementation through a trace, step by step, and stop
// at the first step where it does not do what the spec did.
//
// The replayer owns the cluster: one NodeState and one MemoryStorage per
// server, and the network (a bag, network.ts). State 0 must be what every
// server restarts into from empty storage. Each later state names a spec
// action; the replayer calls the implementation's function for it (from an
// injectable table, actions.ts), performs its outputs (persist writes
// reach storage before the messages are sent) and compares the whole
// cluster with the trace's state on every spec variable.
import { match } from 'ts-pattern';
import { applyPersist, MemoryStorage, type ActionResult, type Message, type NodeId, type NodeState, type Received } from '../src/index.js';
import { SRC_ACTIONS, type Actions } from './actions.js';
import { compareState, compareStorage, formatDiff, type Diff } from './compare.js';
import { probeEnabled } from './enabled.js';
import { probeRefusals, refusalProbes } from './refusals.js';
import { formatEntry, formatMessage } from './format.js';
import { Network } from './network.js';
import { SPEC_ACTIONS, type ActionCall, type ArgsOf, type InFlight, type MessageAction, type SpecAction, type SpecState, type Trace, type TraceStep } from './trace.js';

/** DivergenceKind: how the implementation departed from the trace. */
export type DivergenceKind =
  /** Its state after the step differs from the trace's (see diffs). */
  | 'state'
  /** It says the action the trace took is not enabled (or its input is bad). */
  | 'disabled'
  /** receive(node, m) picks another action than the trace's, or none. */
  | 'receive'
  /** The trace handles, drops or duplicates a message the replayer's network does not hold. */
  | 'not in flight'
  /** Its persist writes cannot be applied to stable storage. */
  | 'persist'
  /** It applies other entries than the ones lastApplied moved past (ALL-1). */
  | 'apply'
  /** It threw. */
  | 'threw'
  /** Its result is labelled with another action than the one the trace took. */
  | 'action'
  /**
   * With checkEnabled: in the state reached, it enables an action the spec does not, or the
   * reverse, or it does not refuse an input outside the spec's domain (refusals.ts).
   */
  | 'enabled';

export type Divergence = {
  /** The index of the state the implementation did not reach (0: the initial state). */
  readonly step: number;
  /** The action of that step; null for the initial state. */
  readonly call: ActionCall | null;
  readonly kind: DivergenceKind;
  /** One line: what went wrong. */
  readonly reason: string;
  /** For `state`: each difference, expected (trace) against actual (implementation). */
  readonly diffs: readonly Diff[];
};

export type ReplayResult = {
  readonly trace: Trace;
  /** Steps (transitions) replayed and found conforming. */
  readonly steps: number;
  readonly divergence: Divergence | undefined;
};

export type ReplayOptions = {
  /** The implementation under test (default: src/). */
  readonly actions?: Actions;
  /**
   * Also compare, in every state, which actions the implementation enables
   * with the spec's guards (enabled.ts): slower, and it catches actions
   * enabled where the spec has none, which a trace never takes.
   */
  readonly checkEnabled?: boolean;
};

/** HANDLER: the implementation function of each message-handling action. */
const HANDLER: { readonly [A in MessageAction]: (a: Actions) => (s: NodeState, m: Message) => ActionResult } = {
  UpdateTerm: (a) => a.updateTerm,
  HandleRequestVoteRequest: (a) => a.handleRequestVoteRequest,
  HandleRequestVoteResponse: (a) => a.handleRequestVoteResponse,
  HandleAppendEntriesRequest: (a) => a.handleAppendEntriesRequest,
  HandleAppendEntriesResponse: (a) => a.handleAppendEntriesResponse,
  DropStaleResponse: (a) => a.dropStaleResponse,
};

const MESSAGE_ACTIONS = Object.keys(HANDLER) as MessageAction[];

/** Problem: why a step diverged, before its state is compared. */
type Problem = { readonly kind: Exclude<DivergenceKind, 'state'>; readonly reason: string };

function describeReceived(r: Received): string {
  return r.enabled ? `${r.action}` : `${r.action ?? 'no action'} (${r.reason.message})`;
}

/** Cluster: the replayer's servers, their storage and the network. */
class Cluster {
  readonly nodes = new Map<NodeId, NodeState>();
  readonly storage = new Map<NodeId, MemoryStorage>();
  readonly network = new Network();
  readonly serverSet: ReadonlySet<NodeId>;
  /** The message actions whose result receive's is: receive and the action's handler are src/'s (see deliver). */
  private readonly srcReceive: ReadonlySet<SpecAction>;

  constructor(
    readonly servers: readonly NodeId[],
    readonly actions: Actions,
  ) {
    this.serverSet = new Set(servers);
    this.srcReceive = new Set(actions.receive === SRC_ACTIONS.receive ? MESSAGE_ACTIONS.filter((a) => HANDLER[a](actions) === HANDLER[a](SRC_ACTIONS)) : []);
    for (const i of servers) this.storage.set(i, new MemoryStorage());
  }

  node(i: NodeId): NodeState {
    return this.nodes.get(i) as NodeState;
  }

  /** restart: Restart(i), also how every server starts (from empty storage, Init). */
  restart(i: NodeId): Problem | undefined {
    return this.perform(i, this.actions.restart({ id: i, servers: this.serverSet }, this.storage.get(i) as MemoryStorage), 'Restart');
  }

  /**
   * perform: carry out an enabled step of server i: persist, then send
   * (P-1), and check what it applies (ALL-1).
   */
  perform(i: NodeId, r: ActionResult, name: SpecAction): Problem | undefined {
    if (!r.enabled) return { kind: 'disabled', reason: `${name} is not enabled at ${i}: ${r.reason.message} [${r.reason.kind}${r.reason.kind === 'GuardFailed' ? `: ${r.reason.guard}` : ''}]` };
    // The result names the action it is the step of: a function answering for another action
    // (a copy-pasted handler, a misrouted case) is not this action, whatever its state.
    if (r.action !== name) return { kind: 'action', reason: `${name} at ${i}: the implementation's result is labelled ${r.action}` };
    const before = this.nodes.get(i);
    const persisted = applyPersist(this.storage.get(i) as MemoryStorage, r.outputs.persist);
    if (!persisted.ok) return { kind: 'persist', reason: `${name} at ${i}: persist writes rejected by storage: ${persisted.error.message}` };
    const applied = checkApplied(before, r.state, r.outputs.apply);
    if (applied !== undefined) return { kind: 'apply', reason: `${name} at ${i}: ${applied}` };
    this.nodes.set(i, r.state);
    for (const m of r.outputs.send) this.network.send(m);
    return undefined;
  }

  /**
   * deliver: a message-handling action of the trace, at m.to.
   *
   * receive(node, m) must choose the trace's action and say it is enabled,
   * and the step's result is the action's handler applied to (node, m).
   * With src/'s receive and src/'s handler for the action (the table's
   * entries are those very functions), receive's result is that result:
   * src/receive.ts returns the chosen handler's own result for the same
   * node and message, and the core is pure (replay.test.ts checks this on
   * every message step of corpus traces). So when both are src/'s and
   * receive chooses the trace's action, the handler is not called a second
   * time for the same answer. A table that replaces either one (a mutant,
   * a test) has both called, as does a step where receive chooses
   * otherwise (the divergence names both answers).
   */
  deliver(name: MessageAction, m: InFlight): Problem | undefined {
    if (!this.network.has(m.key)) return this.notInFlight(m);
    const i = m.message.to;
    const node = this.node(i);
    const chosen = this.actions.receive(node, m.message);
    const r = chosen.enabled && chosen.action === name && this.srcReceive.has(name) ? chosen : HANDLER[name](this.actions)(node, m.message);
    if (!r.enabled) {
      const problem = this.perform(i, r, name) as Problem;
      return { kind: problem.kind, reason: `${problem.reason}; receive(${i}, m) chooses ${describeReceived(chosen)}` };
    }
    if (chosen.action !== name || !chosen.enabled) {
      return { kind: 'receive', reason: `receive(${i}, m) chooses ${describeReceived(chosen)}, but the trace's step is ${name}` };
    }
    // D-3: UpdateTerm leaves m in flight; every other receipt consumes it (Reply, Discard).
    if (name !== 'UpdateTerm') this.network.discard(m.key);
    return this.perform(i, r, name);
  }

  /** step: one action of the trace. */
  step(call: ActionCall): Problem | undefined {
    return (PERFORM[call.name] as Performer)(this, call);
  }

  /** compareStorage: P-1, what server i's storage holds against its state (compare.ts). */
  compareStorage(i: NodeId, out: Diff[]): void {
    compareStorage(i, this.node(i), (this.storage.get(i) as MemoryStorage).load(), out);
  }

  notInFlight(m: InFlight): Problem {
    return { kind: 'not in flight', reason: `message not in flight: ${formatMessage(m.message)}` };
  }
}

/** Performer: how the replayer carries out one spec action; `actor` is the server it changes, if any. */
type Performer = ((c: Cluster, call: ActionCall) => Problem | undefined) & { readonly actor: (call: ActionCall) => NodeId | undefined };

/** on: the performer of action A (the table below is keyed by name, so call.args are A's). */
function on<A extends SpecAction>(
  _name: A,
  perform: (c: Cluster, args: ArgsOf[A], name: A) => Problem | undefined,
  actor: (args: ArgsOf[A]) => NodeId | undefined,
): Performer {
  return Object.assign((c: Cluster, call: ActionCall) => perform(c, call.args as ArgsOf[A], call.name as A), {
    actor: (call: ActionCall) => actor(call.args as ArgsOf[A]),
  });
}

const server = <R extends readonly unknown[]>(args: readonly [NodeId, ...R]): NodeId => args[0];
const addressee = (args: readonly [InFlight]): NodeId => args[0].message.to;
const network = (): undefined => undefined;
const deliver = (c: Cluster, [m]: readonly [InFlight], name: MessageAction): Problem | undefined => c.deliver(name, m);

/**
 * performerOf: each spec action mapped to the implementation (matched
 * exhaustively on the action name union; evaluated once per name, so a
 * step costs a table lookup).
 */
function performerOf(name: SpecAction): Performer {
  return match(name)
    .with('Restart', (n) => on(n, (c, [i]) => c.restart(i), server))
    .with('Timeout', (n) => on(n, (c, [i], a) => c.perform(i, c.actions.timeout(c.node(i)), a), server))
    .with('RequestVote', (n) => on(n, (c, [i, j], a) => c.perform(i, c.actions.requestVote(c.node(i), j), a), server))
    .with('BecomeLeader', (n) => on(n, (c, [i], a) => c.perform(i, c.actions.becomeLeader(c.node(i)), a), server))
    .with('ClientRequest', (n) => on(n, (c, [i, v], a) => c.perform(i, c.actions.clientRequest(c.node(i), v), a), server))
    .with('AppendEntries', (n) => on(n, (c, [i, j, k], a) => c.perform(i, c.actions.appendEntries(c.node(i), j, k), a), server))
    .with('AdvanceCommitIndex', (n) => on(n, (c, [i], a) => c.perform(i, c.actions.advanceCommitIndex(c.node(i)), a), server))
    .with('ApplyEntry', (n) => on(n, (c, [i], a) => c.perform(i, c.actions.applyEntry(c.node(i)), a), server))
    .with('UpdateTerm', (n) => on(n, deliver, addressee))
    .with('HandleRequestVoteRequest', (n) => on(n, deliver, addressee))
    .with('HandleRequestVoteResponse', (n) => on(n, deliver, addressee))
    .with('HandleAppendEntriesRequest', (n) => on(n, deliver, addressee))
    .with('HandleAppendEntriesResponse', (n) => on(n, deliver, addressee))
    .with('DropStaleResponse', (n) => on(n, deliver, addressee))
    .with('DropMessage', (n) => on(n, (c, [m]) => (c.network.discard(m.key) ? undefined : c.notInFlight(m)), network))
    .with('DuplicateMessage', (n) =>
      on(
        n,
        (c, [m]) => {
          if (!c.network.has(m.key)) return c.notInFlight(m);
          c.network.send(m.message, m.key);
          return undefined;
        },
        network,
      ),
    )
    .exhaustive();
}

const PERFORM: { readonly [A in SpecAction]: Performer } = Object.fromEntries(SPEC_ACTIONS.map((a) => [a, performerOf(a)])) as {
  readonly [A in SpecAction]: Performer;
};

/**
 * checkApplied: ALL-1 and D-8: the entries a step hands to the state
 * machine are exactly log[old lastApplied + 1 .. new lastApplied], in
 * order (none when lastApplied does not grow, e.g. on a restart).
 */
function checkApplied(before: NodeState | undefined, after: NodeState, applied: readonly { readonly index: number; readonly entry: { readonly term: number; readonly value: string } }[]): string | undefined {
  const from = before === undefined ? 0 : before.lastApplied;
  const count = Math.max(0, after.lastApplied - from);
  if (applied.length === 0 && count === 0) return undefined;
  const want = after.log.slice(from, from + count).map((entry, k) => ({ index: from + k + 1, entry }));
  const same =
    applied.length === want.length &&
    want.every((w, k) => applied[k]?.index === w.index && applied[k]?.entry.term === w.entry.term && applied[k]?.entry.value === w.entry.value);
  if (same) return undefined;
  const show = (xs: readonly { readonly index: number; readonly entry: { readonly term: number; readonly value: string } }[]) =>
    `<<${xs.map((x) => `${x.index}: ${formatEntry({ term: x.entry.term, value: x.entry.value } as Parameters<typeof formatEntry>[0])}`).join(', ')}>>`;
  return `applies ${show(applied)}, but lastApplied went from ${from} to ${after.lastApplied}, which applies ${show(want)}`;
}

/** replayTrace: replay one trace against the implementation; the first divergence, if any. */
export function replayTrace(trace: Trace, options: ReplayOptions = {}): ReplayResult {
  const servers = trace.constants.servers;
  const cluster = new Cluster(servers, options.actions ?? SRC_ACTIONS);
  let steps = 0;
  const diverged = (step: number, call: ActionCall | null, kind: DivergenceKind, reason: string, diffs: readonly Diff[] = []): ReplayResult => ({
    trace,
    steps,
    divergence: { step, call, kind, reason, diffs },
  });
  // The last state found equal, on both sides (compare.ts, Baseline), and the network's version then.
  let baseline: { want: SpecState; nodes: (NodeState | undefined)[]; sameBag: boolean } | undefined;
  let bagVersion = -1;
  for (let n = 0; n < trace.steps.length; n++) {
    const { index, call, state } = trace.steps[n] as TraceStep;
    let problem: Problem | undefined;
    try {
      if (call === null) {
        for (const i of servers) problem ??= cluster.restart(i);
      } else {
        problem = cluster.step(call);
      }
    } catch (e) {
      problem = { kind: 'threw', reason: `the implementation threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` };
    }
    if (problem !== undefined) return diverged(index, call, problem.kind, problem.reason);
    if (baseline !== undefined) baseline.sameBag = cluster.network.version === bagVersion;
    const diffs = compareState(servers, cluster.nodes, cluster.network.contents, state, baseline);
    if (call === null) {
      for (const i of servers) cluster.compareStorage(i, diffs);
    } else {
      const actor = PERFORM[call.name].actor(call);
      if (actor !== undefined) cluster.compareStorage(actor, diffs);
    }
    if (diffs.length > 0) {
      const what = index === 0 ? 'the initial state (every server restarted from empty storage)' : 'the state after the step';
      const first = diffs[0] as Diff;
      return diverged(index, call, 'state', `${what} differs from the trace: ${formatDiff(first)}${diffs.length > 1 ? ` (+${diffs.length - 1} more)` : ''}`, diffs);
    }
    // The baseline of the next comparison (compare.ts): this state, found equal.
    baseline ??= { want: state, nodes: [], sameBag: true };
    baseline.want = state;
    for (let k = 0; k < servers.length; k++) baseline.nodes[k] = cluster.nodes.get(servers[k] as NodeId);
    bagVersion = cluster.network.version;
    if (call !== null) steps += 1;
    if (options.checkEnabled === true) {
      let d;
      try {
        d =
          probeEnabled(cluster.actions, cluster.nodes, state, servers, trace.constants.values) ??
          probeRefusals(refusalProbes(cluster.actions, cluster.nodes, (i) => (cluster.storage.get(i) as MemoryStorage).load(), state, servers));
      } catch (e) {
        return diverged(index, call, 'threw', `in state ${index}, probing enabledness, the implementation threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
      if (d !== undefined) {
        return diverged(index, call, 'enabled', `in state ${index}, ${d.action}: the implementation says ${d.implementation}, the spec says ${d.spec}`);
      }
    }
  }
  return { trace, steps, divergence: undefined };
}
