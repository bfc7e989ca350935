/**
 * java.util.Random's 48-bit linear congruential generator, for the sketches whose answers depend on its draws:
 * count_min_sketch picks its hash multipliers with nextInt(bound) and histogram_numeric breaks ties between
 * equally close bins with nextDouble, both from fixed or user-given seeds.
 */
const MULTIPLIER = 0x5deece66dn;
const ADDEND = 0xbn;
const MASK = (1n << 48n) - 1n;

export class JavaRandom {
  private seed: bigint;

  constructor(seed: bigint | number) {
    this.seed = (BigInt.asIntN(64, BigInt(seed)) ^ MULTIPLIER) & MASK;
  }

  /** The next `bits` (at most 32) pseudo-random bits, as Java's signed int. */
  private next(bits: number): number {
    this.seed = (this.seed * MULTIPLIER + ADDEND) & MASK;
    return Number(BigInt.asIntN(32, this.seed >> BigInt(48 - bits)));
  }

  /** A value in [0, bound), rejecting the draws that would bias the remainder as Java does. */
  nextInt(bound: number): number {
    const m = bound - 1;
    if ((bound & m) === 0) return Number((BigInt(bound) * BigInt(this.next(31))) >> 31n);
    // Java retries while u - r + m overflows an int, i.e. while u falls in the last, incomplete block of bounds.
    for (;;) {
      const u = this.next(31);
      const r = u % bound;
      if (((u - r + m) | 0) >= 0) return r;
    }
  }

  nextDouble(): number {
    return (this.next(26) * 2 ** 27 + this.next(27)) * 2 ** -53;
  }
}
