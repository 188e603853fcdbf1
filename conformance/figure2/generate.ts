// generate: spec/FIGURE2.md from a repository: spec/README.md (ids and
// words), spec/Raft.tla (actions), src/ (code), the tests of src/ and
// conformance/, a trace corpus (steps) and the mutant catalogue with an
// optional measurement (mutants). Paths in the output are relative to the
// repository, whatever the working directory.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../tla/errors.js';
import { corpusCounts } from './corpus.js';
import { mutantEntries, type CatalogueMutant, type MeasuredMutant } from './mutants.js';
import { parseReadme, ruleOrder } from './readme.js';
import { renderFigure2 } from './render.js';
import { codeCitations, isTestFile, testCitations, tsFiles } from './sources.js';
import { parseSpec } from './spec.js';
import { figure2, type Figure2 } from './table.js';

export type Figure2Options = {
  /** The repository. */
  readonly root: string;
  /** Trace files or directories, relative to root or absolute. */
  readonly corpus: readonly string[];
  /** The mutant catalogue, if there is one. */
  readonly catalogue: readonly CatalogueMutant[] | undefined;
  /** The result of `raftref mutants --json`, if measured. */
  readonly measured: readonly MeasuredMutant[] | undefined;
};

export const README_FILE = 'spec/README.md';
export const SPEC_FILE = 'spec/Raft.tla';
export const FIGURE2_FILE = 'spec/FIGURE2.md';
/** The directories whose *.test.ts files are the tests. */
export const TEST_DIRS = ['src', 'conformance'] as const;

function readIn(root: string, file: string): string {
  try {
    return fs.readFileSync(path.join(root, file), 'utf8');
  } catch (e) {
    throw new UserError(file, undefined, `cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, 'run from the repository, or pass --root DIR');
  }
}

/** buildFigure2: the table, every column read from `o.root`. */
export function buildFigure2(o: Figure2Options): Figure2 {
  const readme = parseReadme(readIn(o.root, README_FILE), README_FILE);
  const order = ruleOrder(readme);
  const spec = parseSpec(readIn(o.root, SPEC_FILE), SPEC_FILE, order);
  const read = (f: string): string => readIn(o.root, f);
  const inRoot = (dir: string): string[] => (fs.existsSync(path.join(o.root, dir)) ? tsFiles(path.join(o.root, dir)).map((f) => path.posix.relative(o.root.split(path.sep).join('/'), f)) : []);
  const srcFiles = inRoot('src');
  if (srcFiles.length === 0) throw new UserError('src', undefined, 'no TypeScript files', 'run from the repository, or pass --root DIR');
  const code = codeCitations(srcFiles.filter((f) => !isTestFile(f)), order, read);
  const tests = testCitations(TEST_DIRS.flatMap(inRoot).filter(isTestFile), order, read);
  const corpusPaths = o.corpus.map((p) => (path.isAbsolute(p) ? p : path.join(o.root, p)));
  const counted = corpusCounts(corpusPaths, path.join(o.root, SPEC_FILE));
  const shown = o.corpus.map((p) => (path.isAbsolute(p) ? path.relative(o.root, p) || '.' : p).split(path.sep).join('/'));
  return figure2({ readme, spec, code, tests, corpus: { ...counted, paths: shown }, mutants: mutantEntries(o.catalogue, o.measured) });
}

/** generateFigure2: the text of spec/FIGURE2.md. */
export function generateFigure2(o: Figure2Options): string {
  return renderFigure2(buildFigure2(o));
}
