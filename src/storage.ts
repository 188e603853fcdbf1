// storage: stable storage for Figure 2's persistent state (currentTerm,
// votedFor, log), behind a small interface, with an in-memory
// implementation. The core never calls it: a driver applies each step's
// `persist` writes (applyPersist) before sending that step's messages.
import * as t from 'io-ts';
import { match } from 'ts-pattern';
import { closed, Entry, LogIndex, NodeId, orNull, Term, toIndex, toTerm, type Log, type PersistentState } from './codecs.js';
import { decodeWith, malformed } from './decode.js';
import { checkLogWrite, truncateAndAppend } from './log.js';
import type { BadInput, PersistWrite } from './result.js';

/** Storage: what a server keeps across a crash (P-1). */
export interface Storage {
  /** load: the persistent state as stored; restart validates it. */
  load(): PersistentState;
  saveCurrentTerm(currentTerm: Term): void;
  saveVotedFor(votedFor: NodeId | null): void;
  /** truncateAndAppend: delete the entries at `from` and after, then append `entries` from `from` on. */
  truncateAndAppend(from: LogIndex, entries: readonly Entry[]): void;
}

/** MemoryStorage: a Storage that keeps the state in memory (tests, simulations). */
export class MemoryStorage implements Storage {
  private state: PersistentState;

  constructor(initial: PersistentState = { currentTerm: toTerm(0), votedFor: null, log: [] }) {
    this.state = initial;
  }

  load(): PersistentState {
    return this.state;
  }

  saveCurrentTerm(currentTerm: Term): void {
    this.state = { ...this.state, currentTerm };
  }

  saveVotedFor(votedFor: NodeId | null): void {
    this.state = { ...this.state, votedFor };
  }

  truncateAndAppend(from: LogIndex, entries: readonly Entry[]): void {
    this.state = { ...this.state, log: truncateAndAppend(this.state.log, from, entries) };
  }
}

/** The codec of each kind of write, by its tag. */
const writeCodecs = {
  currentTerm: closed('currentTerm write', { write: t.literal('currentTerm'), currentTerm: Term }),
  votedFor: closed('votedFor write', { write: t.literal('votedFor'), votedFor: orNull(NodeId) }),
  log: closed('log write', { write: t.literal('log'), from: LogIndex, entries: t.readonlyArray(Entry) }),
} as const;
const WriteKind = t.keyof(writeCodecs);

/** checkWrite: the problems of one write (`at`: where it is in the batch, "persist[2]"), as a typed error, or undefined if it is well-formed. */
function checkWrite(w: unknown, at: string): BadInput | undefined {
  if (!t.UnknownRecord.is(w)) return malformed('persist write', [{ path: at, expected: 'a persist write (an object)', actual: w }]);
  const kind = w['write'];
  if (!WriteKind.is(kind)) {
    return malformed('persist write', [{ path: `${at}.write`, expected: Object.keys(writeCodecs).join(' | '), actual: kind }]);
  }
  const decoded = decodeWith<unknown>(writeCodecs[kind], 'persist write', w, at);
  return decoded.ok ? undefined : decoded.error;
}

export type PersistResult = { readonly ok: true } | { readonly ok: false; readonly error: BadInput };

/**
 * applyPersist: perform a step's `persist` writes on `storage`, in order.
 * All of them are checked first (well-typed values, log writes without a
 * gap), so a bad batch writes nothing.
 */
export function applyPersist(storage: Storage, writes: readonly PersistWrite[]): PersistResult {
  let log: Log = storage.load().log;
  for (const [k, w] of writes.entries()) {
    const malformedWrite = checkWrite(w, `persist[${k}]`);
    if (malformedWrite !== undefined) return { ok: false, error: malformedWrite };
    if (w.write !== 'log') continue;
    const gap = checkLogWrite(log, w.from);
    if (gap !== undefined) {
      return {
        ok: false,
        error: { kind: 'IndexBeyondLog', field: `persist[${k}].from`, index: w.from, lastIndex: toIndex(log.length), message: gap },
      };
    }
    log = truncateAndAppend(log, w.from, w.entries);
  }
  for (const w of writes) {
    match(w)
      .with({ write: 'currentTerm' }, (x) => storage.saveCurrentTerm(x.currentTerm))
      .with({ write: 'votedFor' }, (x) => storage.saveVotedFor(x.votedFor))
      .with({ write: 'log' }, (x) => storage.truncateAndAppend(x.from, x.entries))
      .exhaustive();
  }
  return { ok: true };
}
