/**
 * Runs a stage graph: parents before children, all missing tasks of a stage submitted together (the executor
 * decides how many run at once). Map outputs stay with the executor that wrote them; the map output tracker
 * records where. A task that fails for an internal reason is retried; query errors (SparkConnectError) fail the
 * job at once, as in Spark. When an executor is lost (its thread died, or a reduce task could not fetch from it)
 * its map outputs are forgotten, and before a stage runs (again) the map tasks of its parents that are missing
 * are rerun from lineage, then only its own unfinished tasks. A stage submitted more than four times aborts the
 * job, like Spark's `spark.stage.maxConsecutiveAttempts`.
 */
import { OperationInterruptedError, SparkConnectError, SparkException } from "../../errors/index.js";
import type { Batch } from "../columnar/column-vector.js";
import type { Partitioning, PhysicalPlan } from "../physical/physical-plan.js";
import { MapOutputTracker } from "../shuffle/map-output-tracker.js";
import { DEFAULT_SPILL_THRESHOLD_BYTES, type SpillSettings } from "../shuffle/map-status.js";
import { rangeBounds, splitByRange } from "../shuffle/range-partitioner.js";
import { FetchFailedError } from "./fetch-failed.js";
import { JobProgress, type JobProgressListener } from "./job-progress.js";
import { readsFor } from "./leaf-reads.js";
import type { SchedulerEvent, SchedulerStats } from "./scheduler-events.js";
import { buildStages, type Stage, type StageGraph } from "./stages.js";
import type { ObservedState, ShuffleFetch, TaskExecutor, TaskOutcome, TaskSpec } from "./task.js";

export { readsFor };

const MAX_TASK_ATTEMPTS = 2;
/** Spark's `spark.stage.maxConsecutiveAttempts` default. */
const MAX_STAGE_ATTEMPTS = 4;

export interface JobOptions {
  readonly timeZone: string;
  readonly signal?: AbortSignal | undefined;
  /** Called whenever a stage starts or a task finishes, with the job's progress so far. */
  readonly onProgress?: JobProgressListener | undefined;
  /** When executors write shuffle blocks to disk; by default above 256 MiB each, in the OS temp directory. */
  readonly spill?: SpillSettings | undefined;
  /**
   * Receives the df.observe states of each finished task. A task run again (retried, or recomputed after an
   * executor loss) reports again for the same stage and partition, replacing what it reported before.
   */
  readonly onObserved?: ((stageId: number, partition: number, states: readonly ObservedState[]) => void) | undefined;
}

/** One job's state while it runs. */
interface JobRun {
  readonly options: JobOptions;
  readonly spill: SpillSettings;
  readonly progress: JobProgress;
  /** The result stage's rows per partition, once each task finished. */
  readonly results: (Batch[] | undefined)[];
  /** Range map stages' unsplit rows per map, until all maps ran and the driver splits them. */
  readonly rangeRows: Map<number, (Batch[] | undefined)[]>;
  /** Stages reported as started to the progress listener. */
  readonly started: Set<number>;
  /** How many times each stage was submitted. */
  readonly attempts: Map<number, number>;
  lastFetchFailure: FetchFailedError | null;
}

export class DagScheduler {
  private readonly tracker = new MapOutputTracker();
  private readonly listeners = new Set<(event: SchedulerEvent) => void>();
  readonly stats: SchedulerStats = {
    executorsLost: 0,
    fetchFailures: 0,
    stageResubmissions: 0,
    recomputedMapTasks: 0,
    spilledBlocks: 0,
  };

  constructor(readonly executor: TaskExecutor) {
    executor.onExecutorLost((executorId) => {
      this.stats.executorsLost++;
      this.emit({ kind: "executorLost", executorId, lostMapOutputs: this.tracker.executorLost(executorId) });
    });
  }

