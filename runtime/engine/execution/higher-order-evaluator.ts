/**
 * Higher-order functions (transform, filter, aggregate, map_zip_with, ...) evaluated column-wise: the elements of
 * every row's array or map are flattened into one column, the lambda body is evaluated once over it (outer
 * columns repeated per element), and the results are regrouped per row. `aggregate` folds one element position
 * at a time over all rows that still have elements; only a comparator sort calls its lambda per comparison.
 */
import { SparkException } from "../../errors/index.js";
import {
  type Batch,
  type ColumnVector,
  columnFromScalars,
  getScalar,
  type MapValue,
  type Scalar,
} from "../columnar/column-vector.js";
import { keyOf } from "../columnar/nested-order.js";
import { sparkError } from "../errors.js";
import { buildMap } from "../functions/collection-constructors.js";
import type { EvalContext } from "../functions/function-types.js";
import { rowValues } from "../functions/nested-kernel-helpers.js";
import type { Call, Expr, LambdaFunction } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { arrayParts, mapParts } from "../types/nested-types.js";
import { evaluate } from "./expression-evaluator.js";
import { scopeForRows, withLambdaValues } from "./row-scope.js";

export const isHigherOrderCall = (call: Call): boolean => call.args.some((arg) => arg.kind === "lambda");

/** Evaluates `lambda` with its parameters bound to `values`; element k belongs to input row `rowOf[k]`. */
function applyLambda(
  lambda: LambdaFunction,
  values: readonly ColumnVector[],
  rowOf: Int32Array,
  batch: Batch,
  ctx: EvalContext,
): ColumnVector {
  const scoped = scopeForRows(lambda.body, batch, ctx, rowOf);
  const bound = withLambdaValues(
    scoped.ctx,
    lambda.params.map((param, i) => [param.id, values[i] as ColumnVector]),
  );
  return evaluate(lambda.body, scoped.batch, bound);
}

/** Every row's elements in one list: `rowOf` names each element's row, `offsets` where each row's run starts. */
interface Flattened {
  readonly rowOf: Int32Array;
  readonly positions: Int32Array;
  readonly offsets: Int32Array;
  readonly rows: readonly (readonly Scalar[] | null)[];
}

function flatten(lists: readonly (readonly Scalar[] | null)[]): Flattened {
  const offsets = new Int32Array(lists.length + 1);
  for (let r = 0; r < lists.length; r++) offsets[r + 1] = (offsets[r] as number) + (lists[r]?.length ?? 0);
  const total = offsets[lists.length] as number;
  const rowOf = new Int32Array(total);
  const positions = new Int32Array(total);
  for (let r = 0; r < lists.length; r++) {
    const start = offsets[r] as number;
    const length = lists[r]?.length ?? 0;
    for (let k = 0; k < length; k++) {
      rowOf[start + k] = r;
      positions[start + k] = k;
    }
  }
  return { rowOf, positions, offsets, rows: lists };
}

const elementsOf = (lists: readonly (readonly Scalar[] | null)[]): Scalar[] => lists.flatMap((list) => list ?? []);

const lambdaArg = (call: Call, index: number): LambdaFunction => {
  const arg = call.args[index];
  if (arg?.kind !== "lambda") throw new Error(`internal: argument ${index + 1} of ${call.name} is not a lambda`);
  return arg;
};

const valueArg = (call: Call, index: number, batch: Batch, ctx: EvalContext): Scalar[] =>
  rowValues(evaluate(call.args[index] as Expr, batch, ctx));

/** The element type and the column of a flattened array argument. */
function elementColumn(arrayExpr: Expr, elements: readonly Scalar[]): ColumnVector {
  return columnFromScalars(arrayParts(arrayExpr.type).element, elements);
}

const positionColumn = (positions: Int32Array): ColumnVector => ({
  type: T.INT,
  length: positions.length,
  data: positions,
  validity: null,
});

export function evaluateHigherOrder(call: Call, batch: Batch, ctx: EvalContext): ColumnVector {
  switch (call.name) {
    case "transform":
    case "filter":
    case "exists":
    case "forall":
      return overElements(call, batch, ctx);
    case "aggregate":
    case "reduce":
      return fold(call, batch, ctx);
    case "zip_with":
      return zipWith(call, batch, ctx);
    case "map_filter":
    case "transform_keys":
    case "transform_values":
      return overEntries(call, batch, ctx);
    case "map_zip_with":
      return mapZipWith(call, batch, ctx);
    case "array_sort":
      return sortWithComparator(call, batch, ctx);
    default:
      throw new Error(`internal: ${call.name} is not a higher-order function`);
  }
}

