// write: (re)write conformance/mutants/traces/*.itf.json from scenarios.ts,
// stamped with the hash of the current spec/Raft.tla. Run it after checking
// the scenarios against a change of the spec:
//   npx tsc -p tsconfig.json && node dist/conformance/mutants/write.js
import { scenarioFiles } from '../scenario-files.js';
import { MUTANT_SCENARIOS } from './scenarios.js';

/** MUTANT_FILES: the scenarios and conformance/mutants/traces/*.itf.json. */
export const MUTANT_FILES = scenarioFiles(MUTANT_SCENARIOS, 'conformance/mutants/traces', 'conformance/mutants/write.ts');

/** MUTANT_TRACES: conformance/mutants/traces in the source tree. */
export const MUTANT_TRACES = MUTANT_FILES.dir;

MUTANT_FILES.writeIfMain();
