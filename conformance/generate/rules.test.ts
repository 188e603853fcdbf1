import t from 'tap';
import { ae, aeReply, rv, rvReply, state } from './fixtures.js';
import { type Itf, type ItfState, int } from '../itf/value.js';
import { RULES } from '../rules.js';
import { FIGURE2_RULES, RULE_IDS, rulesOf } from './rules.js';

t.test('single-rule actions', async (t) => {
  const s = state({});
  t.same(rulesOf({ name: 'Restart', args: ['s1'] }, s, s), ['P-1']);
  t.same(rulesOf({ name: 'RequestVote', args: ['s1', 's2'] }, s, s), ['C-1']);
  t.same(rulesOf({ name: 'BecomeLeader', args: ['s1'] }, s, s), ['C-2']);
  t.same(rulesOf({ name: 'ClientRequest', args: ['s1', 'v1'] }, s, s), ['L-2']);
  t.same(rulesOf({ name: 'AdvanceCommitIndex', args: ['s1'] }, s, s), ['L-4']);
  t.same(rulesOf({ name: 'ApplyEntry', args: ['s1'] }, s, s), ['ALL-1']);
  t.same(rulesOf({ name: 'UpdateTerm', args: [rv(2)] }, s, s), ['ALL-2']);
  t.same(rulesOf({ name: 'DropStaleResponse', args: [rvReply(0, true)] }, s, s), ['D-3']);
  t.same(rulesOf({ name: 'DropMessage', args: [rv(1)] }, s, s), ['D-1']);
  t.same(rulesOf({ name: 'DuplicateMessage', args: [rv(1)] }, s, s), ['D-1']);
  t.same(rulesOf({ name: 'NotAnAction', args: [] }, s, s), []);
});

t.test('Timeout: F-2 from a follower, C-4 from a candidate, C-1 both', async (t) => {
  t.same(rulesOf({ name: 'Timeout', args: ['s1'] }, state({}), state({ role: ['Candidate', 'Follower'] })), ['F-2', 'C-1']);
  t.same(rulesOf({ name: 'Timeout', args: ['s1'] }, state({ role: ['Candidate', 'Follower'] }), state({ role: ['Candidate', 'Follower'], term: [2, 1] })), ['C-4', 'C-1']);
});

t.test('AppendEntries: L-1 heartbeat (n = 0), L-3 with entries', async (t) => {
  const s = state({ role: ['Leader', 'Follower'] });
  t.same(rulesOf({ name: 'AppendEntries', args: ['s1', 's2', int(0)] }, s, s), ['L-1']);
  t.same(rulesOf({ name: 'AppendEntries', args: ['s1', 's2', int(2)] }, s, s), ['L-3']);
});

t.test('HandleRequestVoteRequest: F-1; RV-1 for an older term; RV-2 granted, or refused and why', async (t) => {
  const name = 'HandleRequestVoteRequest';
  t.same(rulesOf({ name, args: [rv(1)] }, state({ term: [1, 2], msgs: [rv(1)] }), state({ term: [1, 2], msgs: [rvReply(2, false)] })), ['F-1', 'RV-1']);
  t.same(rulesOf({ name, args: [rv(1)] }, state({ msgs: [rv(1)] }), state({ msgs: [rvReply(1, true)] })), ['F-1', 'RV-2 grant']);
  const voted = state({ role: ['Candidate', 'Candidate'], msgs: [rv(1)] });
  const votedFor = { ...voted, votedFor: { '#map': [['s1', 's1'], ['s2', 's2']] } } as ItfState;
  t.same(rulesOf({ name, args: [rv(1)] }, votedFor, votedFor), ['F-1', 'RV-2 deny: voted'], 'split vote: s2 voted for itself');
  t.same(rulesOf({ name, args: [rv(1)] }, state({ log: [[], [1]], msgs: [rv(1)] }), state({ log: [[], [1]] })), ['F-1', 'RV-2 deny: log'], 's2 holds an entry s1 lacks');
});

t.test('HandleRequestVoteResponse: C-2 when the vote is counted, nothing otherwise', async (t) => {
  const b = state({ role: ['Candidate', 'Follower'], votes: [['s1'], []], msgs: [rvReply(1, true)] });
  t.same(rulesOf({ name: 'HandleRequestVoteResponse', args: [rvReply(1, true)] }, b, state({ role: ['Candidate', 'Follower'], votes: [['s1', 's2'], []] })), ['C-2']);
  t.same(rulesOf({ name: 'HandleRequestVoteResponse', args: [rvReply(1, false)] }, b, state({ role: ['Candidate', 'Follower'], votes: [['s1'], []] })), []);
});

