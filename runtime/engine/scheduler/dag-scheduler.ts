/**
 * Runs a stage graph: parents before children, all tasks of a stage submitted together (the executor decides
 * how many run at once), map outputs registered with the shuffle registry. A task that fails for an internal
 * reason is retried; query errors (SparkConnectError) fail the job at once, as in Spark.
 */
import { OperationInterruptedError, SparkConnectError } from "../../errors/index.js";
import type { Batch } from "../columnar/column-vector.js";
import type { Partitioning, PhysicalPlan } from "../physical/physical-plan.js";
import { rangeBounds, splitByRange } from "../shuffle/range-partitioner.js";
import { ShuffleRegistry } from "../shuffle/shuffle-registry.js";
import { JobProgress, type JobProgressListener } from "./job-progress.js";
import { readsFor } from "./leaf-reads.js";
import { buildStages, type Stage, type StageGraph } from "./stages.js";
import type { TaskExecutor, TaskResult, TaskSpec } from "./task.js";

export { readsFor };

const MAX_TASK_ATTEMPTS = 2;

export interface JobOptions {
  readonly timeZone: string;
  readonly signal?: AbortSignal | undefined;
  /** Called whenever a stage starts or a task finishes, with the job's progress so far. */
  readonly onProgress?: JobProgressListener | undefined;
}

export class DagScheduler {
  private readonly shuffles = new ShuffleRegistry();

  constructor(private readonly executor: TaskExecutor) {}

  plan(root: PhysicalPlan): StageGraph {
    return buildStages(root, (maps, reducers) => this.shuffles.register(maps, reducers));
  }

  /** Runs the job and returns the result stage's batches per partition, in partition order. */
  async run(root: PhysicalPlan, options: JobOptions): Promise<Batch[][]> {
    const graph = this.plan(root);
    const progress = new JobProgress(graph.ordered, options.onProgress);
    try {
      let result: Batch[][] = [];
      for (const stage of graph.ordered) {
        progress.stageStarted(stage.id);
        const outputs = await this.runStage(stage, options, progress);
        if (stage.shuffle === null) result = outputs.map((o) => o[0] ?? []);
        else if (stage.shuffle.partitioning.kind === "range")
          this.writeRanges(stage.shuffle.shuffleId, stage.shuffle.partitioning, outputs, options);
        else
          outputs.forEach((perReducer, map) => {
            this.shuffles.write((stage.shuffle as { shuffleId: number }).shuffleId, map, perReducer);
          });
      }
      return result;
    } finally {
      for (const stage of graph.ordered) if (stage.shuffle) this.shuffles.remove(stage.shuffle.shuffleId);
    }
  }

  /** Range output comes back unsplit: boundaries are sampled across all map outputs, then each is split. */
  private writeRanges(
    shuffleId: number,
    partitioning: Extract<Partitioning, { kind: "range" }>,
    outputs: readonly TaskResult[],
    options: JobOptions,
  ): void {
    const ctx = { timeZone: options.timeZone };
    const perMap = outputs.map((o) => o[0] ?? []);
    const bounds = rangeBounds(perMap, partitioning.orders, partitioning.numPartitions, ctx);
    perMap.forEach((batches, map) => {
      this.shuffles.write(
        shuffleId,
        map,
        splitByRange(batches, partitioning.orders, bounds, partitioning.numPartitions, ctx),
      );
    });
  }

  private runStage(stage: Stage, options: JobOptions, progress: JobProgress): Promise<TaskResult[]> {
    const tasks: Promise<TaskResult>[] = [];
    for (let partition = 0; partition < stage.numTasks; partition++) {
      const reads = readsFor(stage.plan, partition);
      const shuffleInputs = new Map(
        reads.map((r) => [shuffleKey(r.shuffleId, r.partition), this.shuffles.read(r.shuffleId, r.partition)]),
      );
      const spec: TaskSpec = {
        stageId: stage.id,
        partition,
        plan: stage.plan,
        shuffleInputs,
        output: stage.shuffle?.partitioning ?? null,
        timeZone: options.timeZone,
      };
      tasks.push(this.attempt(spec, options, 1, progress));
    }
    return Promise.all(tasks);
  }

  private async attempt(
    spec: TaskSpec,
    options: JobOptions,
    attempt: number,
    progress: JobProgress,
  ): Promise<TaskResult> {
    if (options.signal?.aborted) {
      throw new OperationInterruptedError("The operation was interrupted.", {
        errorClass: "OPERATION_CANCELED",
        sqlState: "HY008",
      });
    }
    progress.taskStarted();
    let output: TaskResult;
    try {
      output = await this.executor.execute(spec);
    } catch (error) {
      progress.taskFailed();
      if (error instanceof SparkConnectError || attempt >= MAX_TASK_ATTEMPTS) throw error;
      return this.attempt(spec, options, attempt + 1, progress);
    }
    progress.taskFinished(spec.stageId);
    return output;
  }

  close(): void {
    this.executor.close();
  }
}

export const shuffleKey = (shuffleId: number, partition: number): string => `${shuffleId}:${partition}`;
