/**
 * Comparison loops without a call per row, for the common representations: numbers in typed arrays (integral,
 * date and floating types, and decimals exact as doubles) and strings compared for equality. Each returns
 * undefined when the inputs need the general, comparator-based kernel (NaNs, longs, nested types, …).
 */
import type { ColumnVector } from "../columnar/column-vector.js";
import { exactDoublesOf } from "../columnar/compact-decimals.js";
import * as T from "../types/data-types.js";
import { isConstantColumn, mergeValidity } from "./kernel-helpers.js";

export type ComparisonName = "equal" | "less_than" | "less_than_or_equal" | "greater_than" | "greater_than_or_equal";

/** The values as plain numbers, when the column holds them in a typed array (not BigInts, not objects). */
function numbersOf(column: ColumnVector): ArrayLike<number> | undefined {
  if (column.type.kind.case === "decimal") return exactDoublesOf(column);
  const data = column.data;
  if (
    data instanceof Int32Array ||
    data instanceof Float64Array ||
    data instanceof Int16Array ||
    data instanceof Int8Array ||
    data instanceof Float32Array
  ) {
    return data;
  }
  return undefined;
}

function hasNaN(values: ArrayLike<number>, length: number): boolean {
  for (let i = 0; i < length; i++) if (Number.isNaN(values[i])) return true;
  return false;
}

function compareToValue(name: ComparisonName, x: ArrayLike<number>, y: number, out: Uint8Array): void {
  const n = out.length;
  switch (name) {
    case "equal":
      for (let i = 0; i < n; i++) out[i] = x[i] === y ? 1 : 0;
      return;
    case "less_than":
      for (let i = 0; i < n; i++) out[i] = (x[i] as number) < y ? 1 : 0;
      return;
    case "less_than_or_equal":
      for (let i = 0; i < n; i++) out[i] = (x[i] as number) <= y ? 1 : 0;
      return;
    case "greater_than":
      for (let i = 0; i < n; i++) out[i] = (x[i] as number) > y ? 1 : 0;
      return;
    case "greater_than_or_equal":
      for (let i = 0; i < n; i++) out[i] = (x[i] as number) >= y ? 1 : 0;
      return;
  }
}

function compareValues(name: ComparisonName, x: ArrayLike<number>, y: ArrayLike<number>, out: Uint8Array): void {
  const n = out.length;
  switch (name) {
    case "equal":
      for (let i = 0; i < n; i++) out[i] = x[i] === y[i] ? 1 : 0;
      return;
    case "less_than":
      for (let i = 0; i < n; i++) out[i] = (x[i] as number) < (y[i] as number) ? 1 : 0;
      return;
    case "less_than_or_equal":
      for (let i = 0; i < n; i++) out[i] = (x[i] as number) <= (y[i] as number) ? 1 : 0;
      return;
    case "greater_than":
      for (let i = 0; i < n; i++) out[i] = (x[i] as number) > (y[i] as number) ? 1 : 0;
      return;
    case "greater_than_or_equal":
      for (let i = 0; i < n; i++) out[i] = (x[i] as number) >= (y[i] as number) ? 1 : 0;
      return;
  }
}

/**
 * A comparison of two columns of one numeric type as plain number comparisons. JavaScript orders numbers as
 * Spark does except for NaN (Spark: NaN equals NaN and is above everything), so columns with a NaN are left to
 * the general kernel; -0.0 and 0.0 are equal in both.
 */
export function compareNumbers(
  name: ComparisonName,
  left: ColumnVector,
  right: ColumnVector,
): ColumnVector | undefined {
  const x = numbersOf(left);
  const y = x === undefined ? undefined : numbersOf(right);
  if (x === undefined || y === undefined) return undefined;
  const length = left.length;
  const constant = isConstantColumn(right) && length > 0;
  if (T.isFractional(left.type)) {
    if (hasNaN(x, length) || hasNaN(y, constant ? 1 : length)) return undefined;
  }
  const out = new Uint8Array(length);
  if (constant) compareToValue(name, x, y[0] as number, out);
  else compareValues(name, x, y, out);
  return { type: T.BOOLEAN, length, data: out, validity: mergeValidity([left, right], length) };
}

/** String equality: `===` on JavaScript strings is Spark's binary string equality. */
export function equalStrings(left: ColumnVector, right: ColumnVector): ColumnVector | undefined {
  if (!T.isString(left.type) || !Array.isArray(left.data) || !Array.isArray(right.data)) return undefined;
  const x = left.data as readonly string[];
  const y = right.data as readonly string[];
  const length = left.length;
  const out = new Uint8Array(length);
  if (isConstantColumn(right) && length > 0) {
    const value = y[0];
    for (let i = 0; i < length; i++) out[i] = x[i] === value ? 1 : 0;
  } else {
    for (let i = 0; i < length; i++) out[i] = x[i] === y[i] ? 1 : 0;
  }
  return { type: T.BOOLEAN, length, data: out, validity: mergeValidity([left, right], length) };
}

/** Types whose stored values are equal exactly when `===` says so (no NaN, no byte arrays, no nested values). */
const STRICT_EQUALITY_TYPES = new Set(["string", "byte", "short", "integer", "date", "long"]);

/**
 * `value IN (constants…)` when every candidate is a non-NULL constant: one pass comparing each row with the few
 * constant values (no NULL candidate, so a non-NULL row is never NULL).
 */
export function inConstants(column: ColumnVector, list: readonly ColumnVector[]): ColumnVector | undefined {
  if (!STRICT_EQUALITY_TYPES.has(column.type.kind.case ?? "")) return undefined;
  if (column.length === 0 || !list.every(isConstantColumn)) return undefined;
  const values = list.map((c) => (c.data as unknown as ArrayLike<unknown>)[0]);
  const x = column.data as unknown as ArrayLike<unknown>;
  const length = column.length;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const v = x[i];
    for (let k = 0; k < values.length; k++) {
      if (v === values[k]) {
        out[i] = 1;
        break;
      }
    }
  }
  return { type: T.BOOLEAN, length, data: out, validity: column.validity === null ? null : column.validity.slice() };
}
