// firing.ts: non-vacuity of a passing model, whichever checker ran it: every action of Next
// must fire, except those the cfg declares out of the bounds' reach (`\* unfired: Action --
// why`, models.ts); a declared action that does fire is a stale declaration.
//
// "Fires" is the checker's count (result.ts ActionCoverage.fired): distinct transitions in
// tla-checker's state graph, the distinct new states an action found for TLC. TLC cannot tell
// an action that never fires from one whose successors are all states found first by other
// actions (both print distinct 0). On the models measured (fixtures/tlc-real/) the one action at
// distinct 0, DuplicateMessage on MCRaft3 (0:37338), also never fires in tla-checker's graph,
// where the same cfg declaration holds; so distinct 0 is taken as never fired.

import type { CheckResult } from './result.js';

export function firingProblems(r: CheckResult, unfired: ReadonlyMap<string, string>): { lines: string[]; problems: string[] } {
  if (r.actionCoverage === undefined) return { lines: [], problems: [] };
  const lines: string[] = [];
  const problems: string[] = [];
  for (const { action, fired } of r.actionCoverage) {
    const why = unfired.get(action);
    if (fired === 0 && why !== undefined) lines.push(`  unfired by design: ${action} (${why})`);
    if (fired === 0 && why === undefined) problems.push(`action ${action} never fires: the model is vacuous for it (or declare \`\\* unfired: ${action} -- why\` in the cfg)`);
    if (fired > 0 && why !== undefined) problems.push(`action ${action} is declared unfired in the cfg but fires ${fired} times: remove the declaration`);
  }
  for (const action of unfired.keys()) {
    if (!r.actionCoverage.some((c) => c.action === action)) problems.push(`the cfg declares ${action} unfired, but Next has no such action`);
  }
  return { lines: [...lines, ...problems.map((p) => `  VACUITY: ${p}`)], problems };
}
