/**
 * repartitionByRange on the embedded engine and on Spark 4.1.1. Partition boundaries come from sampling, so they
 * are not compared directly; instead each partition is sorted on its own (sortWithinPartitions): only when every
 * partition holds one key range, in partition order, does the collected result come out totally ordered, and it
 * must then equal Spark's row for row. Ascending and descending keys, NULLs, several keys, one input partition,
 * empty inputs and the default partition count are covered.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col, lit } from "../../../runtime/api/functions.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { testSession } from "../api/fixture.js";
import { outcomeOf } from "../parity/parity-fixture.js";

describe("repartitionByRange on the embedded engine", () => {
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

  /** 300 rows over 3 input partitions: k in 0..100 with NULLs, g in 0..2. */
  const data = (s: SparkSession): DataFrame =>
    s
      .range(0, 300, 1, 3)
      .select(col("id"), col("id").multiply(lit(37)).mod(lit(101)).alias("k"), col("id").mod(lit(3)).alias("g"))
      .selectExpr("id", "IF(id % 17 = 0, NULL, k) AS k", "g");

  async function expectSameOrder(build: (session: SparkSession) => DataFrame) {
    const [expected, actual] = await Promise.all([outcomeOf(build(spark), true), outcomeOf(build(local), true)]);
    expect(actual.schema).toEqual(expected.schema);
    expect(actual.rows).toEqual(expected.rows);
  }

  it("puts one ascending key range in each partition, NULLs first", async () => {
    await expectSameOrder((s) => data(s).repartitionByRange(4, "k").sortWithinPartitions("k", "id"));
  });

  it("honours descending keys with NULLs last", async () => {
    await expectSameOrder((s) =>
      data(s).repartitionByRange(3, col("k").desc_nulls_last()).sortWithinPartitions(col("k").desc_nulls_last(), "id"),
    );
  });

  it("ranges over several keys", async () => {
    await expectSameOrder((s) =>
      data(s).repartitionByRange(5, col("g"), col("k").desc()).sortWithinPartitions("g", col("k").desc(), "id"),
    );
  });

  it("spreads a single input partition, and takes the default partition count", async () => {
    await expectSameOrder((s) =>
      s.range(0, 50, 1, 1).repartitionByRange(4, col("id").desc()).sortWithinPartitions(col("id").desc()),
    );
    await expectSameOrder((s) => data(s).repartitionByRange("k", "id").sortWithinPartitions("k", "id"));
  });

  it("handles empty inputs and empty partitions", async () => {
    await expectSameOrder((s) => data(s).where("id < 0").repartitionByRange(3, "k"));
    await expectSameOrder((s) =>
      data(s).where("g = 1 AND k IS NOT NULL").repartitionByRange(8, "g", "k").sortWithinPartitions("g", "k"),
    );
  });

  it("keeps every row, and groups after a range repartitioning", async () => {
    await expectSameOrder((s) => data(s).repartitionByRange(4, "k").groupBy("g").count().orderBy("g"));
  });
});
