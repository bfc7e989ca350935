/**
 * The rows an expression is evaluated on, when they are not the batch's own: a subset (CASE branches, the right
 * side of AND/OR) or rows repeated once per array element (lambda bodies). Only the input columns the expression
 * reads are gathered, and the lambda variables in scope are gathered with them so they stay row-aligned.
 */
import { type Batch, type ColumnVector, takeRows } from "../columnar/column-vector.js";
import type { EvalContext } from "../functions/function-types.js";
import { children, type Expr } from "../logical/expressions.js";

/** The input ordinals an expression reads. */
function referencedInputs(expr: Expr, into: Set<number>): Set<number> {
  if (expr.kind === "input") into.add(expr.ordinal);
  for (const child of children(expr)) referencedInputs(child, into);
  return into;
}

/** The lambda variable ids an expression reads. */
function referencedLambdaVariables(expr: Expr, into: Set<number>): Set<number> {
  if (expr.kind === "lambdaVar") into.add(expr.id);
  for (const child of children(expr)) referencedLambdaVariables(child, into);
  return into;
}

/**
 * The batch and context for evaluating `expr` on `rows` (indices into `batch`, possibly repeated): columns the
 * expression never reads keep their full-length column as a placeholder.
 */
export function scopeForRows(
  expr: Expr,
  batch: Batch,
  ctx: EvalContext,
  rows: Int32Array,
): { batch: Batch; ctx: EvalContext } {
  const used = referencedInputs(expr, new Set());
  const columns = batch.columns.map((column, i) => (used.has(i) ? takeRows(column, rows) : column));
  const scoped = { columns, numRows: rows.length };
  if (ctx.lambdaValues === undefined || ctx.lambdaValues.size === 0) return { batch: scoped, ctx };
  const read = referencedLambdaVariables(expr, new Set());
  const lambdaValues = new Map<number, ColumnVector>();
  for (const [id, column] of ctx.lambdaValues) if (read.has(id)) lambdaValues.set(id, takeRows(column, rows));
  return { batch: scoped, ctx: { ...ctx, lambdaValues } };
}

/** `ctx` with more lambda variables bound (columns aligned with the batch being evaluated). */
export function withLambdaValues(ctx: EvalContext, bound: readonly [number, ColumnVector][]): EvalContext {
  const lambdaValues = new Map(ctx.lambdaValues ?? []);
  for (const [id, column] of bound) lambdaValues.set(id, column);
  return { ...ctx, lambdaValues };
}
