// write: (re)write conformance/mutation/traces/*.itf.json from scenarios.ts,
// stamped with the hash of the current spec/Raft.tla. Run it after checking
// the scenarios against a change of the spec:
//   npx tsc -p tsconfig.json && node dist/conformance/mutation/write.js
import { scenarioFiles } from '../scenario-files.js';
import { MUTATION_SCENARIOS } from './scenarios.js';

export type ScenarioName = keyof typeof MUTATION_SCENARIOS;

/** MUTATION_FILES: the scenarios and conformance/mutation/traces/*.itf.json. */
export const MUTATION_FILES = scenarioFiles(MUTATION_SCENARIOS, 'conformance/mutation/traces', 'conformance/mutation/write.ts');

/** scenarioText: the file contents of a scenario for a spec hash. */
export const scenarioText = MUTATION_FILES.text;

/** MUTATION_TRACES: conformance/mutation/traces in the source tree. */
export const MUTATION_TRACES = MUTATION_FILES.dir;

MUTATION_FILES.writeIfMain();
