// The fixtures are the hand-written scenarios (fixtures/scenarios.ts),
// stamped with the hash of the current spec/Raft.tla. When the spec
// changes, this fails until someone has checked the scenarios against the
// change and written the files again.
import t from 'tap';
import { FIXTURE_FILES } from './fixtures/write.js';
import { SPEC_HASH } from './testing.js';

t.test('each fixture file is its scenario, stamped with the current spec', async (t) => {
  t.same(FIXTURE_FILES.stale(SPEC_HASH), [], 'one file per scenario, each what its scenario writes');
});
