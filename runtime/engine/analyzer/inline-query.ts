/**
 * Runs a small query while the analyzer works, as Spark does to find pivot values: the physical plan's exchanges
 * are replaced by their whole input gathered into one partition, so every operator sees all the rows it needs
 * without the scheduler.
 */
import { type Batch, concatBatches } from "../columnar/column-vector.js";
import { runPartition, type TaskContext } from "../execution/operators.js";
import type { LogicalPlan } from "../logical/logical-plan.js";
import { numPartitions, type PhysicalPlan } from "../physical/physical-plan.js";
import { PhysicalPlanner } from "../physical/physical-planner.js";
import { mapChildren } from "../scheduler/stages.js";

function allRows(plan: PhysicalPlan, ctx: TaskContext): Batch[] {
  const out: Batch[] = [];
  for (let p = 0; p < numPartitions(plan); p++) out.push(...runPartition(plan, p, ctx));
  return out;
}

function gatherExchanges(plan: PhysicalPlan, ctx: TaskContext): PhysicalPlan {
  const child = mapChildren(plan, (c) => gatherExchanges(c, ctx));
  if (child.kind !== "exchange") return child;
  const types = child.output.map((a) => a.type);
  const gathered = concatBatches(types, allRows(child.child, ctx));
  return { kind: "localScan", partitions: [gathered], output: child.output };
}

/** The rows of each partition of `plan` (exchanges gathered into one partition). */
export function runInlinePartitions(plan: LogicalPlan, timeZone: string, parallelism: number): Batch[] {
  const { runnable, ctx } = runnableOf(plan, timeZone, parallelism);
  const types = runnable.output.map((a) => a.type);
  return Array.from({ length: numPartitions(runnable) }, (_, p) =>
    concatBatches(types, runPartition(runnable, p, ctx)),
  );
}

function runnableOf(plan: LogicalPlan, timeZone: string, parallelism: number) {
  const physical = new PhysicalPlanner({ defaultParallelism: parallelism, shufflePartitions: 1 }).plan(plan);
  const ctx: TaskContext = {
    timeZone,
    readShuffle: () => {
      throw new Error("internal: an inline query read a shuffle");
    },
  };
  return { runnable: gatherExchanges(physical, ctx), ctx };
}

/** All rows of `plan`, in partition order. */
export function runInline(plan: LogicalPlan, timeZone: string, parallelism: number): Batch {
  const { runnable, ctx } = runnableOf(plan, timeZone, parallelism);
  return concatBatches(
    runnable.output.map((a) => a.type),
    allRows(runnable, ctx),
  );
}
