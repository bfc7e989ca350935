/**
 * DECIMAL columns whose unscaled values are all safe integers (every decimal(p ≤ 15), so all money columns read
 * from files) can carry them in a Float64Array. Such a column still shows the usual `bigint[]` as `data`, but
 * builds it only when something reads it: scans, filters and gathers pass the doubles along, and the kernels
 * that know this form (exact decimal sums, hashing) read them without allocating a BigInt per value.
 */

import type { DataType } from "../types/data-types.js";
import type { ColumnVector } from "./column-vector.js";

const MAX_EXACT = Number.MAX_SAFE_INTEGER;
const compactForms = new WeakMap<ColumnVector, Float64Array>();

/** A decimal column over unscaled values that must all be safe integers (values under nulls are ignored). */
export function compactDecimalColumn(type: DataType, values: Float64Array, validity: Uint8Array | null): ColumnVector {
  let unscaled: bigint[] | null = null;
  const column: ColumnVector = {
    type,
    length: values.length,
    validity,
    get data(): bigint[] {
      if (unscaled === null) {
        unscaled = new Array<bigint>(values.length);
        for (let i = 0; i < values.length; i++) unscaled[i] = BigInt(values[i] as number);
      }
      return unscaled;
    },
  };
  compactForms.set(column, values);
  return column;
}

/** The unscaled values as doubles when the column has that form (never built here: it would cost a pass). */
export const compactDecimalsOf = (column: ColumnVector): Float64Array | undefined => compactForms.get(column);

const convertedForms = new WeakMap<ColumnVector, Float64Array | null>();

/**
 * The unscaled values of any decimal column as doubles, or undefined when one is not a safe integer: the
 * compact form if there is one, else converted once from the bigints (and remembered for that column).
 */
export function exactDoublesOf(column: ColumnVector): Float64Array | undefined {
  const compact = compactForms.get(column);
  if (compact !== undefined) return compact;
  const known = convertedForms.get(column);
  if (known !== undefined) return known ?? undefined;
  const source = column.data as unknown as ArrayLike<bigint>;
  let out: Float64Array | null = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const v = Number(source[i]);
    if (v > MAX_EXACT || v < -MAX_EXACT) {
      out = null;
      break;
    }
    out[i] = v;
  }
  convertedForms.set(column, out);
  return out ?? undefined;
}

/** True when every value is an integer within ±(2^53 - 1), i.e. exact as a double. */
export function allExact(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (v > MAX_EXACT || v < -MAX_EXACT) return false;
  }
  return true;
}

/** Gathers rows of a compact column by index (-1 = NULL), keeping the compact form. */
export function takeCompact(column: ColumnVector, values: Float64Array, indices: Int32Array): ColumnVector {
  const length = indices.length;
  const out = new Float64Array(length);
  const sourceValidity = column.validity;
  let validity: Uint8Array | null = null;
  for (let i = 0; i < length; i++) {
    const from = indices[i] as number;
    if (from < 0 || (sourceValidity !== null && sourceValidity[from] === 0)) {
      validity ??= new Uint8Array(length).fill(1);
      validity[i] = 0;
    } else {
      out[i] = values[from] as number;
    }
  }
  return compactDecimalColumn(column.type, out, validity);
}

/** Concatenates parts that are all compact; undefined when one is not. */
export function concatCompact(
  type: DataType,
  parts: readonly ColumnVector[],
  length: number,
): ColumnVector | undefined {
  const forms = parts.map(compactDecimalsOf);
  if (forms.some((f) => f === undefined)) return undefined;
  const out = new Float64Array(length);
  const anyNulls = parts.some((part) => part.validity !== null);
  const validity = anyNulls ? new Uint8Array(length).fill(1) : null;
  let offset = 0;
  parts.forEach((part, i) => {
    out.set(forms[i] as Float64Array, offset);
    if (validity !== null && part.validity !== null) validity.set(part.validity, offset);
    offset += part.length;
  });
  return compactDecimalColumn(type, out, validity);
}

const TWO_32 = 4294967296;

/**
 * Decimal128 values (four little-endian 32-bit words each, starting at value `offset`) as a column: compact
 * when every value is within ±2^53, else one BigInt per value assembled from the words.
 */
export function decimalColumnFromWords(
  type: DataType,
  words: Uint32Array,
  offset: number,
  length: number,
  validity: Uint8Array | null,
): ColumnVector {
  const compact = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const at = (offset + i) * 4;
    const w1 = words[at + 1] as number;
    const w2 = words[at + 2] as number;
    const w3 = words[at + 3] as number;
    if (w2 === 0 && w3 === 0 && w1 < 0x200000) compact[i] = w1 * TWO_32 + (words[at] as number);
    else if (w2 === 0xffffffff && w3 === 0xffffffff && w1 >= 0xffe00000)
      compact[i] = (w1 - TWO_32) * TWO_32 + (words[at] as number);
    else return { type, length, data: wideDecimals(words, offset, length), validity };
  }
  return compactDecimalColumn(type, compact, validity);
}

function wideDecimals(words: Uint32Array, offset: number, length: number): bigint[] {
  const out = new Array<bigint>(length);
  for (let i = 0; i < length; i++) {
    const at = (offset + i) * 4;
    const lo = BigInt(words[at] as number) | (BigInt(words[at + 1] as number) << 32n);
    const hi = BigInt(words[at + 2] as number) | (BigInt(words[at + 3] as number) << 32n);
    out[i] = BigInt.asIntN(128, (hi << 64n) | lo);
  }
  return out;
}

/** The Decimal128 words (four little-endian 32-bit words per value) of a decimal column. */
export function decimalWordsOf(column: ColumnVector): Uint32Array {
  const length = column.length;
  const words = new Uint32Array(length * 4);
  const compact = compactForms.get(column);
  if (compact !== undefined) {
    for (let i = 0; i < length; i++) {
      const v = compact[i] as number;
      // Exact for safe integers: dividing by 2^32 and flooring lose nothing.
      const high = Math.floor(v / TWO_32);
      words[i * 4] = v - high * TWO_32;
      words[i * 4 + 1] = high >>> 0;
      const sign = high < 0 ? 0xffffffff : 0;
      words[i * 4 + 2] = sign;
      words[i * 4 + 3] = sign;
    }
    return words;
  }
  const values = column.data as bigint[];
  for (let i = 0; i < length; i++) {
    let v = BigInt.asUintN(128, values[i] ?? 0n);
    for (let w = 0; w < 4; w++) {
      words[i * 4 + w] = Number(v & 0xffffffffn);
      v >>= 32n;
    }
  }
  return words;
}
