// With checkEnabled, each state of a trace is also probed with inputs just
// outside the spec's domain (refusals.ts): each must be refused with its
// typed reason, under the name of the action asked, changing nothing. The
// implementations below each accept one kind of such input; the plain
// replay cannot tell them from src/, the probe must.
import t from 'tap';
import { applyPersist, Guard, MemoryStorage, type LogIndex, type NodeId, type NodeState, type PersistWrite, type Storage } from '../src/index.js';
import { malformed } from '../src/decode.js';
import { enabled, indexBeyondLog, unknownServer } from '../src/result.js';
import { SRC_ACTIONS, type Actions } from './actions.js';
import { outsider, refusalProbes, probeRefusals, judge, where } from './refusals.js';
import { fixture, replayJson } from './testing.js';
import type { SpecState } from './trace.js';

const caught = (name: string, actions: Actions, pattern: RegExp, trace = 'election-2'): void => {
  t.test(name, async (t) => {
    t.equal(replayJson(fixture(trace), actions).divergence, undefined, 'plain replay: conforms');
    const d = replayJson(fixture(trace), actions, undefined, { checkEnabled: true }).divergence;
    t.equal(d?.kind, 'enabled');
    t.match(d?.reason, pattern);
  });
};

t.test('src/ refuses every probe as expected, in every state of the hand-written traces', async (t) => {
  for (const name of ['election-2', 'conflict-3']) {
    t.equal(replayJson(fixture(name), SRC_ACTIONS, undefined, { checkEnabled: true }).divergence, undefined, name);
  }
});

caught(
  'a server that takes a message for another server',
  { ...SRC_ACTIONS, receive: (s, m) => SRC_ACTIONS.receive(m.to === s.id ? s : ({ ...s, id: m.to } as NodeState), m) },
  /receive\(s\d, \w+\(.*\)\): the implementation says \w+ enabled, the spec says the input is outside its domain: refused as WrongAddressee at to = "s\d"$/,
);

caught(
  'RequestVote to a server outside the configuration',
  { ...SRC_ACTIONS, requestVote: (s, j) => SRC_ACTIONS.requestVote(s.servers.has(j) ? s : ({ ...s, servers: new Set([...s.servers, j]) } as NodeState), j) },
  /RequestVote\(s\d, x\): the implementation says RequestVote enabled|RequestVote\(s\d, x\): the implementation says refused as GuardFailed/,
);

caught(
  'a leader that repairs a nextIndex outside TypeOK instead of refusing it',
  {
    ...SRC_ACTIONS,
    advanceCommitIndex: (s) => {
      if (s.role !== 'Leader') return SRC_ACTIONS.advanceCommitIndex(s);
      const nextIndex = new Map([...s.servers].filter((j) => j !== s.id).map((j) => [j, Math.max(1, Math.floor(s.nextIndex.get(j) ?? 1)) as LogIndex]));
      const matchIndex = new Map([...s.servers].filter((j) => j !== s.id).map((j) => [j, Math.max(0, s.matchIndex.get(j) ?? 0) as LogIndex]));
      return SRC_ACTIONS.advanceCommitIndex({ ...s, nextIndex, matchIndex });
    },
  },
  /AdvanceCommitIndex\(s\d\) with nextIndex without s\d: the implementation says refused as GuardFailed/,
);

caught(
  'a refusal labelled with another action',
  {
    ...SRC_ACTIONS,
    handleRequestVoteRequest: (s, m) => {
      const r = SRC_ACTIONS.handleRequestVoteRequest(s, m);
      return r.enabled || r.reason.kind === 'GuardFailed' ? r : { ...r, action: 'UpdateTerm' };
    },
  },
  /HandleRequestVoteRequest at s\d\(.*\): the implementation says refused, but labelled UpdateTerm, not HandleRequestVoteRequest/,
);

