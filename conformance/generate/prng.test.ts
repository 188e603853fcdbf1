import t from 'tap';
import { Prng } from './prng.js';

const draw = (p: Prng, n: number): number[] => Array.from({ length: n }, () => p.nextU32());

t.test('same (seed, stream): same sequence; another seed or stream: another sequence', async (t) => {
  t.same(draw(new Prng(42, 7), 20), draw(new Prng(42, 7), 20));
  t.not(draw(new Prng(42, 7), 20).join(), draw(new Prng(43, 7), 20).join());
  t.not(draw(new Prng(42, 7), 20).join(), draw(new Prng(42, 8), 20).join());
  t.not(draw(new Prng(0, 0), 20).join(), draw(new Prng(2 ** 32, 0), 20).join(), 'high bits of the seed count');
});

t.test('pinned output: a change of the generator changes every trace, so it must be deliberate', async (t) => {
  t.same(draw(new Prng(1, 0), 4), [3006694664, 1842259615, 2910779160, 1818653223]);
});

t.test('below, between and float stay in range and spread evenly', async (t) => {
  const p = new Prng(5, 0);
  const counts = [0, 0, 0, 0, 0, 0];
  for (let k = 0; k < 60_000; k++) {
    const x = p.below(6);
    counts[x] = (counts[x] ?? 0) + 1;
  }
  for (const c of counts) t.ok(Math.abs(c - 10_000) < 500, `each face about 10000 times: ${c}`);
  const between = Array.from({ length: 1000 }, () => p.between(3, 5));
  t.same([...new Set(between)].sort(), [3, 4, 5], 'between(3, 5) gives 3, 4 and 5 only');
  const floats = Array.from({ length: 1000 }, () => p.float());
  t.ok(floats.every((f) => f >= 0 && f < 1), 'float in [0, 1)');
  t.throws(() => p.below(0), RangeError);
  t.throws(() => new Prng(-1, 0), RangeError);
  t.throws(() => new Prng(1.5, 0), RangeError);
});

t.test('weighted: proportional to the weights, never a zero weight', async (t) => {
  const p = new Prng(9, 1);
  const counts = [0, 0, 0];
  for (let k = 0; k < 40_000; k++) {
    const i = p.weighted([1, 0, 3]);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  t.equal(counts[1], 0);
  t.ok(Math.abs((counts[2] ?? 0) / 40_000 - 0.75) < 0.01, `weight 3 of 4: ${counts[2]}`);
  t.throws(() => p.weighted([0, 0]), RangeError);
});
