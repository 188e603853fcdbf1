// apply: hand committed entries to the state machine (ALL-1, §5.3).
import { toIndex } from './codecs.js';
import { entryAt, lastIndex } from './log.js';
import { badInput, enabled, Guard, guardFailed, indexBeyondLog, type ActionResult } from './result.js';
import type { NodeState } from './state.js';

/**
 * applyEntry: ApplyEntry(i). ALL-1: if commitIndex > lastApplied, increment
 * lastApplied and apply log[lastApplied] to the state machine: one entry a
 * step, in log order, whatever the role.
 */
export function applyEntry(s: NodeState): ActionResult {
  if (!(s.commitIndex > s.lastApplied)) {
    return guardFailed(
      'ApplyEntry',
      Guard.unapplied,
      `commitIndex = ${s.commitIndex} is not above lastApplied = ${s.lastApplied}`,
    );
  }
  const index = toIndex(s.lastApplied + 1);
  const entry = entryAt(s.log, index);
  if (entry === undefined) return badInput('ApplyEntry', indexBeyondLog('lastApplied + 1', index, lastIndex(s.log)));
  return enabled('ApplyEntry', { ...s, lastApplied: index }, { apply: [{ index, entry }] });
}
