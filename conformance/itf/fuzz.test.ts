// The trace reader under fuzzing: real traces (conformance/fixtures), in
// their own layout and in the generator's, edited by fast-check (deep
// nesting, members given twice, control characters, bytes that are not
// UTF-8, numbers that are not integers, truncation, byte flips, cut and
// repeated ranges), must each give a trace that replays or one line that
// names the file and where. Seeded: the seed is printed, and
// FUZZ_SEED=<seed> runs the same inputs again. Inputs that once failed are
// kept in fuzz-corpus.json with the line they must give.
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { formatTraceError, parseTrace, textOf } from './read.js';
import { checkText } from './scan.js';
import { replayTrace } from '../replay.js';
import { FIXTURES, SPEC_HASH } from '../testing.js';

/**
 * Edit: at byte `at`, delete `del` bytes and insert the bytes `ins` (hex)
 * or the UTF-8 of `text`, `times` times over (default once).
 */
type Edit = { readonly at: number; readonly del: number; readonly ins?: string; readonly text?: string; readonly times?: number };

/** applyEdits: the bytes after each edit in turn (positions are clamped to the bytes there are). */
function applyEdits(bytes: Uint8Array, edits: readonly Edit[]): Buffer {
  let b = Buffer.from(bytes);
  for (const e of edits) {
    const at = Math.min(e.at, b.length);
    const end = Math.min(at + e.del, b.length);
    const bytes = e.text === undefined ? Buffer.from(e.ins ?? '', 'hex') : Buffer.from(e.text);
    b = Buffer.concat([b.subarray(0, at), Buffer.alloc(bytes.length * (e.times ?? 1), bytes), b.subarray(end)]);
  }
  return b;
}

/** Verdict: what the reader made of a file: `decodes` (and replays without throwing) or its one-line error. */
type Verdict = { readonly ok: true; readonly line: 'decodes' } | { readonly ok: false; readonly line: string };

/**
 * readBytes: the reader's contract over any bytes (as readTrace reads a
 * file): it returns, never throws; an error is one line that names the
 * file and where (line:col, a JSON path, or what is wrong with the file as
 * a whole) and is never an internal error; the fast path (parseShared)
 * takes nothing the full check (checkText) refuses; a trace that decodes
 * replays without throwing. A breach throws an Error saying which.
 */
function readBytes(bytes: Uint8Array, file: string, specHash: string): Verdict {
  const text = textOf(bytes, file);
  const d = typeof text === 'string' ? parseTrace(text, file, specHash) : ({ ok: false, error: text } as const);
  if (d.ok) {
    if (typeof text === 'string' && checkText(text) !== undefined) throw new Error(`decoded, but checkText refuses it: ${JSON.stringify(checkText(text))}`);
    replayTrace(d.trace);
    return { ok: true, line: 'decodes' };
  }
  const line = formatTraceError(d.error);
  if (line.includes('\n') || line.includes('\r')) throw new Error(`an error of more than one line: ${JSON.stringify(line)}`);
  if (!line.startsWith(`${file}:`)) throw new Error(`an error that does not start with the file: ${line}`);
  const rest = line.slice(file.length);
  if (!/^(:\d+:\d+: (\$|empty file|starts with a UTF-8 byte order mark|invalid UTF-8)|: (state \d+: )?\$|: (not an ITF trace: |not a raftref trace: |encoded in UTF-16 ))/.test(rest)) {
    throw new Error(`an error without a position or a JSON path: ${line}`);
  }
  if (/internal error|Maximum call stack/i.test(line)) throw new Error(`an internal error: ${line}`);
  if (typeof text === 'string' && checkText(text) !== undefined && d.error.line === undefined) {
    throw new Error(`checkText refuses the text, but the error is another: ${line}`);
  }
  return { ok: false, line };
}

/** The bases: each fixture as written (pretty, JSON.parse's path) and in the generator's layout (parseShared's). */
const BASES: ReadonlyMap<string, Buffer> = new Map(
  fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.itf.json'))
    .sort()
    .flatMap((f) => {
      const text = fs.readFileSync(path.join(FIXTURES, f), 'utf8');
      const j = JSON.parse(text) as Record<string, unknown> & { states: unknown[] };
      const compact = `{"#meta": ${JSON.stringify(j['#meta'])},\n"vars": ${JSON.stringify(j['vars'])},\n"states": [\n${j.states.map((s) => JSON.stringify(s)).join(',\n')}\n]}\n`;
      const name = f.replace(/\.itf\.json$/, '');
      return [[name, Buffer.from(text)] as const, [`${name}.compact`, Buffer.from(compact)] as const];
    }),
);

const hex = (s: string): string => Buffer.from(s).toString('hex');

