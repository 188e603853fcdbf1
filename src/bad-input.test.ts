// Bad input: each case is a typed, explained result; nothing throws and
// nothing changes.
import t from 'tap';
import { handleAppendEntriesRequest, handleAppendEntriesResponse } from './append-entries.js';
import { applyEntry } from './apply.js';
import type { Message, PersistentState } from './codecs.js';
import { advanceCommitIndex } from './commit.js';
import { becomeLeader, requestVote, timeout } from './election.js';
import { appendEntries, clientRequest } from './leader.js';
import { receive } from './receive.js';
import { handleRequestVoteRequest, handleRequestVoteResponse } from './request-vote.js';
import { restart } from './restart.js';
import type { ActionResult, PersistWrite } from './result.js';
import type { NodeState } from './state.js';
import { applyPersist, MemoryStorage } from './storage.js';
import { dropStaleResponse, updateTerm } from './term.js';
import { aeRequest, aeResponse, candidate, follower, id, idx, leader, log, rvRequest, rvResponse, s1, s2, s3, term } from './testing.js';

const handlers = {
  updateTerm,
  dropStaleResponse,
  handleRequestVoteRequest,
  handleRequestVoteResponse,
  handleAppendEntriesRequest,
  handleAppendEntriesResponse,
  receive,
};

type Asserts = Pick<typeof t, 'doesNotThrow' | 'match' | 'same'>;

/** rejects: run `f` on a snapshot-checked state; it must not throw, must be disabled with `kind`, and must leave s as it was. */
function rejects(t: Asserts, s: NodeState, f: (s: NodeState) => ActionResult | ReturnType<typeof receive>, kind: string, label: string) {
  const before = structuredClone(s);
  let r: ActionResult | ReturnType<typeof receive> | undefined;
  t.doesNotThrow(() => {
    r = f(s);
  }, label);
  t.match(r, { enabled: false, reason: { kind, message: String } }, label);
  t.same(s, before, `${label}: the state is untouched`);
}

const messages: Message[] = [rvRequest(), rvResponse(), aeRequest(), aeResponse()];

t.test('a message from a server outside the configuration', async (t) => {
  for (const [name, h] of Object.entries(handlers)) {
    for (const m of messages) rejects(t, leader(), (s) => h(s, { ...m, from: id('s9'), ...('candidateId' in m ? { candidateId: id('s9') } : {}), ...('leaderId' in m ? { leaderId: id('s9') } : {}) } as Message), 'UnknownServer', `${name} ${m.type}`);
  }
});

t.test('a message addressed to another server', async (t) => {
  for (const [name, h] of Object.entries(handlers)) {
    for (const m of messages) rejects(t, follower(), (s) => h(s, { ...m, to: s3 }), 'WrongAddressee', `${name} ${m.type}`);
  }
});

t.test('a negative or non-integer term or index, or a field of the wrong type', async (t) => {
  const bad: [string, Message][] = [
    ['negative term', { ...rvRequest(), term: -1 } as unknown as Message],
    ['fractional term', { ...aeRequest(), term: 1.5 } as unknown as Message],
    ['negative index', { ...aeResponse(), matchIndex: -3 } as unknown as Message],
    ['fractional index', { ...rvRequest(), lastLogIndex: 0.5 } as unknown as Message],
    ['entry with a negative term', { ...aeRequest(), entries: [{ term: -1, value: 'v' }] } as unknown as Message],
    ['string term', { ...rvResponse(), term: '1' } as unknown as Message],
    ['unknown type', { ...rvResponse(), type: 'Hello' } as unknown as Message],
    ['not an object', 42 as unknown as Message],
    ['extra field', { ...aeResponse(), hint: 3 } as unknown as Message],
  ];
  for (const [name, h] of Object.entries(handlers)) {
    for (const [what, m] of bad) rejects(t, follower(), (s) => h(s, m), 'MalformedInput', `${name}: ${what}`);
  }
});

