/**
 * The MT19937 generator as commons-math3's MersenneTwister seeds and draws it: a 64-bit seed becomes the two
 * 32-bit words (high, low) of the reference init_by_array, and nextInt(bound) rejects biased draws of 31 bits
 * as java.util.Random does. Spark's shuffle(array) permutes with it, seeded with seed + partitionIndex.
 */

const N = 624;
const M = 397;

export class MersenneTwister {
  private readonly mt = new Uint32Array(N);
  private index = N;

  constructor(seed: bigint) {
    const words = [Number((BigInt.asUintN(64, seed) >> 32n) & 0xffffffffn), Number(seed & 0xffffffffn)];
    this.seedWithInt(19650218);
    const mt = this.mt;
    let i = 1;
    let j = 0;
    for (let k = Math.max(N, words.length); k !== 0; k--) {
      const previous = mt[i - 1] as number;
      const mixed = Math.imul((previous ^ (previous >>> 30)) >>> 0, 1664525) >>> 0;
      mt[i] = (((mt[i] as number) ^ mixed) >>> 0) + (words[j] as number) + j;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
      if (j >= words.length) j = 0;
    }
    for (let k = N - 1; k !== 0; k--) {
      const previous = mt[i - 1] as number;
      const mixed = Math.imul((previous ^ (previous >>> 30)) >>> 0, 1566083941) >>> 0;
      mt[i] = (((mt[i] as number) ^ mixed) >>> 0) - i;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1] as number;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
    this.index = N;
  }

  private seedWithInt(seed: number): void {
    const mt = this.mt;
    mt[0] = seed;
    for (let i = 1; i < N; i++) {
      const previous = mt[i - 1] as number;
      mt[i] = Math.imul(previous ^ (previous >>> 30), 1812433253) + i;
    }
    this.index = N;
  }

  private twist(): void {
    const mt = this.mt;
    for (let k = 0; k < N; k++) {
      const y = ((mt[k] as number) & 0x80000000) | ((mt[(k + 1) % N] as number) & 0x7fffffff);
      mt[k] = (mt[(k + M) % N] as number) ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.index = 0;
  }

  /** The next `bits` (≤ 32) tempered bits, unsigned. */
  next(bits: number): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return (y >>> 0) >>> (32 - bits);
  }

  /** A uniform integer in [0, bound). */
  nextInt(bound: number): number {
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    for (;;) {
      const bits = this.next(31);
      const value = bits % bound;
      // Java rejects the draw when bits - value + (bound - 1) overflows a signed int.
      if (bits - value + (bound - 1) <= 0x7fffffff) return value;
    }
  }
}
