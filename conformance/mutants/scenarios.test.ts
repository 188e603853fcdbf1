// The hand-written traces of conformance/mutants/traces are their scenarios,
// stamped with the current spec/Raft.tla, and src/ replays them (with the
// enabledness check) without a divergence, as it does the corpus.
import t from 'tap';
import { replayFiles } from '../run.js';
import { SPEC_HASH } from '../testing.js';
import { MUTANT_SCENARIOS } from './scenarios.js';
import { MUTANT_FILES, MUTANT_TRACES } from './write.js';

t.test('each trace file is its scenario, stamped with the current spec', async (t) => {
  t.same(MUTANT_FILES.stale(SPEC_HASH), [], 'one file per scenario, each what its scenario writes');
});

t.test('src/ conforms to them, enabledness included, and they exercise what they are for', async (t) => {
  const r = replayFiles([MUTANT_TRACES], { reproDir: null, coverage: true, checkEnabled: true });
  t.equal(r.exitCode, 0, r.divergences.map((d) => d.text.join('\n')).join('\n'));
  t.equal(r.traces, Object.keys(MUTANT_SCENARIOS).length);
  // prev-term-mismatch-3: the AE-2 refusal, the back-off and the repair.
  t.equal(r.coverage?.rules['AE-2'], 1);
  t.equal(r.coverage?.rules['L-3b'], 1);
  t.equal(r.coverage?.rules['AE-3'], 1);
});
