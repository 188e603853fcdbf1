// figure2.ts: `raftref figure2`: write spec/FIGURE2.md, one row per Figure 2 rule id with where
// it lives and what exercises it (conformance/figure2/), or check that the committed one is current.

import fs from 'node:fs';
import path from 'node:path';
import { MUTANTS } from '../../conformance/mutants/catalogue.js';
import { repoDir } from '../../conformance/spec-hash.js';
import { buildFigure2, FIGURE2_FILE } from '../../conformance/figure2/generate.js';
import { readMutantsJson } from '../../conformance/figure2/mutants.js';
import { renderFigure2 } from '../../conformance/figure2/render.js';
import { describeStaleness, staleness } from '../../conformance/figure2/stale.js';
import { kindOf, readFile, writeFile } from '../../conformance/inputs.js';
import { type Command, EXIT, INTERNAL_HELP, parseCommandArgs, usageError } from './command.js';
import { raftrefVersion } from '../../conformance/version.js';

const DEFAULT_CORPUS = 'traces/corpus';

const help = `usage: raftref figure2 [options]

Writes ${FIGURE2_FILE}: one row per rule id of spec/README.md (the Figure 2 rules, then the
departures) with its words, the spec actions whose comments cite it (spec/Raft.tla), the
comment lines of src/ that cite it, the tests of src/ and conformance/ that cite it, the steps of
the trace corpus that exercise it (as replay --coverage classifies them; the corpus is replayed,
a few seconds) and the mutants of conformance/mutants/catalogue.ts that break it; then the gaps:
ids with no spec action, no code, no test, no corpus step or no mutant.

options:
  --check          do not write: regenerate in memory and compare with the file; exit 1, naming
                   what differs, if it is stale
  --out FILE       write (or with --check, compare) FILE instead of ${FIGURE2_FILE}
  --mutants FILE   the output of \`raftref mutants --json\`: the mutants' measured status (killed
                   or survived); without it they are listed as not measured
  --corpus PATH    trace file or directory, relative to the repository (repeatable; default:
                   ${DEFAULT_CORPUS})
  --root DIR       the repository to read (default: the one raftref belongs to)
  --json           print one JSON object: { file, check, written, current, stale, ids, gaps,
                   exitCode } instead of the text line

exit codes: 0 written, or current; 1 stale (--check); 2 unusable input (a missing or malformed
spec/README.md table, bad --mutants JSON, a corpus trace that does not replay); ${INTERNAL_HELP}.
With --json, stdout is one JSON object: the report, or {"error", "exitCode", ...}.`;

type Options = {
  readonly check: boolean;
  readonly out: string | undefined;
  readonly mutants: string | undefined;
  readonly corpus: readonly string[];
  readonly root: string;
  readonly json: boolean;
};

const bad = usageError('figure2');

export function parseFigure2Args(argv: readonly string[]): Options {
  const parsed = parseCommandArgs('figure2', {
    args: [...argv],
    allowPositionals: false,
    options: {
      check: { type: 'boolean', default: false },
      out: { type: 'string' },
      mutants: { type: 'string' },
      corpus: { type: 'string', multiple: true },
      root: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const { values } = parsed;
  const root = values.root ?? repoDir();
  if (!fs.existsSync(path.join(root, 'spec', 'README.md'))) throw bad(`${root} is not a raftref repository (no spec/README.md)`);
  return { check: values.check, out: values.out, mutants: values.mutants, corpus: values.corpus ?? [DEFAULT_CORPUS], root, json: values.json };
}

export const figure2: Command = {
  name: 'figure2',
  summary: `write ${FIGURE2_FILE} (each Figure 2 rule: spec action, code, tests, corpus steps, mutants), or --check it`,
  help,
  run: async (argv) => {
    const o = parseFigure2Args(argv);
    const measured = o.mutants === undefined ? undefined : readMutantsJson(o.mutants);
    const table = buildFigure2({ root: o.root, corpus: o.corpus, catalogue: MUTANTS, measured });
    const text = renderFigure2(table);
    const target = o.out ?? path.join(o.root, FIGURE2_FILE);
    const shown = o.out ?? FIGURE2_FILE;
    const gaps = table.gaps.filter((g) => g.ids.length > 0).length;
    const summary = `${table.rows.length} ids, ${gaps} kinds of gap${o.mutants === undefined ? ', mutants not measured' : ''}`;
    const doc = { file: shown, check: o.check, ids: table.rows.length, gaps: table.gaps.map((g) => ({ ...g })), mutantsMeasured: o.mutants !== undefined };
    // One outcome: the text line (stdout when all is well, stderr when stale), or with --json the object.
    const done = (code: number, line: string, extra: Record<string, unknown>): number => {
      if (o.json) console.log(JSON.stringify({ raftref: raftrefVersion(), ...doc, ...extra, exitCode: code }, null, 2));
      else if (code === 0) console.log(line);
      else console.error(line);
      return code;
    };
    if (!o.check) {
      writeFile(target, text, 'give a writable --out FILE');
      return done(EXIT.ok, `figure2: wrote ${shown} (${summary})`, { written: true });
    }
    if (kindOf(target) === 'missing') return done(EXIT.failed, `figure2: ${shown} does not exist — run make figure2`, { current: false, stale: 'missing' });
    const stale = staleness(readFile(target, 'give --out a regular file'), text);
    if (stale !== undefined) return done(EXIT.failed, `figure2: ${describeStaleness(shown, stale)} — run make figure2`, { current: false, stale: describeStaleness(shown, stale) });
    return done(EXIT.ok, `figure2: ${shown} is current (${summary})`, { current: true });
  },
};
