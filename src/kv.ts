// kv: the shipped example state machine, a key-value store. Commands are
// JSON in an entry's value: {"op":"put","key":k,"value":v},
// {"op":"get","key":k}, {"op":"delete","key":k}.
import * as t from 'io-ts';
import { match } from 'ts-pattern';
import { closed } from './codecs.js';
import { decodeWith, malformed, type Decoded } from './decode.js';
import type { StateMachine } from './state-machine.js';

const commandCodecs = {
  put: closed('put', { op: t.literal('put'), key: t.string, value: t.string }),
  get: closed('get', { op: t.literal('get'), key: t.string }),
  delete: closed('delete', { op: t.literal('delete'), key: t.string }),
} as const;
const Op = t.keyof(commandCodecs, 'Op');

export type KvCommand = t.TypeOf<(typeof commandCodecs)[keyof typeof commandCodecs]>;
export type KvState = ReadonlyMap<string, string>;
export type KvResult =
  | { readonly op: 'put'; readonly previous: string | null }
  | { readonly op: 'get'; readonly value: string | null }
  | { readonly op: 'delete'; readonly existed: boolean };

/** encodeKvCommand: the entry value (ClientRequest's v) of a command. */
export function encodeKvCommand(command: KvCommand): string {
  return JSON.stringify(command);
}

/** decodeKvCommand: the command in an entry's value, or what is wrong with it. */
export function decodeKvCommand(value: string): Decoded<KvCommand> {
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { ok: false, error: malformed('command', [{ path: '', expected: 'JSON', actual: value }]) };
  }
  if (!t.UnknownRecord.is(json)) {
    return { ok: false, error: malformed('command', [{ path: '', expected: 'a JSON object', actual: json }]) };
  }
  const op = json['op'];
  if (!Op.is(op)) {
    return { ok: false, error: malformed('command', [{ path: 'op', expected: 'put | get | delete', actual: op }]) };
  }
  return decodeWith<KvCommand>(commandCodecs[op], 'command', json);
}

/** applyKv: apply one command to the store. */
export function applyKv(state: KvState, command: KvCommand): { readonly state: KvState; readonly result: KvResult } {
  return match(command)
    .with({ op: 'put' }, (c) => ({
      state: new Map(state).set(c.key, c.value),
      result: { op: 'put' as const, previous: state.get(c.key) ?? null },
    }))
    .with({ op: 'get' }, (c) => ({ state, result: { op: 'get' as const, value: state.get(c.key) ?? null } }))
    .with({ op: 'delete' }, (c) => {
      const next = new Map(state);
      return { state: next, result: { op: 'delete' as const, existed: next.delete(c.key) } };
    })
    .exhaustive();
}

/** kv: the key-value store as a StateMachine. */
export const kv: StateMachine<KvState, KvCommand, KvResult> = {
  initial: new Map(),
  decode: decodeKvCommand,
  apply: applyKv,
};