caught(
  'Restart from storage that holds a vote for a stranger',
  {
    ...SRC_ACTIONS,
    restart: (config, storage) => {
      const stored = storage.load();
      return SRC_ACTIONS.restart(config, config.servers.has(stored.votedFor ?? config.id) ? storage : new MemoryStorage({ ...stored, votedFor: null }));
    },
  },
  /Restart\(s\d\) with votedFor = x stored: the implementation says Restart enabled/,
);

caught(
  'a disabled server action reported as bad input rather than a false guard',
  {
    ...SRC_ACTIONS,
    timeout: (s) =>
      s.role === 'Leader' ? { enabled: false, action: 'Timeout', reason: { kind: 'InconsistentState', invariant: 'none', message: 'a leader' } } : SRC_ACTIONS.timeout(s),
  },
  /Timeout\(s\d\): the implementation says not enabled, refused as bad input \(InconsistentState: a leader\) rather than a false guard, the spec says not enabled \(state\[i\] \\in \{Follower, Candidate\}\)$/,
);

caught(
  'a disabled action labelled with another action',
  {
    ...SRC_ACTIONS,
    becomeLeader: (s) => {
      const r = SRC_ACTIONS.becomeLeader(s);
      return r.enabled ? r : { ...r, action: 'Timeout' };
    },
  },
  /BecomeLeader\(s\d\): the implementation says not enabled, but its result is labelled Timeout/,
);

caught(
  'a refusal that blames the wrong field (the candidate, not the sender)',
  {
    ...SRC_ACTIONS,
    receive: (s, m) => {
      const r = SRC_ACTIONS.receive(s, m);
      return !r.enabled && r.reason.kind === 'UnknownServer' && r.reason.field === 'from' ? { ...r, reason: unknownServer('candidateId', r.reason.server) } : r;
    },
  },
  /receive\(s\d, \w+\(.*\)\): the implementation says refused as UnknownServer, but at candidateId = "x", not at from = "x", the spec says/,
);

caught(
  'a leader that ignores a stranger besides its peers in nextIndex',
  {
    ...SRC_ACTIONS,
    advanceCommitIndex: (s) => {
      if (s.role !== 'Leader') return SRC_ACTIONS.advanceCommitIndex(s);
      const peers = (m: ReadonlyMap<NodeId, LogIndex>) => new Map([...m].filter(([j]) => s.servers.has(j)));
      return SRC_ACTIONS.advanceCommitIndex({ ...s, nextIndex: peers(s.nextIndex), matchIndex: peers(s.matchIndex) });
    },
  },
  /AdvanceCommitIndex\(s\d\) with nextIndex over x besides the peers: the implementation says refused as GuardFailed/,
);

caught(
  'a candidate that asks itself for a vote when its own vote is missing (a state inside TypeOK, off the reachable ones)',
  {
    ...SRC_ACTIONS,
    requestVote: (s, j) => (s.role === 'Candidate' && j === s.id && !s.votesGranted.has(j) ? enabled('RequestVote', s) : SRC_ACTIONS.requestVote(s, j)),
  },
  /RequestVote\((s\d), \1\) with votesGranted without \1: the implementation says RequestVote enabled, the spec says the input is outside its domain: refused as GuardFailed at j \\in Peers\(i\) \\ votesGranted\[i\], labelled RequestVote$/,
);

