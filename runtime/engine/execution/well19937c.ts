/**
 * commons-math3's Well19937c generator and its Poisson draw, as Spark's PoissonSampler uses them for
 * sample(withReplacement = true): the 64-bit seed is split into two 32-bit words that start the state, the rest
 * filled by the Knuth recurrence; nextDouble joins two 26-bit draws; a Poisson count below mean 40 multiplies
 * uniform draws until the product falls below exp(-mean).
 */

const R = 624;
const M1 = 70;
const M2 = 179;
const M3 = 449;

const offsets = (shift: number) => Int32Array.from({ length: R }, (_, j) => (j + shift) % R);
const I_RM1 = offsets(R - 1);
const I_RM2 = offsets(R - 2);
const I1 = offsets(M1);
const I2 = offsets(M2);
const I3 = offsets(M3);

export class Well19937c {
  private readonly v = new Int32Array(R);
  private index = 0;

  constructor(seed: bigint) {
    const v = this.v;
    v[0] = Number(BigInt.asIntN(32, seed >> 32n));
    v[1] = Number(BigInt.asIntN(32, seed));
    for (let i = 2; i < R; i++) {
      const l = v[i - 2] as number;
      v[i] = Math.imul(l ^ (l >> 30), 1812433253) + i;
    }
  }

  /** The next `bits` (≤ 32) bits, unsigned. */
  next(bits: number): number {
    const v = this.v;
    const index = this.index;
    const indexRm1 = I_RM1[index] as number;
    const indexRm2 = I_RM2[index] as number;
    const v0 = v[index] as number;
    const vM1 = v[I1[index] as number] as number;
    const vM2 = v[I2[index] as number] as number;
    const vM3 = v[I3[index] as number] as number;
    const z0 = (0x80000000 & (v[indexRm1] as number)) ^ (0x7fffffff & (v[indexRm2] as number));
    const z1 = v0 ^ (v0 << 25) ^ (vM1 ^ (vM1 >>> 27));
    const z2 = (vM2 >>> 9) ^ (vM3 ^ (vM3 >>> 1));
    const z3 = z1 ^ z2;
    let z4 = z0 ^ (z1 ^ (z1 << 9)) ^ (z2 ^ (z2 << 21)) ^ (z3 ^ (z3 >>> 21));
    v[index] = z3;
    v[indexRm1] = z4;
    v[indexRm2] = (v[indexRm2] as number) & 0x80000000;
    this.index = indexRm1;
    z4 ^= (z4 << 7) & 0xe46e1700;
    z4 ^= (z4 << 15) & 0x9b868000;
    return (z4 >>> 0) >>> (32 - bits);
  }

  nextDouble(): number {
    const high = this.next(26) * 2 ** 26;
    const low = this.next(26);
    return (high + low) * 2 ** -52;
  }

  /** A Poisson-distributed count with the given mean (the product-of-uniforms method, mean < 40). */
  nextPoisson(mean: number): number {
    const limit = Math.exp(-mean);
    let n = 0;
    let product = 1;
    while (n < 1000 * mean) {
      product *= this.nextDouble();
      if (product >= limit) n++;
      else return n;
    }
    return n;
  }
}

/** java.util.Random's 48-bit congruential generator, enough for nextLong (Spark derives partition seeds with it). */
export class JavaRandom {
  private state: bigint;

  constructor(seed: bigint) {
    this.state = (seed ^ 0x5deece66dn) & ((1n << 48n) - 1n);
  }

  private next32(): bigint {
    this.state = (this.state * 0x5deece66dn + 0xbn) & ((1n << 48n) - 1n);
    return BigInt.asIntN(32, this.state >> 16n);
  }

  nextLong(): bigint {
    const high = this.next32();
    const low = this.next32();
    return BigInt.asIntN(64, (high << 32n) + low);
  }
}
