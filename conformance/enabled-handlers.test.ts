// With checkEnabled, every message handler is asked about every message in
// flight, not only the one receive() picks: a handler enabled where the
// spec's action for the message is another is a divergence even though
// receive() never calls it.
import t from 'tap';
import { SRC_ACTIONS, type Actions } from './actions.js';
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
  t.match(d?.reason, /DropStaleResponse\(RequestVoteResponse\(.*\)\): the implementation says enabled, the spec says not enabled$/);
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
