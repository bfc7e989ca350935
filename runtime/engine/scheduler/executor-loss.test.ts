import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../api/dataframe.js";
import { SparkSession } from "../../api/session.js";
import { col, count, sum } from "../../index.js";
import { LocalBackend } from "../local-backend.js";
import { DRIVER_EXECUTOR_ID } from "./task.js";
import { WorkerPoolExecutor } from "./worker-pool.js";

// Executor loss on `local[2]`: a worker thread is really terminated after its map tasks finished (the pool learns
// of it from the thread's exit, as of a crash), and the job must still give exactly the undisturbed answer, by
// recomputing the lost map outputs from lineage.
const backend = new LocalBackend({ master: "local[2]" });
const spark = new SparkSession(backend);
const scheduler = backend.engine.scheduler;
const pool = scheduler.executor as WorkerPoolExecutor;

/** groupBy (hash shuffle) + join (broadcast or shuffled) + orderBy (range shuffle), over several partitions. */
function query(): DataFrame {
  const facts = spark.range(0, 40_000, 1, 4).select(col("id").mod(97).alias("k"), col("id").alias("v"));
  const totals = facts.groupBy("k").agg(sum("v").alias("s"), count("v").alias("n"));
  const dims = spark.range(0, 97, 1, 2).select(col("id").alias("k"), col("id").multiply(2).alias("w"));
  return totals.join(dims, "k").orderBy("k");
}

const workerExecutors = (ids: readonly string[]) => ids.filter((id) => id !== DRIVER_EXECUTOR_ID);

let expected: unknown[];

beforeAll(async () => {
  expect(pool).toBeInstanceOf(WorkerPoolExecutor);
  await spark.conf.set("spark.sql.shuffle.partitions", "3");
  expected = (await query().collect()).map((r) => r.toJSON());
  expect(expected).toHaveLength(97);
}, 60_000);
afterAll(() => spark.stop());

describe("executor loss", () => {
  it("recomputes the map outputs of an executor killed between stages", async () => {
    const before = { ...scheduler.stats };
    let killed: string | null = null;
    const stop = scheduler.addListener((event) => {
      if (killed !== null || event.kind !== "stageCompleted") return;
      const [victim] = workerExecutors(event.mapExecutors);
      if (victim === undefined) return;
      killed = victim;
      void pool.killExecutor(victim);
    });
    try {
      const rows = (await query().collect()).map((r) => r.toJSON());
      expect(rows).toEqual(expected);
    } finally {
      stop();
    }
    expect(killed).not.toBeNull();
    expect(pool.executorIds).not.toContain(killed);
    expect(scheduler.stats.executorsLost).toBe(before.executorsLost + 1);
    expect(scheduler.stats.recomputedMapTasks).toBeGreaterThan(before.recomputedMapTasks);
  }, 30_000);

  it("turns a fetch from a killed executor into a fetch failure, recomputes and reruns the reduce task", async () => {
    const before = { ...scheduler.stats };
    let killed: string | null = null;
    const stop = scheduler.addListener((event) => {
      // A reduce task was just given its block locations: kill an executor they point to.
      if (killed !== null || event.kind !== "taskStarting") return;
      const [victim] = workerExecutors(event.fetchesFrom);
      if (victim === undefined) return;
      killed = victim;
      void pool.killExecutor(victim);
    });
    try {
      const rows = (await query().collect()).map((r) => r.toJSON());
      expect(rows).toEqual(expected);
    } finally {
      stop();
    }
    expect(killed).not.toBeNull();
    expect(scheduler.stats.fetchFailures).toBeGreaterThan(before.fetchFailures);
    expect(scheduler.stats.recomputedMapTasks).toBeGreaterThan(before.recomputedMapTasks);
  }, 30_000);

  it("aborts the job after four attempts of a stage whose outputs keep getting lost, and the session recovers", async () => {
    let firstMapStage: number | null = null;
    const stop = scheduler.addListener((event) => {
      if (event.kind !== "stageCompleted") return;
      const [victim] = workerExecutors(event.mapExecutors);
      if (victim === undefined) return;
      firstMapStage ??= event.stageId;
      if (event.stageId === firstMapStage) void pool.killExecutor(victim);
    });
    try {
      await expect(query().collect()).rejects.toThrow(/has failed the maximum allowable number of times: 4/);
    } finally {
      stop();
    }
    expect((await query().collect()).map((r) => r.toJSON())).toEqual(expected);
  }, 60_000);
});
