/**
 * Batches as they cross between threads. A structured clone copies a column's own properties, so a compact
 * decimal column (doubles behind a lazy `data` getter) would run its getter: one BigInt per value built on the
 * sender, cloned, and the receiver left with the slow `bigint[]` form. On the wire such a column is its doubles
 * instead, and is rebuilt compact on arrival; every other column travels as it is.
 */
import type { Batch, ColumnVector } from "../columnar/column-vector.js";
import { compactDecimalColumn, compactDecimalsOf } from "../columnar/compact-decimals.js";
import type { DataType } from "../types/data-types.js";

export type WireColumn =
  | { readonly kind: "plain"; readonly column: ColumnVector }
  | {
      readonly kind: "compactDecimal";
      readonly type: DataType;
      readonly values: Float64Array;
      readonly validity: Uint8Array | null;
    };

export interface WireBatch {
  readonly numRows: number;
  readonly columns: readonly WireColumn[];
}

export function toWire(batch: Batch): WireBatch {
  return {
    numRows: batch.numRows,
    columns: batch.columns.map((column): WireColumn => {
      const values = compactDecimalsOf(column);
      return values === undefined
        ? { kind: "plain", column }
        : { kind: "compactDecimal", type: column.type, values, validity: column.validity };
    }),
  };
}

export function fromWire(wire: WireBatch): Batch {
  return {
    numRows: wire.numRows,
    columns: wire.columns.map((c) =>
      c.kind === "plain" ? c.column : compactDecimalColumn(c.type, c.values, c.validity),
    ),
  };
}

export const toWireLists = (lists: readonly (readonly Batch[])[]): WireBatch[][] => lists.map((l) => l.map(toWire));
export const fromWireLists = (lists: readonly (readonly WireBatch[])[]): Batch[][] => lists.map((l) => l.map(fromWire));

/** The distinct ArrayBuffers behind some wire batches' typed arrays, for a transfer list (never a lazy getter). */
export function wireTransferables(batches: Iterable<WireBatch>): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const add = (view: unknown) => {
    if (ArrayBuffer.isView(view) && view.buffer instanceof ArrayBuffer) buffers.add(view.buffer);
  };
  for (const batch of batches) {
    for (const column of batch.columns) {
      if (column.kind === "plain") {
        add(column.column.data);
        add(column.column.validity);
      } else {
        add(column.values);
        add(column.validity);
      }
    }
  }
  return [...buffers];
}
