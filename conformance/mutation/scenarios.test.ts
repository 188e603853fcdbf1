// The hand-written traces of conformance/mutation/traces are their
// scenarios, stamped with the current spec/Raft.tla; each is a behaviour of
// the spec (the embedded checker walks it); src/ replays them with
// the enabledness check without a divergence; and each takes the step it
// was written for (a vote refused for the log alone; a duplicated failure
// that finds nextIndex already past matchIndex).
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { replayFiles } from '../run.js';
import { checkTrace, formatFailure } from '../spec-behaviour.js';
import { SPEC_HASH } from '../testing.js';
import { MUTATION_SCENARIOS } from './scenarios.js';
import { MUTATION_FILES, MUTATION_TRACES, scenarioText, type ScenarioName } from './write.js';

t.test('each trace file is its scenario, stamped with the current spec', async (t) => {
  t.same(MUTATION_FILES.stale(SPEC_HASH), [], 'one file per scenario, each what its scenario writes');
});

t.test('each is a behaviour of spec/Raft.tla (walked with the embedded checker)', async (t) => {
  for (const name of Object.keys(MUTATION_SCENARIOS) as ScenarioName[]) {
    const file = path.join(MUTATION_TRACES, `${name}.itf.json`);
    const failure = checkTrace(JSON.parse(fs.readFileSync(file, 'utf8')), file, SPEC_HASH);
    t.equal(failure, undefined, failure === undefined ? name : formatFailure(failure));
  }
});

t.test('src/ conforms to them, enabledness included', async (t) => {
  const r = replayFiles([MUTATION_TRACES], { reproDir: null, coverage: true, checkEnabled: true });
  t.equal(r.exitCode, 0, r.divergences.map((d) => d.text.join('\n')).join('\n'));
  t.equal(r.traces, Object.keys(MUTATION_SCENARIOS).length);
  t.equal(r.coverage?.actions.DuplicateMessage, 1);
});

t.test('log-deny-3 ends with a refusal by a voter that has not voted, to a log as long as its own', async (t) => {
  const json = JSON.parse(scenarioText('log-deny-3', SPEC_HASH)) as { states: { '#meta': { action: string } }[] };
  const actions = json.states.map((s) => s['#meta'].action);
  t.same(actions.slice(-2), ['HandleRequestVoteRequest', 'HandleRequestVoteResponse']);
  const s = MUTATION_SCENARIOS['log-deny-3'].build().last;
  t.same([s.votedFor['s2'], s.log['s1']?.length, s.log['s2']?.length], ['Nil', 1, 1]);
  t.same([s.log['s1']?.[0]?.[0], s.log['s2']?.[0]?.[0]], [1, 2], 'the candidate last term 1, the voter 2');
});

t.test('dup-failure-2 answers the current probe again once matchIndex has caught up', async (t) => {
  const s = MUTATION_SCENARIOS['dup-failure-2'].build().last;
  t.same([s.nextIndex['s1'], s.matchIndex['s1']], [{ s2: 2 }, { s2: 1 }]);
  t.same(s.messages, [], 'both copies of the failure were handled');
});
