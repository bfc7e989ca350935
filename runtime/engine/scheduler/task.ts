/**
 * One task: a stage's plan for one partition, with the shuffle blocks it reads handed over up front, so a task
 * is self-contained data that can run inline or on a worker thread.
 */
import type { Batch } from "../columnar/column-vector.js";
import { runPartition, type TaskContext } from "../execution/operators.js";
import type { Partitioning, PhysicalPlan } from "../physical/physical-plan.js";
import { partitionBatches } from "../shuffle/partitioner.js";

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

export function runTask(task: TaskSpec): TaskResult {
  const ctx: TaskContext = {
    timeZone: task.timeZone,
    readShuffle: (shuffleId, partition) => {
      const blocks = task.shuffleInputs.get(`${shuffleId}:${partition}`);
      if (blocks === undefined) throw new Error(`internal: task lacks input of shuffle ${shuffleId}`);
      return blocks;
    },
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
    return new Promise((resolve, reject) => {
      try {
        resolve(runTask(task));
      } catch (error) {
        reject(error);
      }
    });
  }
  close(): void {}
}
