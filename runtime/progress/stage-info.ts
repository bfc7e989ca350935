/**
 * What a progress handler is told about a running operation: one entry per stage (tasks, tasks done, bytes
 * read, done), read from the ExecutionProgress responses both backends send.
 */
import type { ExecutePlanResponse_ExecutionProgress } from "../../generated/proto/spark/connect/base_pb.js";

export interface StageInfo {
  readonly stageId: number;
  readonly numTasks: number;
  readonly numCompletedTasks: number;
  readonly numBytesRead: number;
  readonly done: boolean;
}

/**
 * Called with the stages seen so far and the tasks running now, for every progress report of an operation,
 * and once more with `done = true` when the operation ends (however it ends).
 */
export type ProgressHandler = (
  stages: readonly StageInfo[],
  inflightTasks: number,
  operationId: string | undefined,
  done: boolean,
) => void;

export interface ProgressReport {
  readonly stages: readonly StageInfo[];
  readonly inflightTasks: number;
}

/** Counts are int64 on the wire; a stage's tasks and bytes fit a double without loss in practice. */
export function progressFromProto(progress: ExecutePlanResponse_ExecutionProgress): ProgressReport {
  return {
    stages: progress.stages.map((stage) => ({
      stageId: Number(stage.stageId),
      numTasks: Number(stage.numTasks),
      numCompletedTasks: Number(stage.numCompletedTasks),
      numBytesRead: Number(stage.inputBytesRead),
      done: stage.done,
    })),
    inflightTasks: Number(progress.numInflightTasks),
  };
}
