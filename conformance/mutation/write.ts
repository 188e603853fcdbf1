// write: (re)write conformance/mutation/traces/*.itf.json from scenarios.ts,
// stamped with the hash of the current spec/Raft.tla. Run it after checking
// the scenarios against a change of the spec:
//   npx tsc -p tsconfig.json && node dist/conformance/mutation/write.js
import fs from 'node:fs';
import path from 'node:path';
import { defaultSpecFile, repoDir, specHashOf } from '../spec-hash.js';
import { MUTATION_SCENARIOS } from './scenarios.js';

export type ScenarioName = keyof typeof MUTATION_SCENARIOS;

/** scenarioText: the file contents of a scenario for a spec hash. */
export function scenarioText(name: ScenarioName, specHash: string): string {
  const s = MUTATION_SCENARIOS[name];
  return `${JSON.stringify(s.build().toItf(specHash, s.model, s.description), null, 2)}\n`;
}

/** MUTATION_TRACES: conformance/mutation/traces in the source tree. */
export const MUTATION_TRACES = path.join(repoDir(), 'conformance', 'mutation', 'traces');

if (process.argv[1] !== undefined && path.basename(process.argv[1]).startsWith('write.')) {
  const hash = specHashOf(defaultSpecFile());
  fs.mkdirSync(MUTATION_TRACES, { recursive: true });
  for (const name of Object.keys(MUTATION_SCENARIOS) as ScenarioName[]) {
    const file = path.join(MUTATION_TRACES, `${name}.itf.json`);
    fs.writeFileSync(file, scenarioText(name, hash));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
