// stats.ts: what a trace contains: steps per action and per rule id, and whether it shows
// the behaviours the conformance suite needs (leader changes with uncommitted entries,
// truncation, commits, faults, reordering). Measured on the ITF states actually written.

import { type ItfState, intOf } from '../itf/value.js';
import { RaftView, commonPrefix, field, sentMessages } from './raft-state.js';
import type { ItfAction } from '../itf/value.js';
import { rulesOf } from './rules.js';

export const FEATURES = {
  election: 'a leader elected (BecomeLeader)',
  leaderChangeUncommitted: 'a leader elected while a log holds an older-term entry not committed anywhere',
  truncation: 'a log got shorter or an entry was replaced',
  commit: 'a commitIndex advanced',
  voteRefused: 'a vote refused at the current term (split vote or stale log)',
  loss: 'a message lost (DropMessage)',
  duplication: 'a message duplicated (DuplicateMessage)',
  reordering: 'a message delivered before one sent earlier on the same link',
  restart: 'a server restarted (Restart)',
} as const;
export type Feature = keyof typeof FEATURES;

export type TraceStats = {
  readonly steps: number;
  readonly actions: Readonly<Record<string, number>>;
  readonly rules: Readonly<Record<string, number>>;
  readonly features: readonly Feature[];
};

export type TraceStep = { readonly action: ItfAction; readonly state: ItfState };

const bump = (r: Record<string, number>, k: string): void => void (r[k] = (r[k] ?? 0) + 1);

/** Statistics of one trace (step 0 is the initial state). */
export function traceStats(steps: readonly TraceStep[]): TraceStats {
  const actions: Record<string, number> = {};
  const rules: Record<string, number> = {};
  const features = new Set<Feature>();
  const network = new Network();
  for (let k = 1; k < steps.length; k++) {
    const before = steps[k - 1];
    const after = steps[k];
    if (before === undefined || after === undefined) continue;
    bump(actions, after.action.name);
    for (const r of rulesOf(after.action, before.state, after.state)) bump(rules, r);
    for (const f of stepFeatures(after.action, new RaftView(before.state), new RaftView(after.state))) features.add(f);
    if (network.step(after.action, new RaftView(before.state), new RaftView(after.state))) features.add('reordering');
  }
  return { steps: Math.max(steps.length - 1, 0), actions, rules, features: (Object.keys(FEATURES) as Feature[]).filter((f) => features.has(f)) };
}

function stepFeatures(action: ItfAction, b: RaftView, a: RaftView): Feature[] {
  const out: Feature[] = [];
  const servers = b.servers();
  if (action.name === 'BecomeLeader') {
    out.push('election');
    const j = action.args[0] ?? '';
    if (uncommittedOlderEntry(b, b.term(j))) out.push('leaderChangeUncommitted');
  }
  if (servers.some((i) => commonPrefix(b.log(i), a.log(i)) < b.log(i).length)) out.push('truncation');
  if (servers.some((i) => a.commitIndex(i) > b.commitIndex(i))) out.push('commit');
  if (action.name === 'HandleRequestVoteRequest') {
    const m = action.args[0];
    const current = intOf(field(m, 'term')) === b.term(field(m, 'to') ?? '');
    const reply = sentMessages(b, a).find((r) => field(r, 'type') === 'RequestVoteResponse');
    if (current && field(reply, 'voteGranted') === false) out.push('voteRefused');
  }
  if (action.name === 'DropMessage') out.push('loss');
  if (action.name === 'DuplicateMessage') out.push('duplication');
  if (action.name === 'Restart') out.push('restart');
  return out;
}

/** Some log holds an entry of a term below `term` past the largest commitIndex of all servers. */
function uncommittedOlderEntry(b: RaftView, term: bigint): boolean {
  const servers = b.servers();
  const committed = servers.reduce((m, i) => (b.commitIndex(i) > m ? b.commitIndex(i) : m), 0n);
  return servers.some((i) => b.log(i).some((e, k) => BigInt(k + 1) > committed && e.term < term));
}

/** Send order per link (from, to), to see a message delivered before an older one. */
class Network {
  private inFlight: { readonly key: string; readonly link: string }[] = [];

  /** Records the step; true when it delivered a message out of send order. */
  step(action: ItfAction, b: RaftView, a: RaftView): boolean {
    const was = new Map(b.messages().map((x) => [x.key, x.copies]));
    const now = new Map(a.messages().map((x) => [x.key, x.copies]));
    let reordered = false;
    for (const x of b.messages()) {
      for (let c = now.get(x.key) ?? 0n; c < x.copies; c++) {
        const at = this.inFlight.findIndex((y) => y.key === x.key);
        const delivered = action.name.startsWith('Handle');
        if (delivered && this.inFlight.findIndex((y) => y.link === linkOf(x.m)) < at) reordered = true;
        if (at >= 0) this.inFlight.splice(at, 1);
      }
    }
    for (const x of a.messages()) {
      for (let c = was.get(x.key) ?? 0n; c < x.copies; c++) this.inFlight.push({ key: x.key, link: linkOf(x.m) });
    }
    return reordered;
  }
}

const linkOf = (m: ItfState[string]): string => `${JSON.stringify(field(m, 'from'))}->${JSON.stringify(field(m, 'to'))}`;
