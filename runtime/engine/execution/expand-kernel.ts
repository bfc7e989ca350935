/**
 * Expand: every input row comes out once per projection, the projections of one row next to each other (the
 * order Spark's Expand gives, which unpivot's output shows).
 */
import { type Batch, type ColumnVector, concatColumns, takeRows } from "../columnar/column-vector.js";
import type { EvalContext } from "../functions/function-types.js";
import type { Expr } from "../logical/expressions.js";
import { evaluate } from "./expression-evaluator.js";

export function expandBatch(batch: Batch, projections: readonly (readonly Expr[])[], ctx: EvalContext): Batch {
  const n = batch.numRows;
  const p = projections.length;
  const evaluated = projections.map((row) => row.map((e) => evaluate(e, batch, ctx)));
  const first = evaluated[0] ?? [];
  // Projection-major concatenation, then one gather into row-major order.
  const order = new Int32Array(n * p);
  for (let r = 0; r < n; r++) for (let k = 0; k < p; k++) order[r * p + k] = k * n + r;
  const columns = first.map((column, c) => {
    const parts = evaluated.map((row) => row[c] as ColumnVector);
    const type = column.type;
    return takeRows(
      concatColumns(
        type,
        parts.map((part) => ({ ...part, type })),
      ),
      order,
    );
  });
  return { columns, numRows: n * p };
}
