// The guards of enabled.ts (what --check-enabled holds the implementation
// to) against spec/Raft.tla itself: in 150 states of corpus traces (75 per
// model, traces picked with a seeded PRNG), the action instances that the
// embedded checker finds enabled (successors of the model without its
// bounds) are exactly the ones the transcribed guards enable. And the
// comparison catches a wrong guard: each deliberately wrong one below
// disagrees with the spec somewhere in the same states.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { Prng } from './generate/prng.js';
import { type Guards, SPEC_GUARDS, specMessageAction } from './enabled.js';
import { compareGuards, compareInstances, guardInstances, instanceKey, stepperOf, walkTrace, type Walked } from './enabled-spec.js';
import { parseTrace } from './itf/read.js';
import { FIXTURES, SPEC_HASH } from './testing.js';
import type { Constants } from './trace.js';

const REPO = path.dirname(path.dirname(FIXTURES));
const CORPUS = path.join(REPO, 'traces', 'corpus');
const PER_MODEL = 75;
const SEED = 5;

type Sample = { readonly model: string; readonly constants: Constants; readonly walked: readonly Walked[] };

/** sample: PER_MODEL states of the model's corpus traces, from traces picked in seeded order, each walked from state 0. */
function sample(model: string, stream: number): Sample {
  const files = fs.readdirSync(CORPUS).filter((f) => f.startsWith(`${model}-`) && f.endsWith('.itf.json')).sort();
  if (files.length === 0) throw new Error(`no ${model} traces in ${CORPUS}`);
  const rng = new Prng(SEED, stream);
  const { stepper, vars } = stepperOf(path.join(REPO, 'spec', `${model}.tla`), path.join(REPO, 'spec', `${model}.cfg`));
  const walked: Walked[] = [];
  let constants: Constants | undefined;
  while (walked.length < PER_MODEL) {
    const file = path.join(CORPUS, files[rng.below(files.length)] as string);
    const text = fs.readFileSync(file, 'utf8');
    const decoded = parseTrace(text, file, SPEC_HASH);
    if (!decoded.ok) throw new Error(`${file}: ${decoded.error.what}`);
    constants = decoded.trace.constants;
    // Up to 40 states of a trace, so that the sample spans several traces.
    walked.push(...walkTrace(stepper, vars, decoded.trace, JSON.parse(text) as { states: Record<string, unknown>[] }, Math.min(40, PER_MODEL - walked.length)));
  }
  return { model, constants: constants as Constants, walked };
}

const samples = fs.existsSync(CORPUS) ? [sample('MCRaft2', 1), sample('MCRaft3Full', 2)] : [];

t.test('the transcribed guards enable exactly what the spec enables, in 150 corpus states', { skip: samples.length === 0 ? 'no traces/corpus' : false }, async (t) => {
  for (const { model, constants, walked } of samples) {
    t.equal(walked.length, PER_MODEL, `${model}: ${walked.length} states`);
    t.same(compareGuards(walked, constants), [], `${model}: no state where the checker and the guards differ`);
    // Not a vacuous comparison: the states enable most kinds of action, and more than Restart and the network's.
    const names = new Set(walked.flatMap((w) => w.spec.map((i) => i.slice(0, i.indexOf('(')))));
    t.ok(names.size >= 10, `${model}: ${names.size} actions enabled somewhere: ${[...names].sort().join(', ')}`);
  }
});

t.test('compareInstances: what only one side enables', async (t) => {
  t.same(compareInstances(['Timeout(s1)', 'Restart(s1)'], ['Restart(s1)', 'BecomeLeader(s1)']), { onlySpec: ['Timeout(s1)'], onlyGuards: ['BecomeLeader(s1)'] });
  t.same(compareInstances(['Restart(s1)'], ['Restart(s1)']), { onlySpec: [], onlyGuards: [] });
  const m = { type: 'RequestVoteResponse', from: 's2', to: 's1', term: 1, voteGranted: true };
  t.equal(instanceKey('DropMessage', [m]), instanceKey('DropMessage', [{ voteGranted: true, to: 's1', type: 'RequestVoteResponse', term: 1, from: 's2' }]), 'a message by its fields, in any order');
  t.equal(guardInstances([{ name: 'AppendEntries', args: ['s1', 's2', 0] }])[0], 'AppendEntries(s1, s2, 0)');
});

t.test('a wrong guard disagrees with the spec in the sampled states', { skip: samples.length === 0 ? 'no traces/corpus' : false }, async (t) => {
  const wrong: Record<string, Guards> = {
    'BecomeLeader on half the votes (>= instead of >)': {
      ...SPEC_GUARDS,
      BecomeLeader: (s, i, servers) => s.state.get(i) === 'Candidate' && 2 * (s.votesGranted.get(i)?.size ?? 0) >= servers.length,
    },
    'Timeout of a leader too': { ...SPEC_GUARDS, Timeout: () => true },
    'AppendEntries one entry short': {
      ...SPEC_GUARDS,
      AppendEntries: (s, i, j, n) => s.state.get(i) === 'Leader' && j !== i && (s.nextIndex.get(i)?.get(j) ?? 1) + n <= (s.log.get(i) ?? []).length,
    },
    'RequestVote of a server that voted already': { ...SPEC_GUARDS, RequestVote: (s, i, j) => s.state.get(i) === 'Candidate' && j !== i },
    'ApplyEntry at commitIndex = lastApplied': { ...SPEC_GUARDS, ApplyEntry: (s, i) => (s.commitIndex.get(i) ?? 0) >= (s.lastApplied.get(i) ?? 0) },
    'an AppendEntries response of the current term handled by a follower': {
      ...SPEC_GUARDS,
      message: (s, m) => (m.type === 'AppendEntriesResponse' && m.term === s.currentTerm.get(m.to) ? 'HandleAppendEntriesResponse' : specMessageAction(s, m)),
    },
  };
  for (const [what, guards] of Object.entries(wrong)) {
    const found = samples.flatMap(({ constants, walked }) => compareGuards(walked, constants, guards));
    t.ok(found.length > 0, `${what}: ${found.length} states disagree${found[0] === undefined ? '' : `, e.g. ${path.basename(found[0].file)} state ${found[0].step}: only the spec ${JSON.stringify(found[0].onlySpec)}, only the guards ${JSON.stringify(found[0].onlyGuards)}`}`);
  }
});
