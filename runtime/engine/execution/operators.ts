/**
 * Runs one partition of a stage's physical plan (exchanges already replaced by shuffle reads) and returns its
 * batches. Operators between exchanges are pipelined within the task: no data leaves it until the stage ends.
 */
import { type Batch, concatBatches, takeBatch } from "../columnar/column-vector.js";
import type { EvalContext } from "../functions/function-types.js";
import { readParquetSplitSync } from "../io/parquet-scan.js";
import { numPartitions, type PhysicalPlan } from "../physical/physical-plan.js";
import { expandBatch } from "./expand-kernel.js";
import { evaluate } from "./expression-evaluator.js";
import { generateBatch } from "./generate-kernel.js";
import { hashAggregate } from "./hash-aggregate.js";
import { hashJoin, nestedLoopJoin } from "./join-kernels.js";
import { inPartition } from "./partition-context.js";
import { rangePartition } from "./range-scan.js";
import { selectRows } from "./row-selection.js";
import { samplePartition } from "./sample-kernel.js";
import { deduplicate, setOperation } from "./set-kernels.js";
import { sortBatch } from "./sort-kernel.js";
import { stratifiedSample } from "./stratified-sample-kernel.js";
import { windowOperator } from "./window-operator.js";

export interface TaskContext extends EvalContext {
  /** Blocks written by a finished map stage for one reduce partition. */
  readonly readShuffle: (shuffleId: number, partition: number) => Batch[];
  /** A file scan's file (by index), decoded before the task's pipeline starts (absent: decoded on the spot). */
  readonly readFileSplit?: (scan: PhysicalPlan, file: number) => Batch | undefined;
  /** Receives a df.observe node's partial metric states over this task's rows (absent: nobody collects them). */
  readonly observe?: (metricsId: number, state: Batch) => void;
}

const typesOf = (plan: PhysicalPlan) => plan.output.map((a) => a.type);

function single(plan: PhysicalPlan, batches: readonly Batch[]): Batch {
  return concatBatches(typesOf(plan), batches);
}

export function runPartition(plan: PhysicalPlan, partition: number, ctx: TaskContext): Batch[] {
  switch (plan.kind) {
    case "range":
      return [rangePartition(plan, partition)];
    case "localScan": {
      const batch = plan.partitions[partition];
      return batch === undefined ? [] : [batch];
    }
    case "fileScan": {
      // One batch per file, in the partition's order (input_file_name follows the batches).
      const files = plan.filePartitions[partition] ?? [partition];
      return files.map(
        (file) => ctx.readFileSplit?.(plan, file) ?? readParquetSplitSync(plan.source, file, plan.columns),
      );
    }
    case "project": {
      const scoped = inPartition(ctx, plan.child, partition);
      return runPartition(plan.child, partition, ctx).map((batch, k) => ({
        columns: plan.exprs.map((e) => evaluate(e, batch, scoped(k))),
        numRows: batch.numRows,
      }));
    }
    case "filter": {
      const scoped = inPartition(ctx, plan.child, partition);
      return runPartition(plan.child, partition, ctx).map((batch, k) =>
        takeBatch(batch, selectRows(plan.condition, batch, scoped(k))),
      );
    }
    case "hashAggregate":
      return [hashAggregate(plan.mode, runPartition(plan.child, partition, ctx), plan.keys, plan.aggregates, ctx)];
    case "shuffleRead":
      return ctx.readShuffle(plan.shuffleId, partition);
    case "exchange":
      throw new Error("internal: an exchange reached a task; the DAG scheduler should have cut the stage there");
    case "sort":
      return [sortBatch(single(plan.child, runPartition(plan.child, partition, ctx)), plan.orders, ctx)];
    case "limit": {
      const out: Batch[] = [];
      let remaining = plan.limit;
      for (const batch of runPartition(plan.child, partition, ctx)) {
        if (remaining <= 0) break;
        const taken =
          batch.numRows <= remaining
            ? batch
            : takeBatch(
                batch,
                Int32Array.from({ length: remaining }, (_, i) => i),
              );
        out.push(taken);
        remaining -= taken.numRows;
      }
      return out;
    }
    case "offset": {
      const all = single(plan.child, runPartition(plan.child, partition, ctx));
      const start = Math.min(plan.offset, all.numRows);
      return [
        takeBatch(
          all,
          Int32Array.from({ length: all.numRows - start }, (_, i) => i + start),
        ),
      ];
    }
    case "tail": {
      const all = single(plan.child, runPartition(plan.child, partition, ctx));
      const start = Math.max(0, all.numRows - plan.limit);
      return [
        takeBatch(
          all,
          Int32Array.from({ length: all.numRows - start }, (_, i) => i + start),
        ),
      ];
    }
    case "union": {
      let local = partition;
      for (const input of plan.inputs) {
        const count = numPartitions(input);
        if (local < count) return runPartition(input, local, ctx);
        local -= count;
      }
      return [];
    }
    case "coalesce": {
      const childCount = numPartitions(plan.child);
      const n = Math.min(plan.numPartitions, childCount);
      const from = Math.floor((partition * childCount) / n);
      const to = Math.floor(((partition + 1) * childCount) / n);
      const out: Batch[] = [];
      for (let p = from; p < to; p++) out.push(...runPartition(plan.child, p, ctx));
      return out;
    }
    case "deduplicate":
      return [deduplicate(single(plan.child, runPartition(plan.child, partition, ctx)), plan.keys)];
    case "setOp":
      return [
        setOperation(
          plan.op,
          plan.all,
          single(plan.left, runPartition(plan.left, partition, ctx)),
          single(plan.right, runPartition(plan.right, partition, ctx)),
        ),
      ];
    case "window":
      return [windowOperator(single(plan.child, runPartition(plan.child, partition, ctx)), plan, ctx)];
    case "expand": {
      const scoped = inPartition(ctx, plan.child, partition);
      return runPartition(plan.child, partition, ctx).map((batch, k) =>
        expandBatch(batch, plan.projections, scoped(k)),
      );
    }
    case "generate": {
      const generatedTypes = plan.output.slice(plan.child.output.length).map((a) => a.type);
      const scoped = inPartition(ctx, plan.child, partition);
      return runPartition(plan.child, partition, ctx).map((batch, k) =>
        generateBatch(batch, plan.generator, generatedTypes, scoped(k)),
      );
    }
    case "sample":
      if (plan.stratified !== undefined)
        return stratifiedSample(runPartition(plan.child, partition, ctx), plan, partition, ctx);
      return samplePartition(runPartition(plan.child, partition, ctx), plan, partition);
    case "collectMetrics": {
      const batches = runPartition(plan.child, partition, ctx);
      ctx.observe?.(plan.metricsId, hashAggregate("partial", batches, [], plan.partial, ctx));
      return batches;
    }
    case "hashJoin": {
      const left = single(plan.left, runPartition(plan.left, partition, ctx));
      const right = single(plan.right, runPartition(plan.right, plan.broadcast ? 0 : partition, ctx));
      const leftKeys = plan.leftKeys.map((k) => evaluate(k, left, ctx));
      const rightKeys = plan.rightKeys.map((k) => evaluate(k, right, ctx));
      return [hashJoin(plan.joinType, left, right, leftKeys, rightKeys, plan.condition, ctx)];
    }
    case "nestedLoopJoin": {
      const left = single(plan.left, runPartition(plan.left, partition, ctx));
      const right = single(plan.right, runPartition(plan.right, 0, ctx));
      return [nestedLoopJoin(plan.joinType, left, right, plan.condition, ctx)];
    }
  }
}
