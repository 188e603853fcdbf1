// rules: which Figure 2 rules (ids of spec/README.md) a step of a trace
// exercises, read off the spec's action and the states before and after
// it; the coverage table counts them over a corpus. This is the one
// classifier of the project: the replay reads it through the typed spec
// states of a decoded trace (rulesOf below), trace generation through the
// ITF states of a walk (conformance/generate/rules.ts), both as a SpecView.
//
// Some ids depend on the branch taken inside an action: HandleAppendEntriesRequest is AE-1
// (stale term), AE-2 (log mismatch) or AE-3/AE-4/AE-5 (what the log and commitIndex did),
// with C-3 when the receiver was a candidate and D-9 when a late request would have lowered
// commitIndex; HandleRequestVoteRequest is RV-1 (stale term) or RV-2 with its outcome;
// HandleAppendEntriesResponse is L-3a (success) or L-3b (nextIndex decremented), and D-5
// for a failure that changed nothing.
import type { Message } from '../src/index.js';
import type { ActionCall, SpecAction, SpecState } from './trace.js';

/** RULES: every coverage row: a rule id, with the outcome when one rule has several. */
export const RULES = [
  ['AE-1', 'AppendEntries of an older term refused'],
  ['AE-2', 'AppendEntries refused: no entry at prevLogIndex with prevLogTerm'],
  ['AE-3', 'conflicting entry deleted with all that follow'],
  ['AE-4', 'new entries appended'],
  ['AE-5', 'commitIndex advanced to min(leaderCommit, last new entry)'],
  ['RV-1', 'RequestVote of an older term refused'],
  ['RV-2 grant', 'vote granted'],
  ['RV-2 deny: voted', 'vote refused: already voted for another candidate this term'],
  ['RV-2 deny: log', 'vote refused: the candidate\'s log is not up to date'],
  ['ALL-1', 'committed entry applied'],
  ['ALL-2', 'newer term adopted, server becomes follower'],
  ['F-1', 'RPC from a candidate or leader answered'],
  ['F-2', 'follower times out and becomes candidate'],
  ['C-1', 'new election started or vote requested'],
  ['C-2', 'vote counted, or majority makes leader'],
  ['C-3', 'candidate hears the leader of its term, becomes follower'],
  ['C-4', 'candidate times out, starts a new election'],
  ['L-1', 'heartbeat (empty AppendEntries) sent'],
  ['L-2', 'client command appended to the leader\'s log'],
  ['L-3', 'entries from nextIndex sent'],
  ['L-3a', 'success: nextIndex and matchIndex updated'],
  ['L-3b', 'log inconsistency: nextIndex decremented'],
  ['L-4', 'leader commits an index on a majority of its term'],
  ['P-1', 'restart with the persistent state only'],
  ['D-1', 'network loses or duplicates a message'],
  ['D-3', 'response of an older term dropped'],
  ['D-5', 'stale failure answer ignored by the leader'],
  ['D-9', 'late AppendEntries: commitIndex not lowered'],
] as const;
export type Rule = (typeof RULES)[number][0];

/** RULE_IDS: the rows' ids, in order (the generator's statistics count the same rows). */
export const RULE_IDS: readonly Rule[] = RULES.map(([id]) => id);

/** FIGURE2_RULES: the Figure 2 rule ids of spec/README.md, in its table's order. */
export const FIGURE2_RULES = [
  'AE-1', 'AE-2', 'AE-3', 'AE-4', 'AE-5', 'RV-1', 'RV-2', 'ALL-1', 'ALL-2', 'F-1', 'F-2',
  'C-1', 'C-2', 'C-3', 'C-4', 'L-1', 'L-2', 'L-3', 'L-3a', 'L-3b', 'L-4', 'P-1',
] as const;

