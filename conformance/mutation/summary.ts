// summary: read StrykerJS's JSON report of the replay-only mutation run and
// conformance/mutation/SURVIVORS.md, check that the document accounts for
// every mutant the replay did not kill (and for nothing else), and print
// the counts and the scores:
//   Stryker's score   killed (and timed out) / every valid mutant not ignored
//   non-equivalent    the same, leaving out the mutants SURVIVORS.md shows equivalent
//   spec-reachable    the same, also leaving out the unreachable ones (they differ
//                     only on input no spec behaviour produces)
// Exit 0: the document matches and the non-equivalent score meets --target;
// 1: it does not; 2: a file is missing or unreadable.
//
//   node dist/conformance/mutation/summary.js [--report FILE] [--survivors FILE] [--target PCT] [--draft]
//
// --draft prints a row for every mutant the document lacks (class `?`), to fill in.
import fs from 'node:fs';
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';

const HELP = `usage: node dist/conformance/mutation/summary.js [--report FILE] [--survivors FILE] [--target PCT] [--draft]

Checks that SURVIVORS.md has exactly one row per mutant the replay-only run
did not kill (Survived or NoCoverage), and prints the counts and scores.
  --report FILE     StrykerJS JSON report (default out/mutation/mutation.json)
  --survivors FILE  the survivors table (default conformance/mutation/SURVIVORS.md)
  --target PCT      least non-equivalent score (default 90)
  --draft           print a row (class ?) for every mutant the table lacks
Exit codes: 0 the table matches and the target is met, 1 it does not, 2 bad input.`;

/** The part of mutation-testing-report-schema this script reads. */
const Position = t.type({ line: t.number, column: t.number });
const Mutant = t.type({
  id: t.string,
  mutatorName: t.string,
  replacement: t.union([t.string, t.undefined]),
  status: t.string,
  statusReason: t.union([t.string, t.undefined]),
  location: t.type({ start: Position, end: Position }),
});
const Report = t.type({ files: t.record(t.string, t.type({ mutants: t.array(Mutant) })) });
type Mutant = t.TypeOf<typeof Mutant>;

const CLASSES = ['equivalent', 'unreachable', 'open'] as const;
type Class = (typeof CLASSES)[number];
type Row = { readonly key: string; readonly cls: Class; readonly line: number };

class BadInput extends Error {}

/** key: how a mutant is named in SURVIVORS.md: file:line:column-line:column (the mutated code), mutator, replacement. */
function key(file: string, m: Mutant): string {
  const { start, end } = m.location;
  return `${file}:${start.line}:${start.column}-${end.line}:${end.column} | ${m.mutatorName} | ${cell(m.replacement ?? '')}`;
}

/** cell: text as one markdown table cell (pipes escaped, one line). */
function cell(s: string): string {
  return `\`${s.replace(/\s+/g, ' ').replace(/\|/g, '\\|')}\``;
}

/** splitRow: the cells of a markdown table row; `\|` is not a separator. */
function splitRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

