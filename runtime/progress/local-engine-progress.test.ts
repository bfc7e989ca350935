import { afterAll, describe, expect, it } from "vitest";
import { LocalBackend } from "../engine/local-backend.js";
import { col, count, SparkSession } from "../index.js";
import { progressHandlersOf } from "./progress-handlers.js";
import type { StageInfo } from "./stage-info.js";

// The embedded engine end to end: a DataFrame action's progress reaches the session's handlers through the same
// ExecutionProgress responses Spark's server sends.
const spark = new SparkSession(new LocalBackend({ master: "local[2]" }));
afterAll(() => spark.stop());

interface Call {
  stages: readonly StageInfo[];
  operationId: string | undefined;
  done: boolean;
}

async function observe(run: () => Promise<unknown>): Promise<Call[]> {
  const calls: Call[] = [];
  const handler = (stages: readonly StageInfo[], _inflight: number, operationId: string | undefined, done: boolean) =>
    calls.push({ stages, operationId, done });
  progressHandlersOf(spark.backend).register(handler);
  try {
    await run();
  } finally {
    progressHandlersOf(spark.backend).remove(handler);
  }
  return calls;
}

describe("embedded engine progress", () => {
  it("reports every stage of a shuffling job with its task count, then the end", async () => {
    await spark.conf.set("spark.connect.progress.reportInterval", "1ms");
    await spark.conf.set("spark.sql.shuffle.partitions", "3");
    const grouped = spark.range(0, 200_000, 1, 4).groupBy(col("id").mod(7).alias("k")).agg(count("id").alias("n"));
    const calls = await observe(() => grouped.collect());
    const last = calls.at(-1);
    expect(last?.done).toBe(true);
    const finalReport = calls.at(-2);
    expect(finalReport?.done).toBe(false);
    expect(finalReport?.stages.map((s) => [s.stageId, s.numTasks, s.numCompletedTasks, s.done])).toEqual([
      [0, 4, 4, true],
      [1, 3, 3, true],
    ]);
    expect(new Set(calls.map((c) => c.operationId)).size).toBe(1);
  });

  it("reports nothing but the end for a job shorter than the report interval (Spark's 2 s default)", async () => {
    await spark.conf.unset("spark.connect.progress.reportInterval");
    const calls = await observe(() => spark.range(0, 10).count());
    expect(calls).toEqual([{ stages: [], operationId: expect.any(String), done: true }]);
  });

  it("turns reports off for a negative interval", async () => {
    await spark.conf.set("spark.connect.progress.reportInterval", "-1");
    const calls = await observe(() => spark.range(0, 200_000, 1, 4).groupBy("id").count().collect());
    expect(calls.map((c) => c.done)).toEqual([true]);
  });

  it("names a malformed interval", async () => {
    await spark.conf.set("spark.connect.progress.reportInterval", "soon");
    await expect(spark.range(0, 10).collect()).rejects.toThrow(/reportInterval must be a duration.*"soon"/);
    await spark.conf.unset("spark.connect.progress.reportInterval");
  });
});
