/**
 * Task bookkeeping for one job, reported in the shape of Spark's ExecutionProgress message (per stage: tasks,
 * tasks done, bytes read, done; plus tasks in flight), so clients show the engine's progress exactly as they
 * show a Spark server's.
 */
import type { Stage } from "./stages.js";

export interface StageProgress {
  readonly stageId: bigint;
  readonly numTasks: bigint;
  readonly numCompletedTasks: bigint;
  readonly inputBytesRead: bigint;
  readonly done: boolean;
}

export interface JobProgressSnapshot {
  readonly stages: readonly StageProgress[];
  readonly numInflightTasks: bigint;
}

export type JobProgressListener = (snapshot: JobProgressSnapshot) => void;

interface StageCounts {
  readonly id: number;
  readonly numTasks: number;
  completed: number;
  started: boolean;
}

export class JobProgress {
  private readonly stages: StageCounts[];
  private inflight = 0;

  constructor(
    stages: readonly Stage[],
    private readonly listener: JobProgressListener | undefined,
  ) {
    this.stages = stages.map((s) => ({ id: s.id, numTasks: s.numTasks, completed: 0, started: false }));
  }

  stageStarted(stageId: number): void {
    this.stage(stageId).started = true;
    this.report();
  }

  taskStarted(): void {
    this.inflight++;
  }

  taskFinished(stageId: number): void {
    this.inflight--;
    // A map task rerun for lost output does not count twice: the stage had that many tasks to do.
    const stage = this.stage(stageId);
    stage.completed = Math.min(stage.numTasks, stage.completed + 1);
    this.report();
  }

  /** A failed attempt is no longer in flight; it is retried or fails the job. */
  taskFailed(): void {
    this.inflight--;
  }

  /** Only submitted stages are reported, as Spark's listener only knows those. */
  snapshot(): JobProgressSnapshot {
    return {
      stages: this.stages
        .filter((s) => s.started)
        .map((s) => ({
          stageId: BigInt(s.id),
          numTasks: BigInt(s.numTasks),
          numCompletedTasks: BigInt(s.completed),
          inputBytesRead: 0n,
          done: s.completed >= s.numTasks,
        })),
      numInflightTasks: BigInt(this.inflight),
    };
  }

  private report(): void {
    this.listener?.(this.snapshot());
  }

  private stage(stageId: number): StageCounts {
    const stage = this.stages.find((s) => s.id === stageId);
    if (!stage) throw new Error(`internal: progress for unknown stage ${stageId}`);
    return stage;
  }
}
