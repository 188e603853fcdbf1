// corpus: how many steps of the trace corpus exercise each rule, as
// `raftref replay --coverage` counts them (conformance/coverage.ts). A
// coverage row is a rule id, or a rule id and an outcome ("RV-2 grant").
import { replayFiles } from '../run.js';
import { UserError } from '../tla/errors.js';

export type CorpusCounts = {
  readonly paths: readonly string[];
  readonly traces: number;
  readonly steps: number;
  /** Per rule id, its coverage rows: the outcome ('' for the id alone) and the steps. */
  readonly rows: ReadonlyMap<string, readonly { readonly outcome: string; readonly steps: number }[]>;
};

/** byRule: coverage rows grouped by rule id, in the coverage table's order. */
export function byRule(coverage: Readonly<Record<string, number>>): Map<string, { outcome: string; steps: number }[]> {
  const rows = new Map<string, { outcome: string; steps: number }[]>();
  for (const [row, steps] of Object.entries(coverage)) {
    const space = row.indexOf(' ');
    const id = space < 0 ? row : row.slice(0, space);
    const outcome = space < 0 ? '' : row.slice(space + 1);
    rows.set(id, [...(rows.get(id) ?? []), { outcome, steps }]);
  }
  return rows;
}

/**
 * corpusCounts: replay `paths` against src/ with coverage. Only steps that
 * conform are counted, so a divergence or an unusable trace is an error:
 * the counts would be of a shorter corpus than the one named.
 */
export function corpusCounts(paths: readonly string[], specFile: string): CorpusCounts {
  const r = replayFiles(paths, { coverage: true, reproDir: null, specFile });
  const unusable = r.unusable[0];
  if (unusable !== undefined) throw new UserError(unusable.file, undefined, `not a usable corpus trace: ${unusable.state === undefined ? '' : `state ${unusable.state}: `}${unusable.what}`, unusable.todo);
  const diverged = r.divergences[0];
  if (diverged !== undefined) {
    throw new UserError(diverged.file, undefined, `the corpus does not replay against src/ (${r.divergences.length} divergences), so its steps cannot be counted`, `run raftref replay ${paths.join(' ')}`);
  }
  if (r.coverage === undefined) throw new Error('replayFiles returned no coverage although asked to');
  return { paths, traces: r.traces, steps: r.steps, rows: byRule(r.coverage.rules) };
}
