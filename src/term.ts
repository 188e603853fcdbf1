// term: the two steps that look only at a message's term, whatever its
// type: a newer term is adopted first (ALL-2), and a response of an older
// term is dropped unread (D-3).
import type { Message } from './codecs.js';
import { checkedFirst } from './envelope.js';
import { enabled, Guard, guardFailed, type ActionResult, type PersistWrite } from './result.js';
import { toFollower, type NodeState } from './state.js';

/**
 * updateTerm: UpdateTerm(m). ALL-2 (§5.1): if m.term > currentTerm, set
 * currentTerm = m.term, clear votedFor and convert to follower. The
 * message itself is not handled here: it stays in flight and a later step
 * handles it in the new term (D-3).
 */
export const updateTerm = checkedFirst('UpdateTerm', updateTermChecked);

/** updateTermChecked: updateTerm of a message that passed checkMessage (receive checks it once). */
export function updateTermChecked(s: NodeState, m: Message): ActionResult {
  if (!(m.term > s.currentTerm)) {
    return guardFailed('UpdateTerm', Guard.newerTerm, `m.term = ${m.term} is not newer than currentTerm = ${s.currentTerm}`);
  }
  const persist: PersistWrite[] = [{ write: 'currentTerm', currentTerm: m.term }];
  if (s.votedFor !== null) persist.push({ write: 'votedFor', votedFor: null });
  return enabled('UpdateTerm', toFollower({ ...s, currentTerm: m.term, votedFor: null }), { persist });
}

/**
 * dropStaleResponse: DropStaleResponse(m). D-3: a response of an older term
 * answers a request of a term this server has left; discard it unread.
 */
export const dropStaleResponse = checkedFirst('DropStaleResponse', dropStaleResponseChecked);

/** dropStaleResponseChecked: dropStaleResponse of a message that passed checkMessage. */
export function dropStaleResponseChecked(s: NodeState, m: Message): ActionResult {
  if (m.type !== 'RequestVoteResponse' && m.type !== 'AppendEntriesResponse') {
    return guardFailed('DropStaleResponse', Guard.response, `m.type = ${m.type} is a request, not a response`);
  }
  if (!(m.term < s.currentTerm)) {
    return guardFailed('DropStaleResponse', Guard.olderTerm, `m.term = ${m.term} is not older than currentTerm = ${s.currentTerm}`);
  }
  return enabled('DropStaleResponse', s);
}
