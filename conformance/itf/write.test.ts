import t from 'tap';
import { int } from './value.js';
import { type TraceHeader, parseStateLine, stateLine, traceText } from './write.js';

const header: TraceHeader = {
  source: 'spec/MCX.tla',
  description: 'd',
  raftref: { version: 1, generatedBy: 'raftref 0.1.0', spec: 'spec/Raft.tla', specHash: 'sha256:00', model: 'MCX', constants: { N: int(2) }, checker: { name: 'c', version: '1' }, generator: { mode: 'random', weights: { A: 1 } } },
};

t.test('a trace file: valid JSON, header pretty, one state a line, #meta first', async (t) => {
  const states = [
    { action: { name: 'Init', args: [] }, state: { y: int(0), x: 'a' } },
    { action: { name: 'Step', args: ['s1', int(2)] }, state: { y: int(1), x: 'b' } },
  ];
  const text = traceText(header, ['x', 'y'], states);
  const doc = JSON.parse(text) as { '#meta': unknown; vars: string[]; states: unknown[] };
  t.same(doc.vars, ['x', 'y']);
  t.same(doc.states[1], { '#meta': { index: 1, action: 'Step', args: ['s1', { '#bigint': '2' }] }, x: 'b', y: { '#bigint': '1' } });
  t.match(text, /^ {4}\{"#meta":\{"index":0,"action":"Init","args":\[\]\},"x":"a","y":\{"#bigint":"0"\}\},$/m);
  t.match(text, /^ {8}"weights": \{"A":1\}$/m, 'header expanded three levels deep, compact below');
  t.ok(text.endsWith('}\n'));
  const second = states[1] as (typeof states)[number];
  t.same(parseStateLine(stateLine(1, second, ['x', 'y']), ['x', 'y']), second, 'a line reads back');
});