  /** Subscribes to scheduling events (stage completions, executor losses, recomputations); returns the unsubscribe. */
  addListener(listener: (event: SchedulerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  plan(root: PhysicalPlan): StageGraph {
    return buildStages(root, (maps, reducers) => this.tracker.register(maps, reducers));
  }

  /** Runs the job and returns the result stage's batches per partition, in partition order. */
  async run(root: PhysicalPlan, options: JobOptions): Promise<Batch[][]> {
    const graph = this.plan(root);
    const job: JobRun = {
      options,
      spill: options.spill ?? { thresholdBytes: DEFAULT_SPILL_THRESHOLD_BYTES, localDir: null },
      progress: new JobProgress(graph.ordered, options.onProgress),
      results: new Array(graph.result.numTasks).fill(undefined),
      rangeRows: new Map(),
      started: new Set(),
      attempts: new Map(),
      lastFetchFailure: null,
    };
    try {
      for (const stage of graph.ordered) await this.runStage(stage, job);
      return job.results.map((r) => r ?? []);
    } finally {
      for (const stage of graph.ordered) {
        if (stage.shuffle === null) continue;
        this.tracker.remove(stage.shuffle.shuffleId);
        this.executor.removeShuffle(stage.shuffle.shuffleId);
      }
    }
  }

  /** Makes sure every partition of a stage is available, first (re)computing whatever its parents lost. */
  private async runStage(stage: Stage, job: JobRun): Promise<void> {
    for (;;) {
      for (const parent of stage.parents) await this.runStage(parent, job);
      if (!job.started.has(stage.id)) {
        job.started.add(stage.id);
        job.progress.stageStarted(stage.id);
      }
      const pending = this.missingPartitions(stage, job);
      if (pending.length === 0) return;
      const attempt = (job.attempts.get(stage.id) ?? 0) + 1;
      if (attempt > MAX_STAGE_ATTEMPTS) throw stageAborted(stage, job.lastFetchFailure);
      job.attempts.set(stage.id, attempt);
      if (attempt > 1) {
        this.stats.stageResubmissions++;
        if (stage.shuffle !== null) {
          this.stats.recomputedMapTasks += pending.length;
          this.emit({
            kind: "mapOutputsRecomputed",
            stageId: stage.id,
            shuffleId: stage.shuffle.shuffleId,
            maps: pending,
          });
        }
      }
      await this.runTasks(stage, pending, job);
      if (this.missingPartitions(stage, job).length === 0) {
        this.emit({ kind: "stageCompleted", stageId: stage.id, attempt, mapExecutors: this.mapExecutors(stage) });
        return;
      }
    }
  }

  private missingPartitions(stage: Stage, job: JobRun): number[] {
    if (stage.shuffle === null) return indicesWhere(job.results, (r) => r === undefined);
    const missing = this.tracker.missingMaps(stage.shuffle.shuffleId);
    const rows = job.rangeRows.get(stage.id);
    return rows === undefined ? missing : missing.filter((map) => rows[map] === undefined);
  }

  private mapExecutors(stage: Stage): string[] {
    if (stage.shuffle === null) return [];
    const ids = this.tracker.statuses(stage.shuffle.shuffleId).map((s) => s?.executorId);
    return [...new Set(ids.filter((id): id is string => id !== undefined))];
  }

  /** Runs the given tasks of a stage; a fetch failure marks its executor lost and leaves the task to a later attempt. */
  private async runTasks(stage: Stage, partitions: readonly number[], job: JobRun): Promise<void> {
    // Every task settles before a failure ends the job: a task still fetching when the job's shuffles were
    // dropped would otherwise report its peer as lost, and the tracker ignores a lost executor's output for good.
    const settled = await Promise.allSettled(
      partitions.map(async (partition) => {
        const spec = this.taskSpec(stage, partition, job);
        // An input lost since the stage started: the task waits for the next attempt, after recomputation.
        if (spec === undefined) return;
        const fetchesFrom = [...new Set(spec.shuffleFetches.flatMap((f) => f.locations.map((l) => l.executorId)))];
        this.emit({ kind: "taskStarting", stageId: stage.id, partition, fetchesFrom });
        let outcome: TaskOutcome;
        try {
          outcome = await this.attempt(spec, job, 1);
        } catch (error) {
          if (!(error instanceof FetchFailedError)) throw error;
          job.lastFetchFailure = error;
          this.stats.fetchFailures++;
          this.emit({
            kind: "fetchFailed",
            stageId: stage.id,
            partition,
            shuffleId: error.shuffleId,
            executorId: error.executorId,
          });
          this.tracker.executorLost(error.executorId);
          return;
        }
        this.record(stage, partition, outcome, job);
      }),
    );
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failed !== undefined) throw failed.reason;
    const rows = job.rangeRows.get(stage.id);
    if (stage.shuffle?.partitioning.kind === "range" && rows?.every((r) => r !== undefined)) {
      this.writeRanges(stage.shuffle.shuffleId, stage.shuffle.partitioning, rows as Batch[][], job);
      job.rangeRows.delete(stage.id);
    }
  }

  private taskSpec(stage: Stage, partition: number, job: JobRun): TaskSpec | undefined {
    const shuffleFetches: ShuffleFetch[] = [];
    for (const read of readsFor(stage.plan, partition)) {
      const locations = this.tracker.locations(read.shuffleId, read.partition);
      if (locations === undefined) return undefined;
      shuffleFetches.push({ ...read, locations });
    }
    return {
      stageId: stage.id,
      partition,
      plan: stage.plan,
      shuffleFetches,
      output: stage.shuffle,
      spill: job.spill,
      timeZone: job.options.timeZone,
    };
  }

  private record(stage: Stage, partition: number, outcome: TaskOutcome, job: JobRun): void {
    if (outcome.observed !== undefined) job.options.onObserved?.(stage.id, partition, outcome.observed);
    if (outcome.kind === "mapOutput") {
      if (stage.shuffle === null) throw new Error(`internal: result stage ${stage.id} produced map output`);
      this.stats.spilledBlocks += outcome.status.spilledBlocks;
      this.tracker.registerMapOutput(stage.shuffle.shuffleId, partition, outcome.status);
    } else if (stage.shuffle === null) {
      job.results[partition] = outcome.batches;
    } else {
      const rows = job.rangeRows.get(stage.id) ?? new Array<Batch[] | undefined>(stage.numTasks).fill(undefined);
      job.rangeRows.set(stage.id, rows);
      rows[partition] = outcome.batches;
    }
  }

  /** Range output comes back unsplit: boundaries are sampled across all map outputs, then each is split. */
  private writeRanges(
    shuffleId: number,
    partitioning: Extract<Partitioning, { kind: "range" }>,
    perMap: readonly Batch[][],
    job: JobRun,
  ): void {
    const ctx = { timeZone: job.options.timeZone };
    const bounds = rangeBounds(perMap, partitioning.orders, partitioning.numPartitions, ctx);
    perMap.forEach((batches, map) => {
      const perReducer = splitByRange(batches, partitioning.orders, bounds, partitioning.numPartitions, ctx);
      const status = this.executor.putOnDriver(shuffleId, map, perReducer, job.spill);
      this.stats.spilledBlocks += status.spilledBlocks;
      this.tracker.registerMapOutput(shuffleId, map, status);
    });
  }

  private async attempt(spec: TaskSpec, job: JobRun, attempt: number): Promise<TaskOutcome> {
    if (job.options.signal?.aborted) {
      throw new OperationInterruptedError("The operation was interrupted.", {
        errorClass: "OPERATION_CANCELED",
        sqlState: "HY008",
      });
    }
    job.progress.taskStarted();
    let output: TaskOutcome;
    try {
      output = await this.executor.execute(spec);
    } catch (error) {
      job.progress.taskFailed();
      if (error instanceof SparkConnectError || error instanceof FetchFailedError || attempt >= MAX_TASK_ATTEMPTS)
        throw error;
      return this.attempt(spec, job, attempt + 1);
    }
    job.progress.taskFinished(spec.stageId);
    return output;
  }

  private emit(event: SchedulerEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  close(): void {
    this.executor.close();
  }
}

function indicesWhere<T>(values: readonly T[], test: (value: T) => boolean): number[] {
  const out: number[] = [];
  values.forEach((v, i) => {
    if (test(v)) out.push(i);
  });
  return out;
}

function stageAborted(stage: Stage, cause: FetchFailedError | null): SparkException {
  const kind = stage.shuffle === null ? "ResultStage" : "ShuffleMapStage";
  const reason = cause === null ? "" : ` Most recent failure reason: ${cause.message}`;
  return new SparkException(
    `Job aborted due to stage failure: ${kind} ${stage.id} has failed the maximum allowable number of times: ${MAX_STAGE_ATTEMPTS}.${reason}`,
  );
}
