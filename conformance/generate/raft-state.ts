// raft-state.ts: the spec variables of an ITF state of spec/Raft.tla (the table "Spec
// variables, JSON, TypeScript" of traces/README.md): conversion from tla-checker states and
// typed reads for the rule classifier and the trace statistics.

import type { TlaState } from '../tla/value.js';
import { type Itf, type ItfRecord, type ItfState, asFunction, canonical, fieldOf, fromTla, intOf, isMap, isRecord, isSeq, isSet, itfKey, mapGet } from '../itf/value.js';

/** Every variable of spec/Raft.tla; each is a function (of servers, or of messages). */
export const RAFT_VARIABLES: readonly string[] = [
  'currentTerm', 'votedFor', 'log', 'state', 'commitIndex', 'lastApplied', 'votesGranted', 'nextIndex', 'matchIndex', 'messages',
];

export class UnknownVariableError extends Error {
  override name = 'UnknownVariableError';
}

/** A tla-checker state as a canonical ITF state over `vars` (in that order). */
export function stateFromTla(state: TlaState, vars: readonly string[]): ItfState {
  const out: Record<string, Itf> = {};
  for (const v of vars) {
    if (!RAFT_VARIABLES.includes(v)) throw new UnknownVariableError(`variable ${v} is not in the table of traces/README.md (the spec changed: update both)`);
    const value = state[v];
    if (value === undefined) throw new Error(`state has no variable ${v}`);
    out[v] = asFunction(fromTla(value));
  }
  return out;
}

export type Entry = { readonly term: bigint; readonly value: Itf };
export type Message = ItfRecord;

const num = (v: Itf | undefined, what: string): bigint => {
  const n = intOf(v);
  if (n === undefined) throw new Error(`${what} is not an integer: ${JSON.stringify(v)}`);
  return n;
};

/** Read access to one state; server ids are their ITF names (strings). */
export class RaftView {
  constructor(readonly state: ItfState) {}

  private at(variable: string, i: Itf): Itf | undefined {
    return mapGet(this.state[variable], i);
  }

  servers(): string[] {
    const m = this.state['currentTerm'];
    return m !== undefined && isMap(m) ? m['#map'].map(([k]) => String(k)) : [];
  }

  term(i: Itf): bigint {
    return num(this.at('currentTerm', i), `currentTerm[${String(i)}]`);
  }

  role(i: Itf): string {
    return String(this.at('state', i));
  }

  votedFor(i: Itf): Itf | undefined {
    return this.at('votedFor', i);
  }

  commitIndex(i: Itf): bigint {
    return num(this.at('commitIndex', i), `commitIndex[${String(i)}]`);
  }

  log(i: Itf): Entry[] {
    const l = this.at('log', i);
    if (l === undefined || !isSeq(l)) return [];
    return l.map((e) => ({ term: num(fieldOf(e, 'term'), 'entry term'), value: fieldOf(e, 'value') ?? '' }));
  }

  votesGranted(i: Itf): number {
    const s = this.at('votesGranted', i);
    return s !== undefined && isSet(s) ? s['#set'].length : 0;
  }

  nextIndex(i: Itf, j: Itf): bigint {
    return num(mapGet(this.at('nextIndex', i), j), `nextIndex[${String(i)}][${String(j)}]`);
  }

  /** Messages in flight with their copies. */
  messages(): { readonly m: Message; readonly key: string; readonly copies: bigint }[] {
    const bag = this.state['messages'];
    if (bag === undefined || !isMap(bag)) return [];
    return bag['#map'].flatMap(([m, c]) => (isRecord(m) ? [{ m: m as ItfRecord, key: itfKey(canonical(m)), copies: intOf(c) ?? 0n }] : []));
  }
}

/** Messages whose number of copies grew from `before` to `after` (what a step sent). */
export function sentMessages(before: RaftView, after: RaftView): Message[] {
  const was = new Map(before.messages().map((x) => [x.key, x.copies]));
  return after.messages().filter((x) => x.copies > (was.get(x.key) ?? 0n)).map((x) => x.m);
}

export const field = fieldOf;

/** Two entries with the same term and value. */
function entryEqual(a: Entry | undefined, b: Entry | undefined): boolean {
  return a !== undefined && b !== undefined && a.term === b.term && itfKey(canonical(a.value)) === itfKey(canonical(b.value));
}

/** Length of the longest common prefix of two logs. */
export function commonPrefix(a: readonly Entry[], b: readonly Entry[]): number {
  let k = 0;
  while (k < a.length && k < b.length && entryEqual(a[k], b[k])) k++;
  return k;
}
