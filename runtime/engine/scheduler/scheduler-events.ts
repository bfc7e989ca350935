/**
 * What the DAG scheduler tells listeners and counts: stage completions, executor losses, fetch failures and the
 * map tasks it reran from lineage because of them, and shuffle blocks spilled to disk. Tests assert on these;
 * fault-injection hooks react to them.
 */
export type SchedulerEvent =
  /** `fetchesFrom`: the executors holding the shuffle blocks the task is about to fetch. */
  | {
      readonly kind: "taskStarting";
      readonly stageId: number;
      readonly partition: number;
      readonly fetchesFrom: readonly string[];
    }
  /** `mapExecutors`: for a map stage, the executors holding its output. */
  | {
      readonly kind: "stageCompleted";
      readonly stageId: number;
      readonly attempt: number;
      readonly mapExecutors: readonly string[];
    }
  | { readonly kind: "executorLost"; readonly executorId: string; readonly lostMapOutputs: number }
  | {
      readonly kind: "fetchFailed";
      readonly stageId: number;
      readonly partition: number;
      readonly shuffleId: number;
      readonly executorId: string;
    }
  | {
      readonly kind: "mapOutputsRecomputed";
      readonly stageId: number;
      readonly shuffleId: number;
      readonly maps: readonly number[];
    };

/** Counters over the scheduler's lifetime (all jobs of a session). */
export interface SchedulerStats {
  executorsLost: number;
  fetchFailures: number;
  /** Stage submissions after the first, for lost map outputs or failed fetches. */
  stageResubmissions: number;
  /** Map tasks run again because their output was lost. */
  recomputedMapTasks: number;
  /** Shuffle blocks written to disk above the spill threshold. */
  spilledBlocks: number;
}