t.test('an unknown server as the peer of a leader or candidate step', async (t) => {
  rejects(t, candidate(), (s) => requestVote(s, id('s9')), 'UnknownServer', 'requestVote');
  rejects(t, leader(), (s) => appendEntries(s, id('s9'), 0), 'UnknownServer', 'appendEntries');
  rejects(t, leader(), (s) => appendEntries(s, 7 as never, 0), 'UnknownServer', 'appendEntries, not even a string');
});

t.test('a count of entries that is negative or not an integer', async (t) => {
  const l = leader({ log: log(1, 1), nextIndex: { s2: 1 } });
  for (const n of [-1, 0.5, Number.NaN, '1' as never]) rejects(t, l, (s) => appendEntries(s, s2, n), 'MalformedInput', `n = ${String(n)}`);
});

t.test('a client command that is not a string', async (t) => {
  rejects(t, leader(), (s) => clientRequest(s, { op: 'put' } as never), 'MalformedInput', 'clientRequest');
});

t.test('an index beyond the log', async (t) => {
  rejects(t, follower({ log: log(1), commitIndex: 3, lastApplied: 1 }), applyEntry, 'IndexBeyondLog', 'applyEntry past the end');
  rejects(
    t,
    leader({ log: log(1) }),
    (s) => handleAppendEntriesResponse(s, aeResponse({ matchIndex: 5 })),
    'IndexBeyondLog',
    'a success acknowledging entries the leader does not have',
  );
});

t.test('a leader state whose per-peer indexes break TypeOK', async (t) => {
  const missing: NodeState = { ...leader(), nextIndex: new Map([[s2, idx(1)]]) };
  const zero = leader({ nextIndex: { s2: 0 } });
  const negative = leader({ matchIndex: { s3: -1 } });
  for (const s of [missing, zero, negative]) {
    rejects(t, s, (x) => appendEntries(x, s2, 0), 'InconsistentState', 'appendEntries');
    rejects(t, s, advanceCommitIndex, 'InconsistentState', 'advanceCommitIndex');
    rejects(t, s, (x) => handleAppendEntriesResponse(x, aeResponse()), 'InconsistentState', 'handleAppendEntriesResponse');
  }
});

t.test('an action that is not enabled is a GuardFailed reason, not a change', async (t) => {
  const f = follower({ currentTerm: 2 });
  rejects(t, leader(), timeout, 'GuardFailed', 'Timeout');
  rejects(t, f, (s) => requestVote(s, s2), 'GuardFailed', 'RequestVote');
  rejects(t, f, becomeLeader, 'GuardFailed', 'BecomeLeader');
  rejects(t, f, (s) => clientRequest(s, 'x'), 'GuardFailed', 'ClientRequest');
  rejects(t, f, (s) => appendEntries(s, s2, 0), 'GuardFailed', 'AppendEntries');
  rejects(t, f, advanceCommitIndex, 'GuardFailed', 'AdvanceCommitIndex');
  rejects(t, f, applyEntry, 'GuardFailed', 'ApplyEntry');
  rejects(t, f, (s) => updateTerm(s, rvRequest({ term: 2 })), 'GuardFailed', 'UpdateTerm');
  rejects(t, f, (s) => handleRequestVoteRequest(s, rvRequest({ term: 3 })), 'GuardFailed', 'HandleRequestVoteRequest');
  rejects(t, f, (s) => handleRequestVoteResponse(s, rvResponse({ term: 1 })), 'GuardFailed', 'HandleRequestVoteResponse');
  rejects(t, f, (s) => handleAppendEntriesRequest(s, aeRequest({ term: 3 })), 'GuardFailed', 'HandleAppendEntriesRequest');
  rejects(t, f, (s) => handleAppendEntriesResponse(s, aeResponse({ term: 2 })), 'GuardFailed', 'HandleAppendEntriesResponse');
  rejects(t, f, (s) => dropStaleResponse(s, aeResponse({ term: 2 })), 'GuardFailed', 'DropStaleResponse');
});

