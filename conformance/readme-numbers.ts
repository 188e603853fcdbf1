// readme-numbers: the figures the READMEs quote, checked against the outputs that produce them.
// A README marks a measured figure as `<!-- n:KEY -->VALUE<!-- /n -->` (invisible when rendered);
// `make test` (target readme-numbers, after `make mutants`) fails when a marked value is not what
// the measurement says, or names a key nothing measures. `--write` rewrites the values in place.
//   node dist/conformance/readme-numbers.js --mutants out/mutants.json [--write]
// Keys: mutants.* from `raftref mutants --json`; corpus.* from the committed corpus's files.
import fs from 'node:fs';
import path from 'node:path';
import { COMMITTED_TRACES } from './files.js';
import { repoDir } from './spec-hash.js';

export type Figures = ReadonlyMap<string, string>;

/** The READMEs whose marked figures are checked, repository-relative. */
export const READMES = ['README.md', 'spec/README.md', 'traces/README.md', 'conformance/README.md', 'conformance/mutants/README.md'];

const MARK = /<!-- n:([a-z][\w.]*) -->([^<]*)<!-- \/n -->/g;

type MutantRow = { readonly id: string; readonly status: string; readonly kind: string | null; readonly trace: string | null };

/** mutantFigures: what `raftref mutants --json` measured, by how each mutant was caught. */
export function mutantFigures(doc: { readonly mutants: readonly MutantRow[] }): Map<string, string> {
  const killed = doc.mutants.filter((m) => m.status === 'killed');
  const byEnabled = killed.filter((m) => m.kind === 'enabled');
  const byTraceOutsideCorpus = killed.filter((m) => m.trace !== null && !m.trace.split(path.sep).join('/').includes('traces/corpus/'));
  const plain = killed.length - byEnabled.length;
  const kind = (k: string): string => String(killed.filter((m) => m.kind === k).length);
  return new Map([
    ['mutants.total', String(doc.mutants.length)],
    ['mutants.killed', String(killed.length)],
    ['mutants.survived', String(doc.mutants.length - killed.length)],
    ['mutants.plain', String(plain)],
    ['mutants.plain.state', kind('state')],
    ['mutants.plain.other', String(plain - Number(kind('state')))],
    ['mutants.enabledOnly', String(byEnabled.length)],
    ['mutants.enabledOnly.ids', byEnabled.map((m) => `\`${m.id}\``).join(', ')],
    ['mutants.handWritten', String(byTraceOutsideCorpus.length)],
    ['mutants.handWritten.ids', byTraceOutsideCorpus.map((m) => `\`${m.id}\``).join(', ')],
  ]);
}

/** corpusFigures: traces and steps of the committed corpus (`traces/corpus`). */
export function corpusFigures(dir: string): Map<string, string> {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.itf.json'));
  const steps = files.map((f) => (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { states: unknown[] }).states.length - 1);
  const fmt = (n: number): string => n.toLocaleString('en-US');
  return new Map([
    ['corpus.traces', fmt(files.length)],
    ['corpus.minSteps', fmt(Math.min(...steps))],
    ['corpus.maxSteps', fmt(Math.max(...steps))],
    ['corpus.steps', fmt(steps.reduce((a, b) => a + b, 0))],
  ]);
}

export type Mismatch = { readonly file: string; readonly line: number; readonly key: string; readonly quoted: string; readonly measured: string | undefined };

/** checkText: every marked figure of one README that differs from the measurement (or has no measurement). */
export function checkText(file: string, text: string, figures: Figures): Mismatch[] {
  const out: Mismatch[] = [];
  for (const m of text.matchAll(MARK)) {
    const [, key, quoted] = m as unknown as [string, string, string];
    const measured = figures.get(key);
    if (measured !== quoted) out.push({ file, line: text.slice(0, m.index).split('\n').length, key, quoted, measured });
  }
  return out;
}

/** writeText: the README with every marked figure replaced by its measurement (unknown keys left alone). */
export function writeText(text: string, figures: Figures): string {
  return text.replace(MARK, (whole, key: string) => {
    const v = figures.get(key);
    return v === undefined ? whole : `<!-- n:${key} -->${v}<!-- /n -->`;
  });
}

export const formatMismatch = (m: Mismatch): string =>
  m.measured === undefined
    ? `${m.file}:${m.line}: ${m.key}: nothing measures this key`
    : `${m.file}:${m.line}: ${m.key}: the README says ${m.quoted}, measured ${m.measured}`;

function main(argv: readonly string[]): number {
  const at = argv.indexOf('--mutants');
  const mutantsFile = at >= 0 ? argv[at + 1] : undefined;
  if (mutantsFile === undefined) {
    console.error('readme-numbers: usage: readme-numbers --mutants FILE [--write]');
    return 2;
  }
  let doc: { mutants: MutantRow[] };
  try {
    doc = JSON.parse(fs.readFileSync(mutantsFile, 'utf8')) as { mutants: MutantRow[] };
  } catch (e) {
    console.error(`readme-numbers: error: ${mutantsFile}: ${(e as Error).message.split('\n')[0]} (run make mutants first)`);
    return 2;
  }
  const root = repoDir();
  const figures = new Map([...mutantFigures(doc), ...corpusFigures(path.join(root, COMMITTED_TRACES[0]))]);
  const mismatches: Mismatch[] = [];
  let marked = 0;
  for (const f of READMES) {
    const file = path.join(root, f);
    const text = fs.readFileSync(file, 'utf8');
    marked += [...text.matchAll(MARK)].length;
    if (argv.includes('--write')) fs.writeFileSync(file, writeText(text, figures));
    else mismatches.push(...checkText(f, text, figures));
  }
  for (const m of mismatches) console.error(`readme-numbers: ${formatMismatch(m)}`);
  console.log(`readme numbers: ${marked - mismatches.length} of ${marked} marked figures match their measurement${argv.includes('--write') ? ' (written)' : ''}`);
  return mismatches.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && /^readme-numbers\.[jt]s$/.test(path.basename(process.argv[1]))) process.exitCode = main(process.argv.slice(2));
