/**
 * Spark's Murmur3 x86_32 (seed 42) over whole columns, so hash partitioning puts rows in the same partitions as
 * Spark's `HashPartitioning` (pmod(hash, n)). Columns chain: each column's hash seeds the next; NULL leaves the
 * running hash unchanged.
 */
import type { ColumnVector, Scalar } from "../columnar/column-vector.js";
import { compactDecimalsOf } from "../columnar/compact-decimals.js";
import { bigIntegerBytes } from "../functions/xxhash64.js";
import { decimalParts } from "../types/data-types.js";
import { hashNested, isNestedKind, type LeafHash, leafFromColumnHash } from "./nested-hash.js";

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;
export const SPARK_HASH_SEED = 42;

function mixK1(k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, C2);
}

function mixH1(h: number, k: number): number {
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

function fmix(h: number, length: number): number {
  h ^= length;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

export function hashInt(value: number, seed: number): number {
  return fmix(mixH1(seed, mixK1(value | 0)), 4);
}

const TWO_32 = 4294967296;

export function hashLong(value: bigint, seed: number): number {
  // Most longs (and unscaled decimals) are safe integers: split them with float math, no BigInt allocation.
  const n = Number(value);
  if (Number.isSafeInteger(n)) return hashSafeInteger(n, seed);
  return hashLongWords(Number(BigInt.asIntN(32, value)), Number(BigInt.asIntN(32, value >> 32n)), seed);
}

/** hashLong of a long that is a safe integer, given as a number. */
export function hashSafeInteger(n: number, seed: number): number {
  return hashLongWords(n | 0, Math.floor(n / TWO_32) | 0, seed);
}

function hashLongWords(low: number, high: number, seed: number): number {
  return fmix(mixH1(mixH1(seed, mixK1(low)), mixK1(high)), 8);
}

/** Spark's hashUnsafeBytes: 4-byte little-endian words, then each trailing byte mixed on its own. */
export function hashBytes(bytes: Uint8Array, seed: number, length = bytes.length): number {
  const aligned = length - (length % 4);
  let h = seed;
  for (let i = 0; i < aligned; i += 4) {
    const word =
      (bytes[i] as number) |
      ((bytes[i + 1] as number) << 8) |
      ((bytes[i + 2] as number) << 16) |
      ((bytes[i + 3] as number) << 24);
    h = mixH1(h, mixK1(word));
  }
  for (let i = aligned; i < length; i++) {
    const signedByte = ((bytes[i] as number) << 24) >> 24;
    h = mixH1(h, mixK1(signedByte));
  }
  return fmix(h, length);
}

let scratch = new Uint8Array(256);

/** hashBytes of a string's UTF-8 bytes: ASCII strings hash their char codes, others encode into a reused buffer. */
export function hashString(text: string, seed: number): number {
  const length = text.length;
  const aligned = length - (length % 4);
  let h = seed;
  let i = 0;
  for (; i < aligned; i += 4) {
    const c0 = text.charCodeAt(i);
    const c1 = text.charCodeAt(i + 1);
    const c2 = text.charCodeAt(i + 2);
    const c3 = text.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) > 0x7f) return hashEncoded(text, seed);
    h = mixH1(h, mixK1(c0 | (c1 << 8) | (c2 << 16) | (c3 << 24)));
  }
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return hashEncoded(text, seed);
    h = mixH1(h, mixK1(c));
  }
  return fmix(h, length);
}

function hashEncoded(text: string, seed: number): number {
  if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, scratch);
  return hashBytes(scratch, seed, written);
}

const encoder = new TextEncoder();
const float64 = new Float64Array(1);
const float64Bits = new BigInt64Array(float64.buffer);
const float32 = new Float32Array(1);
const float32Bits = new Int32Array(float32.buffer);

/** Updates `hashes` in place with one more column; -0.0 hashes as 0.0, as in Spark. */
export function hashColumnInto(column: ColumnVector, hashes: Int32Array): void {
  const n = column.length;
  const valid = column.validity;
  const kind = column.type.kind.case;
  // Spark hashes decimals wider than a long by the bytes of their unscaled BigInteger.
  const wideDecimal = kind === "decimal" && decimalParts(column.type).precision > 18;
  const data = column.data;
  if (isNestedKind(column.type)) {
    for (let i = 0; i < n; i++) {
      if (valid !== null && valid[i] === 0) continue;
      hashes[i] = hashNested((data as Scalar[])[i] ?? null, column.type, hashes[i] as number, murmurLeaf);
    }
    return;
  }
  const compact = kind === "decimal" && !wideDecimal ? compactDecimalsOf(column) : undefined;
  if (compact !== undefined) {
    for (let i = 0; i < n; i++) {
      if (valid === null || valid[i] === 1) hashes[i] = hashSafeInteger(compact[i] as number, hashes[i] as number);
    }
    return;
  }
  if (data instanceof BigInt64Array) {
    // Longs and timestamps by their two 32-bit halves through an Int32Array view: no BigInt per row.
    const words = new Int32Array(data.buffer, data.byteOffset, n * 2);
    for (let i = 0; i < n; i++) {
      if (valid === null || valid[i] === 1) {
        hashes[i] = hashLongWords(words[2 * i] as number, words[2 * i + 1] as number, hashes[i] as number);
      }
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    if (valid !== null && valid[i] === 0) continue;
    const seed = hashes[i] as number;
    let h: number;
    switch (kind) {
      case "long":
      case "timestamp":
      case "timestampNtz":
        h = hashLong((data as unknown as BigInt64Array)[i] as bigint, seed);
        break;
      case "double": {
        const v = (data as Float64Array)[i] as number;
        float64[0] = v === 0 ? 0 : Number.isNaN(v) ? Number.NaN : v;
        h = hashLong(float64Bits[0] as bigint, seed);
        break;
      }
      case "float": {
        const v = (data as Float32Array)[i] as number;
        float32[0] = v === 0 ? 0 : v;
        h = hashInt(float32Bits[0] as number, seed);
        break;
      }
      case "string":
        h = hashString((data as string[])[i] as string, seed);
        break;
      case "binary":
        h = hashBytes((data as Uint8Array[])[i] as Uint8Array, seed);
        break;
      case "decimal": {
        const unscaled = (data as bigint[])[i] as bigint;
        h = wideDecimal ? hashBytes(bigIntegerBytes(unscaled), seed) : hashLong(unscaled, seed);
        break;
      }
      case "null":
        continue;
      case "calendarInterval": {
        // Spark hashes the struct-like triple field by field.
        const [months, days, micros] = (data as unknown as (readonly [number, number, bigint])[])[i]!;
        h = hashLong(micros, hashInt(days, hashInt(months, seed)));
        break;
      }
      default:
        h = hashInt((data as Int32Array)[i] as number, seed);
    }
    hashes[i] = h;
  }
}

const murmurLeaf: LeafHash<number> = leafFromColumnHash<number>((column, hashes) => {
  const into = Int32Array.from(hashes);
  hashColumnInto(column, into);
  hashes[0] = into[0] as number;
});

export function hashColumns(columns: readonly ColumnVector[], numRows: number): Int32Array {
  const hashes = new Int32Array(numRows).fill(SPARK_HASH_SEED);
  for (const column of columns) hashColumnInto(column, hashes);
  return hashes;
}

export const pmod = (hash: number, n: number): number => ((hash % n) + n) % n;