function readRows(file: string): Row[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new BadInput(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const rows: Row[] = [];
  text.split('\n').forEach((line, k) => {
    if (!/^\|\s*src\//.test(line)) return;
    const cells = splitRow(line);
    const [where, mutator, replacement, cls] = cells;
    if (cells.length !== 5 || where === undefined || mutator === undefined || replacement === undefined) {
      throw new BadInput(`${file}:${k + 1}: a survivor row has 5 cells (mutant | mutator | replacement | class | reason), this one ${cells.length}`);
    }
    if (!(CLASSES as readonly string[]).includes(cls ?? '')) {
      throw new BadInput(`${file}:${k + 1}: class ${JSON.stringify(cls)}: expected one of ${CLASSES.join(', ')}`);
    }
    rows.push({ key: `${where} | ${mutator} | ${replacement}`, cls: cls as Class, line: k + 1 });
  });
  return rows;
}

function readReport(file: string): t.TypeOf<typeof Report> {
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const why = e instanceof SyntaxError ? e.message : ((e as NodeJS.ErrnoException).code ?? String(e));
    throw new BadInput(`${file}: cannot read the report: ${why} (run make mutation first)`);
  }
  const decoded = Report.decode(json);
  if (isLeft(decoded)) {
    const path = decoded.left[0]?.context.map((c) => c.key).filter((k) => k !== '').join('.') ?? '';
    throw new BadInput(`${file}: not a StrykerJS JSON report: unexpected value at ${path || 'the top level'}`);
  }
  return decoded.right;
}

function pct(num: number, den: number): string {
  return den === 0 ? 'n/a' : `${((100 * num) / den).toFixed(2)}%`;
}

type Args = { report: string; survivors: string; target: number; draft: boolean };

function parseArgs(argv: readonly string[]): Args | 'help' {
  const args: Args = { report: 'out/mutation/mutation.json', survivors: 'conformance/mutation/SURVIVORS.md', target: 90, draft: false };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k] as string;
    const value = (): string => {
      const v = argv[++k];
      if (v === undefined) throw new BadInput(`${a}: needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--report') args.report = value();
    else if (a === '--survivors') args.survivors = value();
    else if (a === '--draft') args.draft = true;
    else if (a === '--target') {
      const v = value();
      args.target = Number(v);
      if (!(args.target >= 0 && args.target <= 100)) throw new BadInput(`--target ${v}: expected a percentage from 0 to 100`);
    } else throw new BadInput(`${a}: unknown option (see --help)`);
  }
  return args;
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (args === 'help') {
    console.log(HELP);
    return 0;
  }
  const report = readReport(args.report);
  const rows = readRows(args.survivors);
  const byKey = new Map<string, Row>();
  for (const r of rows) {
    const seen = byKey.get(r.key);
    if (seen !== undefined) throw new BadInput(`${args.survivors}:${r.line}: the same mutant as line ${seen.line}`);
    byKey.set(r.key, r);
  }

  const count = new Map<string, number>();
  const missing: string[] = [];
  const used = new Set<string>();
  const undetected: Class[] = [];
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      count.set(m.status, (count.get(m.status) ?? 0) + 1);
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      const k = key(file, m);
      const row = byKey.get(k);
      if (row === undefined) {
        missing.push(`| ${k} | ? | ${m.status} |`);
        continue;
      }
      used.add(k);
      undetected.push(row.cls);
    }
  }
  const stale = rows.filter((r) => !used.has(r.key));
  const n = (s: string): number => count.get(s) ?? 0;
  const killed = n('Killed') + n('Timeout');
  const valid = killed + n('Survived') + n('NoCoverage');
  const equivalent = undetected.filter((c) => c === 'equivalent').length;
  const unreachable = undetected.filter((c) => c === 'unreachable').length;
  const open = undetected.filter((c) => c === 'open').length;

  console.log(
    `mutants: ${valid + n('Ignored') + n('CompileError') + n('RuntimeError')} (killed ${n('Killed')}, timeout ${n('Timeout')}, survived ${n('Survived')}, no coverage ${n('NoCoverage')}, ignored ${n('Ignored')}, compile/runtime errors ${n('CompileError') + n('RuntimeError')})`,
  );
  console.log(`not killed, per ${args.survivors}: ${equivalent} equivalent, ${unreachable} unreachable, ${open} open, ${missing.length} not in the table`);
  console.log(`mutation score (Stryker, killed + timeout over valid): ${pct(killed, valid)} (${killed}/${valid})`);
  const nonEquivalent = valid - equivalent;
  console.log(`score over non-equivalent mutants: ${pct(killed, nonEquivalent)} (${killed}/${nonEquivalent}; target ${args.target}%)`);
  console.log(`score over spec-reachable mutants (unreachable ones left out too): ${pct(killed, nonEquivalent - unreachable)} (${killed}/${nonEquivalent - unreachable})`);

  let code = 0;
  if (missing.length > 0) {
    console.log(`${missing.length} mutants not killed are missing from ${args.survivors}${args.draft ? ':' : ' (--draft lists them)'}`);
    if (args.draft) for (const m of missing) console.log(m);
    code = 1;
  }
  for (const r of stale) {
    console.log(`${args.survivors}:${r.line}: no surviving mutant ${r.key} in this report (killed now, or the code moved)`);
    code = 1;
  }
  if (nonEquivalent > 0 && (100 * killed) / nonEquivalent < args.target) code = 1;
  return code;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof BadInput)) throw e;
  console.error(`summary: error: ${e.message}`);
  process.exitCode = 2;
}
