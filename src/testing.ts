// testing: unchecked builders for tests. They cast numbers and strings to
// the branded types without validating them, so that a test can also build
// the malformed input the core must reject. Not exported from index.ts.
import type {
  AppendEntriesRequest,
  AppendEntriesResponse,
  Entry,
  LogIndex,
  NodeId,
  RequestVoteRequest,
  RequestVoteResponse,
  Term,
} from './codecs.js';
import type { Rejected } from './receive.js';
import type { ActionResult, Enabled } from './result.js';
import type { Candidate, Follower, Leader } from './state.js';

export const id = (s: string): NodeId => s as NodeId;
export const term = (n: number): Term => n as Term;
export const idx = (n: number): LogIndex => n as LogIndex;

export const s1 = id('s1');
export const s2 = id('s2');
export const s3 = id('s3');

/** log: entries with the given terms, valued v1, v2, ... by index. */
export function log(...terms: number[]): Entry[] {
  return terms.map((t, k) => ({ term: term(t), value: `v${k + 1}` }));
}

type Fields = {
  id?: NodeId;
  servers?: readonly NodeId[];
  currentTerm?: number;
  votedFor?: NodeId | null;
  log?: readonly Entry[];
  commitIndex?: number;
  lastApplied?: number;
};

/** follower: a follower, by default s1 of {s1, s2, s3} in term 1 with an empty log. */
export function follower(f: Fields = {}): Follower {
  return {
    role: 'Follower',
    id: f.id ?? s1,
    servers: new Set(f.servers ?? [s1, s2, s3]),
    currentTerm: term(f.currentTerm ?? 1),
    votedFor: f.votedFor === undefined ? null : f.votedFor,
    log: f.log ?? [],
    commitIndex: idx(f.commitIndex ?? 0),
    lastApplied: idx(f.lastApplied ?? 0),
  };
}

export function candidate(f: Fields & { votesGranted?: readonly NodeId[] } = {}): Candidate {
  const base = follower({ votedFor: f.id ?? s1, ...f });
  return { ...base, role: 'Candidate', votesGranted: new Set(f.votesGranted ?? [base.id]) };
}

/** leader: a leader with the given per-peer indexes (defaults: nextIndex Len + 1, matchIndex 0). */
export function leader(
  f: Fields & { nextIndex?: Record<string, number>; matchIndex?: Record<string, number> } = {},
): Leader {
  const base = follower({ votedFor: f.id ?? s1, ...f });
  const others = [...base.servers].filter((j) => j !== base.id);
  const nextIndex = new Map(others.map((j) => [j, idx(f.nextIndex?.[j] ?? base.log.length + 1)]));
  const matchIndex = new Map(others.map((j) => [j, idx(f.matchIndex?.[j] ?? 0)]));
  return { ...base, role: 'Leader', nextIndex, matchIndex };
}

export function rvRequest(
  f: { from?: NodeId; to?: NodeId; term?: number; lastLogIndex?: number; lastLogTerm?: number } = {},
): RequestVoteRequest {
  const from = f.from ?? s2;
  return {
    type: 'RequestVoteRequest',
    from,
    to: f.to ?? s1,
    term: term(f.term ?? 1),
    candidateId: from,
    lastLogIndex: idx(f.lastLogIndex ?? 0),
    lastLogTerm: term(f.lastLogTerm ?? 0),
  };
}

export function rvResponse(
  f: { from?: NodeId; to?: NodeId; term?: number; voteGranted?: boolean } = {},
): RequestVoteResponse {
  return {
    type: 'RequestVoteResponse',
    from: f.from ?? s2,
    to: f.to ?? s1,
    term: term(f.term ?? 1),
    voteGranted: f.voteGranted ?? true,
  };
}

export function aeRequest(
  f: {
    from?: NodeId;
    to?: NodeId;
    term?: number;
    prevLogIndex?: number;
    prevLogTerm?: number;
    entries?: readonly Entry[];
    leaderCommit?: number;
  } = {},
): AppendEntriesRequest {
  const from = f.from ?? s2;
  return {
    type: 'AppendEntriesRequest',
    from,
    to: f.to ?? s1,
    term: term(f.term ?? 1),
    leaderId: from,
    prevLogIndex: idx(f.prevLogIndex ?? 0),
    prevLogTerm: term(f.prevLogTerm ?? 0),
    entries: f.entries ?? [],
    leaderCommit: idx(f.leaderCommit ?? 0),
  };
}

export function aeResponse(
  f: { from?: NodeId; to?: NodeId; term?: number; success?: boolean; prevLogIndex?: number; matchIndex?: number } = {},
): AppendEntriesResponse {
  return {
    type: 'AppendEntriesResponse',
    from: f.from ?? s2,
    to: f.to ?? s1,
    term: term(f.term ?? 1),
    success: f.success ?? true,
    prevLogIndex: idx(f.prevLogIndex ?? 0),
    matchIndex: idx(f.matchIndex ?? 0),
  };
}

/** step: the Enabled result; throws (tests only) naming why the action was not enabled. */
export function step(r: ActionResult | Rejected): Enabled {
  if (r.enabled) return r;
  throw new Error(`${r.action} not enabled: ${r.reason.message}`);
}
