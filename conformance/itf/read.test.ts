// ITF decoding (traces/README.md): the fixtures decode into typed spec
// states, and every kind of bad input is one error naming the file, the
// state and the JSON path.
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import t, { type Test } from 'tap';
import { describeError, int, map, nat, record, set, str, tup } from './codec.js';
import { decodeTrace, formatTraceError, parseTrace, RaftrefHeader } from './read.js';
import { big, decode, fixture, setVar, SPEC_HASH, state, type Json } from '../testing.js';

/** error: the one-line error of decoding `json` (fails the test if it decodes). */
function error(t: Test, json: unknown, file = 'traces/x.itf.json'): string {
  const d = decodeTrace(json, file, SPEC_HASH);
  if (d.ok) {
    t.fail('expected a decoding error');
    return '';
  }
  return formatTraceError(d.error);
}

t.test('the fixtures decode into typed spec states', async (t) => {
  const trace = decode(fixture('election-2'));
  t.same(trace.constants, { servers: ['s1', 's2'], values: ['v1'], nil: 'Nil' });
  t.equal(trace.steps.length, 17);
  t.equal(trace.steps[0]?.call, null);
  const s9 = trace.steps[9];
  t.equal(s9?.call?.name, 'HandleAppendEntriesRequest');
  t.same(s9?.state.log.get('s2' as never), [{ term: 1, value: 'v1' }]);
  t.equal(s9?.state.votedFor.get('s2' as never), 's1');
  t.equal(trace.steps[0]?.state.votedFor.get('s1' as never), null, 'Nil is null');
  t.same([...(trace.steps[0]?.state.nextIndex.get('s1' as never) ?? [])], [['s2', 1]]);
  const bag = trace.steps[8]?.state.messages;
  t.equal(bag?.size, 1);
  t.match([...(bag?.values() ?? [])][0], { copies: 1, message: { type: 'AppendEntriesRequest', from: 's1', to: 's2', term: 1, entries: [{ term: 1, value: 'v1' }] } });
  const ae = trace.steps[8]?.call;
  t.match(ae, { name: 'AppendEntries', args: ['s1', 's2', 1] });
});

t.test('integers: {"#bigint": "42"} and plain JSON integers; anything else is an error', async (t) => {
  t.same(int.decode({ '#bigint': '42' }), { _tag: 'Right', right: 42 });
  t.same(int.decode({ '#bigint': '-7' }), { _tag: 'Right', right: -7 });
  t.same(int.decode(42), { _tag: 'Right', right: 42 });
  for (const bad of ['a', '42', 1.5, { '#bigint': '1.5' }, { '#bigint': 42 }, { '#bigint': '01' }, { '#bigint': '1', x: 1 }, null]) {
    const r = int.decode(bad);
    t.ok(isLeft(r), JSON.stringify(bad));
    if (isLeft(r)) t.match(describeError(r.left[0] as never), /^\$: expected integer, got /);
  }
  const huge = int.decode({ '#bigint': '123456789012345678901' });
  t.ok(isLeft(huge));
  if (isLeft(huge)) t.match(describeError(huge.left[0] as never), /expected integer of at most 9007199254740991/);
  const negative = nat.decode({ '#bigint': '-1' });
  if (isLeft(negative)) t.match(describeError(negative.left[0] as never), /^\$: expected non-negative integer, got \{"#bigint":"-1"\}$/);
  else t.fail('a negative Nat decoded');
});

