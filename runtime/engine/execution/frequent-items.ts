/**
 * The frequent-items counter behind df.stat.freqItems (Karp, Schenker and Papadimitriou's algorithm, as Spark's
 * collect_frequent_items runs it): at most `size` candidates with counts; a new value arriving when the counter
 * is full is admitted with its count while every count drops by the smallest one, and candidates left without
 * a count leave. Spark keeps the candidates in a Scala mutable.HashMap and lists them in its iteration order, so
 * the counter also tracks what fixes that order — each key's JVM hash (`##`: Integer, Long, Double, Boolean,
 * UTF8String), the table size (16, doubled once an insertion would reach 3/4 of it, never shrunk) and the
 * insertion sequence among equal hashes — and lists the candidates in the same order.
 */
import type { Scalar } from "../columnar/column-vector.js";
import { hashBytes, SPARK_HASH_SEED } from "../shuffle/murmur3.js";

interface Entry {
  readonly value: Scalar;
  readonly hash: number;
  count: bigint;
  seq: number;
}

const UTF8 = new TextEncoder();

/** Scala's `##` of a boxed number: integral values hash as Int (or Long) whatever their box. */
function hashOfLong(value: bigint): number {
  const asInt = BigInt.asIntN(32, value);
  if (asInt === value) return Number(asInt);
  return Number(BigInt.asIntN(32, value ^ (BigInt.asUintN(64, value) >> 32n)));
}

const bits = new DataView(new ArrayBuffer(8));

/** Scala's `##` of a boxed double: as an Int or Long if integral, as a Float if exact in one, else Double's. */
function hashOfDouble(value: number): number {
  if (Number.isInteger(value)) {
    if (value >= -(2 ** 31) && value < 2 ** 31) return value | 0;
    if (value >= -(2 ** 63) && value < 2 ** 63) return hashOfLong(BigInt(value));
  }
  if (Math.fround(value) === value) {
    bits.setFloat32(0, value);
    return bits.getInt32(0);
  }
  // Java's Double.hashCode over the canonical bits (every NaN is the same NaN).
  bits.setFloat64(0, Number.isNaN(value) ? Number.NaN : value);
  return (bits.getInt32(0) ^ bits.getInt32(4)) | 0;
}

/** The JVM hash Spark's map sees for a value of the given kind. */
export type KeyKind = "int" | "long" | "double" | "boolean" | "string";

export function jvmHash(value: Scalar, kind: KeyKind): number {
  if (value === null) return 0;
  switch (kind) {
    case "int":
      return Number(value) | 0;
    case "long":
      return hashOfLong(BigInt(value as bigint | number));
    case "double":
      return hashOfDouble(Number(value));
    case "boolean":
      return value === true ? 1231 : 1237;
    case "string":
      return hashBytes(UTF8.encode(String(value)), SPARK_HASH_SEED);
  }
}

/** Map keys: equal when Java's equals says so (so 0.0 and -0.0 differ, NaN equals NaN). */
const keyOf = (value: Scalar): string =>
  value === null ? "null" : Object.is(value, -0) ? "-0" : `${typeof value}:${String(value)}`;

export class FrequentItemsCounter {
  private readonly entries = new Map<string, Entry>();
  private tableSize = 16;
  private nextSeq = 0;

  constructor(
    private readonly size: number,
    private readonly kind: KeyKind,
  ) {}

  /** A put into the Scala map: the table may grow first (even when the key is already there). */
  private put(value: Scalar, count: bigint): void {
    if (this.entries.size + 1 >= Math.trunc(this.tableSize * 0.75)) this.tableSize *= 2;
    const key = keyOf(value);
    const found = this.entries.get(key);
    if (found !== undefined) found.count = count;
    else this.entries.set(key, { value, hash: improve(jvmHash(value, this.kind)), count, seq: this.nextSeq++ });
  }

  add(value: Scalar, count: bigint): void {
    const found = this.entries.get(keyOf(value));
    if (found !== undefined) {
      this.put(value, found.count + count);
      return;
    }
    if (this.entries.size < this.size) {
      this.put(value, count);
      return;
    }
    let smallest: bigint | undefined;
    for (const e of this.entries.values()) if (smallest === undefined || e.count < smallest) smallest = e.count;
    const minCount = smallest ?? 0n;
    if (count >= minCount) {
      this.put(value, count);
      for (const [key, e] of this.entries) {
        if (e.count > minCount) e.count -= minCount;
        else this.entries.delete(key);
      }
    } else for (const e of this.entries.values()) e.count -= count;
  }

  /** Merges another counter, visiting its candidates in its own iteration order. */
  merge(other: FrequentItemsCounter): void {
    for (const e of other.ordered()) this.add(e.value, e.count);
  }

  /** This counter as Spark ships it between tasks: a fresh map filled in iteration order. */
  shipped(): FrequentItemsCounter {
    const copy = new FrequentItemsCounter(this.size, this.kind);
    for (const e of this.ordered()) copy.put(e.value, e.count);
    return copy;
  }

  /** The candidates in the Scala map's iteration order: bucket, then hash, then insertion. */
  private ordered(): Entry[] {
    const mask = this.tableSize - 1;
    return [...this.entries.values()].sort(
      (a, b) => (a.hash & mask) - (b.hash & mask) || a.hash - b.hash || a.seq - b.seq,
    );
  }

  items(): Scalar[] {
    return this.ordered().map((e) => e.value);
  }
}

/** Scala's HashMap spreads the high bits of a hash into the low ones. */
const improve = (hash: number): number => (hash ^ (hash >>> 16)) | 0;
