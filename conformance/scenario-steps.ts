// scenario-steps: building blocks of hand-written scenarios (scenario.ts)
// that recur across conformance/fixtures, conformance/mutants and
// conformance/mutation. Two kinds:
//   - effects: what one action of spec/Raft.tla changes, for `step`
//     (becomeCandidate, updateTerm, becomeLeader, restart);
//   - sequences: several steps, for `Scenario.play` (election, replicate),
//     whose messages are computed from the last state the way the spec
//     computes them.
// Like scenario.ts, nothing here consults src/.
import { aeq, aer, discard, type E, resetRoleFields, rvq, rvr, type Scenario, send, type State } from './scenario.js';

const serversOf = (s: State): string[] => Object.keys(s.currentTerm);
const termOf = (s: State, i: string): number => s.currentTerm[i] as number;
const logOf = (s: State, i: string): E[] => s.log[i] as E[];
const lastTerm = (log: readonly E[]): number => log[log.length - 1]?.[0] ?? 0;

/** becomeCandidate: Timeout(i) (F-2, C-1, C-4): a candidate of the next term that votes for itself. */
export function becomeCandidate(s: State, i: string): void {
  s.state[i] = 'Candidate';
  s.currentTerm[i] = termOf(s, i) + 1;
  s.votedFor[i] = i;
  s.votesGranted[i] = [i];
}

/** updateTerm: UpdateTerm at i (ALL-2): the new term, no vote, a follower (D-10). */
export function updateTerm(s: State, i: string, term: number): void {
  s.currentTerm[i] = term;
  s.state[i] = 'Follower';
  s.votedFor[i] = 'Nil';
  resetRoleFields(s, serversOf(s), i);
}

/** becomeLeader: BecomeLeader(i) (C-2, L-3): nextIndex = Len(log) + 1, matchIndex = 0. */
export function becomeLeader(s: State, i: string): void {
  const peers = serversOf(s).filter((j) => j !== i);
  s.state[i] = 'Leader';
  s.votesGranted[i] = [];
  s.nextIndex[i] = Object.fromEntries(peers.map((j) => [j, logOf(s, i).length + 1]));
  s.matchIndex[i] = Object.fromEntries(peers.map((j) => [j, 0]));
}

/** restart: Restart(i) (P-1): currentTerm, votedFor and log survive; the rest is as at Init. */
export function restart(s: State, i: string): void {
  s.state[i] = 'Follower';
  s.commitIndex[i] = 0;
  s.lastApplied[i] = 0;
  resetRoleFields(s, serversOf(s), i);
}

/**
 * winVote: candidate c asks voter v (RequestVote), v adopts c's term if it
 * is behind (UpdateTerm, ALL-2), grants the vote (RV-2: the scenario's
 * author vouches that v may) and c counts it (C-2).
 */
export function winVote(c: string, v: string): (sc: Scenario) => void {
  return (sc) => {
    const term = termOf(sc.last, c);
    const req = rvq(c, v, term, logOf(sc.last, c).length, lastTerm(logOf(sc.last, c)));
    const vote = rvr(v, c, term, true);
    sc.step('RequestVote', [c, v], (s) => send(s, req));
    if (termOf(sc.last, v) < term) sc.step('UpdateTerm', [req], (s) => updateTerm(s, v, term));
    sc.step('HandleRequestVoteRequest', [req], (s) => {
      s.votedFor[v] = c;
      discard(s, req);
      send(s, vote);
    });
    sc.step('HandleRequestVoteResponse', [vote], (s) => {
      s.votesGranted[c] = [...(s.votesGranted[c] as string[]), v];
      discard(s, vote);
    });
  };
}

/** election: c times out (Timeout), wins the vote of each of `voters` in turn (winVote) and leads (BecomeLeader). */
export function election(c: string, voters: readonly string[]): (sc: Scenario) => void {
  return (sc) => {
    sc.step('Timeout', [c], (s) => becomeCandidate(s, c));
    for (const v of voters) sc.play(winVote(c, v));
    sc.step('BecomeLeader', [c], (s) => becomeLeader(s, c));
  };
}

/** newLog: NewLog(log, m) of spec/Raft.tla (AE-3, AE-4) for a request that passed AE-2. */
function newLog(log: readonly E[], prevLogIndex: number, entries: readonly E[]): E[] {
  const c = entries.findIndex((e, k) => {
    const x = log[prevLogIndex + k];
    return x !== undefined && x[0] !== e[0];
  });
  const kept = c === -1 ? [...log] : log.slice(0, prevLogIndex + c);
  const last = prevLogIndex + entries.length;
  return last <= kept.length ? kept : [...kept, ...entries.slice(kept.length - prevLogIndex)];
}

