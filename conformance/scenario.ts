// scenario: write a trace by hand, the way the spec reads: each step names
// an action of spec/Raft.tla and spells out what it changes (everything
// else is UNCHANGED). The result is an ITF document (traces/README.md),
// encoded here independently of the decoder in itf.ts, so that the
// fixtures test the decoder as well as the implementation.
//
// Nothing here consults src/: the expected states are the author's
// reading of the spec.

/** Msg: a message record with plain values (entries as [term, value] pairs). */
export type Msg = { readonly type: string; readonly from: string; readonly to: string; readonly [field: string]: unknown };
export type E = readonly [term: number, value: string];

/** State: the spec variables, plainly: functions as records keyed by server. */
export type State = {
  currentTerm: Record<string, number>;
  votedFor: Record<string, string>;
  log: Record<string, E[]>;
  state: Record<string, 'Follower' | 'Candidate' | 'Leader'>;
  commitIndex: Record<string, number>;
  lastApplied: Record<string, number>;
  votesGranted: Record<string, string[]>;
  nextIndex: Record<string, Record<string, number>>;
  matchIndex: Record<string, Record<string, number>>;
  messages: { m: Msg; copies: number }[];
};

export const rvq = (from: string, to: string, term: number, lastLogIndex: number, lastLogTerm: number): Msg => ({
  type: 'RequestVoteRequest', from, to, term, candidateId: from, lastLogIndex, lastLogTerm,
});
export const rvr = (from: string, to: string, term: number, voteGranted: boolean): Msg => ({ type: 'RequestVoteResponse', from, to, term, voteGranted });
export const aeq = (from: string, to: string, term: number, prevLogIndex: number, prevLogTerm: number, entries: readonly E[], leaderCommit: number): Msg => ({
  type: 'AppendEntriesRequest', from, to, term, leaderId: from, prevLogIndex, prevLogTerm, entries, leaderCommit,
});
export const aer = (from: string, to: string, term: number, success: boolean, prevLogIndex: number, matchIndex: number): Msg => ({
  type: 'AppendEntriesResponse', from, to, term, success, prevLogIndex, matchIndex,
});

const same = (a: Msg, b: Msg): boolean => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** send: Send(m). */
export function send(s: State, m: Msg): void {
  const e = s.messages.find((x) => same(x.m, m));
  if (e === undefined) s.messages.push({ m, copies: 1 });
  else e.copies += 1;
}

/** discard: Discard(m); m must be in flight. */
export function discard(s: State, m: Msg): void {
  const k = s.messages.findIndex((x) => same(x.m, m));
  const e = s.messages[k];
  if (e === undefined) throw new Error(`scenario: discard of a message not in flight: ${JSON.stringify(m)}`);
  if (e.copies > 1) e.copies -= 1;
  else s.messages.splice(k, 1);
}

/** asFollower: the candidate and leader variables of i back to their initial values (D-10). */
export function resetRoleFields(s: State, servers: readonly string[], i: string): void {
  s.votesGranted[i] = [];
  s.nextIndex[i] = Object.fromEntries(servers.filter((j) => j !== i).map((j) => [j, 1]));
  s.matchIndex[i] = Object.fromEntries(servers.filter((j) => j !== i).map((j) => [j, 0]));
}

type Step = { readonly action: string; readonly args: readonly unknown[]; readonly state: State };

export class Scenario {
  readonly steps: Step[] = [];

  constructor(
    readonly servers: readonly string[],
    readonly values: readonly string[],
  ) {
    const per = <A>(f: (i: string) => A): Record<string, A> => Object.fromEntries(servers.map((i) => [i, f(i)]));
    const init: State = {
      currentTerm: per(() => 0),
      votedFor: per(() => 'Nil'),
      log: per(() => []),
      state: per(() => 'Follower' as const),
      commitIndex: per(() => 0),
      lastApplied: per(() => 0),
      votesGranted: per(() => []),
      nextIndex: {},
      matchIndex: {},
      messages: [],
    };
    for (const i of servers) resetRoleFields(init, servers, i);
    this.steps.push({ action: 'Init', args: [], state: init });
  }

  get last(): State {
    return (this.steps[this.steps.length - 1] as Step).state;
  }

  /** step: action(args), whose effect on a copy of the last state is `change`. */
  step(action: string, args: readonly unknown[], change: (s: State) => void): this {
    const s = structuredClone(this.last);
    change(s);
    this.steps.push({ action, args, state: s });
    return this;
  }

  /** play: a sequence of steps (scenario-steps.ts), appended in place. */
  play(steps: (sc: this) => void): this {
    steps(this);
    return this;
  }

  /** toItf: the trace as an ITF document stamped with `specHash`. */
  toItf(specHash: string, model: string, description: string): unknown {
    return {
      '#meta': {
        format: 'ITF',
        'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html',
        source: 'conformance/fixtures (written by hand)',
        description,
        raftref: {
          version: 1,
          spec: 'spec/Raft.tla',
          specHash,
          model,
          constants: { Server: { '#set': [...this.servers] }, Value: { '#set': [...this.values] }, Nil: 'Nil' },
          checker: { name: 'hand', version: '0' },
          generator: { mode: 'hand' },
        },
      },
      vars: ['currentTerm', 'votedFor', 'log', 'state', 'commitIndex', 'lastApplied', 'votesGranted', 'nextIndex', 'matchIndex', 'messages'],
      states: this.steps.map((st, index) => ({
        '#meta': { index, action: st.action, args: st.args.map(encodeArg) },
        ...encodeState(st.state),
      })),
    };
  }
}

const big = (n: number): unknown => ({ '#bigint': String(n) });
const fn = <A>(r: Record<string, A>, f: (a: A) => unknown): unknown => ({ '#map': Object.entries(r).map(([k, v]) => [k, f(v)]) });
const entry = ([term, value]: E): unknown => ({ term: big(term), value });

export function encodeMessage(m: Msg): unknown {
  return Object.fromEntries(
    Object.entries(m).map(([k, v]) => [k, k === 'entries' ? (v as E[]).map(entry) : typeof v === 'number' ? big(v) : v]),
  );
}

function encodeArg(a: unknown): unknown {
  if (typeof a === 'number') return big(a);
  if (typeof a === 'object' && a !== null) return encodeMessage(a as Msg);
  return a;
}

function encodeState(s: State): Record<string, unknown> {
  return {
    currentTerm: fn(s.currentTerm, big),
    votedFor: fn(s.votedFor, (v) => v),
    log: fn(s.log, (l) => l.map(entry)),
    state: fn(s.state, (v) => v),
    commitIndex: fn(s.commitIndex, big),
    lastApplied: fn(s.lastApplied, big),
    votesGranted: fn(s.votesGranted, (v) => ({ '#set': v })),
    nextIndex: fn(s.nextIndex, (r) => fn(r, big)),
    matchIndex: fn(s.matchIndex, (r) => fn(r, big)),
    messages: { '#map': s.messages.map(({ m, copies }) => [encodeMessage(m), big(copies)]) },
  };
}