/** An edit somewhere in a file of `size` bytes; `at` is drawn over the file, some kinds look for their own place. */
function editArb(base: Buffer): fc.Arbitrary<Edit> {
  const size = base.length;
  const at = fc.nat({ max: size });
  const text = base.toString('latin1');
  const where = (re: RegExp): number[] => [...text.matchAll(re)].map((m) => m.index);
  const names = where(/"[^"\\\n]*"\s*:/g);
  const numbers = where(/(?<=[:,[]\s*)-?\d+(?=\s*[,\]}])/g);
  const pick = (xs: number[]): fc.Arbitrary<number> => (xs.length === 0 ? at : fc.constantFrom(...xs));
  return fc.oneof(
    // deep nesting, usually past the bound
    fc.tuple(at, fc.oneof(fc.integer({ min: 1, max: 100 }), fc.constant(20000)), fc.constantFrom('[', '{"a":')).map(([a, n, open]) => ({
      at: a,
      del: 0,
      ins: hex(`${open.repeat(n)}${(open === '[' ? ']' : '}').repeat(n)}${a > 0 ? ',' : ''}`),
    })),
    // a member given twice: a copy of a name (and what follows it) before itself
    fc.tuple(pick(names), fc.integer({ min: 3, max: 40 })).map(([a, n]) => ({ at: a, del: 0, ins: Buffer.from(text.slice(a, a + n), 'latin1').toString('hex') })),
    fc.tuple(pick(names)).map(([a]) => ({ at: a, del: 0, ins: hex(`${text.slice(a, text.indexOf(':', a) + 1)}0,`) })),
    // a raw control character
    fc.tuple(at, fc.integer({ min: 0, max: 0x1f })).map(([a, c]) => ({ at: a, del: 0, ins: c.toString(16).padStart(2, '0') })),
    // bytes that are not UTF-8 (or a byte order mark)
    fc.tuple(at, fc.integer({ min: 0x80, max: 0xff }), fc.boolean()).map(([a, b, replace]) => ({ at: a, del: replace ? 1 : 0, ins: b.toString(16) })),
    fc.constantFrom({ at: 0, del: 0, ins: 'fffe' }, { at: 0, del: 0, ins: 'efbbbf' }),
    // a number that is not an integer's text
    fc.tuple(pick(numbers), fc.constantFrom('1e0', '1.0', '-0', '-0.0', '01', '1e400', '9007199254740993', '-1', '1.', '.5', '+1', '0x1')).map(([a, n]) => ({
      at: a,
      del: /^-?\d+/.exec(text.slice(a))?.[0].length ?? 0,
      ins: hex(n),
    })),
    // truncation, a cut, a range repeated, a byte flipped
    at.map((a) => ({ at: a, del: size, ins: '' })),
    fc.tuple(at, fc.integer({ min: 1, max: 200 })).map(([a, n]) => ({ at: a, del: n, ins: '' })),
    fc.tuple(at, fc.integer({ min: 1, max: 200 })).map(([a, n]) => ({ at: a, del: 0, ins: base.subarray(a, a + n).toString('hex') })),
    fc.tuple(at, fc.integer({ min: 1, max: 255 })).map(([a, x]) => ({ at: a, del: 1, ins: ((base[Math.min(a, size - 1)] ?? 0) ^ x).toString(16).padStart(2, '0') })),
  );
}

/** CORPUS: inputs that once failed, kept as edits of a base, each with the line it must give. */
const CORPUS = path.join(FIXTURES, '..', 'itf', 'fuzz-corpus.json');

const SEED = process.env['FUZZ_SEED'] === undefined ? Date.now() % 2 ** 31 : Number(process.env['FUZZ_SEED']);

t.test('fuzz: edited traces give a replayable trace or one line naming the file and where', async (t) => {
  t.comment(`seed: ${SEED} (FUZZ_SEED=${SEED} to run the same inputs again)`);
  const names = [...BASES.keys()];
  const input = fc
    .constantFrom(...names)
    .chain((name) => fc.tuple(fc.constant(name), fc.array(editArb(BASES.get(name) as Buffer), { minLength: 1, maxLength: 3 })));
  let decoded = 0;
  let refused = 0;
  const out = fc.check(
    fc.property(input, ([name, edits]) => {
      const v = readBytes(applyEdits(BASES.get(name) as Buffer, edits), 'fuzz.itf.json', SPEC_HASH);
      if (v.ok) decoded += 1;
      else refused += 1;
    }),
    { seed: SEED, numRuns: 400, interruptAfterTimeLimit: 4000 },
  );
  if (out.failed) {
    const [name, edits] = out.counterexample?.[0] ?? ['?', []];
    t.fail(`seed ${SEED}: ${String(out.errorInstance instanceof Error ? out.errorInstance.message : out.errorInstance)}; add to fuzz-corpus.json: ${JSON.stringify({ base: name, edits })}`);
  } else t.pass(`${out.numRuns} inputs: ${decoded} decode and replay, ${refused} refused in one line`);
  t.ok(refused > 0 && out.numRuns >= 50, 'the edits do break traces, and enough of them ran');
});

/** Case: an input that once failed (`before`: what the reader did then): a base, its edits, and the line the reader must give now. */
type Case = { readonly why: string; readonly before: string; readonly base: string; readonly edits: readonly Edit[]; readonly line: string };

t.test('the corpus of inputs that once failed: each gives its line', async (t) => {
  const cases = JSON.parse(fs.readFileSync(CORPUS, 'utf8')) as Case[];
  t.ok(cases.length >= 10);
  for (const c of cases) {
    const base = BASES.get(c.base);
    if (base === undefined) {
      t.fail(`${c.why}: no base ${c.base}`);
      continue;
    }
    t.equal(readBytes(applyEdits(base, c.edits), 'fuzz.itf.json', SPEC_HASH).line, c.line, c.why);
  }
});