t.test('sets, functions, tuples and records, with the JSON path of an error', async (t) => {
  t.same(set(str).decode({ '#set': ['a', 'b'] }), { _tag: 'Right', right: ['a', 'b'] });
  t.same(map(str, int).decode({ '#map': [['a', 1]] }), { _tag: 'Right', right: [['a', 1]] });
  t.same(tup([str, int]).decode({ '#tup': ['a', { '#bigint': '2' }] }), { _tag: 'Right', right: ['a', 2] });
  const entry = record('entry', { term: nat, value: str });
  t.ok(isRight(entry.decode({ term: 1, value: 'v1' })));
  const cases: [unknown, unknown, RegExp][] = [
    [set(str), ['a'], /^\$: expected set \(\{"#set": \[\.\.\.\]\}\) of string, got \["a"\]$/],
    [map(str, int), { '#map': [['a', 'x']] }, /^\$\.#map\[0\]\[1\]: expected integer, got "x"$/],
    [map(str, int), { '#map': [['a']] }, /^\$\.#map\[0\]: expected \[key, value\] pair/],
    [tup([str, int]), { '#tup': ['a'] }, /^\$: expected tuple/],
    [entry, { term: 1 }, /^\$\.value: expected string, got nothing$/],
    [entry, { term: 1, value: 'v', extra: 2 }, /^\$\.extra: expected no such field in entry \(fields: term, value\), got 2$/],
  ];
  for (const [codec, input, want] of cases) {
    const r = (codec as typeof entry).decode(input);
    if (isLeft(r)) t.match(describeError(r.left[0] as never), want);
    else t.fail(`decoded ${JSON.stringify(input)}`);
  }
});

t.test('the header block is an io-ts codec too', async (t) => {
  const header = fixture('election-2')['#meta']['raftref'];
  t.ok(isRight(RaftrefHeader.decode(header)));
  const r = RaftrefHeader.decode({ ...(header as object), version: big(2) });
  if (isLeft(r)) t.match(describeError(r.left[0] as never), /^\$\.version: expected format version 1/);
  else t.fail('version 2 decoded');
  t.ok(isRight(RaftrefHeader.decode({ ...(header as object), generatedBy: 'raftref 0.1.0 (git d03abda)' })), 'generatedBy is optional, and read when there');
  const g = RaftrefHeader.decode({ ...(header as object), generatedBy: 1 });
  if (isLeft(g)) t.match(describeError(g.left[0] as never), /^\$\.generatedBy: expected string/);
  else t.fail('a numeric generatedBy decoded');
});

t.test('bad input: one error naming the file, the state and the JSON path', async (t) => {
  const f = (): Json => fixture('election-2');
  const cases: [string, () => unknown, string | RegExp][] = [
    [
      'a value of the wrong type, deep in a state',
      () => setVar(f(), 7, 'log', 's2', [{ term: 'a', value: 'v1' }]),
      'traces/x.itf.json: state 7: $.states[7].log.#map[1][1][0].term: expected integer, got "a"',
    ],
    ['JSON but not ITF', () => [1, 2], /^traces\/x\.itf\.json: not an ITF trace: \$: expected ITF trace \(an object\), got \[1,2\]$/],
    ['no states', () => ({ '#meta': {}, vars: [] }), /^traces\/x\.itf\.json: not an ITF trace: \$\.states: expected sequence of ITF value, got nothing$/],
    ['ITF but not raftref', () => ({ ...f(), '#meta': { format: 'ITF' } }), /not a raftref trace: \$\.#meta\.raftref: expected raftref header block, got nothing$/],
    [
      'another version of the spec',
      () => {
        const j = f();
        (j['#meta']['raftref'] as Record<string, unknown>)['specHash'] = `sha256:${'0'.repeat(64)}`;
        return j;
      },
      /^traces\/x\.itf\.json: \$\.#meta\.raftref\.specHash: the trace is of spec sha256:0{64}, but spec\/Raft\.tla is now sha256:[0-9a-f]{64}$/,
    ],
    [
      'a malformed spec hash',
      () => {
        const j = f();
        (j['#meta']['raftref'] as Record<string, unknown>)['specHash'] = 'md5:x';
        return j;
      },
      /\$\.#meta\.raftref\.specHash: expected "sha256:" and 64 lowercase hex digits, got "md5:x"$/,
    ],
    ['vars without a spec variable', () => ({ ...f(), vars: f().vars.filter((v) => v !== 'messages') }), /\$\.vars: expected the variables of spec\/Raft\.tla .*: missing messages$/],
    ['a history variable', () => ({ ...f(), vars: [...f().vars, 'history'] }), /\$\.vars: .*: unknown history$/],
    [
      'a state missing a variable',
      () => {
        const j = f();
        delete state(j, 4)['votesGranted'];
        return j;
      },
      'traces/x.itf.json: state 4: $.states[4].votesGranted: expected variable votesGranted (every state carries every variable), got nothing',
    ],
    [
      'a state with a variable too many',
      () => {
        const j = f();
        state(j, 4)['history'] = 1;
        return j;
      },
      /^traces\/x\.itf\.json: state 4: \$\.states\[4\]\.history: expected no such variable/,
    ],
    [
      'an unknown action',
      () => {
        const j = f();
        (state(j, 3)['#meta'] as Record<string, unknown>)['action'] = 'Elect';
        return j;
      },
      /^traces\/x\.itf\.json: state 3: \$\.states\[3\]\.#meta\.action: expected an action of Next \(Restart, Timeout, .*\), got "Elect"$/,
    ],
    [
      'state 0 that is not Init',
      () => {
        const j = f();
        (state(j, 0)['#meta'] as Record<string, unknown>)['action'] = 'Timeout';
        return j;
      },
      /state 0: \$\.states\[0\]\.#meta\.action: expected "Init"/,
    ],
    [
      'a state index out of place',
      () => {
        const j = f();
        (state(j, 2)['#meta'] as Record<string, unknown>)['index'] = big(3);
        return j;
      },
      /state 2: \$\.states\[2\]\.#meta\.index: expected 2 \(the state's position in states\)/,
    ],
    [
      'an unknown server in the arguments',
      () => {
        const j = f();
        (state(j, 1)['#meta'] as Record<string, unknown>)['args'] = ['s9'];
        return j;
      },
      'traces/x.itf.json: state 1: $.states[1].#meta.args[0]: expected server ("s1", "s2"), got "s9"',
    ],
    [
      'too few arguments',
      () => {
        const j = f();
        (state(j, 8)['#meta'] as Record<string, unknown>)['args'] = ['s1', 's2'];
        return j;
      },
      /state 8: \$\.states\[8\]\.#meta\.args: expected 3 arguments of AppendEntries \(an array\), got \["s1","s2"\]$/,
    ],
    [
      'an unknown server as a key',
      () => {
        const j = f();
        entryOf0(state(j, 2)['currentTerm'])[0] = 's9';
        return j;
      },
      /state 2: \$\.states\[2\]\.currentTerm\.#map\[0\]\[0\]: expected server \("s1", "s2"\), got "s9"$/,
    ],
    [
      'a server missing from a function',
      () => {
        const j = f();
        (state(j, 2)['commitIndex'] as { '#map': unknown[] })['#map'].pop();
        return j;
      },
      /state 2: \$\.states\[2\]\.commitIndex: expected function over \{s1, s2\} .* \(missing s2\)/,
    ],
    [
      'nextIndex over a server that is not a peer',
      () => setVar(f(), 2, 'nextIndex', 's1', { '#map': [['s1', big(1)]] }),
      /state 2: \$\.states\[2\]\.nextIndex\.#map\[0\]\[1\]\.#map\[0\]\[0\]: expected a key in \{s2\}, got "s1"$/,
    ],
    ['a role that is not one', () => setVar(f(), 2, 'state', 's1', 'King'), /\$\.states\[2\]\.state\.#map\[0\]\[1\]: expected role \("Follower", "Candidate", "Leader"\), got "King"$/],
    ['votedFor neither a server nor Nil', () => setVar(f(), 2, 'votedFor', 's1', null), /\$\.states\[2\]\.votedFor\.#map\[0\]\[1\]: expected server \(s1, s2\) or "Nil", got null$/],
    ['a value outside Value', () => setVar(f(), 7, 'log', 's1', [{ term: big(1), value: 'v9' }]), /\$\.states\[7\]\.log\.#map\[0\]\[1\]\[0\]\.value: expected value \("v1"\), got "v9"$/],
    ['a repeated vote', () => setVar(f(), 1, 'votesGranted', 's1', { '#set': ['s1', 's1'] }), /\$\.states\[1\]\.votesGranted\.#map\[0\]\[1\]: expected a set of servers without repeated elements/],
    [
      'a message of no known type',
      () => {
        const j = f();
        first(state(j, 2))[0]['type'] = 'Ping';
        return j;
      },
      /state 2: \$\.states\[2\]\.messages\.#map\[0\]\[0\]\.type: expected message type \("RequestVoteRequest", .*\), got "Ping"$/,
    ],
    [
      'a message without a field',
      () => {
        const j = f();
        delete first(state(j, 2))[0]['lastLogTerm'];
        return j;
      },
      /\$\.states\[2\]\.messages\.#map\[0\]\[0\]\.lastLogTerm: expected non-negative integer, got nothing$/,
    ],
    [
      'a message with a field too many',
      () => {
        const j = f();
        first(state(j, 2))[0]['extra'] = 1;
        return j;
      },
      /\$\.states\[2\]\.messages\.#map\[0\]\[0\]\.extra: expected no such field in RequestVoteRequest/,
    ],
    [
      'no copies of a message in flight',
      () => {
        const j = f();
        first(state(j, 2))[1] = big(0);
        return j;
      },
      /\$\.states\[2\]\.messages\.#map\[0\]\[1\]: expected positive integer, got \{"#bigint":"0"\}$/,
    ],
    [
      'a message twice in the bag',
      () => {
        const j = f();
        const m = messages(state(j, 2));
        m.push(structuredClone(m[0]) as never);
        return j;
      },
      /\$\.states\[2\]\.messages\.#map\[1\]\[0\]: expected a message not already in the bag/,
    ],
  ];
  for (const [what, json, want] of cases) {
    const got = error(t, json());
    if (typeof want === 'string') t.equal(got, want, what);
    else t.match(got, want, what);
    t.notMatch(got, /\n/, `${what}: one line`);
  }
});

t.test('not JSON', async (t) => {
  const d = parseTrace('{"#meta": ', 'traces/x.itf.json', SPEC_HASH);
  t.notOk(d.ok);
  if (!d.ok) t.equal(formatTraceError(d.error), 'traces/x.itf.json:1:11: $.#meta: expected a JSON value, found the end of the text');
});

function entryOf0(fn: unknown): unknown[] {
  return (fn as { '#map': unknown[][] })['#map'][0] as unknown[];
}

function messages(s: Record<string, unknown>): [Record<string, unknown>, unknown][] {
  return (s['messages'] as { '#map': [Record<string, unknown>, unknown][] })['#map'];
}

function first(s: Record<string, unknown>): [Record<string, unknown>, unknown] {
  const m = messages(s)[0];
  if (m === undefined) throw new Error('no message in flight');
  return m;
}
