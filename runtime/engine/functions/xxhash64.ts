/**
 * Spark's XXH64 (seed 42) over whole columns, the hash behind `xxhash64(...)`: columns chain (each column's hash
 * seeds the next) and NULL leaves the running hash unchanged, as with Murmur3 `hash(...)`.
 */
import type { ColumnVector, Scalar } from "../columnar/column-vector.js";
import { hashNested, isNestedKind, type LeafHash, leafFromColumnHash } from "../shuffle/nested-hash.js";
import * as T from "../types/data-types.js";

const P1 = 0x9e3779b185ebca87n;
const P2 = 0xc2b2ae3d27d4eb4fn;
const P3 = 0x165667b19e3779f9n;
const P4 = 0x85ebca77c2b2ae63n;
const P5 = 0x27d4eb2f165667c5n;
const MASK = 0xffffffffffffffffn;

const u64 = (x: bigint): bigint => x & MASK;
const rotl = (x: bigint, r: bigint): bigint => u64((x << r) | (x >> (64n - r)));

function fmix(h: bigint): bigint {
  h ^= h >> 33n;
  h = u64(h * P2);
  h ^= h >> 29n;
  h = u64(h * P3);
  h ^= h >> 32n;
  return h;
}

/** Seeds and results are unsigned 64-bit values here; callers convert at the edges. */
export function xxhashInt(value: number, seed: bigint): bigint {
  let h = u64(seed + P5 + 4n);
  h ^= u64(BigInt(value >>> 0) * P1);
  h = u64(rotl(h, 23n) * P2 + P3);
  return fmix(h);
}

export function xxhashLong(value: bigint, seed: bigint): bigint {
  let h = u64(seed + P5 + 8n);
  h ^= u64(rotl(u64(u64(value) * P2), 31n) * P1);
  h = u64(rotl(h, 27n) * P1 + P4);
  return fmix(h);
}

const round = (acc: bigint, lane: bigint): bigint => u64(rotl(u64(acc + u64(lane * P2)), 31n) * P1);

export function xxhashBytes(bytes: Uint8Array, seed: bigint): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length;
  let offset = 0;
  let h: bigint;
  if (end >= 32) {
    let v1 = u64(seed + P1 + P2);
    let v2 = u64(seed + P2);
    let v3 = seed;
    let v4 = u64(seed - P1);
    while (offset <= end - 32) {
      v1 = round(v1, view.getBigUint64(offset, true));
      v2 = round(v2, view.getBigUint64(offset + 8, true));
      v3 = round(v3, view.getBigUint64(offset + 16, true));
      v4 = round(v4, view.getBigUint64(offset + 24, true));
      offset += 32;
    }
    h = u64(rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n));
    for (const v of [v1, v2, v3, v4]) {
      h ^= round(0n, v);
      h = u64(h * P1 + P4);
    }
  } else {
    h = u64(seed + P5);
  }
  h = u64(h + BigInt(end));
  while (offset <= end - 8) {
    h ^= round(0n, view.getBigUint64(offset, true));
    h = u64(rotl(h, 27n) * P1 + P4);
    offset += 8;
  }
  if (offset <= end - 4) {
    h ^= u64(BigInt(view.getUint32(offset, true)) * P1);
    h = u64(rotl(h, 23n) * P2 + P3);
    offset += 4;
  }
  while (offset < end) {
    h ^= u64(BigInt(bytes[offset] as number) * P5);
    h = u64(rotl(h, 11n) * P1);
    offset++;
  }
  return fmix(h);
}

/** Java's BigInteger.toByteArray: minimal big-endian two's complement, how Spark hashes wide decimals. */
export function bigIntegerBytes(value: bigint): Uint8Array {
  const out: number[] = [];
  let v = value;
  for (;;) {
    const byte = Number(v & 0xffn);
    out.unshift(byte);
    v >>= 8n;
    if ((v === 0n && (byte & 0x80) === 0) || (v === -1n && (byte & 0x80) !== 0)) break;
  }
  return Uint8Array.from(out);
}

const encoder = new TextEncoder();
const float64 = new Float64Array(1);
const float64Bits = new BigInt64Array(float64.buffer);
const float32 = new Float32Array(1);
const float32Bits = new Int32Array(float32.buffer);

function xxhashColumnInto(column: ColumnVector, hashes: bigint[]): void {
  const valid = column.validity;
  const kind = column.type.kind.case;
  const data = column.data;
  const wideDecimal = kind === "decimal" && T.decimalParts(column.type).precision > 18;
  if (isNestedKind(column.type)) {
    for (let i = 0; i < column.length; i++) {
      if (valid !== null && valid[i] === 0) continue;
      hashes[i] = hashNested((data as Scalar[])[i] ?? null, column.type, hashes[i] as bigint, xxhashLeaf);
    }
    return;
  }
  for (let i = 0; i < column.length; i++) {
    if (kind === "null" || (valid !== null && valid[i] === 0)) continue;
    const seed = hashes[i] as bigint;
    switch (kind) {
      case "long":
      case "timestamp":
      case "timestampNtz":
        hashes[i] = xxhashLong((data as BigInt64Array)[i] as bigint, seed);
        break;
      case "double": {
        const v = (data as Float64Array)[i] as number;
        float64[0] = v === 0 ? 0 : v;
        hashes[i] = xxhashLong(float64Bits[0] as bigint, seed);
        break;
      }
      case "float": {
        const v = (data as Float32Array)[i] as number;
        float32[0] = v === 0 ? 0 : v;
        hashes[i] = xxhashInt(float32Bits[0] as number, seed);
        break;
      }
      case "string":
        hashes[i] = xxhashBytes(encoder.encode((data as string[])[i] as string), seed);
        break;
      case "binary":
        hashes[i] = xxhashBytes((data as Uint8Array[])[i] as Uint8Array, seed);
        break;
      case "decimal": {
        const unscaled = (data as bigint[])[i] as bigint;
        hashes[i] = wideDecimal ? xxhashBytes(bigIntegerBytes(unscaled), seed) : xxhashLong(unscaled, seed);
        break;
      }
      default:
        hashes[i] = xxhashInt((data as Int32Array)[i] as number, seed);
    }
  }
}

const xxhashLeaf: LeafHash<bigint> = leafFromColumnHash<bigint>(xxhashColumnInto);

/** Signed 64-bit XXH64 of each row over `columns`, seed 42. */
export function xxhashColumns(columns: readonly ColumnVector[], numRows: number): BigInt64Array {
  const hashes = new Array<bigint>(numRows).fill(42n);
  for (const column of columns) xxhashColumnInto(column, hashes);
  return BigInt64Array.from(hashes, (h) => BigInt.asIntN(64, h));
}
