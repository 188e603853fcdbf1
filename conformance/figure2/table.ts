// table: one row per rule id of spec/README.md, each column read off its
// source (readme.ts, spec.ts, sources.ts, corpus.ts, mutants.ts), and the
// gaps: rules some column has nothing for.
import type { CorpusCounts } from './corpus.js';
import type { MutantEntry, Mutants } from './mutants.js';
import type { Readme } from './readme.js';
import type { CodeCitation, TestCase, TestCitations } from './sources.js';
import type { SpecDefinitions } from './spec.js';

export type TestsOfFile = { readonly file: string; readonly tests: readonly TestCase[]; readonly fileCites: boolean };

export type Row = {
  readonly id: string;
  readonly kind: 'rule' | 'departure';
  /** The rule in our words (a departure: its title). */
  readonly text: string;
  readonly actions: readonly string[];
  readonly operators: readonly string[];
  /** Definitions the README names for the rule whose comments do not cite it, or that do not exist. */
  readonly readmeMismatch: readonly string[];
  readonly code: readonly CodeCitation[];
  readonly tests: readonly TestsOfFile[];
  /** Coverage rows, or undefined when the classifier has none for this id. */
  readonly corpus: readonly { readonly outcome: string; readonly steps: number }[] | undefined;
  readonly mutants: readonly MutantEntry[];
};

export type Gap = { readonly what: string; readonly ids: readonly string[] };

export type Figure2 = {
  readonly rows: readonly Row[];
  readonly corpus: CorpusCounts;
  readonly mutants: Mutants;
  readonly gaps: readonly Gap[];
};

export type Inputs = {
  readonly readme: Readme;
  readonly spec: SpecDefinitions;
  readonly code: { readonly cited: ReadonlyMap<string, readonly CodeCitation[]>; readonly unknown: ReadonlySet<string> };
  readonly tests: TestCitations;
  readonly corpus: CorpusCounts;
  readonly mutants: Mutants;
};

function testsOf(id: string, tests: TestCitations): TestsOfFile[] {
  const files = [...new Set([...tests.tests.map((c) => c.file), ...tests.files.keys()])].sort();
  return files
    .map((file) => ({ file, tests: tests.tests.filter((c) => c.file === file && c.ids.has(id)), fileCites: tests.files.get(file)?.has(id) ?? false }))
    .filter((f) => f.tests.length > 0 || f.fileCites);
}

function row(id: string, kind: Row['kind'], text: string, named: readonly string[], x: Inputs): Row {
  const citing = x.spec.definitions.filter((d) => d.ids.has(id));
  const defined = new Set(x.spec.definitions.map((d) => d.name));
  const citingNames = new Set(citing.map((d) => d.name));
  return {
    id,
    kind,
    text,
    actions: citing.filter((d) => d.action).map((d) => d.name),
    operators: citing.filter((d) => !d.action).map((d) => d.name),
    readmeMismatch: named.filter((n) => !defined.has(n) || !citingNames.has(n)).map((n) => (defined.has(n) ? n : `${n} (not defined)`)),
    code: x.code.cited.get(id) ?? [],
    tests: testsOf(id, x.tests),
    corpus: x.corpus.rows.get(id),
    mutants: x.mutants.entries.filter((m) => m.rules.includes(id)),
  };
}

const steps = (r: Row): number => (r.corpus ?? []).reduce((n, c) => n + c.steps, 0);

/** figure2: the rows and the gaps. */
export function figure2(x: Inputs): Figure2 {
  const rows = [
    ...x.readme.rules.map((r) => row(r.id, 'rule', r.text, r.named, x)),
    ...x.readme.departures.map((d) => row(d.id, 'departure', d.title, [], x)),
  ];
  const rules = rows.filter((r) => r.kind === 'rule');
  const departures = rows.filter((r) => r.kind === 'departure');
  const ids = (rs: readonly Row[]): string[] => rs.map((r) => r.id);
  const known = new Set(rows.map((r) => r.id));
  const unknown = new Set([...x.spec.unknown, ...x.code.unknown, ...x.tests.unknown]);
  const unknownCorpus = [...x.corpus.rows.keys()].filter((id) => !known.has(id));
  const unknownMutant = [...new Set(x.mutants.entries.flatMap((m) => m.rules))].filter((id) => !known.has(id));

  const gaps: Gap[] = [
    { what: 'Figure 2 rules with no spec action citing them', ids: ids(rules.filter((r) => r.actions.length === 0)) },
    { what: 'Figure 2 rules whose spec/README.md "spec action" cell names a definition whose comments do not cite the rule', ids: rules.filter((r) => r.readmeMismatch.length > 0).map((r) => `${r.id} (${r.readmeMismatch.join(', ')})`) },
    { what: 'Figure 2 rules with no code location in src/', ids: ids(rules.filter((r) => r.code.length === 0)) },
    { what: 'Figure 2 rules with no test', ids: ids(rules.filter((r) => r.tests.length === 0)) },
    { what: 'Figure 2 rules the corpus classifier (conformance/rules.ts) does not classify', ids: ids(rules.filter((r) => r.corpus === undefined)) },
    { what: 'Figure 2 rules with zero corpus steps', ids: ids(rules.filter((r) => r.corpus !== undefined && steps(r) === 0)) },
    { what: 'departures cited by no spec definition', ids: ids(departures.filter((r) => r.actions.length + r.operators.length === 0)) },
    { what: 'departures with no code location in src/', ids: ids(departures.filter((r) => r.code.length === 0)) },
    { what: 'departures with no test', ids: ids(departures.filter((r) => r.tests.length === 0)) },
    { what: 'departures the classifier counts with zero corpus steps', ids: ids(departures.filter((r) => r.corpus !== undefined && steps(r) === 0)) },
    { what: 'rule ids cited in spec/Raft.tla, src/ or the tests that spec/README.md does not define', ids: [...unknown].sort() },
    { what: 'coverage rows (conformance/rules.ts) for ids spec/README.md does not define', ids: unknownCorpus },
    { what: 'rule ids of mutants that spec/README.md does not define', ids: unknownMutant },
  ];
  if (x.mutants.known) {
    gaps.push({ what: 'Figure 2 rules no catalogued mutant breaks', ids: ids(rules.filter((r) => r.mutants.length === 0)) });
    gaps.push({ what: 'mutants that survived', ids: x.mutants.entries.filter((m) => m.status === 'survived').map((m) => m.id) });
    gaps.push({ what: 'measured mutants that the catalogue does not have (the measurement is older than the catalogue)', ids: [...x.mutants.notCatalogued] });
  }
  if (x.mutants.measured) gaps.push({ what: 'catalogued mutants not in the measurement', ids: x.mutants.entries.filter((m) => m.status === 'not measured').map((m) => m.id) });
  return { rows, corpus: x.corpus, mutants: x.mutants, gaps };
}
