// The hand-written traces of conformance/mutants/traces are their scenarios,
// stamped with the current spec/Raft.tla, and src/ replays them (with the
// enabledness check) without a divergence, as it does the corpus.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { replayFiles } from '../run.js';
import { SPEC_HASH } from '../testing.js';
import { MUTANT_SCENARIOS } from './scenarios.js';
import { MUTANT_TRACES, scenarioText, type ScenarioName } from './write.js';

t.test('each trace file is its scenario, stamped with the current spec', async (t) => {
  const files = fs.readdirSync(MUTANT_TRACES).filter((f) => f.endsWith('.itf.json'));
  t.same(files.sort(), Object.keys(MUTANT_SCENARIOS).map((n) => `${n}.itf.json`).sort(), 'one file per scenario');
  for (const name of Object.keys(MUTANT_SCENARIOS) as ScenarioName[]) {
    t.ok(
      fs.readFileSync(path.join(MUTANT_TRACES, `${name}.itf.json`), 'utf8') === scenarioText(name, SPEC_HASH),
      `conformance/mutants/traces/${name}.itf.json is not what scenarios.ts writes for the current spec/Raft.tla: ` +
        'check the scenario against the spec change, then run: npx tsc -p tsconfig.json && node dist/conformance/mutants/write.js',
    );
  }
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
