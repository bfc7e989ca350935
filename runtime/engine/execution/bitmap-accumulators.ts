/**
 * bitmap_construct_agg, bitmap_or_agg and bitmap_and_agg: one 4096-byte bitmap per group, as Spark keeps it.
 * construct sets bit `p` (byte p / 8, bit p % 8) for every position; or/and fold the group's bitmaps byte by
 * byte over the shorter length. The AND starts from all ones and clears the bytes past a shorter input, so an
 * empty group answers 4096 bytes of 0xFF and a short input zeroes the tail. Partial bitmaps cross the shuffle as
 * BINARY and merge the same way.
 */
import { ArrayIndexOutOfBoundsException } from "../../errors/index.js";
import { type ColumnVector, columnFromScalars } from "../columnar/column-vector.js";
import { sparkError } from "../errors.js";
import { BITMAP_BITS, BITMAP_BYTES } from "../functions/bitmap-functions.js";
import * as T from "../types/data-types.js";
import { type Accumulator, valid } from "./accumulator.js";

export type BitmapFold = "construct" | "or" | "and";

function invalidBitmapPosition(position: bigint) {
  return sparkError(
    ArrayIndexOutOfBoundsException,
    "INVALID_BITMAP_POSITION",
    "22003",
    `The 0-indexed bitmap position ${position} is out of bounds. The bitmap has ${BITMAP_BITS} bits (${BITMAP_BYTES} bytes).`,
    { bitPosition: String(position), bitmapNumBytes: String(BITMAP_BYTES), bitmapNumBits: String(BITMAP_BITS) },
  );
}

function orInto(target: Uint8Array, input: Uint8Array): void {
  const n = Math.min(target.length, input.length);
  for (let i = 0; i < n; i++) target[i] = (target[i] as number) | (input[i] as number);
}

function andInto(target: Uint8Array, input: Uint8Array): void {
  const n = Math.min(target.length, input.length);
  for (let i = 0; i < n; i++) target[i] = (target[i] as number) & (input[i] as number);
  target.fill(0, n);
}

export class BitmapAccumulator implements Accumulator {
  private readonly bitmaps: Uint8Array[] = [];
  private readonly combine: (target: Uint8Array, input: Uint8Array) => void;

  constructor(private readonly fold: BitmapFold) {
    this.combine = fold === "and" ? andInto : orInto;
  }

  private bitmapOf(group: number): Uint8Array {
    this.bitmaps[group] ??= new Uint8Array(BITMAP_BYTES).fill(this.fold === "and" ? 0xff : 0);
    return this.bitmaps[group];
  }

  update(groups: Int32Array, [arg]: readonly ColumnVector[]): void {
    const column = arg as ColumnVector;
    if (this.fold !== "construct") {
      this.foldBitmaps(groups, column);
      return;
    }
    const positions = column.data as BigInt64Array;
    for (let i = 0; i < groups.length; i++) {
      const bitmap = this.bitmapOf(groups[i] as number);
      if (!valid(column, i)) continue;
      const position = positions[i] as bigint;
      if (position < 0n || position >= BigInt(BITMAP_BITS)) throw invalidBitmapPosition(position);
      const bit = Number(position);
      bitmap[bit >> 3] = (bitmap[bit >> 3] as number) | (1 << (bit & 7));
    }
  }

  merge(groups: Int32Array, [state]: readonly ColumnVector[]): void {
    this.foldBitmaps(groups, state as ColumnVector);
  }

  /** Folds a BINARY column of bitmaps (inputs or partial states) into the groups' bitmaps. */
  private foldBitmaps(groups: Int32Array, column: ColumnVector): void {
    const inputs = column.data as Uint8Array[];
    for (let i = 0; i < groups.length; i++) {
      const bitmap = this.bitmapOf(groups[i] as number);
      if (valid(column, i)) this.combine(bitmap, inputs[i] as Uint8Array);
    }
  }

  states(n: number): ColumnVector[] {
    return [this.result(n)];
  }

  result(n: number): ColumnVector {
    return columnFromScalars(
      T.BINARY,
      Array.from({ length: n }, (_, g) => this.bitmapOf(g)),
    );
  }
}
