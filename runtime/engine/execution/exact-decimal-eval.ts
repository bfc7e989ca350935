/**
 * A fast path for the DECIMAL expressions aggregates consume (`sum(price * (1 - discount))`): unscaled values
 * as doubles instead of one heap BigInt per value and per intermediate column. Doubles hold integers exactly up
 * to 2^53, so the path covers + - * that drop no digit, widening casts and single-branch CASE WHEN, and gives
 * up (returns null) as soon as any value would leave the safe range or the result precision. The caller then
 * evaluates the expression the ordinary way, which computes the same values and raises Spark's errors.
 */
import type { Batch } from "../columnar/column-vector.js";
import { exactDoublesOf } from "../columnar/compact-decimals.js";
import { exactDecimalArithmetic, exactFactors, exactLimit } from "../functions/exact-decimal-arithmetic.js";
import type { EvalContext } from "../functions/function-types.js";
import { mergeValidity } from "../functions/kernel-helpers.js";
import type { Expr } from "../logical/expressions.js";
import * as T from "../types/data-types.js";
import { exactArithmeticWithConstant, exactConstantOf } from "./exact-constant-arithmetic.js";
import { evaluate } from "./expression-evaluator.js";

/** Unscaled values at the expression type's scale; `validity` as in a column (null = no nulls). */
export interface ExactDecimals {
  readonly values: Float64Array;
  readonly validity: Uint8Array | null;
}

const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * Results of arithmetic subexpressions over one batch, by the expression's JSON, so that expressions evaluated
 * on the same batch share them. The arrays are read only.
 */
export type SharedExactResults = Map<string, ExactDecimals | null>;

/** Evaluates a DECIMAL expression exactly in doubles, or returns null when this path does not apply. */
export function evaluateExactDecimals(
  expr: Expr,
  batch: Batch,
  ctx: EvalContext,
  shared?: SharedExactResults,
): ExactDecimals | null {
  return exactly(expr, batch, ctx, false, shared);
}

const expressionKeys = new WeakMap<Expr, string>();

/** The expression as JSON (literal BigInts as text), computed once per expression object. */
function keyOf(expr: Expr): string {
  let key = expressionKeys.get(expr);
  if (key === undefined) {
    key = JSON.stringify(expr, (_name, value: unknown) => (typeof value === "bigint" ? `${value.toString()}n` : value));
    expressionKeys.set(expr, key);
  }
  return key;
}

/**
 * `inBranch`: under a CASE branch, which this path computes on every row while the ordinary path computes it on
 * the chosen rows only; only expressions that cannot raise are allowed there (no nested CASE conditions).
 */
function exactly(
  expr: Expr,
  batch: Batch,
  ctx: EvalContext,
  inBranch: boolean,
  shared?: SharedExactResults,
): ExactDecimals | null {
  if (expr.type.kind.case !== "decimal") return null;
  // Only + - * are worth sharing; under a CASE branch the path refuses more, so those results are not shared.
  if (shared !== undefined && !inBranch && expr.kind === "call") {
    const key = keyOf(expr);
    let result = shared.get(key);
    if (result === undefined) {
      result = callExactly(expr.name, expr.args, expr.type, batch, ctx, inBranch, shared);
      shared.set(key, result);
    }
    return result;
  }
  const n = batch.numRows;
  switch (expr.kind) {
    case "alias":
      return exactly(expr.child, batch, ctx, inBranch, shared);
    case "input": {
      const column = batch.columns[expr.ordinal];
      if (column === undefined || column.type.kind.case !== "decimal") return null;
      const values = exactDoublesOf(column);
      return values === undefined ? null : { values, validity: column.validity };
    }
    case "literal": {
      if (expr.value === null) return { values: new Float64Array(n), validity: new Uint8Array(n) };
      if (typeof expr.value !== "bigint" && typeof expr.value !== "number") return null;
      const v = Number(expr.value);
      return Math.abs(v) > exactLimit(expr.type) ? null : { values: new Float64Array(n).fill(v), validity: null };
    }
    case "cast":
      return castExactly(expr.child, expr.type, batch, ctx, inBranch, shared);
    case "call":
      return callExactly(expr.name, expr.args, expr.type, batch, ctx, inBranch, shared);
    case "caseWhen":
      return inBranch ? null : caseWhenExactly(expr, batch, ctx);
    default:
      return null;
  }
}

