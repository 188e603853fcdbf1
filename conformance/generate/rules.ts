// rules.ts: which Figure 2 rules (spec/README.md, "Rule ids") a step of spec/Raft.tla took,
// for the generator (coverage-directed walks, statistics), read from the action and the ITF
// states before and after it. The classifier is the replay's (conformance/rules.ts,
// `classify`): this file only reads an ITF state as its SpecView and an ITF message as its
// RuleMessage, so generation and replay count the same rows the same way.

import { classify, FIGURE2_RULES, RULE_IDS, type Rule, type RuleMessage, type SpecView } from '../rules.js';
import type { Itf, ItfAction, ItfState } from '../itf/value.js';
import { fieldOf, intOf, isRecord, isSeq } from '../itf/value.js';
import { RaftView } from './raft-state.js';

export { FIGURE2_RULES, RULE_IDS };

/** The ids a step is classified by: conformance/rules.ts's coverage rows. */
export type RuleId = Rule;


const num = (v: Itf | undefined): number => Number(intOf(v) ?? 0n);
const text = (v: Itf | undefined): string => (typeof v === 'string' ? v : '');

/** ItfView: an ITF state as the classifier's SpecView (missing values read as 0, empty, none). */
class ItfView implements SpecView {
  private readonly v: RaftView;
  constructor(state: ItfState) {
    this.v = new RaftView(state);
  }
  role(i: string): string {
    return this.v.role(i);
  }
  currentTerm(i: string): number {
    return Number(this.v.term(i));
  }
  votedFor(i: string): string | null {
    const v = this.v.votedFor(i);
    return v === undefined || v === 'Nil' ? null : text(v);
  }
  logTerms(i: string): readonly number[] {
    return this.v.log(i).map((e) => Number(e.term));
  }
  commitIndex(i: string): number {
    return Number(this.v.commitIndex(i));
  }
  votes(i: string): number {
    return this.v.votesGranted(i);
  }
  nextIndex(i: string, j: string): number {
    return Number(this.v.nextIndex(i, j));
  }
}

const MESSAGE_TYPES: readonly string[] = ['RequestVoteRequest', 'RequestVoteResponse', 'AppendEntriesRequest', 'AppendEntriesResponse'];

/** messageOf: the fields of an ITF message record the classifier reads; undefined if it is not a message. */
function messageOf(m: Itf | undefined): RuleMessage | undefined {
  if (m === undefined || !isRecord(m)) return undefined;
  const type = fieldOf(m, 'type');
  if (typeof type !== 'string' || !MESSAGE_TYPES.includes(type)) return undefined;
  const entries = fieldOf(m, 'entries');
  const flag = (name: string): boolean | undefined => {
    const b = fieldOf(m, name);
    return typeof b === 'boolean' ? b : undefined;
  };
  return {
    type: type as RuleMessage['type'],
    from: text(fieldOf(m, 'from')),
    to: text(fieldOf(m, 'to')),
    term: num(fieldOf(m, 'term')),
    candidateId: text(fieldOf(m, 'candidateId')),
    lastLogIndex: num(fieldOf(m, 'lastLogIndex')),
    lastLogTerm: num(fieldOf(m, 'lastLogTerm')),
    prevLogIndex: num(fieldOf(m, 'prevLogIndex')),
    prevLogTerm: num(fieldOf(m, 'prevLogTerm')),
    entries: entries !== undefined && isSeq(entries) ? entries.map((e) => ({ term: num(fieldOf(e, 'term')) })) : [],
    leaderCommit: num(fieldOf(m, 'leaderCommit')),
    success: flag('success'),
    voteGranted: flag('voteGranted'),
  };
}

/** The rule ids the step `before --action--> after` took (empty when it took none, e.g. a vote counted already). */
export function rulesOf(action: ItfAction, before: ItfState, after: ItfState): RuleId[] {
  const [first, , third] = action.args;
  const step =
    typeof first === 'string'
      ? { name: action.name, i: first, n: third === undefined ? undefined : num(third) }
      : { name: action.name, m: messageOf(first) };
  return classify(step, new ItfView(before), new ItfView(after));
}
