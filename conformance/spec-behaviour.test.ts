// The hand-written traces (conformance/scenario.ts: fixtures, mutants,
// mutation) against spec/Raft.tla itself: each is a behaviour of the spec,
// step by step, action, arguments and state, as the embedded checker steps
// the model of the trace's own constants. And the check rejects a trace
// that is not: one variable changed in one state, the bag changed, an
// action that is not enabled, an argument that leads elsewhere, a wrong
// initial state; each with the file, the state, the action and what
// differs.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { Scenario, send, rvq } from './scenario.js';
import { checkTrace, diffStates, formatFailure, instance, modelFor, show, stepperFor } from './spec-behaviour.js';
import { big, fixture, type Json, SPEC_HASH, setVar, state } from './testing.js';
import { repoDir } from './spec-hash.js';
import type { NodeId } from '../src/index.js';

const REPO = repoDir();
// The walk asks the embedded checker for every successor of every state: this file took
// 67 s on the shared 2-core machine, of which about 45 s for figure7-7 (seven servers,
// 276 steps) and about 25 s for figure8d-5 and figure8e-5; tap's default of 30 s per file
// is too short.
t.setTimeout(300_000);

/** handWritten: every trace file under conformance/ (the corpus is under traces/), relative to the repository. */
function handWritten(): string[] {
  const dir = path.join(REPO, 'conformance');
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => f.endsWith('.itf.json'))
    .map((f) => path.join('conformance', f))
    .sort();
}

const read = (file: string): Json => JSON.parse(fs.readFileSync(path.join(REPO, file), 'utf8')) as Json;
const check = (json: unknown, file: string): string | undefined => {
  const f = checkTrace(json, file, SPEC_HASH);
  return f === undefined ? undefined : formatFailure(f);
};

t.test('every hand-written trace is a behaviour of spec/Raft.tla', async (t) => {
  const files = handWritten();
  // The three directories of hand-written traces (conformance/README.md), none of them empty.
  for (const dir of ['conformance/fixtures/', 'conformance/mutants/traces/', 'conformance/mutation/traces/']) {
    t.ok(files.some((f) => f.startsWith(dir)), `traces in ${dir}`);
  }
  for (const file of files) {
    const json = read(file);
    t.equal(check(json, file), undefined, `${file}: ${json.states.length} states`);
  }
});

const ELECTION = 'conformance/fixtures/election-2.itf.json';
const meta = (json: Json, k: number): { action: string; args: unknown[] } => state(json, k)['#meta'] as { action: string; args: unknown[] };