/** Widening casts between decimals (scale kept or raised) and from small integers. */
function castExactly(
  child: Expr,
  to: T.DataType,
  batch: Batch,
  ctx: EvalContext,
  inBranch: boolean,
  shared?: SharedExactResults,
): ExactDecimals | null {
  const toScale = T.decimalParts(to).scale;
  let input: ExactDecimals | null;
  let factor: number | undefined;
  const from = child.type.kind.case;
  if (from === "decimal") {
    input = exactly(child, batch, ctx, inBranch, shared);
    factor = POW10[toScale - T.decimalParts(child.type).scale];
  } else if (
    (from === "integer" || from === "short" || from === "byte") &&
    (child.kind === "input" || child.kind === "literal")
  ) {
    // Plain columns and literals only: any other integer expression could raise where the ordinary path would not.
    const column = evaluate(child, batch, ctx);
    input = { values: Float64Array.from(column.data as Int32Array), validity: column.validity };
    factor = POW10[toScale];
  } else {
    return null;
  }
  if (input === null || factor === undefined) return null;
  return scaled(input, factor, exactLimit(to));
}

function scaled(input: ExactDecimals, factor: number, limit: number): ExactDecimals | null {
  const { values, validity } = input;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const r = (values[i] as number) * factor;
    if (r > limit || r < -limit) {
      if (validity === null || validity[i] === 1) return null;
      continue;
    }
    out[i] = r;
  }
  return { values: out, validity };
}

function callExactly(
  name: string,
  args: readonly Expr[],
  type: T.DataType,
  batch: Batch,
  ctx: EvalContext,
  inBranch: boolean,
  shared?: SharedExactResults,
): ExactDecimals | null {
  if (name !== "add" && name !== "subtract" && name !== "multiply") return null;
  const [leftExpr, rightExpr] = args as [Expr, Expr];
  if (leftExpr.type.kind.case !== "decimal" || rightExpr.type.kind.case !== "decimal") return null;
  const factors = exactFactors(
    name,
    T.decimalParts(leftExpr.type).scale,
    T.decimalParts(rightExpr.type).scale,
    T.decimalParts(type).scale,
  );
  if (factors === undefined) return null;
  const leftConstant = exactConstantOf(leftExpr);
  const rightConstant = leftConstant === undefined ? exactConstantOf(rightExpr) : undefined;
  if (leftConstant !== undefined || rightConstant !== undefined) {
    const constantFirst = leftConstant !== undefined;
    const operand = exactly(constantFirst ? rightExpr : leftExpr, batch, ctx, inBranch, shared);
    if (operand === null) return null;
    const constant = (constantFirst ? leftConstant : rightConstant) as number;
    const limit = exactLimit(type);
    const values = exactArithmeticWithConstant(
      name,
      operand.values,
      constant,
      constantFirst,
      operand.validity,
      factors,
      limit,
    );
    return values === null ? null : { values, validity: operand.validity };
  }
  const left = exactly(leftExpr, batch, ctx, inBranch, shared);
  if (left === null) return null;
  const right = exactly(rightExpr, batch, ctx, inBranch, shared);
  if (right === null) return null;
  const n = batch.numRows;
  const validity = mergeValidity(
    [
      { type, length: n, data: left.values, validity: left.validity },
      { type, length: n, data: right.values, validity: right.validity },
    ],
    n,
  );
  const values = exactDecimalArithmetic(name, left.values, right.values, validity, factors, exactLimit(type));
  return values === null ? null : { values, validity };
}

/**
 * CASE WHEN c THEN a ELSE b END with one branch: the condition is evaluated on every row as the ordinary path
 * does; both results are computed on every row, which is safe because this path never raises (it gives up).
 */
function caseWhenExactly(
  expr: Extract<Expr, { kind: "caseWhen" }>,
  batch: Batch,
  ctx: EvalContext,
): ExactDecimals | null {
  const [branch] = expr.branches;
  if (expr.branches.length !== 1 || branch === undefined) return null;
  if (!T.sameType(branch.result.type, expr.type)) return null;
  if (expr.otherwise !== null && !T.sameType(expr.otherwise.type, expr.type)) return null;
  const whenTrue = exactly(branch.result, batch, ctx, true);
  if (whenTrue === null) return null;
  const otherwise = expr.otherwise === null ? null : exactly(expr.otherwise, batch, ctx, true);
  if (expr.otherwise !== null && otherwise === null) return null;
  const condition = evaluate(branch.when, batch, ctx);
  const flags = condition.data as Uint8Array;
  const n = batch.numRows;
  const values = new Float64Array(n);
  const validity = new Uint8Array(n);
  let anyNull = false;
  for (let i = 0; i < n; i++) {
    const taken = flags[i] === 1 && (condition.validity === null || condition.validity[i] === 1);
    const source = taken ? whenTrue : otherwise;
    if (source === null || (source.validity !== null && source.validity[i] === 0)) {
      anyNull = true;
      continue;
    }
    values[i] = source.values[i] as number;
    validity[i] = 1;
  }
  return { values, validity: anyNull ? validity : null };
}