/**
 * replicate: leader l sends follower f the n entries from nextIndex[l][f]
 * (AppendEntries), f accepts them (AE-2 passes; AE-3, AE-4, AE-5) and l
 * takes the success (L-3a). Throws if f would refuse: write that by hand.
 */
export function replicate(l: string, f: string, n: number): (sc: Scenario) => void {
  return (sc) => {
    const s0 = sc.last;
    const term = termOf(s0, l);
    const prev = (s0.nextIndex[l]?.[f] as number) - 1;
    const prevTerm = prev === 0 ? 0 : (logOf(s0, l)[prev - 1] as E)[0];
    const entries = logOf(s0, l).slice(prev, prev + n);
    const leaderCommit = s0.commitIndex[l] as number;
    const follower = logOf(s0, f);
    if (termOf(s0, f) !== term || (prev !== 0 && follower[prev - 1]?.[0] !== prevTerm)) {
      throw new Error(`scenario: replicate(${l}, ${f}, ${n}): ${f} would refuse the request`);
    }
    const req = aeq(l, f, term, prev, prevTerm, entries, leaderCommit);
    const ok = aer(f, l, term, true, prev, prev + entries.length);
    sc.step('AppendEntries', [l, f, n], (s) => send(s, req));
    sc.step('HandleAppendEntriesRequest', [req], (s) => {
      s.state[f] = 'Follower';
      s.votesGranted[f] = [];
      s.log[f] = newLog(follower, prev, entries);
      const commit = s.commitIndex[f] as number;
      if (leaderCommit > commit) s.commitIndex[f] = Math.max(commit, Math.min(leaderCommit, prev + entries.length));
      discard(s, req);
      send(s, ok);
    });
    sc.step('HandleAppendEntriesResponse', [ok], (s) => {
      const match = s.matchIndex[l] as Record<string, number>;
      const next = s.nextIndex[l] as Record<string, number>;
      match[f] = Math.max(match[f] as number, prev + entries.length);
      next[f] = Math.max(next[f] as number, prev + entries.length + 1);
      discard(s, ok);
    });
  };
}

// Longer sequences, for the paper's figures (fixtures/paper.ts): each step
// still computed from the last state as spec/Raft.tla computes it, with the
// decisions (RV-2, AE-2, L-3b) evaluated rather than vouched for.

/** clientRequests: ClientRequest(l, v) (L-2) for each of `values` in turn: [currentTerm, v] appended. */
export function clientRequests(l: string, values: readonly string[]): (sc: Scenario) => void {
  return (sc) => {
    for (const v of values) {
      sc.step('ClientRequest', [l, v], (s) => {
        s.log[l] = [...logOf(s, l), [termOf(s, l), v]];
      });
    }
  };
}

/** grantsVote: GrantVote(v, m) of spec/Raft.tla for c's request in c's term, once v has adopted that term (RV-2). */
function grantsVote(s: State, c: string, v: string): boolean {
  const term = termOf(s, c);
  const votedFor = termOf(s, v) < term ? 'Nil' : (s.votedFor[v] as string);
  const mine = logOf(s, c);
  const theirs = logOf(s, v);
  const upToDate = lastTerm(mine) > lastTerm(theirs) || (lastTerm(mine) === lastTerm(theirs) && mine.length >= theirs.length);
  return termOf(s, v) <= term && (votedFor === 'Nil' || votedFor === c) && upToDate;
}

/**
 * askVote: candidate c asks v (RequestVote, C-1), v adopts c's term if it is
 * behind (UpdateTerm, ALL-2), answers by RV-2 as the spec decides it, and c
 * handles the answer (C-2: counted only if granted).
 */
export function askVote(c: string, v: string): (sc: Scenario) => void {
  return (sc) => {
    const term = termOf(sc.last, c);
    const req = rvq(c, v, term, logOf(sc.last, c).length, lastTerm(logOf(sc.last, c)));
    const grant = grantsVote(sc.last, c, v);
    const answer = rvr(v, c, term, grant);
    sc.step('RequestVote', [c, v], (s) => send(s, req));
    if (termOf(sc.last, v) < term) sc.step('UpdateTerm', [req], (s) => updateTerm(s, v, term));
    sc.step('HandleRequestVoteRequest', [req], (s) => {
      if (grant) s.votedFor[v] = c;
      discard(s, req);
      send(s, answer);
    });
    sc.step('HandleRequestVoteResponse', [answer], (s) => {
      if (grant) s.votesGranted[c] = [...(s.votesGranted[c] as string[]), v];
      discard(s, answer);
    });
  };
}

