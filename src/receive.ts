// receive: the one entry point for a message. It picks the single spec
// action that applies to the message at this server and returns that
// action's result (whose `action` names the choice).
import { match, P } from 'ts-pattern';
import type { Message, Term } from './codecs.js';
import { handleAppendEntriesRequestChecked, handleAppendEntriesResponseChecked } from './append-entries.js';
import { checkMessage } from './envelope.js';
import { handleRequestVoteRequestChecked, handleRequestVoteResponseChecked } from './request-vote.js';
import type { ActionResult, BadInput } from './result.js';
import type { NodeState } from './state.js';
import { dropStaleResponseChecked, updateTermChecked } from './term.js';

/** Rejected: the message is malformed or not for this server, so no action was chosen. */
export type Rejected = { readonly enabled: false; readonly action: null; readonly reason: BadInput };

export type Received = ActionResult | Rejected;

/** TermOrder: how a message's term compares with currentTerm. */
export type TermOrder = 'older' | 'current' | 'newer';

export function termOrder(term: Term, currentTerm: Term): TermOrder {
  if (term > currentTerm) return 'newer';
  return term === currentTerm ? 'current' : 'older';
}

/**
 * receive: dispatch `m` at server `s`:
 *   a newer term                       UpdateTerm (ALL-2; m stays in flight, D-3)
 *   a request of this or an older term HandleRequestVoteRequest / HandleAppendEntriesRequest
 *   a response of this term            HandleRequestVoteResponse / HandleAppendEntriesResponse
 *                                      (the latter is not enabled unless s leads)
 *   a response of an older term        DropStaleResponse (D-3)
 */
export function receive(s: NodeState, input: Message): Received {
  const checked = checkMessage(s, input);
  if (!checked.ok) return { enabled: false, action: null, reason: checked.reason };
  // m is decoded and checked here, once: the handlers' Checked variants take it as it is.
  const m = checked.m;
  return match({ type: m.type, term: termOrder(m.term, s.currentTerm), role: s.role })
    .with({ term: 'newer' }, () => updateTermChecked(s, m))
    .with({ type: 'RequestVoteRequest', term: P.union('current', 'older') }, () => handleRequestVoteRequestChecked(s, m))
    .with({ type: 'AppendEntriesRequest', term: P.union('current', 'older') }, () => handleAppendEntriesRequestChecked(s, m))
    .with({ type: P.union('RequestVoteResponse', 'AppendEntriesResponse'), term: 'older' }, () =>
      dropStaleResponseChecked(s, m),
    )
    .with({ type: 'RequestVoteResponse', term: 'current' }, () => handleRequestVoteResponseChecked(s, m))
    .with({ type: 'AppendEntriesResponse', term: 'current', role: 'Leader' }, () => handleAppendEntriesResponseChecked(s, m))
    // No action takes it: the spec leaves it in flight; the handler says why.
    .with({ type: 'AppendEntriesResponse', term: 'current', role: P.union('Follower', 'Candidate') }, () =>
      handleAppendEntriesResponseChecked(s, m),
    )
    .exhaustive();
}