/** transform, filter, exists and forall: one lambda over each element (and, for some, its index). */
function overElements(call: Call, batch: Batch, ctx: EvalContext): ColumnVector {
  const arrayExpr = call.args[0] as Expr;
  const lambda = lambdaArg(call, 1);
  const lists = valueArg(call, 0, batch, ctx) as (readonly Scalar[] | null)[];
  const flat = flatten(lists);
  const values = [elementColumn(arrayExpr, elementsOf(lists)), positionColumn(flat.positions)];
  const results = rowValues(applyLambda(lambda, values, flat.rowOf, batch, ctx));
  const out = lists.map((list, r): Scalar => {
    if (list === null) return null;
    const run = results.slice(flat.offsets[r], flat.offsets[r + 1]);
    switch (call.name) {
      case "transform":
        return run;
      case "filter":
        return list.filter((_, k) => run[k] === true);
      case "exists":
        return run.includes(true) ? true : run.includes(null) ? null : false;
      default:
        return run.includes(false) ? false : run.includes(null) ? null : true;
    }
  });
  return columnFromScalars(call.type, out);
}

/** aggregate / reduce: folds position by position over the rows that still have elements, then finishes. */
function fold(call: Call, batch: Batch, ctx: EvalContext): ColumnVector {
  const arrayExpr = call.args[0] as Expr;
  const accType = (call.args[1] as Expr).type;
  const [merge, finish] = [lambdaArg(call, 2), lambdaArg(call, 3)];
  const lists = valueArg(call, 0, batch, ctx) as (readonly Scalar[] | null)[];
  const acc = valueArg(call, 1, batch, ctx);
  const longest = lists.reduce((most, list) => Math.max(most, list?.length ?? 0), 0);
  for (let k = 0; k < longest; k++) {
    const active = Int32Array.from(lists.flatMap((list, r) => (list !== null && list.length > k ? [r] : [])));
    const accColumn = columnFromScalars(
      accType,
      Array.from(active, (r) => acc[r] ?? null),
    );
    const elements = elementColumn(
      arrayExpr,
      Array.from(active, (r) => lists[r]?.[k] ?? null),
    );
    const merged = applyLambda(merge, [accColumn, elements], active, batch, ctx);
    for (let i = 0; i < active.length; i++) acc[active[i] as number] = getScalar(merged, i);
  }
  const present = Int32Array.from(lists.flatMap((list, r) => (list === null ? [] : [r])));
  const accColumn = columnFromScalars(
    accType,
    Array.from(present, (r) => acc[r] ?? null),
  );
  const finished = applyLambda(finish, [accColumn], present, batch, ctx);
  const out = new Array<Scalar>(lists.length).fill(null);
  for (let i = 0; i < present.length; i++) out[present[i] as number] = getScalar(finished, i);
  return columnFromScalars(call.type, out);
}

/** zip_with: pairs elements by position, the shorter array padded with NULLs. */
function zipWith(call: Call, batch: Batch, ctx: EvalContext): ColumnVector {
  const [leftExpr, rightExpr] = call.args as [Expr, Expr];
  const lambda = lambdaArg(call, 2);
  const lefts = valueArg(call, 0, batch, ctx) as (readonly Scalar[] | null)[];
  const rights = valueArg(call, 1, batch, ctx) as (readonly Scalar[] | null)[];
  const pairs = lefts.map((left, r) => {
    const right = rights[r] ?? null;
    if (left === null || right === null) return null;
    const length = Math.max(left.length, right.length);
    return Array.from({ length }, (_, k) => [left[k] ?? null, right[k] ?? null] as const);
  });
  const flat = flatten(pairs);
  const all = pairs.flatMap((p) => p ?? []);
  const values = [
    elementColumn(
      leftExpr,
      all.map((p) => p[0]),
    ),
    elementColumn(
      rightExpr,
      all.map((p) => p[1]),
    ),
  ];
  const results = rowValues(applyLambda(lambda, values, flat.rowOf, batch, ctx));
  const out = pairs.map((p, r): Scalar => (p === null ? null : results.slice(flat.offsets[r], flat.offsets[r + 1])));
  return columnFromScalars(call.type, out);
}

