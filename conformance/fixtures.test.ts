// The fixtures are the hand-written scenarios (fixtures/scenarios.ts),
// stamped with the hash of the current spec/Raft.tla. When the spec
// changes, this fails until someone has checked the scenarios against the
// change and written the files again.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { SCENARIOS } from './fixtures/scenarios.js';
import { fixtureText } from './fixtures/write.js';
import { FIXTURES, SPEC_HASH } from './testing.js';

t.test('each fixture file is its scenario, stamped with the current spec', async (t) => {
  const files = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.itf.json'));
  t.same(files.sort(), Object.keys(SCENARIOS).map((n) => `${n}.itf.json`).sort(), 'one file per scenario');
  for (const name of Object.keys(SCENARIOS) as (keyof typeof SCENARIOS)[]) {
    const file = path.join(FIXTURES, `${name}.itf.json`);
    t.ok(
      fs.readFileSync(file, 'utf8') === fixtureText(name, SPEC_HASH),
      `conformance/fixtures/${name}.itf.json is not what fixtures/scenarios.ts writes for the current spec/Raft.tla: ` +
        'check the scenario against the spec change, then run: npx tsc -p tsconfig.json && node dist/conformance/fixtures/write.js',
    );
  }
});
