// state-machine: the replicated state machine, pluggable. Committed
// entries reach it through ApplyEntry's `apply` output (ALL-1), one at a
// time and in log order; a replica checks that order, so a driver that
// skips or repeats an entry gets an error instead of a diverged state.
// D-8: the spec only advances lastApplied; the machine itself, and the
// reply to the client, live here and in the driver.
import { toIndex, type LogIndex } from './codecs.js';
import type { Decoded, MalformedInput } from './decode.js';
import type { Applied } from './result.js';

/**
 * StateMachine: a deterministic machine over states S, with commands C
 * (decoded from an entry's value) and results R. It must be pure: every
 * server applies the same entries to the same initial state.
 */
export interface StateMachine<S, C, R> {
  readonly initial: S;
  decode(value: string): Decoded<C>;
  apply(state: S, command: C): { readonly state: S; readonly result: R };
}

/** Replica: a machine's state and the index of the last entry applied to it. */
export type Replica<S> = { readonly lastApplied: LogIndex; readonly state: S };

/**
 * Outcome: what applying one entry gave. An entry whose value is not a
 * command of the machine is still applied, as a no-op with an error
 * result: it is committed, so every replica must make the same decision.
 */
export type Outcome<R> =
  | { readonly index: LogIndex; readonly ok: true; readonly result: R }
  | { readonly index: LogIndex; readonly ok: false; readonly error: MalformedInput };

export type OutOfOrder = {
  readonly kind: 'OutOfOrder';
  readonly expected: LogIndex;
  readonly got: LogIndex;
  readonly message: string;
};

export type ApplyResult<S, R> =
  | { readonly ok: true; readonly replica: Replica<S>; readonly outcomes: readonly Outcome<R>[] }
  | { readonly ok: false; readonly error: OutOfOrder };

export function initialReplica<S, C, R>(machine: StateMachine<S, C, R>): Replica<S> {
  return { lastApplied: toIndex(0), state: machine.initial };
}

/**
 * applyToReplica: apply entries (ApplyEntry's outputs) to a replica. They
 * must continue it exactly: the first at lastApplied + 1, and so on. If
 * one does not, nothing is applied.
 */
export function applyToReplica<S, C, R>(
  machine: StateMachine<S, C, R>,
  replica: Replica<S>,
  applied: readonly Applied[],
): ApplyResult<S, R> {
  for (const [k, a] of applied.entries()) {
    const expected = toIndex(replica.lastApplied + k + 1);
    if (a.index !== expected) {
      return {
        ok: false,
        error: {
          kind: 'OutOfOrder',
          expected,
          got: a.index,
          message: `entry ${a.index} cannot be applied next: the replica needs entry ${expected}`,
        },
      };
    }
  }
  let state = replica.state;
  const outcomes: Outcome<R>[] = [];
  for (const { index, entry } of applied) {
    const command = machine.decode(entry.value);
    if (!command.ok) {
      outcomes.push({ index, ok: false, error: command.error });
      continue;
    }
    const step = machine.apply(state, command.value);
    state = step.state;
    outcomes.push({ index, ok: true, result: step.result });
  }
  return { ok: true, replica: { lastApplied: toIndex(replica.lastApplied + applied.length), state }, outcomes };
}