/** map_filter, transform_keys and transform_values: one lambda over each (key, value) entry. */
function overEntries(call: Call, batch: Batch, ctx: EvalContext): ColumnVector {
  const mapExprType = (call.args[0] as Expr).type;
  const { key: keyType, value: valueType } = mapParts(mapExprType);
  const lambda = lambdaArg(call, 1);
  const maps = valueArg(call, 0, batch, ctx) as (MapValue | null)[];
  const flat = flatten(maps.map((m) => m?.keys ?? null));
  const keys = maps.flatMap((m) => m?.keys ?? []);
  const vals = maps.flatMap((m) => m?.values ?? []);
  const values = [columnFromScalars(keyType, keys), columnFromScalars(valueType, vals)];
  const results = rowValues(applyLambda(lambda, values, flat.rowOf, batch, ctx));
  const newKeyType = call.name === "transform_keys" ? mapParts(call.type).key : keyType;
  const out = maps.map((m, r): Scalar => {
    if (m === null) return null;
    const run = results.slice(flat.offsets[r], flat.offsets[r + 1]);
    switch (call.name) {
      case "map_filter": {
        const kept = run.flatMap((keep, k) => (keep === true ? [k] : []));
        return { keys: kept.map((k) => m.keys[k] ?? null), values: kept.map((k) => m.values[k] ?? null) };
      }
      case "transform_keys":
        return buildMap(newKeyType, run, m.values);
      default:
        return { keys: m.keys, values: run };
    }
  });
  return columnFromScalars(call.type, out);
}

/** map_zip_with: the first map's keys in order, then the second's new keys; a missing side reads NULL. */
function mapZipWith(call: Call, batch: Batch, ctx: EvalContext): ColumnVector {
  const keyType = mapParts(call.type).key;
  const [leftType, rightType] = [(call.args[0] as Expr).type, (call.args[1] as Expr).type];
  const lambda = lambdaArg(call, 2);
  const lefts = valueArg(call, 0, batch, ctx) as (MapValue | null)[];
  const rights = valueArg(call, 1, batch, ctx) as (MapValue | null)[];
  const entries = lefts.map((left, r) => {
    const right = rights[r] ?? null;
    if (left === null || right === null) return null;
    const merged = new Map<string, [Scalar, Scalar, Scalar]>();
    left.keys.forEach((key, k) => {
      merged.set(keyOf(key), [key, left.values[k] ?? null, null]);
    });
    right.keys.forEach((key, k) => {
      const id = keyOf(key);
      const entry = merged.get(id);
      if (entry === undefined) merged.set(id, [key, null, right.values[k] ?? null]);
      else entry[2] = right.values[k] ?? null;
    });
    return [...merged.values()];
  });
  const flat = flatten(entries);
  const all = entries.flatMap((e) => e ?? []);
  const values = [
    columnFromScalars(
      keyType,
      all.map((e) => e[0]),
    ),
    columnFromScalars(
      mapParts(leftType).value,
      all.map((e) => e[1]),
    ),
    columnFromScalars(
      mapParts(rightType).value,
      all.map((e) => e[2]),
    ),
  ];
  const results = rowValues(applyLambda(lambda, values, flat.rowOf, batch, ctx));
  const out = entries.map((e, r): Scalar => {
    if (e === null) return null;
    return { keys: e.map((entry) => entry[0]), values: results.slice(flat.offsets[r], flat.offsets[r + 1]) };
  });
  return columnFromScalars(call.type, out);
}

function comparatorReturnedNull(left: Scalar, right: Scalar, type: T.DataType) {
  const shown = (v: Scalar) => (v === null ? "null" : String(v));
  return sparkError(
    SparkException,
    "COMPARATOR_RETURNS_NULL",
    "22004",
    `The comparator has returned a NULL for a comparison between ${shown(left)} and ${shown(right)}.`,
    { firstValue: shown(left), secondValue: shown(right), type: T.sqlTypeName(type) },
  );
}

/**
 * array_sort with a comparator: a stable sort (as Spark's) that evaluates the lambda for each comparison it
 * makes, on a one-row batch holding the compared pair and the row's outer columns.
 */
function sortWithComparator(call: Call, batch: Batch, ctx: EvalContext): ColumnVector {
  const arrayExpr = call.args[0] as Expr;
  const elementType = arrayParts(arrayExpr.type).element;
  const lambda = lambdaArg(call, 1);
  const lists = valueArg(call, 0, batch, ctx) as (readonly Scalar[] | null)[];
  const out = lists.map((list, r): Scalar => {
    if (list === null) return null;
    const row = Int32Array.of(r);
    return [...list].sort((left, right) => {
      const values = [columnFromScalars(elementType, [left]), columnFromScalars(elementType, [right])];
      const result = getScalar(applyLambda(lambda, values, row, batch, ctx), 0);
      if (result === null) throw comparatorReturnedNull(left, right, elementType);
      return result as number;
    });
  });
  return columnFromScalars(call.type, out);
}
