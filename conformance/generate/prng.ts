// prng.ts: the generator's only source of randomness: xoshiro128** (Blackman and Vigna),
// seeded through splitmix32 from (seed, stream), so that trace k of a run depends on
// (seed, k) alone, whichever worker generates it and in whatever order.

const MASK = 0xffffffff;

/** splitmix32: a good 32-bit mix; also used to spread a seed over the four state words. */
function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export class Prng {
  private readonly s = new Uint32Array(4);

  /**
   * The stream `stream` of seed `seed`; both are non-negative safe integers. Different
   * (seed, stream) pairs give unrelated sequences.
   */
  constructor(seed: number, stream: number) {
    if (!Number.isSafeInteger(seed) || seed < 0 || !Number.isSafeInteger(stream) || stream < 0) {
      throw new RangeError(`Prng: seed and stream must be non-negative safe integers, not ${seed}, ${stream}`);
    }
    const words = [seed & MASK, Math.floor(seed / 2 ** 32), stream & MASK, Math.floor(stream / 2 ** 32)];
    let h = 0x243f6a88;
    for (let k = 0; k < 4; k++) {
      for (const w of words) h = splitmix32((h ^ w) >>> 0);
      this.s[k] = h;
    }
    if (this.s.every((w) => w === 0)) this.s[0] = 1; // the all-zero state is a fixed point
  }

  /** The next 32-bit unsigned integer. */
  nextU32(): number {
    const s = this.s;
    const s0 = s[0] ?? 0;
    const s1 = s[1] ?? 0;
    const s2 = s[2] ?? 0;
    const s3 = s[3] ?? 0;
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    const n2 = (s2 ^ s0) >>> 0;
    const n3 = (s3 ^ s1) >>> 0;
    s[1] = s1 ^ n2;
    s[0] = s0 ^ n3;
    s[2] = n2 ^ t;
    s[3] = rotl(n3, 11);
    return result;
  }

  /** A float in [0, 1) with 32 bits of randomness. */
  float(): number {
    return this.nextU32() / 2 ** 32;
  }

  /** An integer in [0, n), unbiased (rejection sampling); n between 1 and 2^32. */
  below(n: number): number {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32) throw new RangeError(`Prng.below: bad bound ${n}`);
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const x = this.nextU32();
      if (x < limit) return x % n;
    }
  }

  /** An integer in [lo, hi], both included. */
  between(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  /** An index chosen with probability proportional to `weights[i]` (all >= 0, sum > 0). */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, w) => a + w, 0);
    if (!(total > 0)) throw new RangeError('Prng.weighted: weights sum to 0');
    let x = this.float() * total;
    for (const [i, w] of weights.entries()) {
      if (x < w) return i;
      x -= w;
    }
    // Rounding can leave x just above the last positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if ((weights[i] ?? 0) > 0) return i;
    return weights.length - 1;
  }
}
