// With checkEnabled, every message handler is asked about every message in
// flight, not only the one receive() picks: a handler enabled where the
// spec's action for the message is another is a divergence even though
// receive() never calls it.
import t from 'tap';
import { Guard } from '../src/index.js';
import { SRC_ACTIONS, type Actions } from './actions.js';
import { firstFalse } from './enabled.js';
import { fixture, replayJson } from './testing.js';

t.test('a handler enabled beside the spec\'s action is caught, though receive never picks it', async (t) => {
  // DropStaleResponse that also takes responses of the current term: receive() still
  // routes those to their handlers, so the plain replay cannot see it.
  const greedy: Actions = {
    ...SRC_ACTIONS,
    dropStaleResponse: (s, m) => {
      const r = SRC_ACTIONS.dropStaleResponse(s, m);
      if (r.enabled || (m.type !== 'RequestVoteResponse' && m.type !== 'AppendEntriesResponse') || m.term !== s.currentTerm) return r;
      return SRC_ACTIONS.dropStaleResponse({ ...s, currentTerm: s.currentTerm + 1 } as typeof s, m);
    },
  };
  t.equal(replayJson(fixture('election-2'), greedy).divergence, undefined, 'plain replay: conforms');
  const d = replayJson(fixture('election-2'), greedy, undefined, { checkEnabled: true }).divergence;
  t.equal(d?.kind, 'enabled');
  t.match(d?.reason, /DropStaleResponse\(RequestVoteResponse\(.*\)\): the implementation says enabled, the spec says not enabled \(m\.term < currentTerm\[i\]\)$/);
});

t.test('a handler that refuses its own message is caught the same way', async (t) => {
  const refusing: Actions = {
    ...SRC_ACTIONS,
    handleRequestVoteResponse: (s, m) => (m.type === 'RequestVoteResponse' && !m.voteGranted ? SRC_ACTIONS.updateTerm(s, m) : SRC_ACTIONS.handleRequestVoteResponse(s, m)),
  };
  const r = replayJson(fixture('conflict-3'), refusing, undefined, { checkEnabled: true });
  t.equal(r.divergence?.kind, 'enabled');
  t.match(r.divergence?.reason, /HandleRequestVoteResponse\(RequestVoteResponse\(.*\)\): the implementation says not enabled \(.*\), the spec says enabled$/);
});

t.test('a refusal that names another conjunct than the spec\'s first false one is caught', async (t) => {
  // AppendEntries(i, i, n) of a leader that skips the peer check: it is still
  // refused, since i has no nextIndex entry for itself, but for the entries
  // guard, where the spec's first false conjunct is j \in Peers(i).
  const selfish: Actions = {
    ...SRC_ACTIONS,
    appendEntries: (s, j, n) => {
      const r = SRC_ACTIONS.appendEntries(s, j, n);
      if (r.enabled || r.reason.kind !== 'GuardFailed' || r.reason.guard !== Guard.peer) return r;
      return { ...r, reason: { ...r.reason, guard: Guard.entriesInLog } };
    },
  };
  t.equal(replayJson(fixture('election-2'), selfish).divergence, undefined, 'plain replay: conforms');
  const d = replayJson(fixture('election-2'), selfish, undefined, { checkEnabled: true }).divergence;
  t.equal(d?.kind, 'enabled');
  t.match(d?.reason, /AppendEntries\((s\d), \1, 0\): the implementation says not enabled, but for nextIndex\[i\]\[j\] \+ n - 1 <= Len\(log\[i\]\), not for the spec's first false conjunct, the spec says not enabled \(j \\in Peers\(i\)\)$/);
});

t.test('firstFalse: the spec\'s order decides, and later conjuncts are not evaluated', async (t) => {
  let evaluated = false;
  const later = (): boolean => {
    evaluated = true;
    return false;
  };
  t.equal(firstFalse([[Guard.leader, () => true], [Guard.peer, () => false], [Guard.entriesInLog, later]]), Guard.peer);
  t.equal(evaluated, false, 'a conjunct after a false one is not evaluated');
  t.equal(firstFalse([[Guard.leader, () => true]]), undefined);
});

t.test('a request at prevLogIndex 0 answered by its prevLogTerm is caught', async (t) => {
  // LogOk holds at index 0 whatever prevLogTerm says; this server refuses a
  // request there unless prevLogTerm is 0, which every spec behaviour sends.
  const strict: Actions = {
    ...SRC_ACTIONS,
    receive: (s, m) =>
      m.type === 'AppendEntriesRequest' && m.prevLogIndex === 0 && m.prevLogTerm !== 0 ? SRC_ACTIONS.receive(s, { ...m, term: -1 } as never) : SRC_ACTIONS.receive(s, m),
  };
  t.equal(replayJson(fixture('election-2'), strict).divergence, undefined, 'plain replay: conforms');
  const d = replayJson(fixture('election-2'), strict, undefined, { checkEnabled: true }).divergence;
  t.equal(d?.kind, 'enabled');
  t.match(d?.reason, /receive\(s\d, AppendEntriesRequest\(.*prevLogIndex 0, prevLogTerm 1.*\)\): the implementation says a different step than with prevLogTerm 0, the spec says the same step: LogOk holds at prevLogIndex 0 whatever prevLogTerm is$/);
});