/**
 * electionIn: c times out (Timeout: F-2, C-1; again, C-4, until its
 * currentTerm is `term`: elections that came to nothing), wins the vote of
 * each of `voters` (askVote; throws if RV-2 would refuse) and leads
 * (BecomeLeader, C-2).
 */
export function electionIn(c: string, term: number, voters: readonly string[]): (sc: Scenario) => void {
  return (sc) => {
    if (termOf(sc.last, c) >= term) throw new Error(`scenario: electionIn(${c}, ${term}): ${c} is already in term ${termOf(sc.last, c)}`);
    while (termOf(sc.last, c) < term) sc.step('Timeout', [c], (s) => becomeCandidate(s, c));
    for (const v of voters) {
      if (!grantsVote(sc.last, c, v)) throw new Error(`scenario: electionIn(${c}, ${term}): ${v} would refuse its vote (RV-2)`);
      sc.play(askVote(c, v));
    }
    sc.step('BecomeLeader', [c], (s) => becomeLeader(s, c));
  };
}

/**
 * appendEntriesRound: leader l sends f the n entries from nextIndex[l][f]
 * (AppendEntries: L-1 for n = 0, L-3), f adopts l's term if it is behind
 * (UpdateTerm, ALL-2), answers (AE-2 decides; on success AE-3, AE-4, AE-5;
 * C-3) and l handles the answer (L-3a on success, L-3b on failure, D-5).
 * Returns nothing; sc.last tells whether f accepted.
 */
export function appendEntriesRound(l: string, f: string, n: number): (sc: Scenario) => void {
  return (sc) => {
    const s0 = sc.last;
    const term = termOf(s0, l);
    if (termOf(s0, f) > term) throw new Error(`scenario: appendEntriesRound(${l}, ${f}, ${n}): ${f} is in a later term`);
    const prev = (s0.nextIndex[l]?.[f] as number) - 1;
    const prevTerm = prev === 0 ? 0 : (logOf(s0, l)[prev - 1] as E)[0];
    const entries = logOf(s0, l).slice(prev, prev + n);
    if (entries.length !== n) throw new Error(`scenario: appendEntriesRound(${l}, ${f}, ${n}): ${l} has fewer entries`);
    const leaderCommit = s0.commitIndex[l] as number;
    const follower = logOf(s0, f);
    const ok = prev === 0 || (prev <= follower.length && (follower[prev - 1] as E)[0] === prevTerm); // LogOk (AE-2)
    const req = aeq(l, f, term, prev, prevTerm, entries, leaderCommit);
    const answer = aer(f, l, term, ok, prev, ok ? prev + entries.length : 0);
    sc.step('AppendEntries', [l, f, n], (s) => send(s, req));
    if (termOf(sc.last, f) < term) sc.step('UpdateTerm', [req], (s) => updateTerm(s, f, term));
    sc.step('HandleAppendEntriesRequest', [req], (s) => {
      s.state[f] = 'Follower';
      s.votesGranted[f] = [];
      if (ok) {
        s.log[f] = newLog(follower, prev, entries);
        const commit = s.commitIndex[f] as number;
        if (leaderCommit > commit) s.commitIndex[f] = Math.max(commit, Math.min(leaderCommit, prev + entries.length));
      }
      discard(s, req);
      send(s, answer);
    });
    sc.step('HandleAppendEntriesResponse', [answer], (s) => {
      const match = s.matchIndex[l] as Record<string, number>;
      const next = s.nextIndex[l] as Record<string, number>;
      if (ok) {
        match[f] = Math.max(match[f] as number, prev + entries.length);
        next[f] = Math.max(next[f] as number, prev + entries.length + 1);
      } else if (prev + 1 === next[f]) {
        next[f] = Math.max((next[f] as number) - 1, (match[f] as number) + 1);
      }
      discard(s, answer);
    });
  };
}

/**
 * bringInLine: leader l sends f every entry from nextIndex[l][f] on (L-3)
 * until AE-2 passes, backing nextIndex off one entry per refusal (L-3b);
 * the request that passes deletes a conflicting suffix (AE-3) and appends
 * what f lacks (AE-4, L-3a).
 */
export function bringInLine(l: string, f: string): (sc: Scenario) => void {
  return (sc) => {
    for (;;) {
      const next = sc.last.nextIndex[l]?.[f] as number;
      sc.play(appendEntriesRound(l, f, logOf(sc.last, l).length - next + 1));
      const answer = sc.steps[sc.steps.length - 1]?.args[0] as { success?: boolean } | undefined;
      if (answer?.success === true) return;
      if ((sc.last.nextIndex[l]?.[f] as number) === next) throw new Error(`scenario: bringInLine(${l}, ${f}): nextIndex stuck at ${next}`);
    }
  };
}
