// receive: the one entry point for a message. It picks the single spec
// action that applies to the message at this server and returns that
// action's result (whose `action` names the choice).
import { match } from 'ts-pattern';
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
  // Matched on two plain strings, the term order and then the type, not on an object of the
  // three with P.union patterns: on the corpus's messages that took about 3 us a message, more
  // than decoding it, and this takes about 0.5 us. The role needs no case of its own: an
  // AppendEntries response of this term goes to its handler whatever the role.
  return match(termOrder(m.term, s.currentTerm))
    .with('newer', () => updateTermChecked(s, m))
    .with('current', () =>
      match(m.type)
        .with('RequestVoteRequest', () => handleRequestVoteRequestChecked(s, m))
        .with('AppendEntriesRequest', () => handleAppendEntriesRequestChecked(s, m))
        .with('RequestVoteResponse', () => handleRequestVoteResponseChecked(s, m))
        // At a follower or candidate no action takes it: the spec leaves it in flight; the
        // handler says why (its guard state[i] = Leader is false).
        .with('AppendEntriesResponse', () => handleAppendEntriesResponseChecked(s, m))
        .exhaustive(),
    )
    .with('older', () =>
      match(m.type)
        .with('RequestVoteRequest', () => handleRequestVoteRequestChecked(s, m))
        .with('AppendEntriesRequest', () => handleAppendEntriesRequestChecked(s, m))
        .with('RequestVoteResponse', 'AppendEntriesResponse', () => dropStaleResponseChecked(s, m))
        .exhaustive(),
    )
    .exhaustive();
}
