// leader-state: the shape of a leader's per-peer indexes that the leader's
// actions rely on (TypeOK: nextIndex[i] \in [Peers(i) -> Nat \ {0}],
// matchIndex[i] \in [Peers(i) -> Nat]). The actions' own updates keep it; a
// state built by hand may not, and is then reported, not used.
import { inconsistentState, type BadInput } from './result.js';
import { peers, type Leader } from './state.js';

/** checkLeader: why the leader's nextIndex or matchIndex is not a map over exactly Peers(i), or undefined. */
export function checkLeader(s: Leader): BadInput | undefined {
  const expected = peers(s);
  for (const [name, map, least] of [
    ['nextIndex', s.nextIndex, 1],
    ['matchIndex', s.matchIndex, 0],
  ] as const) {
    const keys = [...map.keys()];
    const exact = keys.length === expected.length && expected.every((j) => map.has(j));
    if (!exact) {
      return inconsistentState(
        `${name}[i] \\in [Peers(i) -> Nat]`,
        `${name} is over [${keys.join(', ')}], not over the peers [${expected.join(', ')}]`,
      );
    }
    const low = keys.find((j) => !(Number.isSafeInteger(map.get(j)) && Number(map.get(j)) >= least));
    if (low !== undefined) {
      return inconsistentState(
        `${name}[i][j] >= ${least}`,
        `${name}[${low}] = ${String(map.get(low))}, expected an integer >= ${least}`,
      );
    }
  }
  return undefined;
}
