// rules.ts: which Figure 2 rules (spec/README.md, "Rule ids") a step of spec/Raft.tla took,
// read from the action and the states before and after it. Shared by the generator
// (coverage-directed walks, statistics) and the replay side.
//
// Some ids depend on the branch taken inside an action: HandleAppendEntriesRequest is AE-1
// (stale term), AE-2 (log mismatch) or AE-3/AE-4/AE-5 (what the log and commitIndex did),
// with C-3 when the receiver was a candidate and D-9 when a late request would have lowered
// commitIndex; HandleRequestVoteRequest is RV-1 (stale term) or RV-2 with its outcome;
// HandleAppendEntriesResponse is L-3a (success) or L-3b (nextIndex decremented), and D-5
// for a failure that changed nothing. The rows are those of the replay side's coverage
// table (conformance/rules.ts), so that both count the same things.

import type { Itf, ItfState } from './itf.js';
import { intOf } from './itf.js';
import { RaftView, commonPrefix, field, sentMessages } from './raft-state.js';

/** The Figure 2 rule ids of spec/README.md, in its table's order. */
export const FIGURE2_RULES = [
  'AE-1', 'AE-2', 'AE-3', 'AE-4', 'AE-5', 'RV-1', 'RV-2', 'ALL-1', 'ALL-2', 'F-1', 'F-2',
  'C-1', 'C-2', 'C-3', 'C-4', 'L-1', 'L-2', 'L-3', 'L-3a', 'L-3b', 'L-4', 'P-1',
] as const;

/**
 * The ids a step is classified by: Figure 2's, RV-2 split by outcome, and the departures
 * (spec/README.md) that are branches of their own: D-1 network loss or duplication, D-3
 * stale response dropped, D-5 stale failure ignored, D-9 commitIndex not lowered.
 */
export const RULE_IDS = [
  'AE-1', 'AE-2', 'AE-3', 'AE-4', 'AE-5', 'RV-1', 'RV-2 grant', 'RV-2 deny: voted', 'RV-2 deny: log',
  'ALL-1', 'ALL-2', 'F-1', 'F-2', 'C-1', 'C-2', 'C-3', 'C-4', 'L-1', 'L-2', 'L-3', 'L-3a', 'L-3b', 'L-4', 'P-1',
  'D-1', 'D-3', 'D-5', 'D-9',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** An action label with ITF arguments, as in a trace state's `#meta`. */
export type ItfAction = { readonly name: string; readonly args: readonly Itf[] };

/** The rule ids the step `before --action--> after` took (empty when it took none, e.g. an ignored vote). */
export function rulesOf(action: ItfAction, before: ItfState, after: ItfState): RuleId[] {
  const b = new RaftView(before);
  const a = new RaftView(after);
  const [arg0, , arg2] = action.args;
  switch (action.name) {
    case 'Restart':
      return ['P-1'];
    case 'Timeout':
      return arg0 !== undefined && b.role(arg0) === 'Candidate' ? ['C-4', 'C-1'] : ['F-2', 'C-1'];
    case 'RequestVote':
      return ['C-1'];
    case 'BecomeLeader':
      return ['C-2'];
    case 'ClientRequest':
      return ['L-2'];
    case 'AppendEntries':
      return intOf(arg2) === 0n ? ['L-1'] : ['L-3'];
    case 'AdvanceCommitIndex':
      return ['L-4'];
    case 'ApplyEntry':
      return ['ALL-1'];
    case 'UpdateTerm':
      return ['ALL-2'];
    case 'HandleRequestVoteRequest':
      return handleRequestVoteRequest(arg0, b);
    case 'HandleRequestVoteResponse':
      return handleRequestVoteResponse(arg0, b, a);
    case 'HandleAppendEntriesRequest':
      return handleAppendEntriesRequest(arg0, b, a);
    case 'HandleAppendEntriesResponse':
      return handleAppendEntriesResponse(arg0, b, a);
    case 'DropStaleResponse':
      return ['D-3'];
    case 'DropMessage':
    case 'DuplicateMessage':
      return ['D-1'];
    default:
      return [];
  }
}

const to = (m: Itf | undefined): Itf => field(m, 'to') ?? '';
const from = (m: Itf | undefined): Itf => field(m, 'from') ?? '';
const termOf = (m: Itf | undefined): bigint => intOf(field(m, 'term')) ?? -1n;

/** RV-1: older term, refused. RV-2: a request of the current term, granted or refused and why. */
function handleRequestVoteRequest(m: Itf | undefined, b: RaftView): RuleId[] {
  const i = to(m);
  if (termOf(m) < b.term(i)) return ['F-1', 'RV-1'];
  const votedFor = b.votedFor(i);
  const free = votedFor === 'Nil' || votedFor === field(m, 'candidateId');
  const log = b.log(i);
  const lastTerm = log[log.length - 1]?.term ?? 0n;
  const mTerm = intOf(field(m, 'lastLogTerm')) ?? 0n;
  const upToDate = mTerm > lastTerm || (mTerm === lastTerm && (intOf(field(m, 'lastLogIndex')) ?? 0n) >= BigInt(log.length));
  const rules: RuleId[] = ['F-1'];
  if (free && upToDate) rules.push('RV-2 grant');
  if (!free) rules.push('RV-2 deny: voted');
  if (!upToDate) rules.push('RV-2 deny: log');
  return rules;
}

/** C-2 when a candidate counted the vote; a response that changes nothing takes no rule. */
function handleRequestVoteResponse(m: Itf | undefined, b: RaftView, a: RaftView): RuleId[] {
  const i = to(m);
  return a.votesGranted(i) > b.votesGranted(i) ? ['C-2'] : [];
}

function handleAppendEntriesRequest(m: Itf | undefined, b: RaftView, a: RaftView): RuleId[] {
  const i = to(m);
  if (termOf(m) < b.term(i)) return ['F-1', 'AE-1'];
  const rules: RuleId[] = b.role(i) === 'Candidate' ? ['F-1', 'C-3'] : ['F-1'];
  const reply = sentMessages(b, a).find((r) => field(r, 'type') === 'AppendEntriesResponse');
  if (field(reply, 'success') !== true) return [...rules, 'AE-2'];
  const old = b.log(i);
  const now = a.log(i);
  const kept = commonPrefix(old, now);
  if (kept < old.length) rules.push('AE-3');
  if (now.length > kept) rules.push('AE-4');
  const commit = b.commitIndex(i);
  if (a.commitIndex(i) > commit) rules.push('AE-5');
  const leaderCommit = intOf(field(m, 'leaderCommit')) ?? 0n;
  const last = (intOf(field(m, 'prevLogIndex')) ?? 0n) + BigInt(seqLength(field(m, 'entries')));
  if (leaderCommit > commit && (leaderCommit < last ? leaderCommit : last) < commit) rules.push('D-9');
  return rules;
}

const seqLength = (v: Itf | undefined): number => (Array.isArray(v) ? v.length : 0);

function handleAppendEntriesResponse(m: Itf | undefined, b: RaftView, a: RaftView): RuleId[] {
  if (field(m, 'success') === true) return ['L-3a'];
  const i = to(m);
  const j = from(m);
  return a.nextIndex(i, j) < b.nextIndex(i, j) ? ['L-3b'] : ['D-5'];
}
