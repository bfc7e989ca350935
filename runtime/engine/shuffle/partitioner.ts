/**
 * Map-side partitioning inside a task: hash (Spark's Murmur3 + pmod, so rows land where Spark puts them), round
 * robin, a partition id per row (repartitionById), or everything to one partition (single / broadcast).
 */
import { type Batch, isValid, takeBatch } from "../columnar/column-vector.js";
import { evaluate } from "../execution/expression-evaluator.js";
import type { EvalContext } from "../functions/function-types.js";
import { type Partitioning, partitionCount } from "../physical/physical-plan.js";
import { hashColumns, pmod } from "./murmur3.js";

export function partitionBatches(
  batches: readonly Batch[],
  partitioning: Partitioning,
  mapPartition: number,
  ctx: EvalContext,
): Batch[][] {
  const n = partitionCount(partitioning);
  const out: Batch[][] = Array.from({ length: n }, () => []);
  if (n === 1) {
    out[0]?.push(...batches);
    return out;
  }
  // Range boundaries must be the same for every map task: the DAG scheduler splits range output itself.
  if (partitioning.kind === "range") return [[...batches]];
  let roundRobinNext = mapPartition % n;
  for (const batch of batches) {
    if (batch.numRows === 0) continue;
    const target = new Int32Array(batch.numRows);
    if (partitioning.kind === "hash") {
      const hashes = hashColumns(
        partitioning.keys.map((k) => evaluate(k, batch, ctx)),
        batch.numRows,
      );
      for (let i = 0; i < batch.numRows; i++) target[i] = pmod(hashes[i] as number, n);
    } else if (partitioning.kind === "direct") {
      const ids = evaluate(partitioning.key, batch, ctx);
      const values = ids.data as Int32Array;
      for (let i = 0; i < batch.numRows; i++) target[i] = isValid(ids, i) ? pmod(values[i] as number, n) : 0;
    } else {
      for (let i = 0; i < batch.numRows; i++) {
        target[i] = roundRobinNext;
        roundRobinNext = (roundRobinNext + 1) % n;
      }
    }
    const counts = new Int32Array(n);
    for (let i = 0; i < batch.numRows; i++) {
      const p = target[i] as number;
      counts[p] = (counts[p] as number) + 1;
    }
    const rows = Array.from({ length: n }, (_, p) => new Int32Array(counts[p] as number));
    const filled = new Int32Array(n);
    for (let i = 0; i < batch.numRows; i++) {
      const p = target[i] as number;
      const at = filled[p] as number;
      (rows[p] as Int32Array)[at] = i;
      filled[p] = at + 1;
    }
    rows.forEach((r, p) => {
      if (r.length > 0) out[p]?.push(takeBatch(batch, r));
    });
  }
  return out;
}
