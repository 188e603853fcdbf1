// commit: the leader's commit rule (L-4, §5.3, §5.4.2).
import { toIndex, type LogIndex } from './codecs.js';
import { checkLeader } from './leader-state.js';
import { lastIndex, termAt } from './log.js';
import { quorumIndex } from './quorum.js';
import { badInput, enabled, Guard, guardFailed, type ActionResult } from './result.js';
import { indexOf, peers, type Leader, type NodeState } from './state.js';

/**
 * committableIndex: the largest of CommittableIndexes(i), or undefined if
 * there is none. L-4: N > commitIndex, a majority of matchIndex[j] >= N
 * (the leader's own log counts: Agree(i, N) includes i), and log[N].term =
 * currentTerm (§5.4.2: only entries of the current term are committed by
 * counting replicas). Agreement is monotone in N, so the candidates are the
 * indexes up to the quorum's match index; the largest of them whose term is
 * currentTerm wins (D-4).
 */
export function committableIndex(s: Leader): LogIndex | undefined {
  const agreed = quorumIndex([lastIndex(s.log), ...peers(s).map((j) => indexOf(s.matchIndex, j))]);
  for (let n = Math.min(agreed, lastIndex(s.log)); n > s.commitIndex; n -= 1) {
    if (termAt(s.log, n) === s.currentTerm) return toIndex(n);
  }
  return undefined;
}

/**
 * advanceCommitIndex: AdvanceCommitIndex(i). L-4: a leader sets commitIndex
 * to the largest committable N (D-4: the largest, in one step).
 */
export function advanceCommitIndex(s: NodeState): ActionResult {
  const action = 'AdvanceCommitIndex';
  if (s.role !== 'Leader') return guardFailed(action, Guard.leader, `${s.id} is a ${s.role}, not a Leader`);
  const broken = checkLeader(s);
  if (broken !== undefined) return badInput(action, broken);
  const n = committableIndex(s);
  if (n === undefined) {
    return guardFailed(
      action,
      Guard.committable,
      `no index above commitIndex = ${s.commitIndex} is on a majority with term ${s.currentTerm}`,
    );
  }
  return enabled(action, { ...s, commitIndex: n });
}
