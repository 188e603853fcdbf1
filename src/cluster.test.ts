// A whole cluster, driven through the public functions by a small test
// driver that owns the network (a bag: DropMessage and DuplicateMessage are
// its steps) and stable storage. Random runs check the spec's invariants.
import fc from 'fast-check';
import t from 'tap';
import { broadcast, replicate } from './broadcast.js';
import type { Message, NodeId } from './codecs.js';
import {
  advanceCommitIndex,
  appendEntries,
  applyEntry,
  becomeLeader,
  clientRequest,
  dropStaleResponse,
  handleAppendEntriesRequest,
  handleAppendEntriesResponse,
  handleRequestVoteRequest,
  handleRequestVoteResponse,
  receive,
  requestVote,
  restart,
  timeout,
  updateTerm,
} from './index.js';
import { encodeKvCommand, kv, type KvState } from './kv.js';
import type { ActionResult } from './result.js';
import { applyToReplica, initialReplica, type Replica } from './state-machine.js';
import type { NodeState } from './state.js';
import { applyPersist, MemoryStorage } from './storage.js';
import { id, step } from './testing.js';

class Cluster {
  readonly ids: NodeId[];
  readonly nodes = new Map<NodeId, NodeState>();
  readonly storage = new Map<NodeId, MemoryStorage>();
  readonly replicas = new Map<NodeId, Replica<KvState>>();
  network: Message[] = [];
  /** Problems found while driving; a run passes only if it stays empty. */
  readonly problems: string[] = [];

  constructor(size: number) {
    this.ids = Array.from({ length: size }, (_, k) => id(`s${k + 1}`));
    for (const i of this.ids) {
      this.storage.set(i, new MemoryStorage());
      this.restart(i);
    }
  }

  node(i: NodeId): NodeState {
    return this.nodes.get(i) as NodeState;
  }

  restart(i: NodeId): void {
    const r = restart({ id: i, servers: new Set(this.ids) }, this.storage.get(i) as MemoryStorage);
    this.replicas.set(i, initialReplica(kv));
    this.perform(i, r);
  }

  /** perform: carry out a step's outputs: persist, then send, then apply. */
  perform(i: NodeId, r: ActionResult, consumed?: Message): void {
    if (!r.enabled) {
      if (r.reason.kind !== 'GuardFailed') this.problems.push(`${r.action}: ${r.reason.message}`);
      return;
    }
    const storage = this.storage.get(i) as MemoryStorage;
    const persisted = applyPersist(storage, r.outputs.persist);
    if (!persisted.ok) this.problems.push(`${r.action}: ${persisted.error.message}`);
    const { currentTerm, votedFor, log } = r.state;
    if (JSON.stringify(storage.load()) !== JSON.stringify({ currentTerm, votedFor, log })) {
      this.problems.push(`${r.action} at ${i}: the persist writes do not reproduce the persistent state`);
    }
    this.nodes.set(i, r.state);
    if (consumed !== undefined && r.action !== 'UpdateTerm') this.network.splice(this.network.indexOf(consumed), 1);
    this.network.push(...r.outputs.send);
    const applied = applyToReplica(kv, this.replicas.get(i) as Replica<KvState>, r.outputs.apply);
    if (!applied.ok) this.problems.push(applied.error.message);
    else this.replicas.set(i, applied.replica);
  }

  /** deliver: receive m at its addressee, checking that exactly the action receive picked is enabled. */
  deliver(m: Message): void {
    const s = this.node(m.to);
    const all = [updateTerm, handleRequestVoteRequest, handleRequestVoteResponse, handleAppendEntriesRequest, handleAppendEntriesResponse, dropStaleResponse];
    const on = all.map((f) => f(s, m)).filter((r) => r.enabled);
    const r = receive(s, m);
    if (on.length > 1) this.problems.push(`${on.map((x) => x.action).join(', ')} all enabled for one message`);
    if (r.enabled !== (on.length === 1) || (r.enabled && r.action !== on[0]?.action)) {
      this.problems.push(`receive chose ${String(r.action)}, enabled: ${on.map((x) => x.action).join(', ')}`);
    }
    if (r.action !== null) this.perform(m.to, r, m);
  }

