// The strict reader (itf/scan.ts, itf/read.ts): text that JSON.parse or
// parseShared took silently, or that crashed the reader, is refused with
// one line naming the file, the line and column and the JSON path.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { formatTraceError, parseTrace, readTrace } from './read.js';
import { parseShared } from './parse.js';
import { checkText, lineCol, MAX_DEPTH, strictPart } from './scan.js';
import { fixturePath, SPEC_HASH } from '../testing.js';

/** The generator's layout (one state a line), so that parseShared's fast path is the one taken. */
const TEXT = fs.readFileSync(fixturePath('election-2'), 'utf8');
const COMPACT = (() => {
  const j = JSON.parse(TEXT) as { states: unknown[] };
  return `{"#meta": ${JSON.stringify((j as unknown as Record<string, unknown>)['#meta'])},\n"vars": ${JSON.stringify((j as unknown as Record<string, unknown>)['vars'])},\n"states": [\n${j.states.map((s) => JSON.stringify(s)).join(',\n')}\n]}\n`;
})();

const error = (text: string): string => {
  const d = parseTrace(text, 'x.itf.json', SPEC_HASH);
  return d.ok ? 'decodes' : formatTraceError(d.error);
};

/** once: `text` with its first `from` replaced by `to` (which must be there). */
function once(text: string, from: string, to: string): string {
  const k = text.indexOf(from);
  if (k < 0) throw new Error(`not in the text: ${from}`);
  return text.slice(0, k) + to + text.slice(k + from.length);
}

const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`;

t.test('both layouts of the fixture decode, the compact one on the fast path', async (t) => {
  t.equal(error(TEXT), 'decodes');
  t.equal(error(COMPACT), 'decodes');
  t.not(parseShared(COMPACT), undefined);
});

t.test('what was accepted silently or crashed: one line, with file, line:col and JSON path', async (t) => {
  const I = 'expected an integer (ITF has no other numbers; write {"#bigint": "n"} or plain digits)';
  const cases: [string, string, string][] = [
    ['nesting 20,000 deep in an argument', once(COMPACT, '"args":["s1"]', `"args":[${deep(20000)}]`), `x.itf.json:5:107: $.states[1].#meta.args[0][0][0][0][0][0][0][0]...(52 levels more): nested deeper than ${MAX_DEPTH} levels`],
    ['nesting 20,000 deep in vars', once(COMPACT, '"vars": [', `"vars": [${deep(20000)},`), `x.itf.json:2:72: $.vars[0][0][0][0][0][0][0][0][0][0][0]...(52 levels more): nested deeper than ${MAX_DEPTH} levels`],
    ['nesting 20,000 deep in #meta', once(COMPACT, '{"#meta": {', `{"#meta": {"x": ${deep(20000)},`), `x.itf.json:1:79: $.#meta.x[0][0][0][0][0][0][0][0][0][0]...(52 levels more): nested deeper than ${MAX_DEPTH} levels`],
    ['states given twice', once(COMPACT, '"vars":', '"states": [], "vars":'), 'x.itf.json:3:1: $.states: member "states" given twice'],
    ['specHash given twice', once(COMPACT, '"specHash":', `"specHash":"sha256:${'0'.repeat(64)}","specHash":`), 'x.itf.json:1:357: $.#meta.raftref.specHash: member "specHash" given twice'],
    ['a variable given twice in a state', once(COMPACT, '"currentTerm":', '"log":{"#map":[]},"currentTerm":'), 'x.itf.json:4:185: $.states[0].log: member "log" given twice'],
    ['a field given twice in a message', once(COMPACT, '"type":"RequestVoteRequest"', '"type":"RequestVoteRequest","type":"RequestVoteRequest"'), 'x.itf.json:6:746: $.states[2].messages.#map[0][0].type: member "type" given twice'],
    ['a raw tab in a string', once(COMPACT, '"Timeout"', '"Time\tout"'), 'x.itf.json:5:35: $.states[1].#meta.action: raw control character U+0009 in a string (JSON needs it escaped)'],
    ['a raw newline in vars', once(COMPACT, '"votedFor"', '"voted\nFor"'), 'x.itf.json:2:30: $.vars[1]: raw control character U+000A in a string (JSON needs it escaped)'],
    ['a raw newline in a member name', once(COMPACT, '"votedFor":', '"voted\nFor":'), 'x.itf.json:4:125: $.states[0]: raw control character U+000A in a string (JSON needs it escaped)'],
    ['1e0 for an integer', once(COMPACT, '"index":1,', '"index":1e0,'), `x.itf.json:5:19: $.states[1].#meta.index: ${I}, got 1e0`],
    ['1.0 for an integer', once(COMPACT, '"index":1,', '"index":1.0,'), `x.itf.json:5:19: $.states[1].#meta.index: ${I}, got 1.0`],
    ['-0 for an integer', once(COMPACT, '"index":1,', '"index":-0,'), `x.itf.json:5:19: $.states[1].#meta.index: ${I}, got -0`],
    ['-0.0 in a state', once(COMPACT, '{"#bigint":"2"}', '-0.0'), `x.itf.json:14:753: $.states[10].nextIndex.#map[0][1].#map[0][1]: ${I}, got -0.0`],
    ['{"#bigint": "-0"}', once(COMPACT, '{"#bigint":"0"}', '{"#bigint":"-0"}'), 'x.itf.json: state 0: $.states[0].currentTerm.#map[0][1]: expected integer, got {"#bigint":"-0"}'],
    ['vars listing a variable twice', once(COMPACT, '"vars": [', '"vars": ["log",'), 'x.itf.json: $.vars[3]: variable "log" listed twice'],
    ['an empty file', '', 'x.itf.json:1:1: empty file'],
    ['only white space', ' \n', 'x.itf.json:2:1: $: no JSON value (only white space)'],
    ['truncated', COMPACT.slice(0, COMPACT.indexOf('"states"') + 40), 'x.itf.json:4:29: $.states[0].#meta.action: expected ":" after a member name, found the end of the text'],
    ['text after the trace', `${COMPACT}]`, 'x.itf.json:22:1: $: text after the JSON value: "]"'],
    ['an invalid escape', once(COMPACT, '"Timeout"', '"Time\\out"'), 'x.itf.json:5:35: $.states[1].#meta.action: invalid escape \\o in a string'],
    ['a trailing comma', once(COMPACT, '"args":["s1"]', '"args":["s1",]'), 'x.itf.json:5:53: $.states[1].#meta.args[1]: expected a JSON value, found "]"'],
  ];
  for (const [what, text, want] of cases) {
    const got = error(text);
    if (want !== '') t.equal(got, want, what);
    t.match(got, /^x\.itf\.json(:\d+:\d+)?: /, `${what}: names the file`);
    t.notMatch(got, /\n/, `${what}: one line`);
    t.not(got, 'decodes', `${what}: refused`);
  }
  // The number rules are for ITF values: the generator's weights in the header may be fractions.
  t.equal(error(once(COMPACT, '"generator":{', '"generator":{"weights":{"Timeout":0.5,"Restart":1e-1},')), 'decodes');
});

