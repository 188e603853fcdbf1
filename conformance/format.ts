// format: spec values as short TLA+-like text for divergence reports:
// <<[term 1, v1]>> for a log, {s1, s2} for a set, (s2 :> 1 @@ s3 :> 1) for
// a function, Nil for a null votedFor, and messages as
// Type(from -> to, field value, ...).
import type { Entry, Message, NodeId } from '../src/index.js';
import type { ActionCall, Bag, SpecState } from './trace.js';

export function formatEntry(e: Entry): string {
  return `[term ${e.term}, ${e.value}]`;
}

export function formatLog(log: readonly Entry[]): string {
  return `<<${log.map(formatEntry).join(', ')}>>`;
}

export function formatSet(s: Iterable<string>): string {
  return `{${[...s].sort().join(', ')}}`;
}

export function formatFunction(m: ReadonlyMap<string, number>): string {
  return m.size === 0 ? '<<>>' : `(${[...m].map(([k, v]) => `${k} :> ${v}`).join(' @@ ')})`;
}

export function formatVotedFor(v: NodeId | null): string {
  return v === null ? 'Nil' : v;
}

/** formatField: a message field's value. */
function formatField(v: unknown): string {
  if (Array.isArray(v)) return `<<${v.map((e: unknown) => (typeof e === 'object' && e !== null && 'term' in e ? formatEntry(e as Entry) : formatField(e))).join(', ')}>>`;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}

/** formatMessage: e.g. AppendEntriesRequest(s1 -> s2, term 1, leaderId s1, prevLogIndex 0, ...). */
export function formatMessage(m: Message): string {
  const fields = Object.entries(m)
    .filter(([k]) => k !== 'type' && k !== 'from' && k !== 'to')
    .map(([k, v]) => `${k} ${formatField(v)}`);
  return `${m.type}(${m.from} -> ${m.to}${fields.map((f) => `, ${f}`).join('')})`;
}

/** formatCall: an action with its arguments, e.g. AppendEntries(s1, s2, 1). */
export function formatCall(call: ActionCall): string {
  const args = call.args.map((a: unknown) => (typeof a === 'object' && a !== null ? formatMessage((a as { message: Message }).message) : String(a)));
  return `${call.name}(${args.join(', ')})`;
}

export function formatBag(bag: Bag): string[] {
  return [...bag.values()].map((e) => `${e.copies}x ${formatMessage(e.message)}`);
}

/**
 * formatState: one line per server and one per message in flight; a
 * server's candidate and leader fields only when they are not their
 * initial values.
 */
export function formatState(s: SpecState, servers: readonly NodeId[]): string[] {
  const lines = servers.map((i) => {
    const parts = [
      `${s.state.get(i)}`,
      `term ${s.currentTerm.get(i)}`,
      `votedFor ${formatVotedFor(s.votedFor.get(i) ?? null)}`,
      `log ${formatLog(s.log.get(i) ?? [])}`,
      `commitIndex ${s.commitIndex.get(i)}`,
      `lastApplied ${s.lastApplied.get(i)}`,
    ];
    const votes = s.votesGranted.get(i);
    if (votes !== undefined && votes.size > 0) parts.push(`votesGranted ${formatSet(votes)}`);
    const next = s.nextIndex.get(i);
    const match = s.matchIndex.get(i);
    if (s.state.get(i) === 'Leader' || [...(next?.values() ?? [])].some((n) => n !== 1) || [...(match?.values() ?? [])].some((n) => n !== 0)) {
      parts.push(`nextIndex ${formatFunction(next ?? new Map())}`, `matchIndex ${formatFunction(match ?? new Map())}`);
    }
    return `${i}: ${parts.join(', ')}`;
  });
  const bag = formatBag(s.messages);
  return [...lines, bag.length === 0 ? 'messages: none in flight' : 'messages:', ...bag.map((l) => `  ${l}`)];
}
