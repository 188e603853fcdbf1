// Replay: the hand-written fixtures conform; each one altered in one value
// of one later state diverges at exactly that step with exactly that
// difference; and implementations with a deliberately injected bug (through
// the replayer's action table) are caught.
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import t, { type Test } from 'tap';
import { match } from 'ts-pattern';
import { toFollower } from '../src/state.js';
import type { Entry, LogIndex, Message, NodeId, NodeState } from '../src/index.js';
import { SRC_ACTIONS, type Actions } from './actions.js';
import { formatDiff } from './compare.js';
import { formatCall, formatMessage } from './format.js';
import { parseTrace } from './itf/read.js';
import { replayTrace, type ReplayResult } from './replay.js';
import { repoDir } from './spec-hash.js';
import { big, FIXTURES, fixture, indexOfStep, replayJson, setVar, SPEC_HASH, state, type Json } from './testing.js';
import type { SpecAction, SpecState, Trace, TraceStep } from './trace.js';

const FIXTURE_NAMES = fs
  .readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.itf.json'))
  .map((f) => f.replace(/\.itf\.json$/, ''));

/** diverged: the divergence of a replay (fails the test if it conformed). */
function diverged(t: Test, r: ReplayResult) {
  if (r.divergence === undefined) throw new Error(`${r.trace.file} conformed, a divergence was expected`);
  t.equal(r.steps, r.divergence.step - (r.divergence.step === 0 ? 0 : 1), 'the steps before the divergence conformed');
  return r.divergence;
}

t.test('every fixture conforms', async (t) => {
  t.ok(FIXTURE_NAMES.length >= 2);
  for (const name of FIXTURE_NAMES) {
    t.test(name, async (t) => {
      const json = fixture(name);
      const r = replayJson(json, undefined, `conformance/fixtures/${name}.itf.json`);
      t.equal(r.divergence, undefined, r.divergence === undefined ? '' : `${r.divergence.kind} at step ${r.divergence.step}: ${r.divergence.reason}`);
      t.equal(r.steps, json.states.length - 1, 'every step replayed');
    });
  }
});

t.test('one value altered in a later state: divergence at exactly that step, with that difference', async (t) => {
  const cases: [string, string, () => Json, number, readonly string[]][] = [
    ['log', 'election-2', () => setVar(fixture('election-2'), 9, 'log', 's2', []), 9, ['log[s2]: expected <<>>, actual <<[term 1, v1]>> (first difference at index 1)']],
    ['currentTerm', 'election-2', () => setVar(fixture('election-2'), 3, 'currentTerm', 's2', big(2)), 3, ['currentTerm[s2]: expected 2, actual 1']],
    ['votedFor', 'election-2', () => setVar(fixture('election-2'), 4, 'votedFor', 's2', 'Nil'), 4, ['votedFor[s2]: expected Nil, actual s1']],
    ['state', 'election-2', () => setVar(fixture('election-2'), 6, 'state', 's1', 'Candidate'), 6, ['state[s1]: expected Candidate, actual Leader']],
    ['commitIndex', 'election-2', () => setVar(fixture('election-2'), 11, 'commitIndex', 's1', big(0)), 11, ['commitIndex[s1]: expected 0, actual 1']],
    ['lastApplied', 'election-2', () => setVar(fixture('election-2'), 15, 'lastApplied', 's2', big(0)), 15, ['lastApplied[s2]: expected 0, actual 1']],
    ['votesGranted', 'election-2', () => setVar(fixture('election-2'), 5, 'votesGranted', 's1', { '#set': ['s1'] }), 5, ['votesGranted[s1]: expected {s1}, actual {s1, s2}']],
    ['nextIndex', 'election-2', () => setVar(fixture('election-2'), 10, 'nextIndex', 's1', { '#map': [['s2', big(3)]] }), 10, ['nextIndex[s1][s2]: expected 3, actual 2']],
    ['matchIndex', 'election-2', () => setVar(fixture('election-2'), 10, 'matchIndex', 's1', { '#map': [['s2', big(0)]] }), 10, ['matchIndex[s1][s2]: expected 0, actual 1']],
    [
      'messages (copies)',
      'conflict-3',
      () => {
        const j = fixture('conflict-3');
        const k = indexOfStep(j, 'DuplicateMessage');
        ((state(j, k)['messages'] as { '#map': unknown[][] })['#map'][0] as unknown[])[1] = big(1);
        return j;
      },
      10,
      ['messages[RequestVoteRequest(s2 -> s3, term 2, candidateId s2, lastLogIndex 0, lastLogTerm 0)]: expected 1, actual 2 (copies in flight)'],
    ],
    [
      'messages (a message missing)',
      'election-2',
      () => {
        const j = fixture('election-2');
        (state(j, 8)['messages'] as { '#map': unknown[] })['#map'] = [];
        return j;
      },
      8,
      ['messages[AppendEntriesRequest(s1 -> s2, term 1, leaderId s1, prevLogIndex 0, prevLogTerm 0, entries <<[term 1, v1]>>, leaderCommit 0)]: expected 0, actual 1 (copies in flight)'],
    ],
  ];
  for (const [what, name, json, step, diffs] of cases) {
    const d = diverged(t, replayJson(json(), undefined, `${name}.itf.json`));
    t.equal(d.step, step, `${what}: step`);
    t.equal(d.kind, 'state', `${what}: kind`);
    t.same(d.diffs.map(formatDiff), diffs, `${what}: the diff`);
  }
});

