// rules: which Figure 2 rules (ids of spec/README.md) a step of a trace
// exercises, read off the spec's action and the states before and after
// it; the coverage table counts them over a corpus.
import { match, P } from 'ts-pattern';
import type { AppendEntriesRequest, Entry, Message, RequestVoteRequest } from '../src/index.js';
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

const lastTerm = (log: readonly Entry[]): number => log[log.length - 1]?.term ?? 0;

/** candidateLogUpToDate: CandidateLogUpToDate(i, m) over the log before the step. */
function candidateLogUpToDate(log: readonly Entry[], m: RequestVoteRequest): boolean {
  return m.lastLogTerm > lastTerm(log) || (m.lastLogTerm === lastTerm(log) && m.lastLogIndex >= log.length);
}

function requestVoteRules(before: SpecState, m: Message): Rule[] {
  if (m.type !== 'RequestVoteRequest') return [];
  const i = m.to;
  if (m.term < (before.currentTerm.get(i) ?? 0)) return ['F-1', 'RV-1'];
  const votedFor = before.votedFor.get(i) ?? null;
  const free = votedFor === null || votedFor === m.candidateId;
  const upToDate = candidateLogUpToDate(before.log.get(i) ?? [], m);
  const rules: Rule[] = ['F-1'];
  if (free && upToDate) rules.push('RV-2 grant');
  if (!free) rules.push('RV-2 deny: voted');
  if (!upToDate) rules.push('RV-2 deny: log');
  return rules;
}

/** firstConflict: FirstConflict(xlog, m), 1-based position in m.entries, 0 for none. */
function firstConflict(log: readonly Entry[], m: AppendEntriesRequest): number {
  for (let k = 1; k <= m.entries.length; k++) {
    const existing = log[m.prevLogIndex + k - 1];
    if (existing !== undefined && existing.term !== (m.entries[k - 1] as Entry).term) return k;
  }
  return 0;
}

function appendEntriesRules(before: SpecState, after: SpecState, m: Message): Rule[] {
  if (m.type !== 'AppendEntriesRequest') return [];
  const i = m.to;
  if (m.term < (before.currentTerm.get(i) ?? 0)) return ['F-1', 'AE-1'];
  const rules: Rule[] = ['F-1'];
  if (before.state.get(i) === 'Candidate') rules.push('C-3');
  const log = before.log.get(i) ?? [];
  const logOk = m.prevLogIndex === 0 || (m.prevLogIndex <= log.length && log[m.prevLogIndex - 1]?.term === m.prevLogTerm);
  if (!logOk) return [...rules, 'AE-2'];
  const conflict = firstConflict(log, m);
  const kept = conflict === 0 ? log.length : m.prevLogIndex + conflict - 1;
  const last = m.prevLogIndex + m.entries.length;
  if (conflict !== 0) rules.push('AE-3');
  if (last > kept) rules.push('AE-4');
  const commitIndex = before.commitIndex.get(i) ?? 0;
  if ((after.commitIndex.get(i) ?? 0) > commitIndex) rules.push('AE-5');
  if (m.leaderCommit > commitIndex && Math.min(m.leaderCommit, last) < commitIndex) rules.push('D-9');
  return rules;
}

function appendEntriesResponseRules(before: SpecState, after: SpecState, m: Message): Rule[] {
  if (m.type !== 'AppendEntriesResponse') return [];
  if (m.success) return ['L-3a'];
  const moved = before.nextIndex.get(m.to)?.get(m.from) !== after.nextIndex.get(m.to)?.get(m.from);
  return [moved ? 'L-3b' : 'D-5'];
}

/** rulesOf: the rules a step exercises, per the spec's states before and after it. */
export function rulesOf(call: ActionCall, before: SpecState, after: SpecState): Rule[] {
  return match(call)
    .with({ name: 'Restart' }, (): Rule[] => ['P-1'])
    .with({ name: 'Timeout' }, ({ args: [i] }): Rule[] => (before.state.get(i) === 'Candidate' ? ['C-4', 'C-1'] : ['F-2', 'C-1']))
    .with({ name: 'RequestVote' }, (): Rule[] => ['C-1'])
    .with({ name: 'BecomeLeader' }, (): Rule[] => ['C-2'])
    .with({ name: 'ClientRequest' }, (): Rule[] => ['L-2'])
    .with({ name: 'AppendEntries' }, ({ args: [, , n] }): Rule[] => [n === 0 ? 'L-1' : 'L-3'])
    .with({ name: 'AdvanceCommitIndex' }, (): Rule[] => ['L-4'])
    .with({ name: 'ApplyEntry' }, (): Rule[] => ['ALL-1'])
    .with({ name: 'UpdateTerm' }, (): Rule[] => ['ALL-2'])
    .with({ name: 'HandleRequestVoteRequest' }, ({ args: [m] }) => requestVoteRules(before, m.message))
    .with({ name: 'HandleRequestVoteResponse' }, ({ args: [m] }): Rule[] =>
      m.message.type === 'RequestVoteResponse' && m.message.voteGranted && before.state.get(m.message.to) === 'Candidate' ? ['C-2'] : [],
    )
    .with({ name: 'HandleAppendEntriesRequest' }, ({ args: [m] }) => appendEntriesRules(before, after, m.message))
    .with({ name: 'HandleAppendEntriesResponse' }, ({ args: [m] }) => appendEntriesResponseRules(before, after, m.message))
    .with({ name: 'DropStaleResponse' }, (): Rule[] => ['D-3'])
    .with({ name: P.union('DropMessage', 'DuplicateMessage') }, (): Rule[] => ['D-1'])
    .exhaustive();
}
