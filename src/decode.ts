// decode: untrusted input (a message off the wire, a state read back from
// storage) to typed values, or a typed error naming each bad field's path
// and what was expected there. Nothing here throws.
import * as t from 'io-ts';
import { isLeft } from 'fp-ts/lib/Either.js';
import { match } from 'ts-pattern';
import { MessageType, messageCodecs, PersistentState, type Message } from './codecs.js';

const { UnknownRecord } = t;
import type { BadInput, Problem } from './result.js';

export type MalformedInput = Extract<BadInput, { kind: 'MalformedInput' }>;

/** Decoded: the typed value, or what is wrong with the input. */
export type Decoded<A> = { readonly ok: true; readonly value: A } | { readonly ok: false; readonly error: MalformedInput };

const descriptions: Readonly<Record<string, string>> = {
  never: 'no such field',
  NodeId: 'NodeId (a non-empty string)',
  'NodeId | null': 'NodeId (a non-empty string) or null',
  Term: 'Term (a non-negative integer)',
  LogIndex: 'LogIndex (a non-negative integer)',
};

function describe(typeName: string): string {
  return descriptions[typeName] ?? typeName;
}

/** problemOf: the path ("entries.0.term", under `at` if it is given) and expected type of one io-ts error. */
function problemOf(error: t.ValidationError, at: string): Problem {
  const path = [at, ...error.context.slice(1).map((c) => c.key)].filter((k) => k !== '').join('.');
  const innermost = error.context.reduce((_, c) => c.type.name, 'a value');
  return { path, expected: describe(innermost), actual: error.value };
}

function show(actual: unknown): string {
  return actual === undefined ? 'nothing' : JSON.stringify(actual);
}

/** malformed: the error value for a list of problems (at least one). */
export function malformed(what: string, problems: readonly Problem[]): MalformedInput {
  const text = problems
    .map((p) => `${p.path === '' ? what : p.path}: expected ${p.expected}, got ${show(p.actual)}`)
    .join('; ');
  return { kind: 'MalformedInput', problems, message: `malformed ${what}: ${text}` };
}

/**
 * decodeWith: run an io-ts codec and report its errors as problems. `at`
 * is where the input sits in what the caller was given ("persist[2]",
 * "servers"); every problem's path starts with it.
 */
export function decodeWith<A>(codec: t.Decoder<unknown, A>, what: string, input: unknown, at = ''): Decoded<A> {
  const decoded = codec.decode(input);
  if (isLeft(decoded)) return { ok: false, error: malformed(what, decoded.left.map((e) => problemOf(e, at))) };
  return { ok: true, value: decoded.right };
}

/** senderProblems: MessageOk's cross-field rules: from # to, and (D-1) candidateId = from, leaderId = from. */
function senderProblems(m: Message): Problem[] {
  const self: Problem[] =
    m.from === m.to ? [{ path: 'to', expected: 'a server other than the sender (from)', actual: m.to }] : [];
  const sender = match(m)
    .with({ type: 'RequestVoteRequest' }, (r): Problem[] =>
      r.candidateId === r.from ? [] : [{ path: 'candidateId', expected: `the sender (${r.from})`, actual: r.candidateId }],
    )
    .with({ type: 'AppendEntriesRequest' }, (r): Problem[] =>
      r.leaderId === r.from ? [] : [{ path: 'leaderId', expected: `the sender (${r.from})`, actual: r.leaderId }],
    )
    .with({ type: 'RequestVoteResponse' }, { type: 'AppendEntriesResponse' }, (): Problem[] => [])
    .exhaustive();
  return [...self, ...sender];
}

/**
 * decodeMessage: a message of one of the spec's four types with exactly its
 * fields, each well-typed (terms and indexes non-negative integers), sent
 * by one server to another (MessageOk).
 */
export function decodeMessage(input: unknown): Decoded<Message> {
  if (!UnknownRecord.is(input)) {
    return { ok: false, error: malformed('message', [{ path: '', expected: 'a message (an object)', actual: input }]) };
  }
  const tag = input['type'];
  if (!MessageType.is(tag)) {
    const expected = Object.keys(messageCodecs).join(' | ');
    return { ok: false, error: malformed('message', [{ path: 'type', expected, actual: tag }]) };
  }
  const decoded = decodeWith<Message>(messageCodecs[tag], tag, input);
  if (!decoded.ok) return decoded;
  const problems = senderProblems(decoded.value);
  return problems.length > 0 ? { ok: false, error: malformed(tag, problems) } : decoded;
}

/** decodePersistentState: the persistent state as read back from storage. */
export function decodePersistentState(input: unknown): Decoded<PersistentState> {
  return decodeWith(PersistentState, 'persistent state', input);
}
