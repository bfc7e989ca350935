/**
 * A progress handler that remembers the stages of the last operation it saw, so the quickstart can print the
 * stages its main job ran (with their task counts) on either backend.
 */
import type { ProgressHandler, StageInfo } from "../runtime/progress/index.js";

export class JobStages {
  private stages: readonly StageInfo[] = [];

  readonly handler: ProgressHandler = (stages, _inflightTasks, _operationId, done) => {
    if (!done) this.stages = stages;
  };

  /** Forgets what was seen, so the next report starts a new job. */
  reset(): void {
    this.stages = [];
  }

  /** One line per stage, e.g. `stage 3: 8/8 tasks done`. */
  describe(): string {
    if (this.stages.length === 0) return "  (the job finished before its first progress report)";
    return this.stages
      .map((s) => `  stage ${s.stageId}: ${s.numCompletedTasks}/${s.numTasks} tasks${s.done ? " done" : ""}`)
      .join("\n");
  }
}
