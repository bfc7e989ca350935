/** `spark.range` split into slices the way Spark's RangeExec does: slice i covers elements [i·n/k, (i+1)·n/k). */
import type { Batch } from "../columnar/column-vector.js";
import type { PhysicalPlan } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";

export function rangeLength(start: bigint, end: bigint, step: bigint): bigint {
  if ((step > 0n && start >= end) || (step < 0n && start <= end)) return 0n;
  const span = end - start;
  const count = span / step + (span % step !== 0n ? 1n : 0n);
  return count < 0n ? 0n : count;
}

export function rangePartition(plan: Extract<PhysicalPlan, { kind: "range" }>, partition: number): Batch {
  const total = rangeLength(plan.start, plan.end, plan.step);
  const slices = BigInt(plan.numSlices);
  const from = (BigInt(partition) * total) / slices;
  const to = (BigInt(partition + 1) * total) / slices;
  const length = Number(to - from);
  const data = new BigInt64Array(length);
  let value = plan.start + from * plan.step;
  for (let i = 0; i < length; i++) {
    data[i] = value;
    value += plan.step;
  }
  return { columns: [{ type: T.LONG, length, data, validity: null }], numRows: length };
}
