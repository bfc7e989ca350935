/**
 * Spark's XORShiftRandom, the generator behind rand(seed) and sampleBy: the seed is scrambled with Scala's
 * MurmurHash3.bytesHash over its 8 big-endian bytes (low word with the array seed, high word seeded by the low),
 * each step is the xorshift (21, 35, 4) on 64 bits, and nextDouble joins 26 and 27 bits as java.util.Random does.
 * Spark seeds one generator per partition with seed + partitionIndex; the same draws reproduce its choices.
 * nextInt and nextGaussian are java.util.Random's, which XORShiftRandom inherits over its own `next`.
 */

const MASK64 = (1n << 64n) - 1n;
/** Scala's MurmurHash3.arraySeed. */
const ARRAY_SEED = 0x3c074a61;

const rotl32 = (x: number, r: number): number => (x << r) | (x >>> (32 - r));

function mix(h: number, k: number): number {
  let key = Math.imul(k, 0xcc9e2d51);
  key = rotl32(key, 15);
  key = Math.imul(key, 0x1b873593);
  const mixed = rotl32(h ^ key, 13);
  return (Math.imul(mixed, 5) + 0xe6546b64) | 0;
}

function finalizeHash(h: number, length: number): number {
  let x = h ^ length;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** Scala's MurmurHash3.bytesHash of exactly 8 bytes (no tail to mix). */
function bytesHash8(bytes: Uint8Array, seed: number): number {
  let h = seed;
  for (let i = 0; i < 8; i += 4) {
    const k =
      (bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24);
    h = mix(h, k);
  }
  return finalizeHash(h, 8);
}

function hashSeed(seed: bigint): bigint {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt.asIntN(64, seed));
  const low = bytesHash8(bytes, ARRAY_SEED);
  const high = bytesHash8(bytes, low);
  return ((BigInt(high >>> 0) << 32n) | BigInt(low >>> 0)) & MASK64;
}

export class XorShiftRandom {
  private state: bigint;

  constructor(seed: bigint) {
    this.state = hashSeed(seed);
  }

  /** The generator re-seeded in place, as Spark's samplers do once per partition. */
  setSeed(seed: bigint): void {
    this.state = hashSeed(seed);
    this.nextGaussianValue = null;
  }

  private nextGaussianValue: number | null = null;

  private next(bits: bigint): bigint {
    let s = this.state;
    s ^= (s << 21n) & MASK64;
    s ^= s >> 35n;
    s ^= (s << 4n) & MASK64;
    this.state = s;
    return s & ((1n << bits) - 1n);
  }

  nextDouble(): number {
    const high = this.next(26n);
    const low = this.next(27n);
    return Number((high << 27n) + low) * 2 ** -53;
  }

  /** A signed 32-bit draw (java.util.Random.nextInt()). */
  nextInt(): number {
    return Number(this.next(32n)) | 0;
  }

  /** Java's polar method: two uniform draws in the unit circle give two normal values, the second kept for later. */
  nextGaussian(): number {
    if (this.nextGaussianValue !== null) {
      const kept = this.nextGaussianValue;
      this.nextGaussianValue = null;
      return kept;
    }
    let v1: number;
    let v2: number;
    let s: number;
    do {
      v1 = 2 * this.nextDouble() - 1;
      v2 = 2 * this.nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s === 0);
    const multiplier = Math.sqrt((-2 * Math.log(s)) / s);
    this.nextGaussianValue = v2 * multiplier;
    return v1 * multiplier;
  }
}
