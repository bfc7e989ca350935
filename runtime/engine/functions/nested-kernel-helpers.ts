/** Row-wise helpers for kernels over nested values (arrays, maps, structs are JS values per row). */
import { type ColumnVector, columnFromScalars, getScalar, type Scalar } from "../columnar/column-vector.js";
import type { DataType } from "../types/data-types.js";

/** The column's values in `getScalar` form, null for NULL rows. */
export function rowValues(column: ColumnVector): Scalar[] {
  const out = new Array<Scalar>(column.length);
  for (let i = 0; i < column.length; i++) out[i] = getScalar(column, i);
  return out;
}

/**
 * Computes each row from the argument values; `nullIntolerant` rows with a NULL argument are NULL without
 * calling `f`. `f` returns null for a NULL result.
 */
export function rowKernel(
  args: readonly ColumnVector[],
  type: DataType,
  f: (values: Scalar[], row: number) => Scalar,
  nullIntolerant = true,
): ColumnVector {
  const columns = args.map(rowValues);
  const length = args[0]?.length ?? 0;
  const out = new Array<Scalar>(length);
  for (let row = 0; row < length; row++) {
    const values = columns.map((c) => c[row] ?? null);
    out[row] = nullIntolerant && values.some((v) => v === null) ? null : f(values, row);
  }
  return columnFromScalars(type, out);
}
