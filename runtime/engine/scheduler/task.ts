/**
 * One task: a stage's plan for one partition. Its shuffle inputs are fetched first (from this executor's block
 * store or, through the driver, from the executor that holds them), its file splits decoded, then its pipeline
 * runs. A map task leaves its output in this executor's block store and returns only a map status.
 */
import type { Batch } from "../columnar/column-vector.js";
import { runPartition, type TaskContext } from "../execution/operators.js";
import { readParquetSplit } from "../io/parquet-scan.js";
import type { Partitioning, PhysicalPlan } from "../physical/physical-plan.js";
import { BlockStore } from "../shuffle/block-store.js";
import type { BlockLocation } from "../shuffle/map-output-tracker.js";
import type { MapStatus, SpillSettings } from "../shuffle/map-status.js";
import { partitionBatches } from "../shuffle/partitioner.js";
import { FetchFailedError } from "./fetch-failed.js";
import { leafReadsFor } from "./leaf-reads.js";

/** One shuffle partition a task reads, and which executors hold its non-empty blocks. */
export interface ShuffleFetch {
  readonly shuffleId: number;
  readonly partition: number;
  readonly locations: readonly BlockLocation[];
}

export interface TaskSpec {
  readonly stageId: number;
  readonly partition: number;
  readonly plan: PhysicalPlan;
  readonly shuffleFetches: readonly ShuffleFetch[];
  /** Set for a shuffle map task: where its output goes. Null for a result task. */
  readonly output: { readonly shuffleId: number; readonly partitioning: Partitioning } | null;
  readonly spill: SpillSettings;
  readonly timeZone: string;
}

/**
 * A result task returns its rows; so does a range-partitioned map task, whose split points the driver samples
 * across all map outputs. Any other map task returns the status of the output it stored.
 */
export type TaskOutcome = (
  | { readonly kind: "rows"; readonly batches: Batch[] }
  | { readonly kind: "mapOutput"; readonly status: MapStatus }
) & {
  /** Partial states of the df.observe metrics the task's rows passed through. */
  readonly observed?: readonly ObservedState[];
};

/** One df.observe node's partial aggregate state over one task's rows. */
export interface ObservedState {
  readonly metricsId: number;
  readonly state: Batch;
}

/** The executor side of shuffle data: its own block store, and a way to fetch blocks other executors hold. */
export interface ExecutorBlocks {
  readonly store: BlockStore;
  /** The blocks one executor holds for a reduce partition, one list per map; FetchFailedError if it is gone. */
  fetchRemote(shuffleId: number, reduce: number, location: BlockLocation): Promise<Batch[][]>;
}

export async function runTask(task: TaskSpec, blocks: ExecutorBlocks): Promise<TaskOutcome> {
  // All fetches go out at once, so serving executors answer them together between their own tasks' steps.
  const fetched = await Promise.all(task.shuffleFetches.map((fetch) => fetchPartition(fetch, blocks)));
  const inputs = new Map<string, Batch[]>();
  task.shuffleFetches.forEach((fetch, i) => {
    inputs.set(`${fetch.shuffleId}:${fetch.partition}`, fetched[i] ?? []);
  });
  const splits = new Map<PhysicalPlan, Map<number, Batch>>();
  for (const { leaf, partition } of leafReadsFor(task.plan, task.partition)) {
    if (leaf.kind !== "fileScan") continue;
    for (const file of leaf.filePartitions[partition] ?? [partition]) {
      const batch = await readParquetSplit(leaf.source, file, leaf.columns);
      const byFile = splits.get(leaf) ?? new Map<number, Batch>();
      splits.set(leaf, byFile.set(file, batch));
    }
  }
  const observed: ObservedState[] = [];
  const ctx: TaskContext = {
    timeZone: task.timeZone,
    observe: (metricsId, state) => observed.push({ metricsId, state }),
    readShuffle: (shuffleId, partition) => {
      const input = inputs.get(`${shuffleId}:${partition}`);
      if (input === undefined) throw new Error(`internal: task lacks input of shuffle ${shuffleId}`);
      return input;
    },
    readFileSplit: (scan, file) => splits.get(scan)?.get(file),
  };
  const batches = runPartition(task.plan, task.partition, ctx);
  const extras = observed.length === 0 ? {} : { observed };
  const output = task.output;
  if (output === null || output.partitioning.kind === "range") return { kind: "rows", batches, ...extras };
  const perReducer = partitionBatches(batches, output.partitioning, task.partition, ctx);
  const status = blocks.store.put(output.shuffleId, task.partition, perReducer, task.spill);
  return { kind: "mapOutput", status, ...extras };
}

/** A reduce partition's blocks in map order, whichever executors hold them. */
async function fetchPartition(fetch: ShuffleFetch, blocks: ExecutorBlocks): Promise<Batch[]> {
  const perLocation = await Promise.all(
    fetch.locations.map(async (location) => {
      const fetched =
        location.executorId === blocks.store.executorId
          ? blocks.store.read(fetch.shuffleId, location.maps, fetch.partition)
          : await blocks.fetchRemote(fetch.shuffleId, fetch.partition, location);
      if (fetched === undefined)
        throw new FetchFailedError(fetch.shuffleId, location.executorId, "its blocks are not in the block store");
      return fetched;
    }),
  );
  const perMap: Batch[][] = [];
  fetch.locations.forEach((location, l) => {
    location.maps.forEach((map, i) => {
      perMap[map] = perLocation[l]?.[i] ?? [];
    });
  });
  return perMap.flat();
}

export interface TaskExecutor {
  readonly parallelism: number;
  execute(task: TaskSpec): Promise<TaskOutcome>;
  /** Stores output the driver computed itself (a range shuffle, split on the driver) in the driver's block store. */
  putOnDriver(shuffleId: number, map: number, perReducer: Batch[][], spill: SpillSettings): MapStatus;
  /** Drops a finished query's shuffle blocks (and their spill files) on every executor. */
  removeShuffle(shuffleId: number): void;
  /** Tells the scheduler when an executor is lost, so it forgets the map outputs that executor held. */
  onExecutorLost(listener: (executorId: string) => void): void;
  close(): void;
}

/** Executor id of the driver's own block store (the inline executor's, and range shuffles' on a pool). */
export const DRIVER_EXECUTOR_ID = "driver";

/** `local[1]`: tasks run on the calling thread, one after another; blocks stay in this thread's store. */
export class InlineExecutor implements TaskExecutor {
  readonly parallelism = 1;
  private readonly blocks: ExecutorBlocks = {
    store: new BlockStore(DRIVER_EXECUTOR_ID),
    fetchRemote: (shuffleId, _reduce, location) =>
      Promise.reject(new FetchFailedError(shuffleId, location.executorId, "no such executor")),
  };

  execute(task: TaskSpec): Promise<TaskOutcome> {
    return runTask(task, this.blocks);
  }

  putOnDriver(shuffleId: number, map: number, perReducer: Batch[][], spill: SpillSettings): MapStatus {
    return this.blocks.store.put(shuffleId, map, perReducer, spill);
  }

  removeShuffle(shuffleId: number): void {
    this.blocks.store.removeShuffle(shuffleId);
  }

  onExecutorLost(): void {}

  close(): void {
    this.blocks.store.clear();
  }
}
