/**
 * One task: a stage's plan for one partition, with the shuffle blocks it reads handed over up front, so a task
 * is self-contained data that can run inline or on a worker thread.
 */
import type { Batch } from "../columnar/column-vector.js";
import { runPartition, type TaskContext } from "../execution/operators.js";
import { readParquetSplit } from "../io/parquet-scan.js";
import type { Partitioning, PhysicalPlan } from "../physical/physical-plan.js";
import { partitionBatches } from "../shuffle/partitioner.js";
import { leafReadsFor } from "./leaf-reads.js";

export interface TaskSpec {
  readonly stageId: number;
  readonly partition: number;
  readonly plan: PhysicalPlan;
  /** `shuffleId:partition` → the blocks this task reads from that shuffle partition. */
  readonly shuffleInputs: ReadonlyMap<string, Batch[]>;
  /** Where output goes for a shuffle map task; null for a result task. */
  readonly output: Partitioning | null;
  readonly timeZone: string;
}

/** A map task returns blocks per reducer; a result task returns its batches as the only entry. */
export type TaskResult = Batch[][];

/**
 * Runs a task: first decodes the file splits it scans (asynchronously, reading only the needed column chunks),
 * then runs its pipeline over them.
 */
export async function runTask(task: TaskSpec): Promise<TaskResult> {
  const splits = new Map<PhysicalPlan, Map<number, Batch>>();
  for (const { leaf, partition } of leafReadsFor(task.plan, task.partition)) {
    if (leaf.kind !== "fileScan") continue;
    const batch = await readParquetSplit(leaf.source, partition, leaf.columns);
    const byPartition = splits.get(leaf) ?? new Map<number, Batch>();
    splits.set(leaf, byPartition.set(partition, batch));
  }
  const ctx: TaskContext = {
    timeZone: task.timeZone,
    readShuffle: (shuffleId, partition) => {
      const blocks = task.shuffleInputs.get(`${shuffleId}:${partition}`);
      if (blocks === undefined) throw new Error(`internal: task lacks input of shuffle ${shuffleId}`);
      return blocks;
    },
    readFileSplit: (scan, partition) => splits.get(scan)?.get(partition),
  };
  const batches = runPartition(task.plan, task.partition, ctx);
  return task.output === null ? [batches] : partitionBatches(batches, task.output, task.partition, ctx);
}

export interface TaskExecutor {
  readonly parallelism: number;
  execute(task: TaskSpec): Promise<TaskResult>;
  close(): void;
}

/** `local[1]`: tasks run on the calling thread, one after another. */
export class InlineExecutor implements TaskExecutor {
  readonly parallelism = 1;
  execute(task: TaskSpec): Promise<TaskResult> {
    return runTask(task);
  }
  close(): void {}
}