/** ACTION_RULES: the rule ids of each spec action (spec/README.md, "Rule ids"). */
export const ACTION_RULES: { readonly [A in SpecAction]: readonly string[] } = {
  Restart: ['P-1'],
  Timeout: ['F-2', 'C-1', 'C-4'],
  RequestVote: ['C-1'],
  BecomeLeader: ['C-2'],
  ClientRequest: ['L-2'],
  AppendEntries: ['L-1', 'L-3'],
  AdvanceCommitIndex: ['L-4'],
  ApplyEntry: ['ALL-1'],
  UpdateTerm: ['ALL-2', 'D-3'],
  HandleRequestVoteRequest: ['RV-1', 'RV-2', 'F-1'],
  HandleRequestVoteResponse: ['C-2'],
  HandleAppendEntriesRequest: ['AE-1', 'AE-2', 'AE-3', 'AE-4', 'AE-5', 'C-3', 'F-1', 'D-9'],
  HandleAppendEntriesResponse: ['L-3a', 'L-3b', 'D-5'],
  DropStaleResponse: ['D-3'],
  DropMessage: ['D-1'],
  DuplicateMessage: ['D-1'],
};

/**
 * SpecView: what the classifier reads of one state of the spec, server
 * ids as strings. The replay gives it over a decoded SpecState, the
 * generator over an ITF state.
 */
export interface SpecView {
  role(i: string): string;
  currentTerm(i: string): number;
  votedFor(i: string): string | null;
  /** The terms of log[i]'s entries. */
  logTerms(i: string): readonly number[];
  commitIndex(i: string): number;
  /** How many servers votesGranted[i] holds. */
  votes(i: string): number;
  nextIndex(i: string, j: string): number;
}

/** RuleMessage: the fields of a message the classifier reads (a src/ Message has them all). */
export type RuleMessage = {
  readonly type: Message['type'];
  readonly from: string;
  readonly to: string;
  readonly term: number;
  readonly candidateId?: string | undefined;
  readonly lastLogIndex?: number | undefined;
  readonly lastLogTerm?: number | undefined;
  readonly prevLogIndex?: number | undefined;
  readonly prevLogTerm?: number | undefined;
  readonly entries?: readonly { readonly term: number }[] | undefined;
  readonly leaderCommit?: number | undefined;
  readonly success?: boolean | undefined;
  readonly voteGranted?: boolean | undefined;
};

/** RuleStep: a step's action name and the arguments the classifier reads: the server i, AppendEntries' n, the message m. */
export type RuleStep = { readonly name: string; readonly i?: string | undefined; readonly n?: number | undefined; readonly m?: RuleMessage | undefined };

const lastTerm = (terms: readonly number[]): number => terms[terms.length - 1] ?? 0;

/** RV-1: older term, refused. RV-2: a request of the current term, granted or refused and why (CandidateLogUpToDate). */
function requestVoteRules(b: SpecView, m: RuleMessage): Rule[] {
  const i = m.to;
  if (m.term < b.currentTerm(i)) return ['F-1', 'RV-1'];
  const votedFor = b.votedFor(i);
  const free = votedFor === null || votedFor === m.candidateId;
  const log = b.logTerms(i);
  const mLastTerm = m.lastLogTerm ?? 0;
  const upToDate = mLastTerm > lastTerm(log) || (mLastTerm === lastTerm(log) && (m.lastLogIndex ?? 0) >= log.length);
  const rules: Rule[] = ['F-1'];
  if (free && upToDate) rules.push('RV-2 grant');
  if (!free) rules.push('RV-2 deny: voted');
  if (!upToDate) rules.push('RV-2 deny: log');
  return rules;
}

/** firstConflict: FirstConflict(xlog, m), 1-based position in m.entries, 0 for none. */
function firstConflict(log: readonly number[], prevLogIndex: number, entries: readonly { readonly term: number }[]): number {
  for (let k = 1; k <= entries.length; k++) {
    const existing = log[prevLogIndex + k - 1];
    if (existing !== undefined && existing !== entries[k - 1]?.term) return k;
  }
  return 0;
}

/** AE-1 .. AE-5, C-3, F-1, D-9: the branch HandleAppendEntriesRequest took (LogOk, FirstConflict, FollowerCommitIndex). */
function appendEntriesRules(b: SpecView, a: SpecView, m: RuleMessage): Rule[] {
  const i = m.to;
  if (m.term < b.currentTerm(i)) return ['F-1', 'AE-1'];
  const rules: Rule[] = ['F-1'];
  if (b.role(i) === 'Candidate') rules.push('C-3');
  const log = b.logTerms(i);
  const prev = m.prevLogIndex ?? 0;
  const entries = m.entries ?? [];
  const logOk = prev === 0 || (prev <= log.length && log[prev - 1] === m.prevLogTerm);
  if (!logOk) return [...rules, 'AE-2'];
  const conflict = firstConflict(log, prev, entries);
  const kept = conflict === 0 ? log.length : prev + conflict - 1;
  const last = prev + entries.length;
  if (conflict !== 0) rules.push('AE-3');
  if (last > kept) rules.push('AE-4');
  const commitIndex = b.commitIndex(i);
  if (a.commitIndex(i) > commitIndex) rules.push('AE-5');
  const leaderCommit = m.leaderCommit ?? 0;
  if (leaderCommit > commitIndex && Math.min(leaderCommit, last) < commitIndex) rules.push('D-9');
  return rules;
}

