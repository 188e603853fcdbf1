import t from 'tap';
import { formatEta, progressSink, progressText } from './progress.js';

t.test('progress text: bar, counts, steps/s and ETA', async (t) => {
  t.equal(progressText({ done: 5, total: 20, steps: 300, elapsedSeconds: 10 }, 8), '[##......] 5/20 traces  30.0 steps/s  ETA 30s');
  t.equal(progressText({ done: 0, total: 3, steps: 0, elapsedSeconds: 0 }, 4), '[....] 0/3 traces  0.0 steps/s  ETA ?');
  t.equal(formatEta(61), '1m01s');
  t.equal(formatEta(3 * 3600 + 120), '3h02m');
});

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  return { written, stream: { isTTY, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
}

t.test('not a terminal: a line at most every interval, and the last one', async (t) => {
  let now = 0;
  const { written, stream } = fakeStream(false);
  const sink = progressSink(stream, () => now, 250, 10_000);
  for (let k = 1; k <= 10; k++) {
    now = k * 3000;
    sink.update({ done: k, total: 10, steps: k * 10, elapsedSeconds: now / 1000 });
  }
  sink.done();
  t.same(written.map((w) => w.match(/^progress: (\d+)\//)?.[1]), ['1', '5', '9', '10'], 'at 3 s, 15 s, 27 s, then the end');
  t.ok(written.every((w) => w.endsWith('\n') && !w.includes('\r')));
});

t.test('a terminal: one bar redrawn in place, cleared at the end', async (t) => {
  let now = 0;
  const { written, stream } = fakeStream(true);
  const sink = progressSink(stream, () => now, 250, 10_000);
  sink.update({ done: 1, total: 3, steps: 1, elapsedSeconds: 0.1 });
  now = 100;
  sink.update({ done: 2, total: 3, steps: 2, elapsedSeconds: 0.2 });
  now = 400;
  sink.update({ done: 2, total: 3, steps: 3, elapsedSeconds: 0.4 });
  sink.done();
  t.equal(written.length, 3, 'the update 100 ms after the first was skipped');
  t.match(written[0], /^\r\[#+\.+\] 1\/3 traces/);
  t.equal(written[2], '\r\x1b[K');
});