t.test('the trace takes an action the implementation says is not enabled', async (t) => {
  const j = fixture('election-2');
  (state(j, 6)['#meta'] as Record<string, unknown>)['args'] = ['s2'];
  const d = diverged(t, replayJson(j));
  t.equal(d.step, 6);
  t.equal(d.kind, 'disabled');
  t.equal(d.reason, 'BecomeLeader is not enabled at s2: s2 is a Follower, not a Candidate [GuardFailed: state[i] = Candidate]');
  t.equal(d.call === null ? '' : formatCall(d.call), 'BecomeLeader(s2)');
});

t.test('a message-handling step: the message must be in flight, and receive must choose the same action', async (t) => {
  const notInFlight = fixture('election-2');
  const args = (state(notInFlight, 9)['#meta'] as { args: Record<string, unknown>[] }).args;
  (args[0] as Record<string, unknown>)['leaderCommit'] = big(1);
  const d = diverged(t, replayJson(notInFlight));
  t.equal(d.step, 9);
  t.equal(d.kind, 'not in flight');
  t.match(d.reason, /^message not in flight: AppendEntriesRequest\(s1 -> s2, .*leaderCommit 1\)$/);

  // The trace handles a request of a newer term without UpdateTerm first: disabled, and receive says why.
  const early = fixture('election-2');
  early.states.splice(3, 1);
  early.states.forEach((s, k) => ((s['#meta'] as Record<string, unknown>)['index'] = big(k)));
  const e = diverged(t, replayJson(early));
  t.equal(e.step, 3);
  t.equal(e.kind, 'disabled');
  t.match(e.reason, /^HandleRequestVoteRequest is not enabled at s2: m\.term = 1 > currentTerm = 0: UpdateTerm \(ALL-2\) comes first .*; receive\(s2, m\) chooses UpdateTerm$/);

  // An implementation whose dispatcher always picks UpdateTerm.
  const misrouting: Actions = { ...SRC_ACTIONS, receive: (s, m) => SRC_ACTIONS.updateTerm(s, m) };
  const r = diverged(t, replayJson(fixture('election-2'), misrouting));
  t.equal(r.step, 4);
  t.equal(r.kind, 'receive');
  t.match(r.reason, /^receive\(s2, m\) chooses UpdateTerm \(m\.term = 1 is not newer than currentTerm = 1\), but the trace's step is HandleRequestVoteRequest$/);
});

t.test('injected implementation bugs are caught', async (t) => {
  // conflict-3: step 20 is s1's UpdateTerm to term 2 (s1 had voted for itself), step 23 the
  // AppendEntries whose entry conflicts with s1's (AE-3), step 52 the first ApplyEntry.
  const bugs: [string, string, Partial<Actions>, number, string, RegExp][] = [
    [
      'AE-3: conflicting entries are kept',
      'conflict-3',
      {
        handleAppendEntriesRequest: (s, m) => {
          const r = SRC_ACTIONS.handleAppendEntriesRequest(s, m);
          if (!r.enabled || r.state.log.length > s.log.length || s.log.every((e, k) => e.term === r.state.log[k]?.term)) return r;
          return { ...r, state: { ...r.state, log: s.log } };
        },
      },
      23,
      'state',
      /^log\[s1\]: expected <<\[term 2, v2\]>>, actual <<\[term 1, v1\]>>/,
    ],
    [
      'C-2: nextIndex one past where it should start',
      'election-2',
      {
        becomeLeader: (s) => {
          const r = SRC_ACTIONS.becomeLeader(s);
          if (!r.enabled || r.state.role !== 'Leader') return r;
          return { ...r, state: { ...r.state, nextIndex: new Map([...r.state.nextIndex].map(([j, n]) => [j, (n + 1) as LogIndex])) } };
        },
      },
      6,
      'state',
      /^nextIndex\[s1\]\[s2\]: expected 1, actual 2$/,
    ],
    [
      'P-1: the vote is not persisted before the RequestVote is sent',
      'election-2',
      {
        timeout: (s) => {
          const r = SRC_ACTIONS.timeout(s);
          return r.enabled ? { ...r, outputs: { ...r.outputs, persist: r.outputs.persist.filter((w) => w.write !== 'votedFor') } } : r;
        },
      },
      1,
      'state',
      /^storage\[s1\]\.votedFor: expected s1, actual Nil \(the persist writes do not reproduce votedFor\)$/,
    ],
    [
      'ALL-2: the term is adopted but the vote is kept',
      'conflict-3',
      {
        updateTerm: (s, m) => {
          const r = SRC_ACTIONS.updateTerm(s, m);
          return r.enabled ? { ...r, state: toFollower({ ...r.state, votedFor: s.votedFor }), outputs: { ...r.outputs, persist: r.outputs.persist.filter((w) => w.write !== 'votedFor') } } : r;
        },
      },
      20,
      'state',
      /^votedFor\[s1\]: expected Nil, actual s1$/,
    ],
    [
      'ALL-1: the wrong entry is applied',
      'conflict-3',
      {
        applyEntry: (s) => {
          const r = SRC_ACTIONS.applyEntry(s);
          return r.enabled ? { ...r, outputs: { ...r.outputs, apply: r.outputs.apply.map((a) => ({ ...a, entry: { ...a.entry, value: 'v9' } as Entry })) } } : r;
        },
      },
      52,
      'apply',
      /^ApplyEntry at s1: applies <<1: \[term 2, v9\]>>, but lastApplied went from 0 to 1, which applies <<1: \[term 2, v2\]>>$/,
    ],
    [
      'a log write with a gap',
      'election-2',
      {
        clientRequest: (s, v) => {
          const r = SRC_ACTIONS.clientRequest(s, v);
          return r.enabled ? { ...r, outputs: { ...r.outputs, persist: [{ write: 'log', from: 5 as LogIndex, entries: [] }] } } : r;
        },
      },
      7,
      'persist',
      /^ClientRequest at s1: persist writes rejected by storage: a log write starts at index 5, past the end of the log \(last index 0\)$/,
    ],
    [
      'an action that throws',
      'election-2',
      {
        applyEntry: () => {
          throw new Error('boom');
        },
      },
      12,
      'threw',
      /^the implementation threw: Error: boom/,
    ],
    [
      'P-1: restart keeps the commit index',
      'conflict-3',
      {
        restart: (config, storage) => {
          const r = SRC_ACTIONS.restart(config, storage);
          return r.enabled && config.id === 's1' && r.state.log.length === 2 ? { ...r, state: { ...r.state, commitIndex: 2 as LogIndex } as NodeState } : r;
        },
      },
      fixture('conflict-3').states.length - 1,
      'state',
      /^commitIndex\[s1\]: expected 0, actual 2$/,
    ],
    [
      'Init: servers start in term 1',
      'election-2',
      {
        restart: (config, storage) => {
          const r = SRC_ACTIONS.restart(config, storage);
          return r.enabled ? { ...r, state: { ...r.state, currentTerm: 1 } as NodeState } : r;
        },
      },
      0,
      'state',
      /^currentTerm\[s1\]: expected 0, actual 1$/,
    ],
  ];
  for (const [what, name, bug, step, kind, first] of bugs) {
    const d = diverged(t, replayJson(fixture(name), { ...SRC_ACTIONS, ...bug }));
    t.equal(d.step, step, `${what}: caught at step ${step}`);
    t.equal(d.kind, kind, `${what}: kind`);
    t.match(d.kind === 'state' ? formatDiff(d.diffs[0] as never) : d.reason, first, `${what}: what differs`);
  }
});

t.test('type level: the dispatch on action names is exhaustive', async (t) => {
  const label = (a: SpecAction): string =>
    match(a)
      .with('Restart', 'Timeout', 'RequestVote', 'BecomeLeader', 'ClientRequest', 'AppendEntries', 'AdvanceCommitIndex', 'ApplyEntry', () => 'server')
      .with('UpdateTerm', 'HandleRequestVoteRequest', 'HandleRequestVoteResponse', 'HandleAppendEntriesRequest', 'HandleAppendEntriesResponse', 'DropStaleResponse', () => 'message')
      .with('DropMessage', () => 'network')
      // @ts-expect-error DuplicateMessage is not handled, so .exhaustive() does not type-check
      .exhaustive();
  t.throws(() => label('DuplicateMessage'));
});

t.test('checkEnabled: the fixtures conform; an action enabled where the spec has none is caught in the state it appears', async (t) => {
  for (const name of FIXTURE_NAMES) t.equal(replayJson(fixture(name), undefined, undefined, { checkEnabled: true }).divergence, undefined, name);

  // L-4 without its term condition (Figure 8): commit the majority's index whatever its term.
  const figure8: Actions = {
    ...SRC_ACTIONS,
    advanceCommitIndex: (s) => {
      const original = SRC_ACTIONS.advanceCommitIndex(s);
      // Still refuses what src/ refuses as bad input (a state outside TypeOK: refusals.ts probes it).
      if (s.role !== 'Leader' || (!original.enabled && original.reason.kind !== 'GuardFailed')) return original;
      const n = [s.log.length, ...s.matchIndex.values()].sort((a, b) => b - a)[Math.floor(s.servers.size / 2)] ?? 0;
      if (n <= s.commitIndex) return SRC_ACTIONS.advanceCommitIndex(s);
      return { enabled: true, action: 'AdvanceCommitIndex', state: { ...s, commitIndex: n as LogIndex }, outputs: { persist: [], send: [], apply: [] } };
    },
  };
  t.equal(replayJson(fixture('conflict-3'), figure8).divergence, undefined, 'replay alone: the trace never takes the step');
  const r = replayJson(fixture('conflict-3'), figure8, undefined, { checkEnabled: true });
  const d = r.divergence;
  // State 46: s1 leads term 3 and index 1 (term 2) is on s1 and s3.
  t.equal(d?.step, 46);
  t.equal(r.steps, 46, 'step 46 itself conformed');
  t.equal(d?.kind, 'enabled');
  t.equal(d?.reason, 'in state 46, AdvanceCommitIndex(s1): the implementation says enabled, the spec says not enabled (CommittableIndexes(i) # {})');

  // A dispatcher that will not let a leader handle the answers of its own term.
  const deaf: Actions = { ...SRC_ACTIONS, receive: (s, m) => (m.type === 'AppendEntriesResponse' ? SRC_ACTIONS.dropStaleResponse(s, m) : SRC_ACTIONS.receive(s, m)) };
  const e = replayJson(fixture('election-2'), deaf, undefined, { checkEnabled: true }).divergence;
  t.equal(e?.step, 9);
  t.match(e?.reason, /^in state 9, receive\(s1, AppendEntriesResponse\(s2 -> s1, .*\)\): the implementation says no action enabled \(m\.term = 1 is not older than currentTerm = 1\), the spec says HandleAppendEntriesResponse enabled$/);
});

/**
 * parsed: a trace document decoded from its text by parseTrace, as
 * replayFiles reads a file: the shared parse gives a value the step did not
 * change the object of the state before, which replay's comparison skips
 * when the implementation kept its value too (compare.ts, Baseline).
 */
function parsed(json: Json, file = 'test.itf.json'): Trace {
  const d = parseTrace(JSON.stringify(json), file, SPEC_HASH);
  if (!d.ok) throw new Error(`${d.error.file}: ${d.error.what}`);
  return d.trace;
}

const at = (trace: Trace, k: number): SpecState => (trace.steps[k] as TraceStep).state;

t.test('a value the trace kept is still compared when the implementation changed it, and the reverse', async (t) => {
  const conflict = parsed(fixture('conflict-3'));
  t.equal(replayTrace(conflict).divergence, undefined, 'conflict-3 read with the shared parse conforms');
  // The premise of the cases below: these variables are the objects of the state before.
  t.equal(at(conflict, 1).log, at(conflict, 0).log, 'Timeout(s1) keeps the log object');
  t.equal(at(conflict, 7).commitIndex, at(conflict, 6).commitIndex, 'ClientRequest keeps the commitIndex object');
  t.equal(at(conflict, 18).nextIndex, at(conflict, 17).nextIndex, 'AppendEntries keeps the nextIndex object');
  t.equal(at(conflict, 6).messages, at(conflict, 5).messages, 'BecomeLeader keeps the bag');
  t.equal(at(conflict, 7).log.get('s3' as NodeId), at(conflict, 6).log.get('s3' as NodeId), "ClientRequest(s1) keeps s3's log");

  // The implementation changes a variable the spec's action does not (the trace's value is the object of the state before).
  const sideEffects: [string, Partial<Actions>, number, RegExp][] = [
    [
      'Timeout also appends to the log',
      {
        timeout: (s) => {
          const r = SRC_ACTIONS.timeout(s);
          return r.enabled ? { ...r, state: { ...r.state, log: [...r.state.log, { term: r.state.currentTerm, value: 'v9' } as Entry] } } : r;
        },
      },
      1,
      /^log\[s1\]: expected <<>>, actual <<\[term 1, v9\]>>/,
    ],
    [
      'ClientRequest also advances commitIndex',
      {
        clientRequest: (s, v) => {
          const r = SRC_ACTIONS.clientRequest(s, v);
          return r.enabled ? { ...r, state: { ...r.state, commitIndex: (r.state.commitIndex + 1) as LogIndex } } : r;
        },
      },
      7,
      /^commitIndex\[s1\]: expected 0, actual 1$/,
    ],
    [
      'AppendEntries also moves nextIndex',
      {
        appendEntries: (s, j, n) => {
          const r = SRC_ACTIONS.appendEntries(s, j, n);
          return r.enabled && r.state.role === 'Leader' ? { ...r, state: { ...r.state, nextIndex: new Map(r.state.nextIndex).set(j, 7 as LogIndex) } } : r;
        },
      },
      18,
      /^nextIndex\[s1\]\[s3\]: expected 1, actual 7$/,
    ],
    [
      'BecomeLeader also sends',
      {
        becomeLeader: (s) => {
          const r = SRC_ACTIONS.becomeLeader(s);
          const m = { type: 'RequestVoteResponse', from: s.id, to: 's2', term: s.currentTerm, voteGranted: true } as Message;
          return r.enabled ? { ...r, outputs: { ...r.outputs, send: [...r.outputs.send, m] } } : r;
        },
      },
      6,
      /^messages\[RequestVoteResponse\(s1 -> s2, term 1, voteGranted TRUE\)\]: expected 0, actual 1 \(copies in flight\)$/,
    ],
  ];
  for (const [what, bug, step, first] of sideEffects) {
    const d = diverged(t, replayTrace(conflict, { actions: { ...SRC_ACTIONS, ...bug } }));
    t.equal(d.step, step, `${what}: caught at step ${step}`);
    t.equal(d.kind, 'state', `${what}: kind`);
    t.match(formatDiff(d.diffs[0] as never), first, `${what}: what differs`);
  }

  // The trace changes a server the step leaves alone (the implementation's server is the object of the state before).
  const others: [string, () => Json, number, string][] = [
    ['currentTerm[s3] at Timeout(s2)', () => setVar(fixture('conflict-3'), 8, 'currentTerm', 's3', big(5)), 8, 'currentTerm[s3]: expected 5, actual 0'],
    ['log[s3] at ClientRequest(s1)', () => setVar(fixture('conflict-3'), 7, 'log', 's3', [{ term: big(1), value: 'v2' }]), 7, 'log[s3]: expected <<[term 1, v2]>>, actual <<>> (first difference at index 1)'],
    ['votesGranted[s3] at BecomeLeader(s1)', () => setVar(fixture('conflict-3'), 6, 'votesGranted', 's3', { '#set': ['s3'] }), 6, 'votesGranted[s3]: expected {s3}, actual {}'],
    [
      'the bag at ClientRequest(s1)',
      () => {
        // The RequestVoteRequest of state 2 in flight again in state 7.
        const j = fixture('conflict-3');
        (state(j, 7)['messages'] as { '#map': unknown[] })['#map'] = [...(state(j, 2)['messages'] as { '#map': unknown[] })['#map']];
        return j;
      },
      7,
      'messages[RequestVoteRequest(s1 -> s2, term 1, candidateId s1, lastLogIndex 0, lastLogTerm 0)]: expected 1, actual 0 (copies in flight)',
    ],
  ];
  for (const [what, json, step, first] of others) {
    const trace = parsed(json());
    const d = diverged(t, replayTrace(trace));
    t.equal(d.step, step, `${what}: caught at step ${step}`);
    t.equal(d.kind, 'state', `${what}: kind`);
    t.equal(formatDiff(d.diffs[0] as never), first, `${what}: what differs`);
  }
});

t.test("receive's answer is its chosen handler's own, on every message step of every 10th corpus trace (what deliver relies on)", async (t) => {
  const handlers: Readonly<Record<string, (s: NodeState, m: Message) => unknown>> = {
    UpdateTerm: SRC_ACTIONS.updateTerm,
    HandleRequestVoteRequest: SRC_ACTIONS.handleRequestVoteRequest,
    HandleRequestVoteResponse: SRC_ACTIONS.handleRequestVoteResponse,
    HandleAppendEntriesRequest: SRC_ACTIONS.handleAppendEntriesRequest,
    HandleAppendEntriesResponse: SRC_ACTIONS.handleAppendEntriesResponse,
    DropStaleResponse: SRC_ACTIONS.dropStaleResponse,
  };
  let compared = 0;
  const differs: string[] = [];
  // A receive of its own makes the replayer call the handler as well (deliver), and this one compares the two answers.
  const checking: Actions = {
    ...SRC_ACTIONS,
    receive: (s, m) => {
      const r = SRC_ACTIONS.receive(s, m);
      const handler = r.action === null ? undefined : handlers[r.action];
      if (handler === undefined) differs.push(`no handler for ${String(r.action)}`);
      else if (isDeepStrictEqual(r, handler(s, m))) compared += 1;
      else differs.push(`${r.action} at ${s.id}: ${formatMessage(m)}`);
      return r;
    },
  };
  const corpus = path.join(repoDir(), 'traces', 'corpus');
  const files = fs.readdirSync(corpus).filter((f) => f.endsWith('.itf.json')).sort().filter((_, k) => k % 10 === 0);
  t.ok(files.length >= 40, `${files.length} corpus traces`);
  for (const f of files) {
    const d = parseTrace(fs.readFileSync(path.join(corpus, f), 'utf8'), f, SPEC_HASH);
    if (!d.ok) throw new Error(`${f}: ${d.error.what}`);
    t.equal(replayTrace(d.trace, { actions: checking }).divergence, undefined, f);
  }
  t.same(differs, [], 'no answer differs');
  t.ok(compared > 1000, `${compared} message steps compared`);
});
