/**
 * Range partitioning for a global sort, as Spark's RangePartitioner: sample the sort keys of the map output,
 * pick n-1 boundaries, and send each row to the partition whose key range holds it. Equal keys always land in
 * the same partition, so sorting each partition gives a total order across partitions in partition order.
 */
import { type Batch, type ColumnVector, takeBatch } from "../columnar/column-vector.js";
import { comparatorFor } from "../columnar/value-order.js";
import { evaluate } from "../execution/expression-evaluator.js";
import type { EvalContext } from "../functions/function-types.js";
import type { SortKey } from "../logical/expressions.js";

const SAMPLE_PER_PARTITION = 100;

export type KeyRow = readonly unknown[];
interface KeyColumns {
  readonly columns: readonly ColumnVector[];
}

function keyRow(keys: KeyColumns, row: number): KeyRow {
  return keys.columns.map((c) =>
    c.validity !== null && c.validity[row] === 0 ? null : (c.data as unknown as ArrayLike<unknown>)[row],
  );
}

export function keyComparator(orders: readonly SortKey[]): (a: KeyRow, b: KeyRow) => number {
  const compares = orders.map((o) => comparatorFor(o.expr.type));
  return (a, b) => {
    for (let k = 0; k < orders.length; k++) {
      const order = orders[k] as SortKey;
      const x = a[k];
      const y = b[k];
      if (x === null || y === null) {
        if (x === y) continue;
        return (x === null) === order.nullsFirst ? -1 : 1;
      }
      const c = (compares[k] as (p: unknown, q: unknown) => number)(x, y);
      if (c !== 0) return order.ascending ? c : -c;
    }
    return 0;
  };
}

/** n-1 boundaries from a sample of the sort keys of every map task's output (the same for all of them). */
export function rangeBounds(
  outputs: readonly (readonly Batch[])[],
  orders: readonly SortKey[],
  n: number,
  ctx: EvalContext,
): KeyRow[] {
  const keyed = outputs.flat().filter((b) => b.numRows > 0);
  const total = keyed.reduce((sum, b) => sum + b.numRows, 0);
  const compare = keyComparator(orders);
  const step = Math.max(1, Math.floor(total / (SAMPLE_PER_PARTITION * n)));
  const sample: KeyRow[] = [];
  let seen = 0;
  for (const batch of keyed) {
    const keys = { columns: orders.map((o) => evaluate(o.expr, batch, ctx)) };
    for (let row = 0; row < batch.numRows; row++, seen++) if (seen % step === 0) sample.push(keyRow(keys, row));
  }
  sample.sort(compare);
  const bounds: KeyRow[] = [];
  for (let p = 1; p < n; p++) {
    const candidate = sample[Math.floor((p * sample.length) / n)];
    if (candidate !== undefined && (bounds.length === 0 || compare(bounds[bounds.length - 1] as KeyRow, candidate) < 0))
      bounds.push(candidate);
  }
  return bounds;
}

/** Splits one map task's output by the boundaries; returns its blocks per reducer. */
export function splitByRange(
  batches: readonly Batch[],
  orders: readonly SortKey[],
  bounds: readonly KeyRow[],
  n: number,
  ctx: EvalContext,
): Batch[][] {
  const out: Batch[][] = Array.from({ length: n }, () => []);
  const compare = keyComparator(orders);
  for (const batch of batches) {
    if (batch.numRows === 0) continue;
    const keys = { columns: orders.map((o) => evaluate(o.expr, batch, ctx)) };
    const targets: number[][] = Array.from({ length: n }, () => []);
    for (let row = 0; row < batch.numRows; row++) {
      const key = keyRow(keys, row);
      let lo = 0;
      let hi = bounds.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compare(key, bounds[mid] as KeyRow) > 0) lo = mid + 1;
        else hi = mid;
      }
      (targets[lo] as number[]).push(row);
    }
    targets.forEach((rows, p) => {
      if (rows.length > 0) out[p]?.push(takeBatch(batch, Int32Array.from(rows)));
    });
  }
  return out;
}
