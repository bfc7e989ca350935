/**
 * Window functions, rollup/cube/grouping sets and unpivot on the embedded engine (local[3], several shuffle
 * partitions) against Spark 4.1.1: skewed partition keys (one key holds most rows), NULL keys and values, ties in
 * the order keys, and partitions left empty. Each case compares the schema and the rows (sorted).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as F from "../../../generated/functions/index.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col, lit } from "../../../runtime/api/functions.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { Window } from "../../../runtime/api/window.js";
import { LocalBackend } from "../../../runtime/engine/local-backend.js";
import { testSession } from "../api/fixture.js";
import { outcomeOf } from "../parity/parity-fixture.js";

/** 50 rows: key "hot" on 35 (skew), NULL keys, NULL and tied values, a date and a decimal. */
function events(spark: SparkSession): DataFrame {
  const rows = Array.from({ length: 50 }, (_, i) => ({
    id: i,
    k: i < 35 ? "hot" : i % 4 === 0 ? null : `k${i % 3}`,
    v: i % 9 === 0 ? null : (i * 7) % 11,
    x: i % 6 === 0 ? null : (i % 5) * 1.5,
    day: `2024-01-${String((i % 28) + 1).padStart(2, "0")}`,
    amount: `${(i * 13) % 40}.25`,
  }));
  return spark
    .createDataFrame(rows, "id int, k string, v int, x double, day string, amount string")
    .select(
      "id",
      "k",
      "v",
      "x",
      col("day").cast("date").alias("day"),
      col("amount").cast("decimal(8,2)").alias("amount"),
    );
}

type Case = (df: DataFrame) => DataFrame;

const byKey = Window.partitionBy("k").orderBy("v", "id");
const byKeyValue = Window.partitionBy("k").orderBy("v");

