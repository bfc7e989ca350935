/**
 * Builtins that fail on purpose or on bad fields raise the same error on the embedded engine as on Spark 4.1.1:
 * same class, error condition, SQL state and message parameters.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { SparkConnectError } from "../../../runtime/errors/index.js";
import { testSession } from "../api/fixture.js";

const QUERIES = [
  "SELECT raise_error('boom') FROM range(3)",
  "SELECT assert_true(id < 2) FROM range(3)",
  "SELECT assert_true(id < 2, 'id too large') FROM range(3)",
  "SELECT make_timestamp(2024, 13, 1, 0, 0, 0)",
  "SELECT make_timestamp_ntz(2023, 2, 29, 0, 0, 0)",
  "SELECT make_timestamp_ltz(2024, 1, 1, 24, 0, 0)",
  "SELECT make_timestamp(2024, 1, 1, 0, 0, 60.5)",
  // Bitmaps, histogram_numeric and count_min_sketch: positions out of range and the parameters' type checks.
  "SELECT bitmap_construct_agg(id) FROM range(32766, 32770)",
  "SELECT bitmap_construct_agg(bitmap_bit_position(id) - 1) FROM range(3)",
  "SELECT bitmap_count('a')",
  "SELECT bitmap_or_agg(id) FROM range(3)",
  "SELECT bitmap_and_agg(CAST(id AS STRING)) FROM range(3)",
  "SELECT histogram_numeric(id, 1) FROM range(3)",
  "SELECT histogram_numeric(id, NULL) FROM range(3)",
  "SELECT histogram_numeric(id, id) FROM range(3)",
  "SELECT histogram_numeric(true, 2) FROM range(3)",
  "SELECT count_min_sketch(id, 0.5D, 1.0D, 1) FROM range(3)",
  "SELECT count_min_sketch(id, 0.0D, 0.5D, 1) FROM range(3)",
  "SELECT count_min_sketch(id, 0.5, 0.5D, 1) FROM range(3)",
  "SELECT count_min_sketch(id * 1.5D, 0.5D, 0.5D, 1) FROM range(3)",
  "SELECT count_min_sketch(id, CAST(NULL AS DOUBLE), 0.5D, 1) FROM range(3)",
  "SELECT count_min_sketch(id, 0.5D, 0.5D, id) FROM range(3)",
  "SELECT hll_sketch_agg(id, 3) FROM range(3)",
  "SELECT hll_sketch_agg(id, CAST(id AS INT)) FROM range(3)",
  "SELECT hll_sketch_agg(id * 1.5D) FROM range(3)",
  "SELECT hll_sketch_estimate(X'0102')",
  "SELECT hll_union(hll_sketch_agg(id, 12), hll_sketch_agg(id, 10)) FROM range(3)",
  "SELECT hll_union_agg(s) FROM (SELECT hll_sketch_agg(id, 12) AS s FROM range(3) UNION ALL SELECT hll_sketch_agg(id, 10) FROM range(3))",
];

async function failureOf(spark: SparkSession, query: string) {
  try {
    await (await spark.sql(query)).collect();
  } catch (error) {
    if (!(error instanceof SparkConnectError)) throw error;
    const { errorClass, sqlState, messageParameters } = error;
    return { kind: error.constructor.name, errorClass, sqlState, messageParameters };
  }
  throw new Error(`${query} did not fail`);
}

describe("raised errors match Spark's", () => {
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
    const [expected, actual] = await Promise.all([failureOf(spark, query), failureOf(local, query)]);
    expect(actual).toEqual(expected);
  });
});