t.test('persist writes: a driver that writes before it checks the batch is caught', async (t) => {
  const servers = ['s1', 's2', 's3'] as NodeId[];
  const storage = new Map(servers.map((i) => [i, new MemoryStorage()]));
  const nodes = new Map(
    servers.map((i) => {
      const r = SRC_ACTIONS.restart({ id: i, servers: new Set(servers) }, storage.get(i) as MemoryStorage);
      if (!r.enabled) throw new Error('restart refused');
      return [i, r.state];
    }),
  );
  const s = { messages: new Map() } as unknown as SpecState;
  const stored = (i: NodeId) => (storage.get(i) as MemoryStorage).load();
  t.equal(probeRefusals(refusalProbes(SRC_ACTIONS, nodes, stored, s, servers)), undefined, 'src/ refuses every probe');
  const kinds = new Set(refusalProbes(SRC_ACTIONS, nodes, stored, s, servers).map((p) => p.expect.kind));
  t.same([...kinds].sort(), ['IndexBeyondLog', 'MalformedInput', 'UnknownServer'], 'followers: every kind but the message and leader ones');
  const eager = (st: Storage, writes: readonly PersistWrite[]) => {
    for (const w of writes) if (w.write === 'currentTerm' && Number.isSafeInteger(w.currentTerm) && w.currentTerm >= 0) st.saveCurrentTerm(w.currentTerm);
    return applyPersist(st, writes);
  };
  const d = probeRefusals(refusalProbes(SRC_ACTIONS, nodes, stored, s, servers, eager));
  t.match(d?.action, /persist at s1: a currentTerm write, then a log write from 2 \(nothing may be written\)/);
  t.equal(d?.implementation, 'the storage was written');
});

t.test('persist writes: a driver that skips a write that is not an object is caught', async (t) => {
  const servers = ['s1', 's2'] as NodeId[];
  const nodes = new Map(
    servers.map((i) => {
      const r = SRC_ACTIONS.restart({ id: i, servers: new Set(servers) }, new MemoryStorage());
      if (!r.enabled) throw new Error('restart refused');
      return [i, r.state];
    }),
  );
  const s = { messages: new Map() } as unknown as SpecState;
  const stored = () => new MemoryStorage().load();
  const skipping = (st: Storage, writes: readonly PersistWrite[]) => applyPersist(st, writes.filter((w) => typeof w === 'object' && w !== null));
  const d = probeRefusals(refusalProbes(SRC_ACTIONS, nodes, stored, s, servers, skipping));
  t.match(d?.action, /persist at s1: a votedFor write, then null/);
  t.equal(d?.implementation, 'no action enabled');
});

t.test('judge: each way an answer can miss its refusal', async (t) => {
  const expect = { kind: 'UnknownServer', where: 'j = "x"', action: 'RequestVote' } as const;
  const refused = { refused: true, action: 'RequestVote', kind: 'UnknownServer', where: 'j = "x"' } as const;
  t.equal(judge(refused, expect), undefined);
  t.equal(judge({ refused: false, action: 'RequestVote', kind: undefined }, expect), 'RequestVote enabled');
  t.equal(judge({ refused: false, action: null, kind: undefined }, expect), 'no action enabled');
  t.equal(judge({ ...refused, kind: undefined }, expect), 'refused as an untyped reason');
  t.equal(judge({ ...refused, where: 'i = "x"' }, expect), 'refused as UnknownServer, but at i = "x", not at j = "x"');
  t.equal(judge({ ...refused, where: undefined }, expect), 'refused as UnknownServer, but at no field, not at j = "x"');
  t.equal(judge({ ...refused, action: null }, expect), 'refused, but labelled no action, not RequestVote');
  t.equal(judge({ ...refused, changed: 'x' }, expect), 'x');
  t.equal(outsider(['x', 'xx'] as NodeId[]), 'xxx');
});

t.test('where: the field and value a reason blames, for each kind of reason', async (t) => {
  t.equal(where(unknownServer('from', 'x')), 'from = "x"');
  t.equal(where(indexBeyondLog('m.matchIndex', 4, 3 as LogIndex)), 'm.matchIndex = 4');
  t.equal(where(malformed('message', [{ path: 'term', expected: 'Term', actual: -1 }, { path: 'to', expected: 'NodeId', actual: undefined }])), 'term = -1; to = undefined');
  t.equal(where({ kind: 'WrongAddressee', to: 's2' as NodeId, self: 's1' as NodeId, message: '' }), 'to = "s2"');
  t.equal(where({ kind: 'InconsistentState', invariant: 'nextIndex[i][j] >= 1', message: '' }), 'nextIndex[i][j] >= 1');
  t.equal(where({ kind: 'GuardFailed', guard: Guard.leader, message: '' }), Guard.leader);
});
