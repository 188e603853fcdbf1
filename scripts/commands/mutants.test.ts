// raftref mutants, the command: progress lines, the summary, --json, exit codes, and bad input
// as one line with exit 2. The runner itself is tested in conformance/mutants/run.test.ts.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import t from 'tap';
import { MUTANTS, mutantById } from '../../conformance/mutants/catalogue.js';
import { MUTANT_TRACES } from '../../conformance/mutants/write.js';
import { repoDir } from '../../conformance/spec-hash.js';
import { UserError } from '../../conformance/tla/errors.js';
import { SMALL_FIXTURES } from '../../conformance/testing.js';
import { mutants as command, parseMutantsArgs } from './mutants.js';

t.setTimeout(300_000);

const REPO = repoDir();
const DIST = path.join(REPO, 'dist');
const mutant = mutantById;

/** capture: run `raftref mutants` in-process, with its stdout and stderr. */
async function capture(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const log = console.log;
  const write = process.stderr.write.bind(process.stderr);
  console.log = (...xs: unknown[]) => {
    out += `${xs.join(' ')}\n`;
  };
  process.stderr.write = ((s: string) => {
    err += s;
    return true;
  }) as typeof process.stderr.write;
  try {
    return { code: await command.run(argv), out, err };
  } finally {
    console.log = log;
    process.stderr.write = write;
  }
}

t.test('raftref mutants: progress, summary, --json, exit 0 and 1', async (t) => {
  const killed = await capture(['--only', 'restart-loses-vote,vote-not-persisted', ...SMALL_FIXTURES]);
  t.equal(killed.code, 0);
  t.match(killed.out, /^mutants: 2 killed, 0 survived of 2, \d+\.\d s\n$/);
  const lines = killed.err.trimEnd().split('\n');
  t.equal(lines.length, 2, 'one progress line per mutant, in catalogue order');
  t.match(lines[0], /^vote-not-persisted +killed {2}\S+conflict-3\.itf\.json:\d+ {2}HandleRequestVoteRequest\(.*\) \(state\) {2}\[rules P-1, RV-2; step F-1, RV-2 grant\] {2}\d+ ms$/);
  t.match(lines[1], /^restart-loses-vote +killed {2}\S+conflict-3\.itf\.json:\d+ {2}Restart\(s1\) \(state\) {2}\[rules P-1, RV-2; step P-1\] {2}\d+ ms$/);

  const survived = await capture(['--json', '--only', 'match-index-backwards', ...SMALL_FIXTURES]);
  t.equal(survived.code, 1);
  const doc = JSON.parse(survived.out) as { raftref: string; mutants: Record<string, unknown>[]; killed: number; survived: number; seconds: number };
  t.match(doc.raftref, /^raftref \d+\.\d+\.\d+( \(git [0-9a-f]+\))?$/);
  t.same(doc.mutants, [
    {
      id: 'match-index-backwards',
      title: mutant('match-index-backwards').title,
      rules: ['L-3a'],
      status: 'survived',
      trace: null,
      step: null,
      action: null,
      kind: null,
      reason: null,
      stepRules: [],
    },
  ]);
  t.same([doc.killed, doc.survived, typeof doc.seconds], [0, 1, 'number']);
  t.match(survived.err, new RegExp(`^match-index-backwards {2}survived \\(4 traces\\) {2}\\[rules L-3a\\] {2}\\d+ ms\\nmutants: 0 killed, 1 survived of 1, `));

  const list = await capture(['--list']);
  t.equal(list.code, 0);
  t.equal(list.out.trimEnd().split('\n').length, MUTANTS.length);
  t.match(list.out, /^vote-without-log-check +RV-2 +grant a vote without the up-to-date log check$/m);
});

t.test('raftref mutants: bad input is one line, exit 2', async (t) => {
  t.throws(() => parseMutantsArgs(['--only', 'nope,vote-twice-in-term']), new UserError('raftref mutants', undefined, '--only: no mutant nope in the catalogue (raftref mutants --list)', 'see raftref mutants --help'));
  t.throws(() => parseMutantsArgs(['--only', '']), { message: /--only: an empty id/ });
  t.throws(() => parseMutantsArgs(['--bogus']), { message: /Unknown option '--bogus'/ });
  const rel = (...p: string[]) => path.relative(process.cwd(), path.join(REPO, ...p));
  t.same(parseMutantsArgs([], REPO).paths, [rel('traces', 'corpus'), path.relative(process.cwd(), MUTANT_TRACES), rel('conformance', 'mutation', 'traces'), rel('conformance', 'fixtures')]);
  await t.rejects(capture(['--only', 'vote-twice-in-term', path.join(REPO, 'no-such-dir')]), { name: 'UserError', message: /no-such-dir: cannot read: ENOENT/ });
  // End to end through the built CLI: one line on stderr, exit 2, no stack trace.
  const r = spawnSync(process.execPath, [path.join(DIST, 'scripts', 'raftref.js'), 'mutants', '--only', 'nope'], { encoding: 'utf8' });
  t.equal(r.status, 2);
  t.equal(r.stderr, 'raftref: error: raftref mutants: --only: no mutant nope in the catalogue (raftref mutants --list) — see raftref mutants --help\n');
  const help = spawnSync(process.execPath, [path.join(DIST, 'scripts', 'raftref.js'), 'mutants', '--help'], { encoding: 'utf8' });
  t.equal(help.status, 0);
  t.match(help.stdout, /^usage: raftref mutants \[--only ID,\.\.\.\] \[--json\] \[--list\] \[PATH\.\.\.\]/);
});
