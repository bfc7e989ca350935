/**
 * A cheap estimate of the memory a batch holds, for the block store's spill threshold: exact for typed arrays,
 * a per-value guess for columns of JS values (strings, bigints, byte arrays, nested values).
 */
import type { Batch, ColumnVector } from "../columnar/column-vector.js";
import { compactDecimalsOf } from "../columnar/compact-decimals.js";

const VALUE_OVERHEAD = 16;
const NESTED_VALUE_GUESS = 64;

export function batchBytes(batch: Batch): number {
  let bytes = 0;
  for (const column of batch.columns) bytes += columnBytes(column);
  return bytes;
}

function columnBytes(column: ColumnVector): number {
  const validity = column.validity?.byteLength ?? 0;
  // A compact decimal column's doubles: reading `data` would build a BigInt per value.
  const compact = compactDecimalsOf(column);
  if (compact !== undefined) return validity + compact.byteLength;
  const data = column.data;
  if (ArrayBuffer.isView(data)) return validity + data.byteLength;
  let bytes = validity;
  for (const value of data) {
    if (typeof value === "string") bytes += VALUE_OVERHEAD + 2 * value.length;
    else if (value instanceof Uint8Array) bytes += VALUE_OVERHEAD + value.byteLength;
    else if (typeof value === "bigint") bytes += VALUE_OVERHEAD;
    else bytes += NESTED_VALUE_GUESS;
  }
  return bytes;
}
