import { describe, expect, it } from "vitest";
import { SparkConnectError } from "../../errors/index.js";
import type { Batch } from "../columnar/column-vector.js";
import type { AttributeRef } from "../logical/expressions.js";
import type { PhysicalPlan } from "../physical/physical-plan.js";
import * as T from "../types/data-types.js";
import { DagScheduler, readsFor } from "./dag-scheduler.js";
import { buildStages } from "./stages.js";
import { InlineExecutor, type TaskOutcome, type TaskSpec } from "./task.js";

const id: AttributeRef = { kind: "attr", exprId: 1, name: "id", type: T.LONG, nullable: false, qualifier: [] };
const range = (n: bigint, slices: number): PhysicalPlan => ({
  kind: "range",
  start: 0n,
  end: n,
  step: 1n,
  numSlices: slices,
  output: [id],
});
const bound = { kind: "input" as const, ordinal: 0, name: "id", type: T.LONG, nullable: false };
const hashed = (child: PhysicalPlan, n: number): PhysicalPlan => ({
  kind: "exchange",
  child,
  partitioning: { kind: "hash", keys: [bound], numPartitions: n },
  output: [id],
});

function values(partitions: Batch[][]): bigint[] {
  return partitions.flat().flatMap((b) => Array.from(b.columns[0]?.data as BigInt64Array));
}

describe("stage graph", () => {
  it("cuts one stage per exchange and lists parents first", () => {
    let shuffles = 0;
    const plan: PhysicalPlan = {
      kind: "union",
      inputs: [hashed(range(10n, 2), 3), hashed(range(5n, 4), 2)],
      output: [id],
    };
    const graph = buildStages(plan, () => shuffles++);
    expect(graph.ordered.map((s) => s.numTasks)).toEqual([2, 4, 5]);
    expect(graph.result.parents.map((s) => s.id)).toEqual([0, 1]);
    expect(graph.result.plan.kind).toBe("union");
  });

  it("maps a union partition to the shuffle partition of the right input", () => {
    let shuffles = 0;
    const plan: PhysicalPlan = {
      kind: "union",
      inputs: [hashed(range(10n, 2), 3), hashed(range(5n, 4), 2)],
      output: [id],
    };
    const graph = buildStages(plan, () => shuffles++);
    expect(readsFor(graph.result.plan, 1)).toEqual([{ shuffleId: 0, partition: 1 }]);
    expect(readsFor(graph.result.plan, 4)).toEqual([{ shuffleId: 1, partition: 1 }]);
  });
});

describe("DAG scheduler", () => {
  it("shuffles every row exactly once, whatever the partition counts (incl. empty ones)", async () => {
    const scheduler = new DagScheduler(new InlineExecutor());
    const out = await scheduler.run(hashed(range(50n, 3), 7), { timeZone: "UTC" });
    expect(out).toHaveLength(7);
    expect(values(out).sort((a, b) => Number(a - b))).toEqual(Array.from({ length: 50 }, (_, i) => BigInt(i)));
    const sparse = await scheduler.run(hashed(range(2n, 1), 9), { timeZone: "UTC" });
    expect(sparse.filter((p) => p.every((b) => b.numRows === 0)).length).toBeGreaterThanOrEqual(7);
  });

  it("retries a task that failed for an internal reason, but not a query error", async () => {
    let calls = 0;
    const flaky = new (class extends InlineExecutor {
      override execute(task: TaskSpec): Promise<TaskOutcome> {
        calls++;
        if (calls === 1) return Promise.reject(new Error("executor thread died"));
        return super.execute(task);
      }
    })();
    const out = await new DagScheduler(flaky).run(range(4n, 1), { timeZone: "UTC" });
    expect(values(out)).toEqual([0n, 1n, 2n, 3n]);
    expect(calls).toBe(2);

    let failures = 0;
    const failing = new (class extends InlineExecutor {
      override execute(): Promise<TaskOutcome> {
        failures++;
        return Promise.reject(new SparkConnectError("bad query", { errorClass: "DIVIDE_BY_ZERO" }));
      }
    })();
    await expect(new DagScheduler(failing).run(range(4n, 1), { timeZone: "UTC" })).rejects.toThrow("bad query");
    expect(failures).toBe(1);
  });

  it("stops before running tasks when the job is aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      new DagScheduler(new InlineExecutor()).run(range(4n, 2), { timeZone: "UTC", signal: controller.signal }),
    ).rejects.toMatchObject({
      errorClass: "OPERATION_CANCELED",
    });
  });
});