  /** check: the spec's invariants over all servers. */
  check(): void {
    const nodes = this.ids.map((i) => this.node(i));
    const leaders = nodes.filter((s) => s.role === 'Leader');
    if (new Set(leaders.map((s) => s.currentTerm)).size !== leaders.length) this.problems.push('ElectionSafety');
    for (const a of nodes) {
      if (!(a.lastApplied <= a.commitIndex && a.commitIndex <= a.log.length)) this.problems.push(`IndexesInLog at ${a.id}`);
      if (a.role === 'Leader') {
        for (const [j, m] of a.matchIndex) {
          if (!(m < (a.nextIndex.get(j) ?? 0) && m <= a.log.length)) this.problems.push(`NextIndexAboveMatch at ${a.id}`);
        }
      }
      if ((this.replicas.get(a.id) as Replica<KvState>).lastApplied !== a.lastApplied) this.problems.push('replica lags');
      for (const b of nodes) {
        for (let n = Math.min(a.log.length, b.log.length); n >= 1; n -= 1) {
          if (a.log[n - 1]?.term === b.log[n - 1]?.term) {
            if (JSON.stringify(a.log.slice(0, n)) !== JSON.stringify(b.log.slice(0, n))) this.problems.push('LogMatching');
            break;
          }
        }
        const applied = Math.min(a.lastApplied, b.lastApplied);
        if (JSON.stringify(a.log.slice(0, applied)) !== JSON.stringify(b.log.slice(0, applied))) this.problems.push('StateMachineSafety');
        if (b.role === 'Leader' && b.currentTerm >= a.currentTerm) {
          if (JSON.stringify(b.log.slice(0, a.commitIndex)) !== JSON.stringify(a.log.slice(0, a.commitIndex))) {
            this.problems.push(`LeaderCompleteness: ${b.id} lacks what ${a.id} committed`);
          }
        }
      }
    }
  }
}

t.test('§5.2 §5.3: three servers elect a leader, replicate a put, commit and apply it everywhere', async (t) => {
  const c = new Cluster(3);
  const [s1, s2, s3] = c.ids as [NodeId, NodeId, NodeId];
  c.perform(s1, timeout(c.node(s1)));
  const votes = broadcast(c.node(s1), requestVote);
  c.network.push(...votes.outputs.send);
  while (c.network.length > 0) c.deliver(c.network[0] as Message);
  c.perform(s1, becomeLeader(c.node(s1)));
  t.equal(c.node(s1).role, 'Leader');
  c.perform(s1, clientRequest(c.node(s1), encodeKvCommand({ op: 'put', key: 'k', value: 'v' })));
  c.network.push(...broadcast(c.node(s1), replicate).outputs.send);
  while (c.network.length > 0) c.deliver(c.network[0] as Message);
  c.perform(s1, advanceCommitIndex(c.node(s1)));
  c.perform(s1, applyEntry(c.node(s1)));
  t.same([...(c.replicas.get(s1) as Replica<KvState>).state], [['k', 'v']], 'the leader applies once committed');
  c.network.push(...broadcast(c.node(s1), replicate).outputs.send);
  while (c.network.length > 0) c.deliver(c.network[0] as Message);
  for (const i of [s2, s3]) {
    c.perform(i, applyEntry(c.node(i)));
    t.same([...(c.replicas.get(i) as Replica<KvState>).state], [['k', 'v']], `${i} applies after the next heartbeat`);
  }
  c.check();
  t.same(c.problems, []);
  t.equal(step(restart({ id: s2, servers: new Set(c.ids) }, c.storage.get(s2) as MemoryStorage)).state.log.length, 1);
});

// Each step is one of these, at a server picked from those it can apply to
// (a leader for the leader's steps), so that runs get somewhere; repeats
// weight the choice (elections are rare next to deliveries, or no entry
// would ever be committed).
const weights = {
  timeout: 1,
  campaign: 4,
  becomeLeader: 4,
  clientRequest: 4,
  replicate: 6,
  replicateSome: 2,
  advanceCommitIndex: 4,
  applyEntry: 4,
  restart: 1,
  deliver: 16,
  deliverOldest: 16,
  drop: 1,
  duplicate: 2,
} as const;
type Kind = keyof typeof weights;
const kinds = (Object.entries(weights) as [Kind, number][]).flatMap(([k, w]) => Array<Kind>(w).fill(k));

