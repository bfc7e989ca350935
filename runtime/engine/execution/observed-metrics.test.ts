import { afterAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../api/dataframe.js";
import { Observation } from "../../api/observation.js";
import { SparkSession } from "../../api/session.js";
import { col, count, expr, lit, max, sum } from "../../index.js";
import { LocalBackend } from "../local-backend.js";
import { DRIVER_EXECUTOR_ID } from "../scheduler/task.js";
import type { WorkerPoolExecutor } from "../scheduler/worker-pool.js";

// df.observe on `local[2]`: the metrics are folded by the tasks the query runs anyway (no second pass over the
// input), and a map stage recomputed after an executor loss replaces its partitions' reports instead of adding.
const backend = new LocalBackend({ master: "local[2]" });
const spark = new SparkSession(backend);
const scheduler = backend.engine.scheduler;
afterAll(() => spark.stop());

const N = 40_000;
const EXPECTED = { rows: BigInt(N), total: BigInt((N * (N - 1)) / 2), top: BigInt(N - 1) };

function grouped(observation?: Observation): DataFrame {
  const facts = spark.range(0, N, 1, 4);
  const observed =
    observation === undefined
      ? facts
      : facts.observe(observation, count(lit(1)).alias("rows"), sum("id").alias("total"), max("id").alias("top"));
  return observed.groupBy(col("id").mod(7).alias("k")).count().orderBy("k");
}

async function tasksOf(df: DataFrame): Promise<number> {
  let tasks = 0;
  const stop = scheduler.addListener((event) => {
    if (event.kind === "taskStarting") tasks++;
  });
  try {
    await df.collect();
  } finally {
    stop();
  }
  return tasks;
}

describe("observed metrics", () => {
  it("are measured by the query's own tasks, over every partition, once", async () => {
    const observation = new Observation("one_pass");
    const plain = await tasksOf(grouped());
    expect(await tasksOf(grouped(observation))).toBe(plain);
    expect(await observation.get).toEqual(EXPECTED);
  }, 30_000);

  it("see the very rows the query returns, even when they are random", async () => {
    const observation = new Observation("same_rows");
    const rows = await spark
      .range(0, 1_000, 1, 4)
      .withColumn("u", expr("uuid()"))
      .observe(observation, max("u").alias("top"))
      .collect();
    const top = rows
      .map((r) => String(r.get(1)))
      .sort()
      .at(-1);
    expect(await observation.get).toEqual({ top });
  }, 30_000);

  it("count each row once when a lost executor's map stage is recomputed", async () => {
    const pool = scheduler.executor as WorkerPoolExecutor;
    const before = scheduler.stats.recomputedMapTasks;
    let killed = false;
    const stop = scheduler.addListener((event) => {
      if (killed || event.kind !== "stageCompleted") return;
      const victim = event.mapExecutors.find((id) => id !== DRIVER_EXECUTOR_ID);
      if (victim === undefined) return;
      killed = true;
      void pool.killExecutor(victim);
    });
    const observation = new Observation("after_loss");
    try {
      expect(await grouped(observation).count()).toBe(7n);
    } finally {
      stop();
    }
    expect(killed).toBe(true);
    expect(scheduler.stats.recomputedMapTasks).toBeGreaterThan(before);
    expect(await observation.get).toEqual(EXPECTED);
  }, 30_000);
});
