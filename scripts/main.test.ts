// main.test.ts: the error contract, once for every command: bad input is one line and exit 2,
// a bug in raftref one line with "please report" and exit 4, and with --json stdout is exactly
// one JSON object either way.
import t from 'tap';
import { UserError } from '../conformance/tla/errors.js';
import { type Command, EXIT } from './commands/command.js';
import { type Io, main, usage } from './main.js';

/** Runs main with captured output and a fake command that does what `behave` says. */
async function run(argv: readonly string[], behave: (argv: readonly string[]) => Promise<number>): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (l) => void out.push(l), err: (l) => void err.push(l) };
  const fake: Command = { name: 'fake', summary: 'a fake', help: 'fake help', run: behave };
  const code = await main(argv, io, [fake]);
  return { code, out, err };
}

const oneJsonObject = (lines: readonly string[]): Record<string, unknown> => {
  const doc: unknown = JSON.parse(lines.join('\n'));
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('not an object');
  return doc as Record<string, unknown>;
};

t.test('bad input: one line on stderr, exit 2; with --json also one object on stdout', async (t) => {
  const bad = async (): Promise<number> => {
    throw new UserError('--count', undefined, 'must be an integer in [1, 10], not "x"', 'see --help');
  };
  const plain = await run(['fake', '--count', 'x'], bad);
  t.equal(plain.code, EXIT.input);
  t.same(plain.err, ['raftref: error: --count: must be an integer in [1, 10], not "x" — see --help']);
  t.same(plain.out, []);
  const json = await run(['fake', '--json'], bad);
  t.equal(json.code, 2);
  t.same(oneJsonObject(json.out), { error: '--count: must be an integer in [1, 10], not "x" — see --help', exitCode: 2, kind: 'input', file: '--count', command: 'fake' });
  t.equal(json.err.length, 1);
});

t.test('a bug in raftref: its own exit code, one line, please report, no stack', async (t) => {
  const bug = async (): Promise<number> => {
    throw new RangeError('Invalid array length');
  };
  const r = await run(['fake'], bug);
  t.equal(r.code, EXIT.internal);
  t.not(EXIT.internal, EXIT.failed);
  t.equal(r.err.length, 1);
  t.match(r.err[0], /^raftref: internal error: RangeError: Invalid array length — this is a bug in raftref: please report it/);
  const json = await run(['fake', '--json'], bug);
  t.match(oneJsonObject(json.out), { exitCode: 4, kind: 'internal', error: /Invalid array length/ });
});

t.test('a message with line breaks is still one line', async (t) => {
  const r = await run(['fake'], async () => {
    throw new UserError('a\nb', undefined, 'line one\nline two', 'fix\r\nit');
  });
  t.equal(r.err.length, 1);
  t.notMatch(r.err[0], /[\n\r]/);
});

t.test('no command, an unknown command, an option before the command: usage errors, exit 2', async (t) => {
  for (const argv of [[], ['nope'], ['--json'], ['--bogus']]) {
    const r = await run(argv, async () => 0);
    t.equal(r.code, 2, argv.join(' '));
    t.equal(r.err.length, 1);
    t.match(r.err[0], /^raftref: error: raftref: /);
    if (argv.includes('--json')) t.match(oneJsonObject(r.out), { exitCode: 2 });
    else t.same(r.out, []);
  }
});

t.test('--help: the usage, exit 0, and it lists every exit code', async (t) => {
  const r = await run(['--help'], async () => 0);
  t.equal(r.code, 0);
  for (const code of Object.values(EXIT)) t.match(usage(), new RegExp(`\\b${code} `), `exit code ${code} documented`);
  t.match(r.out.join('\n'), /fake/);
});

t.test('a successful command: its code, main prints nothing', async (t) => {
  const r = await run(['fake', '--json'], async () => 0);
  t.same(r, { code: 0, out: [], err: [] });
});
