// replay.test.ts: `raftref replay --progress` reports on stderr and leaves stdout to the summary.
import fs from 'node:fs';
import path from 'node:path';
import t from 'tap';
import { repoDir } from '../../conformance/spec-hash.js';
import { parseReplayArgs, replay } from './replay.js';

const FIXTURES = path.join(repoDir(), 'conformance', 'fixtures');
const N = fs.readdirSync(FIXTURES).filter((f) => f.endsWith('.itf.json')).length;

t.test('--progress: progress lines on stderr, stdout untouched by them', async (t) => {
  const log = t.capture(console, 'log');
  const err = t.capture(process.stderr, 'write', () => true);
  const code = await replay.run(['--no-repro', '--progress', FIXTURES]);
  t.equal(code, 0);
  const stdout = log().map((c) => c.args.join(' '));
  const stderr = err().map((c) => String(c.args[0]));
  t.match(stderr.join(''), new RegExp(`^progress: ${N}/${N} traces {2}[\\d.]+ steps/s {2}ETA 0s$`, 'm'), 'the last file always shows');
  t.same(stdout.filter((l) => /progress/.test(l)), [], 'no progress on stdout');
  t.match(stdout.at(-1), new RegExp(`^replay: ${N} traces, \\d+ steps, 0 divergences, 0 unusable, [\\d.]+ s$`));
});

t.test('without --progress and off a terminal: no progress', async (t) => {
  t.capture(console, 'log');
  const err = t.capture(process.stderr, 'write', () => true);
  t.equal(parseReplayArgs(['x']).progress, false);
  if (process.stderr.isTTY === true) return;
  await replay.run(['--no-repro', FIXTURES]);
  t.same(err().map((c) => String(c.args[0])).filter((l) => l.startsWith('progress')), []);
});
