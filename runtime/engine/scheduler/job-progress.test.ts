import { describe, expect, it } from "vitest";
import type { AttributeRef } from "../logical/expressions.js";
import type { PhysicalPlan } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import { DagScheduler } from "./dag-scheduler.js";
import type { JobProgressSnapshot } from "./job-progress.js";
import { InlineExecutor, type TaskExecutor, type TaskOutcome, type TaskSpec } from "./task.js";

const id: AttributeRef = { kind: "attr", exprId: 1, name: "id", type: T.LONG, nullable: false, qualifier: [] };
const range = (n: bigint, slices: number): PhysicalPlan => ({
  kind: "range",
  start: 0n,
  end: n,
  step: 1n,
  numSlices: slices,
  output: [id],
});
const hashed = (child: PhysicalPlan, n: number): PhysicalPlan => ({
  kind: "exchange",
  child,
  partitioning: {
    kind: "hash",
    keys: [{ kind: "input", ordinal: 0, name: "id", type: T.LONG, nullable: false }],
    numPartitions: n,
  },
  output: [id],
});

async function runWithProgress(plan: PhysicalPlan, executor: TaskExecutor = new InlineExecutor()) {
  const reports: JobProgressSnapshot[] = [];
  const scheduler = new DagScheduler(executor);
  await scheduler.run(plan, { timeZone: "UTC", onProgress: (s) => reports.push(s) });
  return reports;
}

describe("job progress", () => {
  it("reports every stage of a multi-stage job with its task count, ending with all tasks done", async () => {
    // Stage 0: 3 map tasks; stage 1: 4 tasks reading shuffle 0 and writing shuffle 1; stage 2: 2 result tasks.
    const reports = await runWithProgress(hashed(hashed(range(100n, 3), 4), 2));
    const last = reports.at(-1);
    expect(last?.stages.map((s) => [s.stageId, s.numTasks, s.numCompletedTasks, s.done])).toEqual([
      [0n, 3n, 3n, true],
      [1n, 4n, 4n, true],
      [2n, 2n, 2n, true],
    ]);
    expect(last?.numInflightTasks).toBe(0n);
    // One report when each stage starts and one per finished task: 3 + (3 + 4 + 2).
    expect(reports).toHaveLength(12);
    // A stage is reported only once submitted, and only after its parents are done.
    expect(reports[0]?.stages.map((s) => s.stageId)).toEqual([0n]);
    const firstWithStage1 = reports.find((r) => r.stages.length === 2);
    expect(firstWithStage1?.stages[0]?.done).toBe(true);
    expect(firstWithStage1?.stages[1]?.numCompletedTasks).toBe(0n);
  });

  it("counts completed tasks monotonically and never more than a stage has", async () => {
    const reports = await runWithProgress(hashed(range(50n, 5), 3));
    let previous = -1n;
    for (const report of reports) {
      const done = report.stages.reduce((sum, s) => sum + s.numCompletedTasks, 0n);
      expect(done).toBeGreaterThanOrEqual(previous);
      for (const s of report.stages) expect(s.numCompletedTasks).toBeLessThanOrEqual(s.numTasks);
      previous = done;
    }
    expect(previous).toBe(8n);
  });

  it("shows tasks in flight while a stage runs and does not count a failed attempt as done", async () => {
    let failOnce = true;
    const inflightSeen: bigint[] = [];
    const flaky = new (class extends InlineExecutor {
      override execute(spec: TaskSpec): Promise<TaskOutcome> {
        if (spec.partition === 1 && failOnce) {
          failOnce = false;
          return Promise.reject(new Error("lost executor"));
        }
        return super.execute(spec);
      }
    })();
    const reports: JobProgressSnapshot[] = [];
    await new DagScheduler(flaky).run(range(10n, 3), {
      timeZone: "UTC",
      onProgress: (s) => {
        reports.push(s);
        inflightSeen.push(s.numInflightTasks);
      },
    });
    expect(reports.at(-1)?.stages).toEqual([
      { stageId: 0n, numTasks: 3n, numCompletedTasks: 3n, inputBytesRead: 0n, done: true },
    ]);
    expect(Math.max(...inflightSeen.map(Number))).toBeGreaterThan(0);
    expect(reports.at(-1)?.numInflightTasks).toBe(0n);
  });
});
