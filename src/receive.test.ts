// receive: one spec action per message, chosen by term, type and role; and
// the type-level guarantee that such a dispatch cannot miss a case.
import t from 'tap';
import { match, P } from 'ts-pattern';
import type { Message } from './codecs.js';
import { receive, termOrder } from './receive.js';
import type { Role } from './state.js';
import { aeRequest, aeResponse, candidate, follower, id, leader, rvRequest, rvResponse, s3, step, term } from './testing.js';

t.test('ALL-2 D-3: any message of a newer term goes to UpdateTerm first', async (t) => {
  for (const m of [rvRequest({ term: 3 }), rvResponse({ term: 3 }), aeRequest({ term: 3 }), aeResponse({ term: 3 })]) {
    t.match(receive(leader({ currentTerm: 2 }), m), { enabled: true, action: 'UpdateTerm' }, m.type);
  }
});

t.test('F-1: requests of this or an older term go to their handler', async (t) => {
  for (const term of [1, 2]) {
    t.match(receive(follower({ currentTerm: 2 }), rvRequest({ term })), { enabled: true, action: 'HandleRequestVoteRequest' });
    t.match(receive(candidate({ currentTerm: 2 }), aeRequest({ term })), { enabled: true, action: 'HandleAppendEntriesRequest' });
  }
});

t.test('C-2 L-3a: responses of the current term go to their handler', async (t) => {
  t.match(receive(candidate({ currentTerm: 2 }), rvResponse({ term: 2 })), { enabled: true, action: 'HandleRequestVoteResponse' });
  t.match(receive(leader({ currentTerm: 2 }), aeResponse({ term: 2 })), { enabled: true, action: 'HandleAppendEntriesResponse' });
});

t.test('L-3a: an AppendEntries response of the current term at a non-leader is taken by no action', async (t) => {
  for (const s of [follower({ currentTerm: 2 }), candidate({ currentTerm: 2 })]) {
    t.match(receive(s, aeResponse({ term: 2 })), {
      enabled: false,
      action: 'HandleAppendEntriesResponse',
      reason: { kind: 'GuardFailed', guard: 'state[i] = Leader' },
    });
  }
});

t.test('D-3: responses of an older term are dropped', async (t) => {
  t.match(receive(leader({ currentTerm: 2 }), rvResponse({ term: 1 })), { enabled: true, action: 'DropStaleResponse' });
  t.match(receive(follower({ currentTerm: 2 }), aeResponse({ term: 1 })), { enabled: true, action: 'DropStaleResponse' });
});

t.test('a malformed or misaddressed message is rejected before any action is chosen', async (t) => {
  t.match(receive(follower(), { ...rvRequest(), term: -1 } as Message), {
    enabled: false,
    action: null,
    reason: { kind: 'MalformedInput' },
  });
  t.match(receive(follower(), rvRequest({ to: s3 })), { enabled: false, action: null, reason: { kind: 'WrongAddressee' } });
  t.match(receive(follower(), rvRequest({ from: id('s9') })), { enabled: false, action: null, reason: { kind: 'UnknownServer' } });
});

t.test('termOrder compares a message term with currentTerm', async (t) => {
  t.equal(termOrder(term(1), term(2)), 'older');
  t.equal(termOrder(term(2), term(2)), 'current');
  t.equal(termOrder(term(3), term(2)), 'newer');
});

t.test('receive returns exactly what the chosen action returns', async (t) => {
  const s = follower({ currentTerm: 2 });
  const r = step(receive(s, aeRequest({ term: 2 })));
  t.same(r.outputs.send.length, 1);
});

// Type-level: a match over message types that misses one does not compile.
// tsc --noEmit covers this file; if a missing case were accepted, each
// expect-error directive below would itself be reported as unused.
function missesAType(m: Message): string {
  return (
    match(m)
      .with({ type: 'RequestVoteRequest' }, () => 'rv')
      .with({ type: 'RequestVoteResponse' }, () => 'rv-reply')
      .with({ type: 'AppendEntriesRequest' }, () => 'ae')
      // @ts-expect-error AppendEntriesResponse is not handled
      .exhaustive()
  );
}

function missesARole(type: Message['type'], role: Role): string {
  return (
    match({ type, role })
      .with({ type: P.union('RequestVoteRequest', 'RequestVoteResponse', 'AppendEntriesRequest') }, () => 'any role')
      .with({ type: 'AppendEntriesResponse', role: 'Leader' }, () => 'leader')
      .with({ type: 'AppendEntriesResponse', role: 'Follower' }, () => 'follower')
      // @ts-expect-error a Candidate receiving an AppendEntriesResponse is not handled
      .exhaustive()
  );
}

t.test('type-level: ts-pattern .exhaustive() rejects a dispatch that misses a message type or role', async (t) => {
  // At run time the missing case surfaces as a thrown NonExhaustiveError,
  // the reason receive validates a message before it matches on it.
  t.throws(() => missesAType(aeResponse()));
  t.throws(() => missesARole('AppendEntriesResponse', 'Candidate'));
  t.equal(missesAType(rvRequest()), 'rv');
  t.equal(missesARole('AppendEntriesResponse', 'Leader'), 'leader');
});