t.test('P-1: restart from a bad configuration or bad storage, refused naming the field at fault', async (t) => {
  const servers = new Set([s1, s2, s3]);
  const ok: PersistentState = { currentTerm: term(1), votedFor: null, log: [] };
  const cases: [string, Parameters<typeof restart>, object][] = [
    ['id outside the configuration', [{ id: id('s9'), servers }, new MemoryStorage(ok)], { kind: 'UnknownServer', field: 'id', server: 's9' }],
    ['malformed server id', [{ id: s1, servers: new Set([s1, id('')]) }, new MemoryStorage(ok)], { kind: 'MalformedInput', problems: [{ path: 'servers.1', actual: '' }] }],
    ['negative stored term', [{ id: s1, servers }, new MemoryStorage({ ...ok, currentTerm: -1 as never })], { kind: 'MalformedInput', problems: [{ path: 'currentTerm', actual: -1 }] }],
    ['stored entry without a value', [{ id: s1, servers }, new MemoryStorage({ ...ok, log: [{ term: 1 }] as never })], { kind: 'MalformedInput', problems: [{ path: 'log.0.value' }] }],
    ['vote for an unknown server', [{ id: s1, servers }, new MemoryStorage({ ...ok, votedFor: id('s9') })], { kind: 'UnknownServer', field: 'votedFor', server: 's9' }],
  ];
  for (const [what, args, reason] of cases) {
    let r: ActionResult | undefined;
    t.doesNotThrow(() => {
      r = restart(...args);
    });
    t.match(r, { enabled: false, action: 'Restart', reason }, what);
  }
});

t.test('P-1: a persist batch with a bad write writes nothing, and its error names the write and field', async (t) => {
  const initial: PersistentState = { currentTerm: term(1), votedFor: null, log: log(1) };
  const e = { term: term(1), value: 'v' };
  const malformedAt = (path: string, actual?: unknown) => ({ kind: 'MalformedInput', problems: [actual === undefined ? { path } : { path, actual }] });
  const cases: [string, PersistWrite[], object][] = [
    [
      'a log write past the end',
      [{ write: 'currentTerm', currentTerm: term(2) }, { write: 'log', from: idx(3), entries: [e] }],
      { kind: 'IndexBeyondLog', field: 'persist[1].from', index: 3, lastIndex: 1 },
    ],
    ['a log write at 0', [{ write: 'log', from: idx(0), entries: [e] }], { kind: 'IndexBeyondLog', field: 'persist[0].from', index: 0 }],
    ['a negative term', [{ write: 'currentTerm', currentTerm: term(-1) }], malformedAt('persist[0].currentTerm', -1)],
    ['a vote for ""', [{ write: 'votedFor', votedFor: id('') }], malformedAt('persist[0].votedFor', '')],
    ['an unknown write', [{ write: 'snapshot' } as never], malformedAt('persist[0].write', 'snapshot')],
    ['an entry without a term', [{ write: 'log', from: idx(2), entries: [{ value: 'v' } as never] }], malformedAt('persist[0].entries.0.term')],
    ['a write that is null', [null as never], malformedAt('persist[0]', null)],
    ['a write that is a number, after a good one', [{ write: 'votedFor', votedFor: s1 }, 7 as never], malformedAt('persist[1]', 7)],
  ];
  for (const [what, writes, error] of cases) {
    const storage = new MemoryStorage(initial);
    t.doesNotThrow(() => t.match(applyPersist(storage, writes), { ok: false, error }, what));
    t.equal(storage.load(), initial, `${what}: nothing written`);
  }
  const storage = new MemoryStorage(initial);
  t.same(applyPersist(storage, [{ write: 'log', from: idx(2), entries: [e] }, { write: 'log', from: idx(3), entries: [e] }]), { ok: true }, 'a later write may extend an earlier one');
});
