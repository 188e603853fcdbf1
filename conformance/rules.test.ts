// Rule classification (spec/README.md rule ids): each step of the
// hand-written conflict-3 trace against the rules its author meant it to
// exercise, and the cases the fixtures do not reach, built from their states.
import t from 'tap';
import type { Message, NodeId } from '../src/index.js';
import { addCoverage, emptyCoverage, formatCoverage } from './coverage.js';
import { keyOf } from './message-key.js';
import { ACTION_RULES, RULES, rulesOf } from './rules.js';
import { decode, fixture } from './testing.js';
import { SPEC_ACTIONS, type ActionCall, type SpecState } from './trace.js';

t.test('conflict-3: the rules of every step', async (t) => {
  const trace = decode(fixture('conflict-3'));
  const want: Record<number, string[]> = {
    1: ['F-2', 'C-1'],
    2: ['C-1'],
    3: ['ALL-2'],
    4: ['F-1', 'RV-2 grant'],
    5: ['C-2'],
    6: ['C-2'],
    7: ['L-2'],
    10: ['D-1'],
    12: ['F-1', 'RV-2 grant'],
    13: ['F-1', 'RV-2 grant'],
    15: ['D-1'],
    18: ['L-3'],
    19: ['F-1', 'AE-1'],
    23: ['F-1', 'AE-3', 'AE-4'],
    24: ['L-3a'],
    25: ['L-4'],
    26: ['L-1'],
    27: ['F-1'],
    28: ['F-2', 'C-1'],
    31: ['F-1', 'RV-2 deny: voted', 'RV-2 deny: log'],
    32: [],
    35: ['D-3'],
    40: ['F-1', 'C-3', 'AE-2'],
    42: ['L-3b'],
    43: ['D-5'],
    45: ['F-1', 'AE-4'],
    52: ['ALL-1'],
    54: ['P-1'],
  };
  for (const [k, rules] of Object.entries(want)) {
    const step = trace.steps[Number(k)];
    const before = trace.steps[Number(k) - 1];
    if (step?.call == null || before === undefined) throw new Error(`no step ${k}`);
    t.same(rulesOf(step.call, before.state, step.state), rules, `step ${k}: ${step.call.name}`);
  }
});

/** call: a message-handling step on message m. */
function on(name: 'HandleRequestVoteRequest' | 'HandleAppendEntriesRequest', m: Message): ActionCall {
  return { name, args: [{ key: keyOf(m), message: m }] } as ActionCall;
}

t.test('RV-1, C-4, AE-5 and D-9, from states of the fixtures', async (t) => {
  const e = decode(fixture('election-2'));
  const s = (k: number): SpecState => {
    const st = e.steps[k]?.state;
    if (st === undefined) throw new Error(`no state ${k}`);
    return st;
  };
  const id = (x: string) => x as NodeId;
  const n = (x: number) => x as never;
  // State 4: s2 is in term 1. A RequestVote of term 0 is refused (RV-1).
  const old: Message = { type: 'RequestVoteRequest', from: id('s1'), to: id('s2'), term: n(0), candidateId: id('s1'), lastLogIndex: n(0), lastLogTerm: n(0) };
  t.same(rulesOf(on('HandleRequestVoteRequest', old), s(4), s(4)), ['F-1', 'RV-1']);
  // State 1: s1 is a candidate; it times out again (C-4).
  t.same(rulesOf({ name: 'Timeout', args: [id('s1')] }, s(1), s(1)), ['C-4', 'C-1']);
  // State 14: s2 has commitIndex 1. A late heartbeat with leaderCommit 1 vouching for no entry (D-9).
  const late: Message = { type: 'AppendEntriesRequest', from: id('s1'), to: id('s2'), term: n(1), leaderId: id('s1'), prevLogIndex: n(0), prevLogTerm: n(0), entries: [], leaderCommit: n(2) };
  t.same(rulesOf(on('HandleAppendEntriesRequest', late), s(14), s(14)), ['F-1', 'D-9']);
  // Step 14 itself: commitIndex of s2 goes from 0 to 1 (AE-5).
  const step = e.steps[14];
  if (step?.call == null) throw new Error('no step 14');
  t.same(rulesOf(step.call, s(13), s(14)), ['F-1', 'AE-5']);
});

t.test('the tables: every action has its rules, every rule a description', async (t) => {
  t.same(Object.keys(ACTION_RULES).sort(), [...SPEC_ACTIONS].sort());
  const ids = new Set(RULES.map(([r]) => r.replace(/ .*/, '')));
  for (const a of SPEC_ACTIONS) for (const r of ACTION_RULES[a]) t.ok(ids.has(r), `${a}: ${r} is a coverage row`);
  const c = emptyCoverage();
  addCoverage(c, decode(fixture('election-2')), 16);
  const text = formatCoverage(c).join('\n');
  t.match(text, /^ {2}ClientRequest +1$/m);
  t.match(text, /^ {2}C-2 +2 {2}vote counted, or majority makes leader$/m);
  t.equal(text.split('\n').pop(), 'rules with no step: AE-1, AE-2, AE-3, RV-1, RV-2 deny: voted, RV-2 deny: log, C-3, C-4, L-3b, P-1, D-1, D-3, D-5, D-9');
});

t.test('C-2 for a vote counted; a copy of a vote already counted (votesGranted unchanged) takes no rule', async (t) => {
  const e = decode(fixture('election-2'));
  const before = e.steps[1]?.state; // s1 has just become a candidate: votesGranted[s1] = {s1}
  if (before === undefined) throw new Error('no state 1');
  t.equal(before.state.get('s1' as NodeId), 'Candidate');
  const vote = (from: string): ActionCall =>
    ({ name: 'HandleRequestVoteResponse', args: [{ key: '', message: { type: 'RequestVoteResponse', from, to: 's1', term: 1, voteGranted: true } }] }) as unknown as ActionCall;
  const counted: SpecState = { ...before, votesGranted: new Map([...before.votesGranted, ['s1' as NodeId, new Set(['s1', 's2'] as NodeId[])]]) };
  t.same(rulesOf(vote('s2'), before, counted), ['C-2']);
  t.same(rulesOf(vote('s1'), before, before), [], 's1 voted for itself already');
});
