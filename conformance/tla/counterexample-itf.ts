// counterexample-itf.ts: a check result as JSON (`raftref check --json`), with its counterexample
// as an ITF document (traces/README.md, Apalache ADR-015) that any ITF tool reads: each state's
// `#meta` names the action that led to it and its arguments, as our traces do. Internal
// variables of the check variant (`__action`, step flags) are left out. Only a labelled
// counterexample (the embedded checker's) has actions; a TLC error trace or an unlabelled one is
// given as display strings and `counterexampleNote` says why it is not ITF.
import { ITF_FORMAT_DESCRIPTION } from '../itf/write.js';
import { type Itf, fromTla } from '../itf/value.js';
import type { Step } from './label.js';
import type { CheckResult } from './result.js';
import { stripInternal } from './trace.js';

export type ItfDocument = {
  readonly '#meta': { readonly format: 'ITF'; readonly 'format-description': string; readonly source: string; readonly description: string };
  readonly vars: readonly string[];
  readonly states: readonly Readonly<Record<string, unknown>>[];
};

/** counterexampleItf: the labelled counterexample of `r` as one ITF document. */
export function counterexampleItf(r: CheckResult, steps: readonly Step[]): ItfDocument {
  const vars = Object.keys(stripInternal(steps[0]?.state ?? {})).sort();
  const what = r.violated === undefined ? 'counterexample' : `counterexample: violates the ${r.violated.kind} ${r.violated.name}`;
  return {
    '#meta': { format: 'ITF', 'format-description': ITF_FORMAT_DESCRIPTION, source: r.model, description: `${what} (${r.checker})` },
    vars,
    states: steps.map((s, index) => {
      const row: Record<string, unknown> = { '#meta': { index, action: s.action.name, args: s.action.args.map(fromTla) } };
      for (const v of vars) row[v] = fromTla(s.state[v] as Parameters<typeof fromTla>[0]) satisfies Itf;
      return row;
    }),
  };
}

/** resultJson: a check result for `--json`, its counterexample as ITF where it is labelled. */
export function resultJson(r: CheckResult): Record<string, unknown> {
  const { counterexample, rawTrace, tlcTrace, ...rest } = r;
  if (counterexample !== undefined) return { ...rest, counterexample: counterexampleItf(r, counterexample) };
  if (rawTrace !== undefined) return { ...rest, counterexampleNote: 'not ITF: the counterexample could not be labelled with actions; its states as the checker printed them', counterexampleStates: rawTrace };
  if (tlcTrace !== undefined) return { ...rest, counterexampleNote: "not ITF: TLC's error trace, states as TLC printed them", counterexampleStates: tlcTrace };
  return rest;
}