t.test('the file: UTF-8 only, read as bytes', async (t) => {
  const dir = t.testdir({});
  const file = (name: string, bytes: Uint8Array | string): string => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, bytes);
    return p;
  };
  const read = (p: string): string => {
    const d = readTrace(p, SPEC_HASH);
    return d.ok ? 'decodes' : formatTraceError(d.error).slice(dir.length + 1);
  };
  t.equal(read(file('good.itf.json', COMPACT)), 'decodes');
  t.equal(read(file('utf16.itf.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(COMPACT, 'utf16le')]))), 'utf16.itf.json: encoded in UTF-16 (byte order mark FF FE), not UTF-8');
  t.equal(read(file('utf16be.itf.json', Buffer.from([0xfe, 0xff, 0, 0x7b]))), 'utf16be.itf.json: encoded in UTF-16 (byte order mark FE FF), not UTF-8');
  t.equal(read(file('bom.itf.json', `\ufeff${COMPACT}`)), 'bom.itf.json:1:1: starts with a UTF-8 byte order mark (EF BB BF), which JSON does not allow');
  const k = Buffer.from(COMPACT).indexOf('"Timeout"') + 3;
  const bad = Buffer.from(COMPACT);
  bad[k] = 0xc3; // a lead byte followed by an ASCII letter (Latin-1 text)
  t.equal(read(file('latin1.itf.json', bad)), `latin1.itf.json:5:33: invalid UTF-8: byte 0xC3 at byte offset ${k}`);
  const lone = Buffer.from(COMPACT);
  lone[k] = 0xff;
  t.equal(read(file('ff.itf.json', lone)), `ff.itf.json:5:33: invalid UTF-8: byte 0xFF at byte offset ${k}`);
  t.equal(read(file('surrogate.itf.json', Buffer.concat([Buffer.from('{"a": "'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]))), 'surrogate.itf.json:1:8: invalid UTF-8: byte 0xED at byte offset 7');
  t.equal(read(file('empty.itf.json', '')), 'empty.itf.json:1:1: empty file');
  t.equal(read(file('é.itf.json', '{"s": "é"}')), 'é.itf.json: not an ITF trace: $.#meta: expected ITF value, got nothing');
});

t.test('nesting: MAX_DEPTH levels are fine, one more is not; a part counts the levels around it', async (t) => {
  t.equal(checkText(deep(MAX_DEPTH)), undefined);
  t.match(checkText(deep(MAX_DEPTH + 1)), { offset: MAX_DEPTH, what: `nested deeper than ${MAX_DEPTH} levels` });
  t.equal(strictPart(deep(MAX_DEPTH - 6), 6), true);
  t.equal(strictPart(deep(MAX_DEPTH - 5), 6), false);
  t.equal(strictPart('1.5', 6), false, 'a part is in the states: integers only');
  t.equal(checkText('{"#meta": {"w": 1.5}}'), undefined, 'a header field may hold any number');
  t.match(checkText('{"#meta": {"raftref": {"constants": {"N": 1.5}}}}'), { path: '$.#meta.raftref.constants.N' }, 'not the constants');
  t.match(checkText('{"#meta": {"raftref": {"version": 1.0}}}'), { path: '$.#meta.raftref.version' }, 'nor the version');
  t.match(checkText('{"#\\u006deta": {"w": 1.5, "w": 1}}'), { path: '$.#meta.w', what: 'member "w" given twice' }, 'names compared as JSON reads them');
  t.match(checkText('{"a": 1, "\\u0061": 2}'), { what: 'member "a" given twice' });
  const many = `{${Array.from({ length: 100 }, (_, k) => `"k${k}": ${k}`).join(', ')}, "k57": 0}`;
  t.match(checkText(many), { what: 'member "k57" given twice', path: '$.k57' }, 'and in a large object');
});

t.test('lineCol', async (t) => {
  t.same(lineCol('ab\ncd\n', 0), { line: 1, col: 1 });
  t.same(lineCol('ab\ncd\n', 4), { line: 2, col: 2 });
  t.same(lineCol('ab\ncd\n', 6), { line: 3, col: 1 });
});
