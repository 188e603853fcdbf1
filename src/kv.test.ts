// The key-value store example: commands, results, and malformed commands
// as typed errors.
import t from 'tap';
import { applyKv, decodeKvCommand, encodeKvCommand, kv, type KvCommand, type KvState } from './kv.js';

const run = (commands: KvCommand[]) => {
  let state: KvState = kv.initial;
  const results = commands.map((c) => {
    const step = applyKv(state, c);
    state = step.state;
    return step.result;
  });
  return { state, results };
};

t.test('put, get and delete', async (t) => {
  const { state, results } = run([
    { op: 'get', key: 'a' },
    { op: 'put', key: 'a', value: '1' },
    { op: 'put', key: 'a', value: '2' },
    { op: 'get', key: 'a' },
    { op: 'delete', key: 'a' },
    { op: 'delete', key: 'a' },
  ]);
  t.same(results, [
    { op: 'get', value: null },
    { op: 'put', previous: null },
    { op: 'put', previous: '1' },
    { op: 'get', value: '2' },
    { op: 'delete', existed: true },
    { op: 'delete', existed: false },
  ]);
  t.equal(state.size, 0);
});

t.test('applying a command does not change the state it was given', async (t) => {
  const before: KvState = new Map([['a', '1']]);
  applyKv(before, { op: 'put', key: 'a', value: '2' });
  applyKv(before, { op: 'delete', key: 'a' });
  t.same([...before], [['a', '1']]);
});

t.test('a command survives the round trip through an entry value', async (t) => {
  const c: KvCommand = { op: 'put', key: 'k', value: 'v' };
  t.same(decodeKvCommand(encodeKvCommand(c)), { ok: true, value: c });
});

t.test('a malformed command is a typed error naming what is wrong', async (t) => {
  const path = (value: string) => {
    const d = decodeKvCommand(value);
    return d.ok ? 'decoded' : d.error.problems.map((p) => `${p.path}: ${p.expected}`).join(', ');
  };
  t.equal(path('v1'), ': JSON', 'a spec model value is not a command');
  t.equal(path('[1]'), ': a JSON object');
  t.equal(path('{"op":"cas","key":"k"}'), 'op: put | get | delete');
  t.equal(path('{"op":"put","key":"k"}'), 'value: string');
  t.equal(path('{"op":"get","key":"k","value":"x"}'), 'value: no such field');
  t.equal(path('{"op":"delete","key":3}'), 'key: string');
});