t.test('HandleAppendEntriesRequest: AE-1 .. AE-5, C-3, F-1 by the branch taken', async (t) => {
  const name = 'HandleAppendEntriesRequest';
  t.same(rulesOf({ name, args: [ae(1, 0, [])] }, state({ term: [1, 2], msgs: [ae(1, 0, [])] }), state({ term: [1, 2], msgs: [aeReply(2, false)] })), ['F-1', 'AE-1'], 'stale term');
  t.same(
    rulesOf({ name, args: [ae(1, 1, [])] }, state({ role: ['Leader', 'Candidate'], msgs: [ae(1, 1, [])] }), state({ role: ['Leader', 'Follower'], msgs: [aeReply(1, false, 1)] })),
    ['F-1', 'C-3', 'AE-2'],
    'a candidate steps down, then the log check fails',
  );
  t.same(
    rulesOf({ name, args: [ae(2, 0, [2])] }, state({ term: [2, 2], log: [[2], [1]], msgs: [ae(2, 0, [2])] }), state({ term: [2, 2], log: [[2], [2]], msgs: [aeReply(2, true, 0, 1)] })),
    ['F-1', 'AE-3', 'AE-4'],
    'a conflicting entry replaced: truncation then append',
  );
  t.same(
    rulesOf({ name, args: [ae(1, 0, [1], 1)] }, state({ msgs: [ae(1, 0, [1], 1)] }), state({ log: [[], [1]], commit: [0, 1], msgs: [aeReply(1, true, 0, 1)] })),
    ['F-1', 'AE-4', 'AE-5'],
    'append and advance commitIndex',
  );
  t.same(
    rulesOf({ name, args: [ae(1, 0, [1])] }, state({ log: [[1], [1]], msgs: [ae(1, 0, [1])] }), state({ log: [[1], [1]], msgs: [aeReply(1, true, 0, 1)] })),
    ['F-1'],
    'entries already there: nothing but the answer',
  );
  t.same(
    rulesOf({ name, args: [ae(1, 0, [], 2)] }, state({ log: [[1, 1], [1, 1]], commit: [2, 1], msgs: [ae(1, 0, [], 2)] }), state({ log: [[1, 1], [1, 1]], commit: [2, 1], msgs: [aeReply(1, true)] })),
    ['F-1', 'D-9'],
    'a late heartbeat vouching for no entry: commitIndex 1 not lowered to min(2, 0)',
  );
});

t.test('HandleAppendEntriesResponse: L-3a on success, L-3b when nextIndex drops, D-5 for an ignored failure', async (t) => {
  const name = 'HandleAppendEntriesResponse';
  const lead = (next: number, msgs: Itf[] = []): ItfState => state({ role: ['Leader', 'Follower'], next: [next, 1], msgs });
  t.same(rulesOf({ name, args: [aeReply(1, true, 0, 1)] }, lead(1, [aeReply(1, true, 0, 1)]), lead(2)), ['L-3a']);
  t.same(rulesOf({ name, args: [aeReply(1, false, 1)] }, lead(2, [aeReply(1, false, 1)]), lead(1)), ['L-3b']);
  t.same(rulesOf({ name, args: [aeReply(1, false, 2)] }, lead(2, [aeReply(1, false, 2)]), lead(2)), ['D-5']);
});

t.test('RULE_IDS: every id of spec/README.md\'s rule table, and the rows of the replay side\'s coverage table', async (t) => {
  const fs = await import('node:fs');
  const table = fs.readFileSync(new URL('../../spec/README.md', import.meta.url), 'utf8');
  const ids = [...table.matchAll(/^\| ([A-Z]+-\d+[ab]?) \|/gm)].map((m) => m[1]);
  t.same(FIGURE2_RULES, ids);
  t.same([...new Set(RULE_IDS.map((r) => r.replace(/ .*/, '')).filter((r) => !r.startsWith('D-')))], ids, 'each Figure 2 id, RV-2 by outcome');
  t.same(RULE_IDS, RULES.map(([id]) => id), 'conformance/rules.ts counts the same rows');
});

t.test('one classifier: on every step of the replay fixtures and corpus traces, the ITF reading gives what the replay\'s typed reading gives', async (t) => {
  const fs = await import('node:fs');
  const path = await import('node:path');
  const { rulesOf: replayRulesOf } = await import('../rules.js');
  const { parseTrace } = await import('../itf/read.js');
  const { FIXTURES, SPEC_HASH } = await import('../testing.js');
  const corpus = path.join(path.dirname(FIXTURES), '..', 'traces', 'corpus');
  const list = (dir: string): string[] => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.itf.json')).sort().map((f) => path.join(dir, f)) : []);
  const corpusFiles = list(corpus);
  // Both models of the corpus, every 25th trace.
  const files = [...list(FIXTURES), ...corpusFiles.filter((_, k) => k % 25 === 0)];
  let steps = 0;
  const differ: string[] = [];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const decoded = parseTrace(text, file, SPEC_HASH);
    if (!decoded.ok) {
      t.fail(`${file}: ${decoded.error.what}`);
      continue;
    }
    const states = (JSON.parse(text) as { states: (ItfState & { '#meta': { action: string; args: Itf[] } })[] }).states;
    for (let k = 1; k < states.length; k++) {
      const s = states[k] as ItfState & { '#meta': { action: string; args: Itf[] } };
      const call = decoded.trace.steps[k]?.call;
      const before = decoded.trace.steps[k - 1]?.state;
      const after = decoded.trace.steps[k]?.state;
      if (call == null || before === undefined || after === undefined) continue;
      steps += 1;
      const itf = rulesOf({ name: s['#meta'].action, args: s['#meta'].args }, states[k - 1] as ItfState, s);
      const typed = replayRulesOf(call, before, after);
      if (JSON.stringify(itf) !== JSON.stringify(typed)) differ.push(`${path.basename(file)} step ${k} ${call.name}: ${itf.join(' ')} vs ${typed.join(' ')}`);
    }
  }
  t.ok(steps > 1000, `${steps} steps`);
  t.same(differ, [], 'no step where the two readings differ');
});
