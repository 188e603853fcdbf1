// Decoding untrusted input: every message type, and each way it can be
// malformed, reported by field path and expected type.
import t from 'tap';
import { decodeMessage, decodePersistentState } from './decode.js';
import { AppendEntriesRequest, PersistentState } from './codecs.js';
import { aeRequest, aeResponse, id, log, rvRequest, rvResponse, term } from './testing.js';

const problems = (input: unknown) => {
  const d = decodeMessage(input);
  return d.ok ? [] : d.error.problems.map((p) => [p.path, p.expected]);
};

t.test('each of the four message types decodes to itself', async (t) => {
  for (const m of [rvRequest(), rvResponse(), aeRequest({ entries: [{ term: 1 as never, value: 'v' }] }), aeResponse()]) {
    t.same(decodeMessage(JSON.parse(JSON.stringify(m))), { ok: true, value: m }, m.type);
  }
});

t.test('a field the spec does not have is rejected, not stripped', async (t) => {
  t.same(problems({ ...rvResponse(), extra: 1 }), [['extra', 'no such field']]);
  t.same(problems({ ...aeRequest(), entries: [{ term: 1, value: 'v', extra: true }] }), [['entries.0.extra', 'no such field']]);
});

t.test('a missing field names its path and type', async (t) => {
  const { voteGranted: _, ...m } = rvResponse();
  t.same(problems(m), [['voteGranted', 'boolean']]);
});

t.test('terms and indexes are non-negative integers', async (t) => {
  t.same(problems({ ...rvRequest(), term: -1 }), [['term', 'Term (a non-negative integer)']]);
  t.same(problems({ ...aeResponse(), matchIndex: 1.5 }), [['matchIndex', 'LogIndex (a non-negative integer)']]);
  t.same(problems({ ...aeRequest(), entries: [{ term: '1', value: 'v' }] }), [['entries.0.term', 'Term (a non-negative integer)']]);
  t.same(problems({ ...aeRequest(), prevLogIndex: Number.NaN }), [['prevLogIndex', 'LogIndex (a non-negative integer)']]);
});

t.test('server ids are non-empty strings', async (t) => {
  t.same(problems({ ...rvResponse(), from: '' }), [['from', 'NodeId (a non-empty string)']]);
});

t.test('an unknown type, or no object at all', async (t) => {
  t.same(problems({ ...rvResponse(), type: 'InstallSnapshot' }), [
    ['type', 'RequestVoteRequest | RequestVoteResponse | AppendEntriesRequest | AppendEntriesResponse'],
  ]);
  t.same(problems('hello'), [['', 'a message (an object)']]);
  t.same(problems(null), [['', 'a message (an object)']]);
  t.same(problems([]), [['', 'a message (an object)']]);
});

t.test('D-1 MessageOk: a server does not message itself, and the candidate or leader is the sender', async (t) => {
  t.same(problems({ ...rvResponse(), to: 's2' }), [['to', 'a server other than the sender (from)']]);
  t.same(problems({ ...rvRequest(), candidateId: 's3' }), [['candidateId', 'the sender (s2)']]);
  t.same(problems({ ...aeRequest(), leaderId: 's3' }), [['leaderId', 'the sender (s2)']]);
});

t.test('the error message lists every problem', async (t) => {
  const d = decodeMessage({ ...rvRequest(), term: -1, lastLogTerm: 'x' });
  t.match(d, {
    ok: false,
    error: {
      kind: 'MalformedInput',
      message: 'malformed RequestVoteRequest: term: expected Term (a non-negative integer), got -1; lastLogTerm: expected Term (a non-negative integer), got "x"',
    },
  });
  t.match(decodeMessage(undefined), { ok: false, error: { message: 'malformed message: message: expected a message (an object), got nothing' } });
});

t.test('an entry or a state that is not an object', async (t) => {
  t.same(problems({ ...aeRequest(), entries: [5] }), [['entries.0', 'Entry']]);
  t.match(decodePersistentState('x'), { ok: false, error: { problems: [{ path: '', expected: 'PersistentState' }] } });
});

t.test('the codecs encode a value to the same JSON shape they decode', async (t) => {
  const state = { currentTerm: term(2), votedFor: null, log: log(1) };
  t.same(PersistentState.encode(state), state);
  t.same(PersistentState.encode({ ...state, votedFor: id('s2') }), { ...state, votedFor: 's2' });
  const m = aeRequest({ entries: log(1) });
  t.same(AppendEntriesRequest.encode(m), m);
});

t.test('P-1: the persistent state read back from storage is decoded too', async (t) => {
  t.same(decodePersistentState({ currentTerm: 1, votedFor: null, log: [] }), {
    ok: true,
    value: { currentTerm: 1, votedFor: null, log: [] },
  });
  const bad = decodePersistentState({ currentTerm: -2, votedFor: 7, log: [{ term: 1 }] });
  t.same(bad.ok ? [] : bad.error.problems.map((p) => [p.path, p.expected]), [
    ['currentTerm', 'Term (a non-negative integer)'],
    ['votedFor', 'NodeId (a non-empty string) or null'],
    ['log.0.value', 'string'],
  ]);
});
