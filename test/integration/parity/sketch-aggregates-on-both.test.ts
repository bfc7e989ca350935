/**
 * approx_count_distinct and percentile_approx past the fixture's few rows: the engine's HyperLogLog++ and quantile
 * summary must give Spark's estimates over the same partitioning (compression and partial merges included).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { testSession } from "../api/fixture.js";
import { outcomeOf } from "./parity-fixture.js";

const QUERIES = [
  // Linear counting (a few hundred values) and the raw estimate (far past 5 * 512 registers), several types.
  "SELECT approx_count_distinct(id), approx_count_distinct(id % 7, 0.2) FROM range(0, 300, 1, 3)",
  `SELECT approx_count_distinct(id), approx_count_distinct(CAST(id AS STRING)), approx_count_distinct(id * 1.5D),
     approx_count_distinct(CAST(id AS INT), 0.01) FROM range(0, 100000, 1, 3)`,
  // Three partitions of 33k values each: head-buffer folds, compression and the merge of partial summaries.
  "SELECT percentile_approx(id, array(0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1), 100) FROM range(0, 100000, 1, 3)",
  "SELECT percentile_approx(id * 0.5D, 0.37), approx_percentile(0 - id, array(0.5, 0.2), 1000) FROM range(0, 120000, 1, 2)",
  "SELECT id % 3 AS k, percentile_approx(id, 0.5, 50), approx_count_distinct(id) FROM range(0, 600, 1, 2) GROUP BY 1 ORDER BY 1",
];

describe("sketch aggregates give Spark's estimates on the embedded engine", () => {
  let local: SparkSession;
  let spark: SparkSession;

  beforeAll(async () => {
    local = new SparkSession(new LocalBackend({ master: "local[2]" }));
    spark = await testSession();
  });
  afterAll(async () => {
    await local?.stop();
    await spark?.stop();
  });

  it.each(QUERIES)("%s", async (query) => {
    const [expected, actual] = await Promise.all([
      outcomeOf(await spark.sql(query)),
      outcomeOf(await local.sql(query)),
    ]);
    expect(actual).toEqual(expected);
  });

  it("the HyperLogLog++ bias-corrected range is reported as not supported rather than answered differently", async () => {
    const df = await local.sql("SELECT approx_count_distinct(id) FROM range(0, 2000)");
    await expect(df.collect()).rejects.toThrow(/HyperLogLog\+\+ bias correction/);
  });
});
