// fixtures.ts: hand-built ITF states and messages of two servers s1, s2, for the tests of
// rules.ts and stats.ts, and the paths of the fixture files.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Itf, type ItfState, canonical, int } from '../itf/value.js';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** What differs from the default state. */
export type Spec = {
  term?: [number, number];
  role?: [string, string];
  log?: [number[], number[]]; // entry terms
  commit?: [number, number];
  votes?: [string[], string[]];
  next?: [number, number]; // nextIndex[s1][s2], nextIndex[s2][s1]
  msgs?: Itf[];
};

const S = ['s1', 's2'] as const;
const per = <A>(xs: readonly [A, A] | undefined, d: A, f: (a: A) => Itf): Itf => ({ '#map': S.map((s, k) => [s, f(xs?.[k] ?? d)] as const) });
/** A state: only what a test reads needs to be given; the rest is a follower in term 1 with an empty log. */
export function state(o: Spec): ItfState {
  return canonical({
    currentTerm: per(o.term, 1, int),
    votedFor: per(undefined, 'Nil', (x) => x),
    log: per(o.log, [], (ts) => ts.map((term) => ({ term: int(term), value: 'v1' }))),
    state: per(o.role, 'Follower', (x) => x),
    commitIndex: per(o.commit, 0, int),
    lastApplied: per(undefined, 0, int),
    votesGranted: per(o.votes, [], (v) => ({ '#set': v })),
    nextIndex: { '#map': [['s1', { '#map': [['s2', int(o.next?.[0] ?? 1)]] }], ['s2', { '#map': [['s1', int(o.next?.[1] ?? 1)]] }]] },
    matchIndex: { '#map': [['s1', { '#map': [['s2', int(0)]] }], ['s2', { '#map': [['s1', int(0)]] }]] },
    messages: { '#map': (o.msgs ?? []).map((m) => [m, int(1)] as const) },
  }) as ItfState;
}
/** Messages from s1 to s2 (requests) and from s2 to s1 (responses). */
export const ae = (term: number, prev: number, entries: number[], commit = 0): Itf =>
  canonical({ type: 'AppendEntriesRequest', from: 's1', to: 's2', term: int(term), leaderId: 's1', prevLogIndex: int(prev), prevLogTerm: int(prev === 0 ? 0 : 1), entries: entries.map((x) => ({ term: int(x), value: 'v1' })), leaderCommit: int(commit) });
export const aeReply = (term: number, success: boolean, prev = 0, match = 0): Itf =>
  canonical({ type: 'AppendEntriesResponse', from: 's2', to: 's1', term: int(term), success, prevLogIndex: int(prev), matchIndex: int(match) });
export const rv = (term: number): Itf => canonical({ type: 'RequestVoteRequest', from: 's1', to: 's2', term: int(term), candidateId: 's1', lastLogIndex: int(0), lastLogTerm: int(0) });
export const rvReply = (term: number, granted: boolean): Itf => canonical({ type: 'RequestVoteResponse', from: 's2', to: 's1', term: int(term), voteGranted: granted });
