/**
 * A filter conjunct `column <op> constant` over numbers with no NULLs, run on a list of live rows as one loop
 * that reads the column where it is and writes the rows that pass: no gathered copy of the column, no constant
 * column, no boolean mask. It covers the scans' range predicates (dates, integers, doubles, decimals exact as
 * doubles, and a decimal implicitly cast to double, as `l_discount BETWEEN 0.05 AND 0.07` is). Anything else
 * returns undefined for the general evaluator.
 */
import type { Batch, ColumnVector } from "../columnar/column-vector.js";
import { exactDoublesOf } from "../columnar/compact-decimals.js";
import type { ComparisonName } from "../functions/comparison-kernels.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";

/** `a <op> b` as `b <flipped op> a`. */
const FLIPPED: Readonly<Record<ComparisonName, ComparisonName>> = {
  equal: "equal",
  less_than: "greater_than",
  less_than_or_equal: "greater_than_or_equal",
  greater_than: "less_than",
  greater_than_or_equal: "less_than_or_equal",
};

const isComparison = (name: string): name is ComparisonName => Object.hasOwn(FLIPPED, name);

/** A column's values as numbers, and what to divide them by to get the compared value (1, or 10^scale). */
interface NumericView {
  readonly column: ColumnVector;
  readonly values: Int32Array | Float64Array;
  readonly divisor: number;
}

/** Int (and date) and double columns; the narrower types are rare in filters and take the general path. */
function plainNumbers(column: ColumnVector): Int32Array | Float64Array | undefined {
  const data = column.data;
  return data instanceof Int32Array || data instanceof Float64Array ? data : undefined;
}

/** The compared side as numbers: a bound column, or a decimal column cast to double (exact division). */
function numericView(expr: Expr, batch: Batch): NumericView | undefined {
  if (expr.kind === "input") {
    const column = batch.columns[expr.ordinal];
    if (column === undefined) return undefined;
    const values = column.type.kind.case === "decimal" ? exactDoublesOf(column) : plainNumbers(column);
    return values === undefined ? undefined : { column, values, divisor: 1 };
  }
  if (expr.kind === "cast" && expr.type.kind.case === "double" && expr.child.kind === "input") {
    const column = batch.columns[expr.child.ordinal];
    if (column === undefined || column.type.kind.case !== "decimal") return undefined;
    const scale = T.decimalParts(column.type).scale;
    // An unscaled value exact as a double over an exact power of ten: one correctly rounded division, the
    // same double the cast kernel produces.
    const values = scale <= 22 ? exactDoublesOf(column) : undefined;
    return values === undefined ? undefined : { column, values, divisor: 10 ** scale };
  }
  return undefined;
}

/** The constant as the number the view's values are compared with; undefined when not a plain number. */
function constantFor(literal: Expr, view: NumericView, compared: T.DataType): number | undefined {
  if (literal.kind !== "literal" || !T.sameType(literal.type, compared)) return undefined;
  const value = literal.value;
  if (typeof value === "bigint") {
    // A decimal constant of the column's own type compares unscaled with the unscaled values.
    const n = Number(value);
    return compared.kind.case === "decimal" && view.divisor === 1 && Number.isSafeInteger(n) ? n : undefined;
  }
  if (typeof value !== "number" || Number.isNaN(value)) return undefined;
  return value;
}

/**
 * The rows among `rows` (all rows when null) where the conjunct is TRUE, or undefined when it is not a numeric
 * column without NULLs compared with a non-NULL constant. NaN follows Spark: equal to nothing but NaN (never
 * the constant here), greater than every number.
 */
export function selectWithConstant(conjunct: Expr, batch: Batch, rows: Int32Array | null): Int32Array | undefined {
  if (conjunct.kind !== "call" || conjunct.args.length !== 2 || !isComparison(conjunct.name)) return undefined;
  const [left, right] = conjunct.args as [Expr, Expr];
  let name: ComparisonName = conjunct.name;
  let view = numericView(left, batch);
  let constantSide = right;
  let comparedType = left.type;
  if (view === undefined) {
    view = numericView(right, batch);
    constantSide = left;
    comparedType = right.type;
    name = FLIPPED[name];
  }
  if (view === undefined || view.column.validity !== null) return undefined;
  const y = constantFor(constantSide, view, comparedType);
  if (y === undefined) return undefined;
  const out = new Int32Array(rows === null ? batch.numRows : rows.length);
  const kept = selectRowsWhere(name, view.values, view.divisor, y, rows ?? undefined, out);
  return out.subarray(0, kept);
}

/**
 * One loop per operator and element type, so each stays monomorphic (a loop shared by Int32Array and
 * Float64Array columns, or calling a row accessor, runs several times slower).
 */
function selectRowsWhere(
  name: ComparisonName,
  values: Int32Array | Float64Array,
  divisor: number,
  y: number,
  rows: Int32Array | undefined,
  out: Int32Array,
): number {
  if (values instanceof Int32Array) return selectInt32(name, values, y, rows, out);
  if (divisor === 1) return selectFloat64(name, values, y, rows, out);
  return selectScaled(name, values, divisor, y, rows, out);
}

function selectInt32(
  name: ComparisonName,
  x: Int32Array,
  y: number,
  rows: Int32Array | undefined,
  out: Int32Array,
): number {
  const n = out.length;
  let kept = 0;
  switch (name) {
    case "equal":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) === y) out[kept++] = row;
      }
      return kept;
    case "less_than":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) < y) out[kept++] = row;
      }
      return kept;
    case "less_than_or_equal":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) <= y) out[kept++] = row;
      }
      return kept;
    case "greater_than":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) > y) out[kept++] = row;
      }
      return kept;
    case "greater_than_or_equal":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) >= y) out[kept++] = row;
      }
      return kept;
  }
}

/** NaN (never the constant here) equals nothing and is above every number, as in Spark. */
function selectFloat64(
  name: ComparisonName,
  x: Float64Array,
  y: number,
  rows: Int32Array | undefined,
  out: Int32Array,
): number {
  const n = out.length;
  let kept = 0;
  switch (name) {
    case "equal":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) === y) out[kept++] = row;
      }
      return kept;
    case "less_than":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) < y) out[kept++] = row;
      }
      return kept;
    case "less_than_or_equal":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) <= y) out[kept++] = row;
      }
      return kept;
    case "greater_than":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        const v = x[row] as number;
        if (v > y || Number.isNaN(v)) out[kept++] = row;
      }
      return kept;
    case "greater_than_or_equal":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        const v = x[row] as number;
        if (v >= y || Number.isNaN(v)) out[kept++] = row;
      }
      return kept;
  }
}

/** Unscaled decimals (exact doubles, never NaN) divided by 10^scale: the values of the cast to double. */
function selectScaled(
  name: ComparisonName,
  x: Float64Array,
  divisor: number,
  y: number,
  rows: Int32Array | undefined,
  out: Int32Array,
): number {
  const n = out.length;
  let kept = 0;
  switch (name) {
    case "equal":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) / divisor === y) out[kept++] = row;
      }
      return kept;
    case "less_than":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) / divisor < y) out[kept++] = row;
      }
      return kept;
    case "less_than_or_equal":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) / divisor <= y) out[kept++] = row;
      }
      return kept;
    case "greater_than":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) / divisor > y) out[kept++] = row;
      }
      return kept;
    case "greater_than_or_equal":
      for (let i = 0; i < n; i++) {
        const row = rows === undefined ? i : (rows[i] as number);
        if ((x[row] as number) / divisor >= y) out[kept++] = row;
      }
      return kept;
  }
}
