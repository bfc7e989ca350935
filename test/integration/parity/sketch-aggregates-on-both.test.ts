/**
 * approx_count_distinct, percentile_approx, histogram_numeric, count_min_sketch and the bitmap aggregates past the
 * fixture's few rows: the engine's sketches must give Spark's estimates (and Spark's bytes) over the same
 * partitioning, compression and partial merges after the shuffle included.
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
  // Evenly spaced values tie at every trim (java.util.Random picks the pair), and partials merge after the shuffle.
  "SELECT histogram_numeric(id, 10), histogram_numeric(id * 0.5D, 2) FROM range(0, 10000, 1, 3)",
  // Skewed: most rows pile on seven values in the first partitions, the tail spreads out in the last.
  "SELECT histogram_numeric(CASE WHEN id < 9000 THEN id % 7 ELSE id END, 5) FROM range(0, 10000, 1, 4)",
  // Decimal centres round half up from the double's shortest text (1.005 becomes 1.01).
  "SELECT histogram_numeric(CAST(id / 200 AS DECIMAL(6, 2)), 3) FROM range(0, 2000, 1, 3)",
  "SELECT histogram_numeric(col, 2) FROM VALUES (1.00BD), (1.01BD), (7.0BD) AS tab(col)",
  "SELECT id % 3 AS k, histogram_numeric(sqrt(id), 4), histogram_numeric(CAST(id AS INT), 3) FROM range(0, 3000, 1, 2) GROUP BY 1 ORDER BY 1",
  `SELECT count_min_sketch(id, 0.01D, 0.99D, 11), count_min_sketch(CAST(id AS STRING), 0.05D, 0.9D, -3),
     count_min_sketch(CAST(CAST(id % 100 AS STRING) AS BINARY), 0.1D, 0.5D, 2147483647) FROM range(0, 5000, 1, 3)`,
  "SELECT id % 4 AS k, count_min_sketch(CAST(id / 3 AS INT), 0.2D, 0.8D, 5) FROM range(0, 2000, 1, 3) GROUP BY 1 ORDER BY 1",
  // Bitmaps per bucket across partitions, negatives included, then OR and AND folds of the per-bucket bitmaps.
  `SELECT bitmap_bucket_number(id) AS b, bitmap_count(bitmap_construct_agg(bitmap_bit_position(id))),
     bitmap_construct_agg(bitmap_bit_position(id)) FROM range(-40000, 100000, 7, 3) GROUP BY 1 ORDER BY 1`,
  `SELECT bitmap_count(bitmap_or_agg(bm)), bitmap_count(bitmap_and_agg(bm)), bitmap_or_agg(bm), bitmap_and_agg(bm)
     FROM (SELECT id % 5 AS k, bitmap_construct_agg(bitmap_bit_position(id)) AS bm FROM range(0, 30000, 3, 3) GROUP BY 1)`,
  // DataSketches HLL in its exact modes: LIST, SET growth, partial sketches folded through a union after the shuffle.
  `SELECT hll_sketch_agg(id), hll_sketch_agg(CAST(id AS STRING), 13), hll_sketch_estimate(hll_sketch_agg(id * 7))
     FROM range(0, 300, 1, 3)`,
  "SELECT id % 4 AS k, hll_sketch_agg(id % 37, 9), hll_sketch_agg(CAST(id % 6 AS INT), 5) FROM range(0, 900, 1, 3) GROUP BY 1 ORDER BY 1",
  // Skewed: one partition holds nearly every distinct value.
  "SELECT hll_sketch_agg(CASE WHEN id < 2700 THEN id % 3 ELSE id END) FROM range(0, 3000, 1, 3)",
  `SELECT hll_sketch_estimate(hll_union_agg(s)), hll_sketch_estimate(hll_union_agg(s2, true))
     FROM (SELECT hll_sketch_agg(id) AS s, hll_sketch_agg(id, CAST(10 AS INT)) AS s2 FROM range(0, 90, 1, 2) GROUP BY id % 5)`,
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

  it("DataSketches' HLL register mode is reported as not supported rather than answered differently", async () => {
    // lgConfigK 12 leaves the exact SET mode past 3/4 of 512 coupons.
    const df = await local.sql("SELECT hll_sketch_agg(id) FROM range(0, 400)");
    await expect(df.collect()).rejects.toThrow(/HLL register mode/);
    const low = await local.sql("SELECT hll_sketch_agg(id, 4) FROM range(0, 8)");
    await expect(low.collect()).rejects.toThrow(/HLL register mode/);
  });

  it("the HyperLogLog++ bias-corrected range is reported as not supported rather than answered differently", async () => {
    const df = await local.sql("SELECT approx_count_distinct(id) FROM range(0, 2000)");
    await expect(df.collect()).rejects.toThrow(/HyperLogLog\+\+ bias correction/);
  });
});
