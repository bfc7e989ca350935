/**
 * Spark's ExecutionProgress reaches the session's progress handlers: a shuffling query on the real server reports
 * its stages (map stage and the stages after the exchange) with task counts, then the end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { col, expr } from "../../../runtime/api/functions.js";
import { SparkSession } from "../../../runtime/api/session.js";
import type { StageInfo } from "../../../runtime/progress/index.js";
import { sparkRemote } from "../../support/session-url.js";

interface Call {
  stages: readonly StageInfo[];
  inflight: number;
  operationId: string | undefined;
  done: boolean;
}

let spark: SparkSession;

beforeAll(async () => {
  spark = await SparkSession.builder().remote(sparkRemote()).create();
  // Spark reports every 2 s by default; a short interval keeps the query (and the test) short.
  await spark.conf.set("spark.connect.progress.reportInterval", "100ms");
});
afterAll(() => spark.stop());

/**
 * Each row sleeps 50 ms on both sides of the exchange (Thread.sleep through reflect, kept by using its NULL result),
 * so the map stage and the stage after it each outlast several report intervals however fast the machine is: a
 * bigger range was once over before the second stage was ever reported.
 */
const pause = "coalesce(reflect('java.lang.Thread', 'sleep', cast(50 as bigint)), '')";
const shuffling = () =>
  spark
    .range(0, 40, 1, 4)
    .select(expr(`concat(cast(id % 13 as string), ${pause})`).alias("k"))
    .groupBy("k")
    .count()
    .select(col("k"), col("count"), expr(pause).alias("pause"));

describe("execution progress from Spark", () => {
  it("hands a registered handler the stages and tasks of a query with a shuffle, then done", async () => {
    const calls: Call[] = [];
    const handler = (stages: readonly StageInfo[], inflight: number, operationId: string | undefined, done: boolean) =>
      calls.push({ stages, inflight, operationId, done });
    spark.registerProgressHandler(handler);
    try {
      const rows = await shuffling().collect();
      expect(rows).toHaveLength(13);
    } finally {
      spark.removeProgressHandler(handler);
    }
    expect(calls.at(-1)?.done).toBe(true);
    const reports = calls.filter((c) => !c.done);
    expect(reports.length).toBeGreaterThan(0);
    expect(new Set(calls.map((c) => c.operationId)).size).toBe(1);
    for (const report of reports) {
      for (const stage of report.stages) expect(stage.numCompletedTasks).toBeLessThanOrEqual(stage.numTasks);
    }
    // The map stage reads the 4 range partitions. Spark reports on a timer, so whether a report catches the stage
    // already done depends on timing; when one does, all 4 tasks are finished.
    const mapReports = reports.flatMap((r) => r.stages).filter((s) => s.numTasks === 4);
    expect(mapReports.length).toBeGreaterThan(0);
    for (const stage of mapReports.filter((s) => s.done)) expect(stage.numCompletedTasks).toBe(4);
    // The exchange splits the job: the reports name more than one stage over the run (one timed report need not
    // catch both stages at once on a loaded machine; CI saw that).
    expect(new Set(calls.flatMap((c) => c.stages.map((s) => s.stageId))).size).toBeGreaterThan(1);
  });

  it("stops calling a handler once it is removed", async () => {
    const calls: boolean[] = [];
    const handler = (_s: readonly StageInfo[], _i: number, _o: string | undefined, done: boolean) => calls.push(done);
    spark.registerProgressHandler(handler);
    spark.removeProgressHandler(handler);
    await shuffling().collect();
    expect(calls).toEqual([]);
  });
});