const CASES: Record<string, Case> = {
  ranking: (df) =>
    df.select(
      "id",
      F.row_number().over(byKey),
      F.rank().over(byKeyValue),
      F.dense_rank().over(byKeyValue),
      F.percent_rank().over(byKeyValue),
      F.cume_dist().over(byKeyValue),
      F.ntile(4).over(byKey),
      F.ntile(40).over(byKey),
    ),
  offsets: (df) =>
    df.select(
      "id",
      F.lag("v").over(byKey),
      F.lag("x", 2, 0.5).over(byKey),
      F.lead("v", 3).over(byKey),
      F.lead("k", 1, "none").over(Window.orderBy("id")),
      F.lag("v", -1).over(byKey),
    ),
  values: (df) =>
    df.select(
      "id",
      F.nth_value("x", 2).over(byKey),
      F.nth_value("x", 2, true).over(byKey.rowsBetween(Window.unboundedPreceding, Window.unboundedFollowing)),
      F.first("x").over(byKey),
      F.first("x", true).over(byKey),
      F.last("x", true).over(byKey.rowsBetween(-2, 2)),
      F.first_value(col("v")).over(byKeyValue),
      F.last_value(col("v")).over(byKeyValue),
    ),
  defaultFrames: (df) =>
    df.select(
      "id",
      F.sum("v").over(byKeyValue),
      F.sum("v").over(Window.partitionBy("k")),
      F.count("*").over(Window.orderBy("v")),
      F.avg("x").over(Window.partitionBy("k")),
      F.max("day").over(byKeyValue),
      F.sum("amount").over(byKey),
    ),
  rowFrames: (df) =>
    df.select(
      "id",
      F.sum("v").over(byKey.rowsBetween(-2, 1)),
      F.avg("x").over(byKey.rowsBetween(Window.currentRow, Window.unboundedFollowing)),
      F.min("v").over(byKey.rowsBetween(-3, -1)),
      F.count("x").over(byKey.rowsBetween(1, 4)),
      F.max("x").over(byKey.rowsBetween(Window.unboundedPreceding, Window.currentRow)),
      F.stddev("v").over(byKey.rowsBetween(-5, 0)),
    ),
  rangeFrames: (df) =>
    df.select(
      "id",
      F.sum("v").over(byKeyValue.rangeBetween(-2, 1)),
      F.count("*").over(Window.partitionBy("k").orderBy(col("v").desc()).rangeBetween(-1, 3)),
      F.min("id").over(byKeyValue.rangeBetween(Window.currentRow, Window.unboundedFollowing)),
      F.sum("id").over(Window.orderBy("x").rangeBetween(-2, 0)),
      F.count("*").over(Window.orderBy(col("v").asc_nulls_last()).rangeBetween(0, 0)),
    ),
  expressionsAndWithColumn: (df) =>
    df
      .withColumn("rn", F.row_number().over(Window.partitionBy(col("id").mod(lit(3))).orderBy(col("id").desc())))
      .withColumn("share", col("v").divide(F.sum("v").over(Window.partitionBy("k"))))
      .select("*", F.rank().over(Window.orderBy("k")).plus(lit(1)).alias("r1")),
  emptyPartitions: (df) =>
    df
      .where(col("k").eqNullSafe(lit("hot")))
      .select("id", F.sum("id").over(Window.partitionBy("k").orderBy("id")), F.row_number().over(byKey)),
  noRows: (df) => df.where(col("id").lt(lit(0))).select("id", F.rank().over(byKey)),
  rollup: (df) =>
    df
      .rollup("k", col("v").mod(lit(3)).alias("m"))
      .agg(F.sum("x"), F.count("*"), F.grouping("k"), F.grouping_id(), F.max("v")),
  cube: (df) => df.cube("k", "day").agg(F.avg("v").alias("mean"), F.grouping_id().alias("gid"), F.sum("amount")),
  cubeCount: (df) => df.cube(col("v").isNull()).count(),
  groupingSets: (df) =>
    df
      .groupingSets([["k", "v"], ["k"], []], "k", "v")
      .agg(F.count("id"), F.grouping("v"), F.grouping_id(), F.sum("id").plus(lit(1)).alias("s1")),
  groupingColumnsInExpressions: (df) =>
    df.rollup("k").agg(F.concat(col("k"), lit("!")).alias("label"), F.sum("v").alias("total")),
  pivotWithValues: (df) => df.groupBy("k").pivot("v", [1, 4, 10, 99]).agg(F.sum("x")),
  pivotSeveralAggregates: (df) => df.groupBy("k").pivot("v", [2, 5]).agg(F.count("id"), F.max("x").alias("mx")),
  pivotFoundValues: (df) =>
    df
      .groupBy(col("id").mod(lit(4)).alias("r"))
      .pivot("k")
      .sum("v"),
  pivotNoGroups: (df) => df.groupBy().pivot("k").count(),
  unpivot: (df) => df.unpivot(["id", "k"], ["v", "x"], "column", "value"),
  melt: (df) => df.select("id", "v", col("x").cast("float").alias("f")).melt("id", null, "name", "val"),
};

/** The same queries in SQL over the events as a temporary view. */
const SQL_CASES: Record<string, string> = {
  sqlWindows:
    "SELECT id, row_number() OVER (PARTITION BY k ORDER BY id) AS rn, sum(v) OVER (PARTITION BY k ORDER BY id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW), lag(v, 2) OVER w, rank() OVER (ORDER BY v DESC NULLS LAST), avg(x) OVER (PARTITION BY k) FROM events WINDOW w AS (PARTITION BY k ORDER BY id)",
  sqlRangeWindow:
    "SELECT id, count(*) OVER (PARTITION BY k ORDER BY v RANGE BETWEEN 1 PRECEDING AND 2 FOLLOWING) AS c, max(x) OVER (ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 FOLLOWING) AS m FROM events",
  sqlRollup: "SELECT k, v % 3 AS m, sum(x), grouping(k), grouping_id() FROM events GROUP BY ROLLUP(k, v % 3)",
  sqlCube: "SELECT k, day, count(*) AS n FROM events GROUP BY CUBE(k, day)",
  sqlGroupingSets: "SELECT k, v, avg(x) AS a FROM events GROUP BY GROUPING SETS ((k, v), (k), ())",
};

