/** Building blocks for column kernels: validity merging and whole-column loops over typed arrays. */
import {
  allocateData,
  type ColumnData,
  type ColumnVector,
  columnFromScalars,
  type Scalar,
} from "../columnar/column-vector.js";
import { compactDecimalColumn } from "../columnar/compact-decimals.js";
import type { DataType } from "../types/data-types.js";

export function mergeValidity(columns: readonly ColumnVector[], length: number): Uint8Array | null {
  let merged: Uint8Array | null = null;
  for (const column of columns) {
    if (column.validity === null) continue;
    if (merged === null) merged = column.validity.slice();
    else for (let i = 0; i < length; i++) merged[i] = (merged[i] as number) & (column.validity[i] as number);
  }
  return merged;
}

/** Columns made by constantColumn with a non-NULL value: kernels may read that one value instead of a row loop. */
const constantColumns = new WeakSet<ColumnVector>();

/** Whether every row of the column holds the same non-NULL value (as far as the column's maker knows). */
export const isConstantColumn = (column: ColumnVector): boolean => constantColumns.has(column);

export function constantColumn(type: DataType, value: Scalar, length: number): ColumnVector {
  if (value === null) return columnFromScalars(type, new Array<Scalar>(length).fill(null));
  if (typeof value === "bigint" && type.kind.case === "decimal") {
    const n = Number(value);
    // A decimal constant that is exact as a double stays compact: no array of BigInts unless a kernel asks.
    if (Number.isSafeInteger(n)) {
      const compact = compactDecimalColumn(type, new Float64Array(length).fill(n), null);
      constantColumns.add(compact);
      return compact;
    }
  }
  const data = allocateData(type, length);
  const stored = typeof value === "boolean" ? (value ? 1 : 0) : value;
  (data as unknown as { fill(v: unknown): void }).fill(stored);
  const column: ColumnVector = { type, length, data, validity: null };
  constantColumns.add(column);
  return column;
}

/** Applies `f` to every non-null value; `f` returning `null` makes that row NULL. */
export function mapValues<I, O>(
  input: ColumnVector,
  type: DataType,
  f: (value: I, row: number) => O | null,
): ColumnVector {
  const length = input.length;
  const data = allocateData(type, length);
  const out = data as unknown as O[];
  const source = input.data as unknown as ArrayLike<I>;
  const inValidity = input.validity;
  let validity: Uint8Array | null = inValidity === null ? null : inValidity.slice();
  for (let i = 0; i < length; i++) {
    if (inValidity !== null && inValidity[i] === 0) continue;
    const value = f(source[i] as I, i);
    if (value === null) {
      validity ??= new Uint8Array(length).fill(1);
      validity[i] = 0;
    } else {
      out[i] = value;
    }
  }
  return { type, length, data, validity };
}

/** Applies `f` to every row where both inputs are non-null (the common null-intolerant binary case). */
export function zipValues<A, B, O>(
  left: ColumnVector,
  right: ColumnVector,
  type: DataType,
  f: (a: A, b: B, row: number) => O | null,
): ColumnVector {
  const length = left.length;
  const data = allocateData(type, length);
  const out = data as unknown as O[];
  const a = left.data as unknown as ArrayLike<A>;
  const b = right.data as unknown as ArrayLike<B>;
  let validity = mergeValidity([left, right], length);
  for (let i = 0; i < length; i++) {
    if (validity !== null && validity[i] === 0) continue;
    const value = f(a[i] as A, b[i] as B, i);
    if (value === null) {
      validity ??= new Uint8Array(length).fill(1);
      validity[i] = 0;
    } else {
      out[i] = value;
    }
  }
  return { type, length, data, validity };
}

/** Values of a column as a generic indexed view (typed arrays and JS arrays alike). */
export const valuesOf = <V>(column: ColumnVector): ArrayLike<V> => column.data as unknown as ArrayLike<V>;

export function withData(type: DataType, data: ColumnData, validity: Uint8Array | null): ColumnVector {
  return { type, length: (data as ArrayLike<unknown>).length, data, validity };
}
