// codecs: the io-ts codecs of everything that crosses a boundary (messages,
// log entries, the persistent state). The TypeScript types are derived from
// them (t.TypeOf), never declared in parallel.
//
// Spec <-> JSON <-> code. Message and entry fields keep the spec's record
// field names, so a trace field, a JSON field and a TypeScript field are
// spelled the same:
//
//   spec (Raft.tla)            JSON / TypeScript
//   server (model value s1)    NodeId "s1"
//   Nil                        null (votedFor)
//   [term, value]              Entry {term, value}
//   m.type, m.from, m.to ...   Message {type, from, to, ...} (same names)
//   currentTerm, votedFor, log PersistentState {currentTerm, votedFor, log}
//
// Every record codec is closed: a field the spec does not have is rejected,
// not silently stripped (io-ts' own t.exact strips).
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';

export interface NodeIdBrand {
  readonly NodeId: unique symbol;
}
/** NodeId: a server of the configuration (the spec's model values): a non-empty string. */
export const NodeId = t.brand(
  t.string,
  (s): s is t.Branded<string, NodeIdBrand> => s.length > 0,
  'NodeId',
);
export type NodeId = t.TypeOf<typeof NodeId>;

const isNat = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;

export interface TermBrand {
  readonly Term: unique symbol;
}
/** Term: an election term, a non-negative integer (the spec's Nat). */
export const Term = t.brand(t.number, (n): n is t.Branded<number, TermBrand> => isNat(n), 'Term');
export type Term = t.TypeOf<typeof Term>;

export interface LogIndexBrand {
  readonly LogIndex: unique symbol;
}
/** LogIndex: a position in a log, a non-negative integer; the first entry is at 1, 0 means "none". */
export const LogIndex = t.brand(
  t.number,
  (n): n is t.Branded<number, LogIndexBrand> => isNat(n),
  'LogIndex',
);
export type LogIndex = t.TypeOf<typeof LogIndex>;

// The arithmetic of the core stays within the naturals (+1 of a Term, the
// length of a log, max/min of indexes): these re-brand such results. They
// are not exported from index.ts; input is branded by decoding it.
export const toTerm = (n: number): Term => n as Term;
export const toIndex = (n: number): LogIndex => n as LogIndex;

/**
 * closed: a record codec that accepts exactly the given fields: a missing
 * or malformed field and an unknown field are each a validation error.
 */
export function closed<P extends t.Props>(
  name: string,
  props: P,
): t.Type<Readonly<t.TypeOf<t.TypeC<P>>>, Readonly<t.OutputOf<t.TypeC<P>>>, unknown> {
  const base = t.type(props);
  const known = new Set(Object.keys(props));
  const unknownKeys = (u: Record<string, unknown>): string[] =>
    Object.keys(u).filter((k) => !known.has(k));
  return new t.Type(
    name,
    (u): u is t.TypeOf<t.TypeC<P>> =>
      base.is(u) && unknownKeys(u as Record<string, unknown>).length === 0,
    (u, c) => {
      if (!t.UnknownRecord.is(u)) return t.failure(u, c);
      const extra: t.Errors = unknownKeys(u).map((k) => ({
        value: u[k],
        context: t.appendContext(c, k, t.never, u[k]),
      }));
      const decoded = base.validate(u, c);
      const errors = [...extra, ...(isLeft(decoded) ? decoded.left : [])];
      return errors.length > 0 ? t.failures(errors) : decoded;
    },
    (a) => base.encode(a),
  );
}

/** orNull: `codec` or null, reported as one expected type ("NodeId | null"). */
export function orNull<A, O>(codec: t.Type<A, O, unknown>): t.Type<A | null, O | null, unknown> {
  return new t.Type<A | null, O | null, unknown>(
    `${codec.name} | null`,
    (u): u is A | null => u === null || codec.is(u),
    (u, c) => (u === null || codec.is(u) ? t.success(u) : t.failure(u, c)),
    (a) => (a === null ? null : codec.encode(a)),
  );
}

/** Entry: one log entry (the spec's [term, value]); values are the clients' commands, as strings. */
export const Entry = closed('Entry', { term: Term, value: t.string });
export type Entry = t.TypeOf<typeof Entry>;

/** Log: entries in index order; entry n is at array position n - 1. */
export const Log = t.readonlyArray(Entry, 'Log');
export type Log = t.TypeOf<typeof Log>;

/** PersistentState: what Figure 2 keeps on stable storage (P-1). */
export const PersistentState = closed('PersistentState', {
  currentTerm: Term,
  votedFor: orNull(NodeId),
  log: Log,
});
export type PersistentState = t.TypeOf<typeof PersistentState>;

// The four RPC halves of Figure 2, with exactly the spec's record fields.

export const RequestVoteRequest = closed('RequestVoteRequest', {
  type: t.literal('RequestVoteRequest'),
  from: NodeId,
  to: NodeId,
  term: Term,
  candidateId: NodeId,
  lastLogIndex: LogIndex,
  lastLogTerm: Term,
});
export type RequestVoteRequest = t.TypeOf<typeof RequestVoteRequest>;

export const RequestVoteResponse = closed('RequestVoteResponse', {
  type: t.literal('RequestVoteResponse'),
  from: NodeId,
  to: NodeId,
  term: Term,
  voteGranted: t.boolean,
});
export type RequestVoteResponse = t.TypeOf<typeof RequestVoteResponse>;

export const AppendEntriesRequest = closed('AppendEntriesRequest', {
  type: t.literal('AppendEntriesRequest'),
  from: NodeId,
  to: NodeId,
  term: Term,
  leaderId: NodeId,
  prevLogIndex: LogIndex,
  prevLogTerm: Term,
  entries: t.readonlyArray(Entry),
  leaderCommit: LogIndex,
});
export type AppendEntriesRequest = t.TypeOf<typeof AppendEntriesRequest>;

export const AppendEntriesResponse = closed('AppendEntriesResponse', {
  type: t.literal('AppendEntriesResponse'),
  from: NodeId,
  to: NodeId,
  term: Term,
  success: t.boolean,
  prevLogIndex: LogIndex,
  matchIndex: LogIndex,
});
export type AppendEntriesResponse = t.TypeOf<typeof AppendEntriesResponse>;

/** The codec of each message type, by its tag. */
export const messageCodecs = {
  RequestVoteRequest,
  RequestVoteResponse,
  AppendEntriesRequest,
  AppendEntriesResponse,
} as const;

/** MessageType: the literal union of the spec's four message types. */
export const MessageType = t.keyof(messageCodecs, 'MessageType');
export type MessageType = t.TypeOf<typeof MessageType>;

/** Message: any of the four, discriminated by `type`. */
export const Message = t.union(
  [RequestVoteRequest, RequestVoteResponse, AppendEntriesRequest, AppendEntriesResponse],
  'Message',
);
export type Message = t.TypeOf<typeof Message>;
