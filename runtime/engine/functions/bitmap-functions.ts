/**
 * Spark's fixed-size bitmaps (4096 bytes = 32768 bits): bitmap_bucket_number and bitmap_bit_position split a
 * BIGINT into a bucket and a bit inside it (1..32768 is bucket 1, bits 0..32767; 0 and negatives count down from
 * bucket 0 with the bit taken from the magnitude), bitmap_count counts the set bits of a BINARY bitmap.
 */
import { implicitCast } from "../analyzer/type-coercion.js";
import type { ColumnVector } from "../columnar/column-vector.js";
import { displayOf } from "../logical/expression-display.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { unexpectedInput } from "./collection-errors.js";
import { call, type ScalarFunction } from "./function-types.js";
import { mapValues } from "./kernel-helpers.js";

/** Bytes in one of Spark's bitmaps, and the bits they hold. */
export const BITMAP_BYTES = 4096;
export const BITMAP_BITS = 8 * BITMAP_BYTES;
const BITS = BigInt(BITMAP_BITS);

/** Java's long division truncates toward zero, as BigInt division does. */
export function bitmapBucketNumber(value: bigint): bigint {
  return value > 0n ? 1n + (value - 1n) / BITS : value / BITS;
}

/** Long.MIN_VALUE negates to itself in Java, so its remainder is 0 (and BigInt gives -0n → 0n alike). */
export function bitmapBitPosition(value: bigint): bigint {
  return value > 0n ? (value - 1n) % BITS : BigInt.asIntN(64, -value) % BITS;
}

const BYTE_BITS = Uint8Array.from({ length: 256 }, (_, b) => {
  let count = 0;
  for (let v = b; v !== 0; v &= v - 1) count++;
  return count;
});

export function bitmapCount(bitmap: Uint8Array): bigint {
  let count = 0;
  for (const byte of bitmap) count += BYTE_BITS[byte] as number;
  return BigInt(count);
}

/** Inputs are implicitly cast to BIGINT, as Spark's ImplicitCastInputTypes allows (numbers and strings). */
function asLong(display: string, child: Expr): Expr {
  if (!T.isNumeric(child.type) && !T.isString(child.type) && !T.isNullType(child.type)) {
    throw unexpectedInput(display, 0, child, '"BIGINT"');
  }
  return implicitCast(child, T.LONG);
}

function longToLong(name: string, f: (value: bigint) => bigint): ScalarFunction {
  return {
    resolve: (args, ctx) => {
      const [child] = args as [Expr];
      const display = `${name}(${displayOf(child)})`;
      return call(name, [asLong(display, child)], T.LONG, display, ctx);
    },
    kernel: ([a]) => mapValues<bigint, bigint>(a as ColumnVector, T.LONG, f),
  };
}

const bitmapCountFunction: ScalarFunction = {
  resolve: (args, ctx) => {
    const [child] = args as [Expr];
    const display = `bitmap_count(${displayOf(child)})`;
    if (child.type.kind.case !== "binary") throw unexpectedInput(display, 0, child, '"BINARY"');
    return call("bitmap_count", [child], T.LONG, display, ctx);
  },
  kernel: ([a]) => mapValues<Uint8Array, bigint>(a as ColumnVector, T.LONG, bitmapCount),
};

export const bitmapFunctions: Record<string, ScalarFunction> = {
  bitmap_bucket_number: longToLong("bitmap_bucket_number", bitmapBucketNumber),
  bitmap_bit_position: longToLong("bitmap_bit_position", bitmapBitPosition),
  bitmap_count: bitmapCountFunction,
};
