// envelope: the checks every received message passes before any spec guard
// is looked at: it is well-formed (decodeMessage), it is addressed to this
// server (the spec's i == m.to) and it comes from a server of the
// configuration. A message that fails them is bad input, not a disabled
// action: the spec never has such a message in flight for this server.
import type { Message } from './codecs.js';
import { decodeMessage } from './decode.js';
import { badInput, unknownServer, type ActionName, type ActionResult, type BadInput } from './result.js';
import type { NodeState } from './state.js';

export type Checked = { readonly ok: true; readonly m: Message } | { readonly ok: false; readonly reason: BadInput };

/** checkMessage: `input` as a message this server may act on, or why not. */
export function checkMessage(s: NodeState, input: Message): Checked {
  const decoded = decodeMessage(input);
  if (!decoded.ok) return { ok: false, reason: decoded.error };
  const m = decoded.value;
  if (m.to !== s.id) {
    return {
      ok: false,
      reason: { kind: 'WrongAddressee', to: m.to, self: s.id, message: `the message is for ${m.to}, not for ${s.id}` },
    };
  }
  if (!s.servers.has(m.from)) return { ok: false, reason: unknownServer('from', m.from) };
  return { ok: true, m };
}

/**
 * checkedFirst: the exported form of a message handler: any input is
 * checked first (checkMessage) and refused as bad input under the action's
 * name; a checked message goes to `handler`, which receive calls directly
 * with the message it has checked once.
 */
export function checkedFirst(action: ActionName, handler: (s: NodeState, m: Message) => ActionResult): (s: NodeState, input: Message) => ActionResult {
  return (s, input) => {
    const checked = checkMessage(s, input);
    return checked.ok ? handler(s, checked.m) : badInput(action, checked.reason);
  };
}
