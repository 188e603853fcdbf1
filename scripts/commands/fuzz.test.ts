// fuzz.test.ts: property-based fuzzing of every command's numeric and enumerated options (the
// oracle and the targets: fuzz.ts). Each generated value must be accepted (exit 0) exactly when
// the oracle says so, and otherwise rejected with exit 2, one stderr line that names the option,
// no stack trace, and with --json exactly one JSON object on stdout. Seeded: the seed is printed,
// FUZZ_SEED=<n> replays a run; bounded to a few seconds. Inputs that once failed are kept in
// fuzz-corpus.json and replayed first.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import t from 'tap';
import { type Io, main } from '../main.js';
import { type Form, type FuzzTarget, type OptionSpec, PARSE_ONLY, TARGETS, accepts, argvFor } from './fuzz.js';

type Outcome = { readonly ok: true } | { readonly ok: false; readonly why: string };

/** contract: runs `argv` through main (parsers only) and says whether the error contract held. */
async function contract(target: FuzzTarget, option: string, value: string, form: Form, json: boolean): Promise<Outcome> {
  const argv = argvFor(target, option, value, form, json);
  const spec = target.options[option] as OptionSpec;
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => void out.push(l), err: (l) => void err.push(l) };
  let code: number;
  try {
    code = await main(argv, io, PARSE_ONLY);
  } catch (e) {
    return { ok: false, why: `main threw ${String(e)}` };
  }
  const fail = (why: string): Outcome => ({ ok: false, why: `${why}: ${JSON.stringify(argv)} -> exit ${code}, stderr ${JSON.stringify(err)}, stdout ${JSON.stringify(out)}` });
  if (accepts(spec, value)) return code === 0 && err.length === 0 && out.length === 0 ? { ok: true } : fail('a valid value was refused');
  if (code !== 2) return fail('not exit 2');
  if (err.length !== 1 || (err[0] ?? '').includes('\n')) return fail('not exactly one stderr line');
  const line = err[0] ?? '';
  if (!line.startsWith('raftref: error: ')) return fail('not an error line');
  if (!line.includes(option)) return fail('the line does not name the option');
  if (/^\s+at /m.test(line) || /\n\s+at /.test(err.join('\n'))) return fail('a stack trace');
  if (json) {
    if (out.length !== 1) return fail('--json: not one stdout object');
    let doc: unknown;
    try {
      doc = JSON.parse(out[0] ?? '');
    } catch {
      return fail('--json: stdout is not JSON');
    }
    if (typeof doc !== 'object' || doc === null || (doc as { exitCode?: unknown }).exitCode !== 2 || typeof (doc as { error?: unknown }).error !== 'string') return fail('--json: not {error, exitCode: 2}');
  } else if (out.length !== 0) return fail('stdout not empty');
  return { ok: true };
}

const EDGES = ['', ' ', '-0', '+1', '01', '1e0', '1.0', '0x10', '0b1', '0o7', '1_000', 'Infinity', '-Infinity', 'NaN', '１', '٣', '1\n2', '\u0000', '9007199254740993', '4294967296', '100000000', '-1', 'abc', '🙂'];

function values(spec: OptionSpec): fc.Arbitrary<string> {
  const bounds = spec.kind === 'choice' ? [] : [spec.range[0], spec.range[1], spec.range[0] - 1, spec.range[1] + 1].map(String);
  const numbers = fc.oneof(
    fc.integer().map(String),
    fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }).map(String),
    fc.double().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => d.toExponential()),
    fc.nat().map((n) => `0x${n.toString(16)}`),
    fc.nat().map((n) => `${n}.0`),
    fc.stringMatching(/^[0-9]{1,30}$/),
    fc.constantFrom(...EDGES, ...bounds),
    fc.string(),
    fc.string({ unit: 'binary' }),
  );
  if (spec.kind === 'choice') return fc.oneof(fc.constantFrom(...spec.choices), fc.constantFrom(...spec.choices).map((c) => c.toUpperCase()), numbers);
  if (spec.kind === 'decimal') return fc.oneof(numbers, fc.double({ min: 0, max: 2000, noNaN: true }).map(String)).map((w) => `${spec.prefix}${w}`);
  return numbers;
}

/** Cases per run: about 3 s here (each costs ~10 ms, most of it fast-check's generation of strings). FUZZ_RUNS=<n> for more. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 300);

const cases = TARGETS.flatMap((target) => Object.entries(target.options).map(([option, spec]) => ({ target, option, spec })));

const arbitrary = fc
  .constantFrom(...cases)
  .chain(({ target, option, spec }) => fc.record({ target: fc.constant(target), option: fc.constant(option), value: values(spec), form: fc.constantFrom<Form>('=', ' '), json: fc.boolean() }))
  // `--opt --x` makes --x the next option, not a value: only the `=` form can carry such a value.
  .map((c) => (c.form === ' ' && c.value.startsWith('--') ? { ...c, form: '=' as const } : c));

t.test('corpus: inputs that once failed the contract', async (t) => {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fuzz-corpus.json');
  const corpus = JSON.parse(fs.readFileSync(file, 'utf8')) as { command: string; option: string; value: string; form: Form; exit: number; was: string }[];
  t.ok(corpus.length >= 10, 'a corpus');
  for (const c of corpus) {
    const target = TARGETS.find((x) => x.command === c.command);
    if (target === undefined || target.options[c.option] === undefined) {
      t.fail(`no fuzz target ${c.command} ${c.option}`);
      continue;
    }
    t.equal(accepts(target.options[c.option] as OptionSpec, c.value) ? 0 : 2, c.exit, `${c.command} ${c.option} ${JSON.stringify(c.value)}: expected exit`);
    for (const json of [false, true]) {
      const r = await contract(target, c.option, c.value, c.form, json);
      t.ok(r.ok, r.ok ? `${c.command} ${c.option}${c.form}${JSON.stringify(c.value)}${json ? ' --json' : ''} (was: ${c.was})` : r.why);
    }
  }
});

t.test('fuzz: every numeric and enumerated option of every command', async (t) => {
  const seed = process.env['FUZZ_SEED'] === undefined ? Date.now() % 2 ** 31 : Number(process.env['FUZZ_SEED']);
  t.comment(`fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`);
  let runs = 0;
  const started = Date.now();
  await fc.assert(
    fc.asyncProperty(arbitrary, async (c) => {
      runs++;
      const r = await contract(c.target, c.option, c.value, c.form, c.json);
      if (!r.ok) throw new Error(`${r.why} (add it to fuzz-corpus.json)`);
    }),
    { seed, numRuns: RUNS },
  );
  t.equal(runs, RUNS, `${RUNS} cases in ${((Date.now() - started) / 1000).toFixed(1)}s`);
});

t.test('the contract check can fail: a parser that accepts more than the oracle is caught', async (t) => {
  // check's --timeout accepts [1, 2147483]; an oracle saying [1, 10] must see 11 accepted and object.
  const sloppy: FuzzTarget = { command: 'check', base: ['check'], options: { '--timeout': { kind: 'integer', range: [1, 10] } } };
  t.notOk(accepts(sloppy.options['--timeout'] as OptionSpec, '1e0'), 'the oracle refuses 1e0');
  const r = await contract(sloppy, '--timeout', '5', '=', false);
  t.ok(r.ok, 'a value in both ranges passes');
  const wide = await contract(sloppy, '--timeout', '11', '=', false);
  t.notOk(wide.ok, 'check accepts 11 where the oracle says [1, 10]: a disagreement is reported');
});