/**
 * classify: the rules a step exercises, per the spec's states before and
 * after it; none for an action it does not know, or a step that took no
 * rule (a vote response that counts no new vote).
 */
export function classify(step: RuleStep, b: SpecView, a: SpecView): Rule[] {
  const { i, m } = step;
  switch (step.name) {
    case 'Restart':
      return ['P-1'];
    case 'Timeout':
      return i !== undefined && b.role(i) === 'Candidate' ? ['C-4', 'C-1'] : ['F-2', 'C-1'];
    case 'RequestVote':
      return ['C-1'];
    case 'BecomeLeader':
      return ['C-2'];
    case 'ClientRequest':
      return ['L-2'];
    case 'AppendEntries':
      return [step.n === 0 ? 'L-1' : 'L-3'];
    case 'AdvanceCommitIndex':
      return ['L-4'];
    case 'ApplyEntry':
      return ['ALL-1'];
    case 'UpdateTerm':
      return ['ALL-2'];
    case 'HandleRequestVoteRequest':
      return m?.type === 'RequestVoteRequest' ? requestVoteRules(b, m) : [];
    case 'HandleRequestVoteResponse':
      // C-2: the vote was counted (a copy of a vote already counted changes nothing).
      return m !== undefined && a.votes(m.to) > b.votes(m.to) ? ['C-2'] : [];
    case 'HandleAppendEntriesRequest':
      return m?.type === 'AppendEntriesRequest' ? appendEntriesRules(b, a, m) : [];
    case 'HandleAppendEntriesResponse':
      if (m?.type !== 'AppendEntriesResponse') return [];
      if (m.success === true) return ['L-3a'];
      return a.nextIndex(m.to, m.from) < b.nextIndex(m.to, m.from) ? ['L-3b'] : ['D-5'];
    case 'DropStaleResponse':
      return ['D-3'];
    case 'DropMessage':
    case 'DuplicateMessage':
      return ['D-1'];
    default:
      return [];
  }
}

/** TypedView: a decoded SpecState as a SpecView. */
class TypedView implements SpecView {
  constructor(private readonly s: SpecState) {}
  private get<A>(m: ReadonlyMap<string, A>, i: string): A | undefined {
    return m.get(i);
  }
  role(i: string): string {
    return this.get(this.s.state, i) ?? '';
  }
  currentTerm(i: string): number {
    return this.get(this.s.currentTerm, i) ?? 0;
  }
  votedFor(i: string): string | null {
    return this.get(this.s.votedFor, i) ?? null;
  }
  logTerms(i: string): readonly number[] {
    return (this.get(this.s.log, i) ?? []).map((e) => e.term);
  }
  commitIndex(i: string): number {
    return this.get(this.s.commitIndex, i) ?? 0;
  }
  votes(i: string): number {
    return this.get(this.s.votesGranted, i)?.size ?? 0;
  }
  nextIndex(i: string, j: string): number {
    const peers = this.get(this.s.nextIndex, i);
    return peers === undefined ? 0 : (this.get(peers, j) ?? 0);
  }
}

/** rulesOf: the rules a step of a decoded trace exercises, per the spec's states before and after it. */
export function rulesOf(call: ActionCall, before: SpecState, after: SpecState): Rule[] {
  const [first, , third] = call.args as readonly unknown[];
  const step: RuleStep =
    typeof first === 'string'
      ? { name: call.name, i: first, n: typeof third === 'number' ? third : undefined }
      : { name: call.name, m: (first as { readonly message: Message } | undefined)?.message };
  return classify(step, new TypedView(before), new TypedView(after));
}
