/**
 * Evaluates bound expressions over a whole batch, one column at a time. AND, OR and CASE WHEN only evaluate
 * their later operands on the rows that need them, so an ANSI error (say, a division by zero guarded by a
 * condition) fires exactly when Spark's would.
 */
import { allocateData, type Batch, type ColumnVector, type Scalar } from "../columnar/column-vector.js";
import { castColumn } from "../functions/cast-kernel.js";
import { kernelFor } from "../functions/function-registry.js";
import type { EvalContext } from "../functions/function-types.js";
import { constantColumn } from "../functions/kernel-helpers.js";
import { andOrKernel } from "../functions/predicates.js";
import type { CaseWhen, Expr } from "../logical/expressions.js";
import { evaluateHigherOrder, isHigherOrderCall } from "./higher-order-evaluator.js";
import { scopeForRows } from "./row-scope.js";

export function evaluate(expr: Expr, batch: Batch, ctx: EvalContext): ColumnVector {
  switch (expr.kind) {
    case "input": {
      const column = batch.columns[expr.ordinal];
      if (column === undefined) throw new RangeError(`input column ${expr.ordinal} is out of range`);
      return column;
    }
    case "literal":
      return constantColumn(expr.type, expr.value, batch.numRows);
    case "alias":
      return evaluate(expr.child, batch, ctx);
    case "cast":
      return castColumn(evaluate(expr.child, batch, ctx), expr.type, expr.mode, ctx);
    case "caseWhen":
      return evaluateCaseWhen(expr, batch, ctx);
    case "call": {
      if (expr.name === "and" || expr.name === "or")
        return evaluateShortCircuit(expr.name === "and", expr.args, batch, ctx);
      if (isHigherOrderCall(expr)) return evaluateHigherOrder(expr, batch, ctx);
      const args = expr.args.map((arg) => evaluate(arg, batch, ctx));
      return kernelFor(expr.name)(args, expr, ctx);
    }
    case "attr":
      throw new Error(`internal: attribute ${expr.name}#${expr.exprId} was not bound to an input column`);
    case "aggregate":
      throw new Error(`internal: aggregate ${expr.display} reached the scalar evaluator`);
    case "lambdaVar": {
      const column = ctx.lambdaValues?.get(expr.id);
      if (column === undefined) throw new Error(`internal: lambda variable ${expr.name} is not bound`);
      return column;
    }
    case "lambda":
      throw new Error("internal: a lambda function is evaluated only by its higher-order function");
  }
}

function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/** Writes `part` (computed for `rows`) into the full-length output. */
function scatter(out: { data: unknown[]; validity: Uint8Array }, rows: Int32Array, part: ColumnVector): void {
  const values = part.data as unknown as ArrayLike<unknown>;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as number;
    if (part.validity === null || part.validity[i] === 1) {
      out.data[row] = values[i];
      out.validity[row] = 1;
    }
  }
}

/** Evaluates `expr` for the given rows of `batch` only (gathering just the columns and lambda values it reads). */
export function evaluateOn(expr: Expr, batch: Batch, rows: Int32Array, ctx: EvalContext): ColumnVector {
  if (rows.length === batch.numRows) return evaluate(expr, batch, ctx);
  const scoped = scopeForRows(expr, batch, ctx, rows);
  return evaluate(expr, scoped.batch, scoped.ctx);
}

function evaluateShortCircuit(isAnd: boolean, args: readonly Expr[], batch: Batch, ctx: EvalContext): ColumnVector {
  const [leftExpr, rightExpr] = args as [Expr, Expr];
  const left = evaluate(leftExpr, batch, ctx);
  const decided = isAnd ? 0 : 1;
  const values = left.data as Uint8Array;
  const pending = new Int32Array(left.length);
  let count = 0;
  for (let i = 0; i < left.length; i++) {
    if (!((left.validity === null || left.validity[i] === 1) && values[i] === decided)) pending[count++] = i;
  }
  const kernel = andOrKernel(isAnd);
  if (count === left.length) {
    const right = evaluate(rightExpr, batch, ctx);
    return kernel([left, right], undefined as never, ctx);
  }
  const rows = pending.subarray(0, count);
  const part = evaluateOn(rightExpr, batch, rows, ctx);
  const data = allocateData(rightExpr.type, left.length) as unknown as unknown[];
  const validity = new Uint8Array(left.length);
  scatter({ data, validity }, rows, part);
  const right: ColumnVector = {
    type: rightExpr.type,
    length: left.length,
    data: data as unknown as ColumnVector["data"],
    validity,
  };
  return kernel([left, right], undefined as never, ctx);
}

function evaluateCaseWhen(expr: CaseWhen, batch: Batch, ctx: EvalContext): ColumnVector {
  const n = batch.numRows;
  const data = allocateData(expr.type, n) as unknown as unknown[];
  const validity = new Uint8Array(n);
  let remaining = allRows(n);
  for (const branch of expr.branches) {
    if (remaining.length === 0) break;
    const condition = evaluateOn(branch.when, batch, remaining, ctx);
    const hit: number[] = [];
    const miss: number[] = [];
    const flags = condition.data as Uint8Array;
    for (let i = 0; i < remaining.length; i++) {
      const taken = (condition.validity === null || condition.validity[i] === 1) && flags[i] === 1;
      (taken ? hit : miss).push(remaining[i] as number);
    }
    if (hit.length > 0) {
      const rows = Int32Array.from(hit);
      scatter({ data, validity }, rows, evaluateOn(branch.result, batch, rows, ctx));
    }
    remaining = Int32Array.from(miss);
  }
  if (expr.otherwise !== null && remaining.length > 0) {
    scatter({ data, validity }, remaining, evaluateOn(expr.otherwise, batch, remaining, ctx));
  }
  return { type: expr.type, length: n, data: data as unknown as ColumnVector["data"], validity };
}

/** Evaluates a constant expression once (used by constant folding). */
export function evaluateConstant(expr: Expr, ctx: EvalContext): Scalar {
  const column = evaluate(expr, { columns: [], numRows: 1 }, ctx);
  if (column.validity !== null && column.validity[0] === 0) return null;
  const value = (column.data as unknown as ArrayLike<Scalar>)[0] ?? null;
  return expr.type.kind.case === "boolean" ? value === 1 : value;
}