/** Specifications Spark refuses: both sides must fail with the same error class. */
const FAILURES: Record<string, Case> = {
  rankWithoutOrder: (df) => df.select(F.rank().over(Window.partitionBy("k"))),
  rangeWithoutOrder: (df) => df.select(F.sum("v").over(Window.partitionBy("k").rangeBetween(-1, 1))),
  rangeOverTwoKeys: (df) => df.select(F.sum("v").over(Window.orderBy("v", "id").rangeBetween(-1, 1))),
  rangeOverStrings: (df) => df.select(F.sum("v").over(Window.orderBy("k").rangeBetween(-1, 1))),
  unpivotMixedTypes: (df) => df.unpivot("id", ["k", "v"], "c", "val"),
};

async function errorClassOf(df: DataFrame): Promise<string> {
  try {
    await df.collect();
    return "no error";
  } catch (error) {
    return String((error as { errorClass?: unknown }).errorClass);
  }
}

/** Cases whose row order is defined on both sides (an Expand keeps its input's order). */
const ORDERED: Record<string, Case> = {
  unpivotKeepsOrder: (df) => df.orderBy("id").unpivot("id", ["v", "x"], "c", "val").limit(20),
};

describe("window functions and grouping analytics on the embedded engine vs Spark", () => {
  let local: SparkSession;
  let spark: SparkSession;

  beforeAll(async () => {
    local = new SparkSession(new LocalBackend({ master: "local[3]" }));
    await local.conf.set("spark.sql.shuffle.partitions", "5");
    spark = await testSession();
  });
  afterAll(async () => {
    await local?.stop();
    await spark?.stop();
  });

  it.each(Object.entries(CASES))("%s", async (_name, build) => {
    const [expected, actual] = await Promise.all([outcomeOf(build(events(spark))), outcomeOf(build(events(local)))]);
    expect(actual.schema).toEqual(expected.schema);
    expect(actual.rows).toEqual(expected.rows);
  });

  it.each(Object.entries(SQL_CASES))("%s", async (_name, query) => {
    const run = async (session: SparkSession) => {
      await events(session).createOrReplaceTempView("events");
      return outcomeOf(await session.sql(query));
    };
    const [expected, actual] = await Promise.all([run(spark), run(local)]);
    expect(actual.schema).toEqual(expected.schema);
    expect(actual.rows).toEqual(expected.rows);
  });

  it("running totals over 6000 rows in 7 skewed partitions (the O(n) growing-frame path)", async () => {
    const build = (session: SparkSession) =>
      session
        .range(6000)
        .select(
          col("id"),
          F.when(col("id").lt(lit(4000)), lit(0))
            .otherwise(col("id").mod(lit(7)))
            .alias("p"),
          col("id").multiply(lit(0.1)).alias("x"),
        )
        .select(
          "id",
          F.sum("x").over(Window.partitionBy("p").orderBy("id")),
          F.count("x").over(
            Window.partitionBy("p").orderBy(col("id").desc()).rowsBetween(Window.unboundedPreceding, -3),
          ),
          F.max("id").over(Window.partitionBy("p").orderBy(col("id").mod(lit(50)))),
        );
    const [expected, actual] = await Promise.all([outcomeOf(build(spark)), outcomeOf(build(local))]);
    expect(actual.schema).toEqual(expected.schema);
    expect(actual.rows).toEqual(expected.rows);
  });

  it.each(Object.entries(FAILURES))("%s fails as in Spark", async (_name, build) => {
    const [expected, actual] = await Promise.all([
      errorClassOf(build(events(spark))),
      errorClassOf(build(events(local))),
    ]);
    expect(expected).not.toBe("no error");
    expect(actual).toBe(expected);
  });

  it.each(Object.entries(ORDERED))("%s", async (_name, build) => {
    const [expected, actual] = await Promise.all([
      outcomeOf(build(events(spark)), true),
      outcomeOf(build(events(local)), true),
    ]);
    expect(actual).toEqual(expected);
  });
});
