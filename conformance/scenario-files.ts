// scenario-files: a table of hand-written scenarios (scenario.ts) and the
// directory of .itf.json files they are written to, one `<name>.itf.json`
// per scenario, stamped with the hash of spec/Raft.tla. The three
// directories of hand-written traces (conformance/fixtures,
// conformance/mutants/traces, conformance/mutation/traces) each have a
// write.ts that writes theirs with `writeScenarioFiles` and a test that
// checks them with `staleScenarioFiles`, both through `scenarioFiles`.
import fs from 'node:fs';
import path from 'node:path';
import type { Scenario } from './scenario.js';
import { defaultSpecFile, repoDir, specHashOf } from './spec-hash.js';

/** ScenarioTable: scenarios by file name (without `.itf.json`), with the ITF metadata of each. */
export type ScenarioTable = Readonly<Record<string, { readonly model: string; readonly description: string; readonly build: () => Scenario }>>;

/** scenarioFileText: the file contents of scenario `name` of `table` for a spec hash. */
export function scenarioFileText<T extends ScenarioTable>(table: T, name: keyof T & string, specHash: string): string {
  const s = table[name];
  if (s === undefined) throw new Error(`scenario-files: no scenario ${name}`);
  return `${JSON.stringify(s.build().toItf(specHash, s.model, s.description), null, 2)}\n`;
}


/**
 * staleScenarioFiles: one line per way `dir` differs from `table` written
 * for `specHash`: a missing or extra `.itf.json` file, or a file that is not
 * its scenario (its fix: check the scenario against the spec change, then
 * run the writer `writer`, a write.ts named from the repository root).
 * Empty when the files are the scenarios.
 */
export function staleScenarioFiles(table: ScenarioTable, dir: string, specHash: string, writer: string): string[] {
  const rel = (f: string): string => path.relative(repoDir(), path.join(dir, f));
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.itf.json'));
  const expected = Object.keys(table).map((n) => `${n}.itf.json`);
  const problems = [
    ...expected.filter((f) => !files.includes(f)).map((f) => `${rel(f)}: missing (a scenario of ${rel('')} has no file)`),
    ...files.filter((f) => !expected.includes(f)).map((f) => `${rel(f)}: no scenario writes this file`),
  ];
  for (const name of Object.keys(table)) {
    const file = path.join(dir, `${name}.itf.json`);
    if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') === scenarioFileText(table, name, specHash)) continue;
    problems.push(
      `${rel(`${name}.itf.json`)} is not what ${path.join(path.dirname(writer), 'scenarios.ts')} writes for the current spec/Raft.tla: ` +
        `check the scenario against the spec change, then run: npx tsc -p tsconfig.json && node dist/${writer.replace(/\.ts$/, '.js')}`,
    );
  }
  return problems;
}

/** writeScenarioFiles: (re)write every scenario of `table` into `dir`, stamped with the current spec/Raft.tla. */
export function writeScenarioFiles(table: ScenarioTable, dir: string): void {
  const hash = specHashOf(defaultSpecFile());
  fs.mkdirSync(dir, { recursive: true });
  for (const name of Object.keys(table)) {
    const file = path.join(dir, `${name}.itf.json`);
    fs.writeFileSync(file, scenarioFileText(table, name, hash));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

/** isWriteScript: this process runs a write.js (rather than a test importing it). */
function isWriteScript(): boolean {
  return process.argv[1] !== undefined && path.basename(process.argv[1]).startsWith('write.');
}

/** ScenarioFiles: a scenario table bound to its directory and its write.ts. */
export type ScenarioFiles<T extends ScenarioTable> = {
  /** dir: the directory of the files, absolute. */
  readonly dir: string;
  /** text: the file contents of a scenario for a spec hash. */
  readonly text: (name: keyof T & string, specHash: string) => string;
  /** stale: staleScenarioFiles of this directory; empty when the files are the scenarios. */
  readonly stale: (specHash: string) => string[];
  /** writeIfMain: when this process runs the write.js, (re)write the files. */
  readonly writeIfMain: () => void;
};

/** scenarioFiles: `table`, written into `dir` by `writer` (both named from the repository root). */
export function scenarioFiles<T extends ScenarioTable>(table: T, dir: string, writer: string): ScenarioFiles<T> {
  const abs = path.join(repoDir(), dir);
  return {
    dir: abs,
    text: (name, specHash) => scenarioFileText(table, name, specHash),
    stale: (specHash) => staleScenarioFiles(table, abs, specHash, writer),
    writeIfMain: () => {
      if (isWriteScript()) writeScenarioFiles(table, abs);
    },
  };
}