function drive(c: Cluster, [k, a, b]: [number, number, number]): void {
  const pick = (role: NodeState['role'] | undefined): NodeId => {
    const fit = c.ids.filter((x) => role === undefined || c.node(x).role === role);
    const from = fit.length > 0 ? fit : c.ids;
    return from[a % from.length] as NodeId;
  };
  const peer = c.ids[b % c.ids.length] as NodeId;
  const m = c.network[a % Math.max(c.network.length, 1)];
  const sendAll = (i: NodeId, r: ReturnType<typeof broadcast>) => {
    for (const x of r.skipped) if (x.result.reason.kind !== 'GuardFailed') c.problems.push(x.result.reason.message);
    c.network.push(...r.outputs.send);
    void i;
  };
  switch (kinds[k]) {
    case 'timeout': { const i = c.ids[a % c.ids.length] as NodeId; c.perform(i, timeout(c.node(i))); break; }
    case 'campaign': { const i = pick('Candidate'); sendAll(i, broadcast(c.node(i), requestVote)); break; }
    case 'becomeLeader': { const i = pick('Candidate'); c.perform(i, becomeLeader(c.node(i))); break; }
    case 'clientRequest': {
      const i = pick('Leader');
      c.perform(i, clientRequest(c.node(i), encodeKvCommand({ op: 'put', key: `k${b % 3}`, value: `${a}` })));
      break;
    }
    case 'replicate': { const i = pick('Leader'); sendAll(i, broadcast(c.node(i), replicate)); break; }
    case 'replicateSome': {
      // D-7: any number of the entries from nextIndex on.
      const i = pick('Leader');
      const s = c.node(i);
      c.perform(i, appendEntries(s, peer, b % (s.log.length + 1)));
      break;
    }
    case 'advanceCommitIndex': { const i = pick('Leader'); c.perform(i, advanceCommitIndex(c.node(i))); break; }
    case 'applyEntry': { const i = c.ids[a % c.ids.length] as NodeId; c.perform(i, applyEntry(c.node(i))); break; }
    case 'restart': c.restart(c.ids[a % c.ids.length] as NodeId); break;
    case 'deliver': if (m !== undefined) c.deliver(m); break;
    case 'deliverOldest': if (c.network[0] !== undefined) c.deliver(c.network[0]); break;
    case 'drop': if (m !== undefined) c.network.splice(a % c.network.length, 1); break;
    case 'duplicate': if (m !== undefined && c.network.length < 40) c.network.push(m); break;
  }
}

t.test('random runs keep ElectionSafety, LogMatching, LeaderCompleteness, StateMachineSafety and never meet bad input', async (t) => {
  let committed = 0;
  fc.assert(
    fc.property(
      fc.constantFrom(1, 2, 3, 3, 3, 4, 5),
      fc.array(fc.tuple(fc.nat({ max: kinds.length - 1 }), fc.nat({ max: 1000 }), fc.nat({ max: 1000 })), { minLength: 200, maxLength: 600 }),
      (size, steps) => {
        const c = new Cluster(size);
        for (const s of steps) {
          const before = c.ids.map((x) => c.node(x));
          drive(c, s);
          c.check();
          for (const [x, old] of before.entries()) {
            const now = c.node(c.ids[x] as NodeId);
            if (old.role === 'Leader' && now.role === 'Leader' && JSON.stringify(now.log.slice(0, old.log.length)) !== JSON.stringify(old.log)) {
              c.problems.push('LeaderAppendOnly');
            }
            if (now.commitIndex < old.commitIndex && !(now.commitIndex === 0 && now.lastApplied === 0)) c.problems.push('CommitIndexMonotonic');
          }
          if (c.problems.length > 0) return false;
          if (size >= 3) committed = Math.max(committed, ...c.ids.map((x) => c.node(x).commitIndex));
        }
        return true;
      },
    ),
    { numRuns: Number(process.env['RAFT_SIM_RUNS'] ?? 500) },
  );
  t.ok(committed >= 3, `runs of 3 or more servers commit entries (highest commitIndex reached: ${committed})`);
});
