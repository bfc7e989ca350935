/** Sorting a batch by sort keys: an index permutation ordered by the key columns, then one gather. */
import { type Batch, type ColumnVector, takeBatch } from "../columnar/column-vector.js";
import { comparatorFor } from "../columnar/value-order.js";
import type { EvalContext } from "../functions/function-types.js";
import type { SortKey } from "../logical/expressions.js";
import { evaluate } from "./expression-evaluator.js";

export function sortBatch(batch: Batch, orders: readonly SortKey[], ctx: EvalContext): Batch {
  if (batch.numRows <= 1 || orders.length === 0) return batch;
  const keys = orders.map((o) => ({ column: evaluate(o.expr, batch, ctx), order: o }));
  const prepared = keys.map(({ column, order }) => ({
    values: column.data as unknown as ArrayLike<unknown>,
    validity: (column as ColumnVector).validity,
    compare: comparatorFor(column.type),
    direction: order.ascending ? 1 : -1,
    nullsFirst: order.nullsFirst,
  }));
  const index = Array.from({ length: batch.numRows }, (_, i) => i);
  index.sort((a, b) => {
    for (const k of prepared) {
      const aNull = k.validity !== null && k.validity[a] === 0;
      const bNull = k.validity !== null && k.validity[b] === 0;
      if (aNull || bNull) {
        if (aNull && bNull) continue;
        return aNull === k.nullsFirst ? -1 : 1;
      }
      const c = k.compare(k.values[a], k.values[b]);
      if (c !== 0) return c * k.direction;
    }
    return a - b;
  });
  return takeBatch(batch, Int32Array.from(index));
}