t.test('a trace with one variable changed in one state is rejected at that state', async (t) => {
  const json = fixture('election-2');
  t.equal(meta(json, 9).action, 'HandleAppendEntriesRequest', 'state 9 is s2 appending the entry');
  setVar(json, 9, 'log', 's2', []);
  const found = checkTrace(json, ELECTION, SPEC_HASH);
  t.match(found, { file: ELECTION, state: 9, what: "the spec's step leads elsewhere: log[s2]: trace <<>>, spec <<[term 1, v1]>>" });
  t.match(found?.action, /^HandleAppendEntriesRequest\(AppendEntriesRequest\(s1 -> s2, .*entries <<\[term 1, v1\]>>/);
  t.match(check(json, ELECTION), /^conformance\/fixtures\/election-2\.itf\.json: state 9 \(HandleAppendEntriesRequest\(.*\)\): the spec's step leads elsewhere: log\[s2\]/);
});

t.test('a trace with the bag changed in one state is rejected at that state', async (t) => {
  const json = fixture('election-2');
  t.equal(meta(json, 8).action, 'AppendEntries', 'state 8 sends the entry');
  // Two copies in flight where AppendEntries sent one.
  const bag = state(json, 8)['messages'] as { '#map': unknown[][] };
  t.equal(bag['#map'].length, 1, 'one message in flight');
  (bag['#map'][0] as unknown[])[1] = big(2);
  const found = checkTrace(json, ELECTION, SPEC_HASH);
  t.match(found, { state: 8, action: 'AppendEntries(s1, s2, 1)' });
  t.match(found?.what, /^the spec's step leads elsewhere: messages\[AppendEntriesRequest\(s1 -> s2, .*\)\]: trace 2, spec 1$/);
});

t.test('a step whose action is not enabled is rejected, with the successors there', async (t) => {
  const json = fixture('election-2');
  t.same(meta(json, 6), { index: 6, action: 'BecomeLeader', args: ['s1'] }, 'state 6 is s1 becoming leader');
  meta(json, 6).args = ['s2'];
  const found = checkTrace(json, ELECTION, SPEC_HASH);
  t.match(found, { file: ELECTION, state: 6, action: 'BecomeLeader(s2)' });
  t.match(found?.what, /^not enabled in state 5; the spec's \d+ successors there: /);
  t.match(found?.what, /BecomeLeader\(s1\)/, 'the instance the spec enables is listed');
  t.notMatch(found?.what, /BecomeLeader\(s2\)/);
});

t.test('an argument that is enabled but leads to another state is rejected', async (t) => {
  const json = fixture('election-2');
  t.equal(meta(json, 8).action, 'AppendEntries');
  // AppendEntries(s1, s2, 0) is enabled too, but sends a heartbeat, not the entry.
  meta(json, 8).args[2] = big(0);
  const found = checkTrace(json, ELECTION, SPEC_HASH);
  t.match(found, { state: 8, action: 'AppendEntries(s1, s2, 0)' });
  t.match(found?.what, /messages\[AppendEntriesRequest\(.*entries <<\[term 1, v1\]>>.*\)\]: trace 1, spec \(absent\)/);
  t.match(found?.what, /messages\[AppendEntriesRequest\(.*entries <<>>.*\)\]: trace \(absent\), spec 1/);
});

t.test('a trace whose state 0 is not the initial state is rejected at state 0', async (t) => {
  const json = fixture('election-2');
  setVar(json, 0, 'currentTerm', 's1', big(1));
  t.equal(check(json, ELECTION), `${ELECTION}: state 0 (Init): not the initial state of the spec: currentTerm[s1]: trace 1, spec 0`);
});

t.test('a trace of another spec is not walked', async (t) => {
  const json = fixture('election-2');
  (json['#meta']['raftref'] as Record<string, unknown>)['specHash'] = `sha256:${'0'.repeat(64)}`;
  t.match(checkTrace(json, ELECTION, SPEC_HASH), { state: 0, action: 'decode', what: /specHash/ });
});

t.test('the model has the trace\'s constants, for any number of servers', async (t) => {
  const servers = ['s1', 's2', 's3', 's4'] as NodeId[];
  const model = modelFor({ servers, values: ['v1', 'v2'], nil: 'Nil' });
  const value = (name: string): unknown => model.cfg.constants.find((c) => c.name === name);
  t.match(value('Server'), { kind: 'value', value: { kind: 'set', elems: servers.map((name) => ({ kind: 'model', name })) } });
  t.match(value('Value'), { kind: 'value', value: { kind: 'set', elems: [{ name: 'v1' }, { name: 'v2' }] } });
  t.same([model.cfg.constraints, model.cfg.actionConstraints, model.cfg.symmetry], [[], [], undefined], 'no bounds, no symmetry');
  t.throws(() => modelFor({ servers: ['s 1' as NodeId], values: ['v1'], nil: 'Nil' }), /"s 1" is not a TLA\+ identifier/);
  // Four servers (no MC*.cfg has four): s4 campaigns in term 1, beyond MCRaft2's bounds too (three messages in flight).
  const sc = new Scenario(servers, ['v1'])
    .step('Timeout', ['s4'], (s) => {
      s.state['s4'] = 'Candidate';
      s.currentTerm['s4'] = 1;
      s.votedFor['s4'] = 's4';
      s.votesGranted['s4'] = ['s4'];
    })
    .step('RequestVote', ['s4', 's1'], (s) => send(s, rvq('s4', 's1', 1, 0, 0)))
    .step('RequestVote', ['s4', 's2'], (s) => send(s, rvq('s4', 's2', 1, 0, 0)))
    .step('RequestVote', ['s4', 's3'], (s) => send(s, rvq('s4', 's3', 1, 0, 0)));
  t.equal(check(sc.toItf(SPEC_HASH, 'hand: 4 servers', 'test'), 'four.itf.json'), undefined, 'a behaviour');
  const wrong = new Scenario(servers, ['v1']).step('RequestVote', ['s4', 's1'], (s) => send(s, rvq('s4', 's1', 0, 0, 0)));
  t.match(check(wrong.toItf(SPEC_HASH, 'hand: 4 servers', 'test'), 'four.itf.json'), /^four\.itf\.json: state 1 \(RequestVote\(s4, s1\)\): not enabled in state 0; /);
  t.equal(stepperFor({ servers, values: ['v1'], nil: 'Nil' }), stepperFor({ servers, values: ['v1'], nil: 'Nil' }), 'one stepper per set of constants');
});

t.test('show and diffStates: short TLA+-like text', async (t) => {
  t.equal(show({ '#map': [['s1', { '#bigint': '2' }], ['s2', { '#bigint': '0' }]] }), '(s1 :> 2 @@ s2 :> 0)');
  t.equal(show([{ term: { '#bigint': '1' }, value: 'v1' }]), '<<[term 1, v1]>>');
  t.equal(show({ '#set': ['s1', 's2'] }), '{s1, s2}');
  t.equal(show({ type: 'RequestVoteResponse', from: 's2', to: 's1', term: { '#bigint': '1' }, voteGranted: true }), 'RequestVoteResponse(s2 -> s1, term 1, voteGranted TRUE)');
  t.equal(instance('AppendEntries', ['s1', 's2', { '#bigint': '1' }]), 'AppendEntries(s1, s2, 1)');
  const at = (a: number): { nextIndex: unknown } => ({ nextIndex: { '#map': [['s1', { '#map': [['s2', { '#bigint': String(a) }]] }]] } });
  t.same(diffStates(at(2) as never, at(1) as never), ['nextIndex[s1][s2]: trace 2, spec 1'], 'down to the peer');
});
