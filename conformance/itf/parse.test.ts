// parseShared gives what JSON.parse gives, with unchanged variables shared
// between consecutive states, or undefined for text it does not take.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { decodeTrace, parseTrace } from './read.js';
import { parseShared } from './parse.js';
import { checkText } from './scan.js';
import { entryOf, FIXTURES, fixture, fixturePath, setVar, SPEC_HASH, state } from '../testing.js';

t.test('the fixtures and the corpus: equal to JSON.parse, unchanged variables shared', async (t) => {
  const corpus = path.join(path.dirname(FIXTURES), '..', 'traces', 'corpus');
  const files = [
    fixturePath('election-2'),
    fixturePath('conflict-3'),
    ...(fs.existsSync(corpus) ? fs.readdirSync(corpus).filter((f) => f.endsWith('.itf.json')).slice(0, 20).map((f) => path.join(corpus, f)) : []),
  ];
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const shared = parseShared(text) as { states: Record<string, unknown>[] };
    t.same(shared, JSON.parse(text), path.basename(file));
  }
  const e = parseShared(fs.readFileSync(fixturePath('election-2'), 'utf8')) as { states: Record<string, unknown>[] };
  t.equal(e.states[9]?.['currentTerm'], e.states[8]?.['currentTerm'], 'an unchanged variable is the same object');
  t.not(e.states[9]?.['log'], e.states[8]?.['log'], 'a changed one is not');
  // The decoded trace is the same either way.
  const text = fs.readFileSync(fixturePath('conflict-3'), 'utf8');
  const viaShared = parseTrace(text, 'x', SPEC_HASH);
  const viaJson = parseTrace(` ${text.replace(/\n/g, '\r\n')}`.replace('"states": [', '"states": [ '), 'x', SPEC_HASH);
  t.ok(viaShared.ok && viaJson.ok);
  if (viaShared.ok && viaJson.ok) t.same(viaShared.trace.steps, viaJson.trace.steps);
});

t.test('text it does not take: undefined (the caller then uses JSON.parse)', async (t) => {
  for (const text of [
    '',
    '{"states": [',
    '[1, 2]',
    '{"states": [1, 2]}',
    '{"states": [{"a": 1}]} x',
    '{"__proto__": {"x": 1}, "states": []}',
    '{"states": [{"__proto__": 1}]}',
    '{"states": [{"a": }]}',
    '{"states": [{"a": [1, }]}',
    '{"states": [{"a": "unterminated}]}',
    // Not strict (itf/scan.ts): the caller checks the whole text and says what is wrong.
    '{"s\\u0074ates": [{"a": 1}], "states": [{"a": 12}, {"a": 123}, {"a": 12}]}',
    '{"states": [{"a": 1, "a": 2}, {"a": 1}]}',
    '{"states": [{"a": 1}, {"a": 1, "a": 2}]}',
    '{"states": [{"a": {"#map": [[1, {"b": 1, "b": 2}]]}}]}',
    '{"states": [{"a": 1.0}]}',
    '{"states": [{"a": [1e0]}]}',
    '{"states": [{"a": {"b": [-0]}}]}',
    '{"states": [{"a\tb": 1}]}',
    '{"states": [{"a": {"b\tc": 1}}]}',
    '{"states": [{"a": ["\u0001"]}]}',
    `{"states": [{"a": ${'['.repeat(70)}${']'.repeat(70)}}]}`,
  ]) {
    t.equal(parseShared(text), undefined, JSON.stringify(text));
  }
});

t.test('tricky text: escapes, number prefixes, spacing', async (t) => {
  for (const text of [
    '{"states": []}',
    '{"states": [{}, {}]}',
    '{"states": [{"a": "x\\"y\\\\"}, {"a": "x\\"y\\\\"}, {"a": "x\\"y\\\\\\""}]}',
    '{"states":[{"a":[1,{"b":"]"}],"c":true},{"a":[1,{"b":"]"}],"c":false}]}',
    '\t{ "states" : [ { "a" : 1 , "b" : null } ,\r\n { "a" : 1 , "b" : null } ] }\n',
    '{"#meta": {"weights": {"a": 0.5, "b": 1e-3}}, "states": [{"a": -1}]}',
  ]) {
    t.same(parseShared(text), JSON.parse(text), text);
  }
});

t.test('property: a trace-like document parses as JSON.parse parses it if it is strict, and not at all if not', async (t) => {
  const value = fc.oneof(fc.constantFrom(1, 12, 123, -1, 0.5, '"', '\\', 'a"b', true, null, [], {}), fc.jsonValue({ maxDepth: 3 }));
  const state = fc.dictionary(fc.constantFrom('a', 'b', 'c', '#meta', 'messages', 'x"y'), value, { maxKeys: 4 });
  const doc = fc.record({ '#meta': fc.jsonValue({ maxDepth: 2 }), vars: fc.array(fc.string()), states: fc.array(state, { maxLength: 6 }) });
  fc.assert(
    fc.property(doc, fc.constantFrom(undefined, 0, 1, 2, '\t'), fc.boolean(), (d, indent, repeat) => {
      const states = repeat && d.states.length > 0 ? [...d.states, ...d.states] : d.states;
      const text = JSON.stringify({ ...d, states }, null, indent);
      const shared = parseShared(text);
      // JSON.parse gives numbers like -5e-324 and 1e+21, which a trace may have only in its header.
      if (checkText(text) !== undefined) return shared === undefined;
      return shared !== undefined && JSON.stringify(shared) === JSON.stringify(JSON.parse(text));
    }),
    { numRuns: 500 },
  );
  t.pass('500 documents');
});

t.test('sharing keeps every error where it is: the same text fails in the state and under the key it fails in', async (t) => {
  const text = (json: unknown): string => JSON.stringify(json);
  const error = (s: string): string => {
    const d = parseTrace(s, 'x', SPEC_HASH);
    return d.ok ? 'decodes' : `state ${d.error.state}: ${d.error.what}`;
  };
  const json = fixture('election-2');
  const last = json.states.length - 1;
  // A value decoded fine under one key, the same text under another: nextIndex[s2] may not name s2.
  const fine = entryOf(state(json, last)['nextIndex'], 's1')[1];
  setVar(json, last, 'nextIndex', 's2', JSON.parse(JSON.stringify(fine)));
  t.equal(error(text(json)), `state ${last}: $.states[${last}].nextIndex.#map[1][1].#map[0][0]: expected a key in {s1}, got "s2"`);
  // A value that states share, broken in one state only: that state, and no other, is named.
  const broken = fixture('election-2');
  setVar(broken, 9, 'log', 's2', [{ term: 'a', value: 'v1' }]);
  setVar(broken, 10, 'log', 's2', [{ term: 'a', value: 'v1' }]);
  t.equal(error(text(broken)), 'state 9: $.states[9].log.#map[1][1][0].term: expected integer, got "a"');
  const unshared = decodeTrace(JSON.parse(text(broken)), 'x', SPEC_HASH);
  t.equal(error(text(broken)), unshared.ok ? 'decodes' : `state ${unshared.error.state}: ${unshared.error.what}`, 'the same error as from JSON.parse');
});
