/**
 * Spark's CountMinSketchImpl: width ceil(2 / eps), depth ceil(-log2(1 - confidence)), one row of 64-bit counters
 * per depth. Integral values go through a linear hash per row (multiplier from java.util.Random(seed), product
 * folded mod 2^31 - 1, then mod width); strings and byte strings through two Murmur3 hashes of their bytes
 * (h1 + i * h2 mod width). `toBytes` writes Spark's V1 image: version, total count, depth, width, the
 * multipliers, then the table row by row, all big-endian.
 */
import { hashBytes } from "../shuffle/murmur3.js";
import { JavaRandom } from "./java-random.js";

const PRIME_MODULUS = (1n << 31n) - 1n;
const INT_MAX = 2147483647;
const FORMAT_VERSION = 1;

export interface CountMinShape {
  readonly depth: number;
  readonly width: number;
  readonly multipliers: readonly bigint[];
}

export function countMinShape(eps: number, confidence: number, seed: number): CountMinShape {
  const width = Math.ceil(2 / eps) | 0;
  const depth = Math.ceil(-Math.log(1 - confidence) / Math.log(2)) | 0;
  const random = new JavaRandom(seed);
  const multipliers = Array.from({ length: depth }, () => BigInt(random.nextInt(INT_MAX)));
  return { depth, width, multipliers };
}

export class CountMinSketch {
  /** depth * width counters, row-major. */
  readonly table: BigInt64Array;
  totalCount = 0n;

  constructor(readonly shape: CountMinShape) {
    this.table = new BigInt64Array(shape.depth * shape.width);
  }

  addLong(item: bigint): void {
    const { depth, width, multipliers } = this.shape;
    for (let row = 0; row < depth; row++) {
      let hash = BigInt.asIntN(64, (multipliers[row] as bigint) * item);
      hash = BigInt.asIntN(64, hash + (hash >> 32n));
      hash &= PRIME_MODULUS;
      // The folded hash is below 2^31, so Java's int conversion keeps it non-negative.
      this.increment(row * width + (Number(hash) % width));
    }
    this.totalCount += 1n;
  }

  addBytes(item: Uint8Array): void {
    const { depth, width } = this.shape;
    const first = hashBytes(item, 0);
    const second = hashBytes(item, first);
    for (let row = 0; row < depth; row++) {
      const combined = (first + Math.imul(row, second)) | 0;
      this.increment(row * width + Math.abs(combined % width));
    }
    this.totalCount += 1n;
  }

  private increment(cell: number): void {
    this.table[cell] = BigInt.asIntN(64, (this.table[cell] as bigint) + 1n);
  }

  mergeFrom(other: CountMinSketch): void {
    for (let i = 0; i < this.table.length; i++)
      this.table[i] = BigInt.asIntN(64, (this.table[i] as bigint) + (other.table[i] as bigint));
    this.totalCount += other.totalCount;
  }

  toBytes(): Uint8Array {
    const { depth, width, multipliers } = this.shape;
    const out = new Uint8Array(4 + 8 + 4 + 4 + 8 * depth + 8 * depth * width);
    const view = new DataView(out.buffer);
    view.setInt32(0, FORMAT_VERSION);
    view.setBigInt64(4, this.totalCount);
    view.setInt32(12, depth);
    view.setInt32(16, width);
    let offset = 20;
    for (const multiplier of multipliers) {
      view.setBigInt64(offset, multiplier);
      offset += 8;
    }
    for (const counter of this.table) {
      view.setBigInt64(offset, counter);
      offset += 8;
    }
    return out;
  }

  /** Reads a V1 image back (the partial state shipped across the shuffle). */
  static fromBytes(bytes: Uint8Array): CountMinSketch {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const totalCount = view.getBigInt64(4);
    const depth = view.getInt32(12);
    const width = view.getInt32(16);
    let offset = 20;
    const multipliers: bigint[] = [];
    for (let row = 0; row < depth; row++, offset += 8) multipliers.push(view.getBigInt64(offset));
    const sketch = new CountMinSketch({ depth, width, multipliers });
    for (let i = 0; i < depth * width; i++, offset += 8) sketch.table[i] = view.getBigInt64(offset);
    sketch.totalCount = totalCount;
    return sketch;
  }
}
