/**
 * One case per DataFrame, Column, GroupedData and SparkSession member the embedded engine runs, keyed `Class.member` as in the
 * registry. A case returns something comparable: a DataFrame's outcome or an action's plain result.
 */

import * as F from "../../../generated/functions/index.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col, lit } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import type { SparkSessionBuilder } from "../../../runtime/api/session-builder.js";
import { Window } from "../../../runtime/api/window.js";
import { CATALOG_MEMBER_CASES } from "./catalog-member-cases.js";
import { FRAME_MEMBER_CASES } from "./frame-member-cases.js";
import { FRAME_OP_MEMBER_CASES } from "./frame-op-member-cases.js";
import { IO_SESSION_MEMBER_CASES } from "./io-session-member-cases.js";
import { outcomeOf } from "./parity-fixture.js";
import { SESSION_TVF_MEMBER_CASES } from "./session-tvf-member-cases.js";
import { STAT_MEMBER_CASES } from "./stat-member-cases.js";

/** A new builder for the backend a case runs on, so a case can make (and stop) sessions of its own. */
export type NewBuilder = () => SparkSessionBuilder;
export type MemberCase = (df: DataFrame, spark: SparkSession, newBuilder: NewBuilder) => Promise<unknown>;

const json = (value: unknown): string => JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? `${v}n` : v));
const other = (spark: SparkSession): DataFrame =>
  spark.createDataFrame(
    [
      { id: 1, tag: "one" },
      { id: 4, tag: "four" },
      { id: 9, tag: null },
    ],
    "id int, tag string",
  );
/** What a progress handler saw during one grouped count: how many operations, and whether it ended with `done`. */
async function progressSeen(df: DataFrame, spark: SparkSession, keep: "keep" | "remove" | "clear") {
  const calls: { operationId: string | undefined; done: boolean }[] = [];
  const handler = (_stages: unknown, _inflight: number, operationId: string | undefined, done: boolean) =>
    calls.push({ operationId, done });
  spark.registerProgressHandler(handler);
  if (keep === "remove") spark.removeProgressHandler(handler);
  if (keep === "clear") spark.clearProgressHandlers();
  try {
    await df.groupBy("s").count().collect();
  } finally {
    if (keep === "keep") spark.removeProgressHandler(handler);
  }
  return { operations: new Set(calls.map((c) => c.operationId)).size, endedDone: calls.at(-1)?.done ?? null };
}

const cols = (df: DataFrame, ...columns: ReturnType<typeof col>[]) =>
  outcomeOf(df.orderBy("id").select(...columns), true);

export const MEMBER_CASES: Record<string, MemberCase> = {
  "DataFrame.agg": (df) => outcomeOf(df.agg(F.sum("i"), F.max("s"))),
  "DataFrame.alias": (df) => outcomeOf(df.alias("t").select("t.id", "t.s")),
  "DataFrame.collect": async (df) => (await df.orderBy("id").collect()).map((row) => json(row)),
  "DataFrame.columns": async (df) => df.columns,
  "DataFrame.count": async (df) => json(await df.count()),
  "DataFrame.crossJoin": (df, spark) => outcomeOf(df.select("id").crossJoin(other(spark).select("tag"))),
  "DataFrame.distinct": (df) => outcomeOf(df.select(col("i").gt(lit(0)).alias("p")).distinct()),
  "DataFrame.drop": (df) => outcomeOf(df.drop("s", "dt")),
  "DataFrame.dropDuplicates": (df) => outcomeOf(df.select(col("id").mod(lit(2)).alias("m")).dropDuplicates()),
  "DataFrame.drop_duplicates": (df) => outcomeOf(df.select(col("id").mod(lit(2)).alias("m")).drop_duplicates(["m"])),
  "DataFrame.dropna": (df) => outcomeOf(df.dropna("any", undefined, ["i"])),
  "DataFrame.dtypes": async (df) => df.dtypes,
  "DataFrame.exceptAll": (df) => outcomeOf(df.select("id").exceptAll(df.select("id").where("id > 2"))),
  "DataFrame.fillna": (df) => outcomeOf(df.fillna(0).fillna("?", ["s"])),
  "DataFrame.filter": (df) => outcomeOf(df.filter(col("d").lt(lit(3)))),
  "DataFrame.first": async (df) => json(await df.orderBy("id").first()),
  "DataFrame.groupBy": (df) => outcomeOf(df.groupBy(col("i").isNull().alias("n")).count()),
  "DataFrame.groupby": (df) => outcomeOf(df.groupby("s").agg(F.count("id"))),
  "DataFrame.head": async (df) => json(await df.orderBy("id").head(2)),
  "DataFrame.intersect": (df) => outcomeOf(df.select("id").intersect(df.select("id").where("id < 3"))),
  "DataFrame.intersectAll": (df) => outcomeOf(df.select("id").intersectAll(df.select("id"))),
  "DataFrame.isEmpty": async (df) => [await df.isEmpty(), await df.where("id > 10").isEmpty()],
  "DataFrame.join": (df, spark) => outcomeOf(df.select("id", "s").join(other(spark), "id", "left")),
  "DataFrame.limit": (df) => outcomeOf(df.orderBy("id").limit(2), true),
  "DataFrame.na": (df) => outcomeOf(df.na.fill({ s: "-", i: 1 })),
  "DataFrame.offset": (df) => outcomeOf(df.orderBy("id").offset(1), true),
  "DataFrame.orderBy": (df) => outcomeOf(df.orderBy(col("d").desc_nulls_last()), true),
  "DataFrame.schema": async (df) => (await df.schema).json(),
  "DataFrame.select": (df) => cols(df, col("s"), col("dec")),
  "DataFrame.sort": (df) => outcomeOf(df.sort(col("s").asc_nulls_first(), "id"), true),
  "DataFrame.subtract": (df) => outcomeOf(df.select("id").subtract(df.select("id").where("id = 1"))),
  "DataFrame.take": async (df) => json(await df.orderBy("id").take(3)),
  "DataFrame.toLocalIterator": async (df) => {
    const rows: unknown[] = [];
    for await (const row of df.orderBy("id").toLocalIterator()) rows.push(row);
    return json(rows);
  },
  "DataFrame.transform": (df) =>
    outcomeOf(df.transform((d, n: number) => d.where(col("id").lt(lit(n))).select("id", "s"), 3)),
  "DataFrame.toDF": (df) => outcomeOf(df.select("id", "s").toDF("a", "b")),
  "DataFrame.union": (df) => outcomeOf(df.select("id").union(df.select("i"))),
  "DataFrame.unionAll": (df) => outcomeOf(df.select("s").unionAll(df.select("s"))),
  "DataFrame.unionByName": (df) => outcomeOf(df.select("id", "s").unionByName(df.select("s", "id"))),
  "DataFrame.where": (df) => outcomeOf(df.where(col("s").isNotNull())),
  "DataFrame.withColumn": (df) => outcomeOf(df.withColumn("twice", col("i").multiply(lit(2)))),
  "DataFrame.withColumnRenamed": (df) => outcomeOf(df.withColumnRenamed("s", "text")),
  "DataFrame.withColumns": (df) => outcomeOf(df.withColumns({ a: lit(1), b: col("d").plus(lit(1)) })),
  "DataFrame.withColumnsRenamed": (df) => outcomeOf(df.withColumnsRenamed({ s: "t", i: "j" })),
  "DataFrame.coalesce": (df) => outcomeOf(df.repartition(3).coalesce(1)),
  "DataFrame.cube": (df) => outcomeOf(df.cube(col("i").isNull().alias("n")).count()),
  "DataFrame.describe": (df) => outcomeOf(df.describe("i", "d"), true),
  "DataFrame.repartition": (df) => outcomeOf(df.repartition(3, "s")),
  // Each partition sorted alone comes out in total order only if each holds one key range, in order.
  "DataFrame.repartitionByRange": (df) =>
    outcomeOf(df.repartitionByRange(3, col("i").desc(), "id").sortWithinPartitions(col("i").desc(), "id"), true),
  "DataFrame.lateralJoin": async (df, spark) => {
    const arrays = df.select("id", F.array(col("i"), lit(2)).alias("arr"));
    return {
      inner: await outcomeOf(arrays.lateralJoin(spark.tvf.explode(col("arr").outer()))),
      left: await outcomeOf(arrays.lateralJoin(spark.tvf.posexplode(col("arr").outer()), undefined, "left")),
    };
  },
  "DataFrame.rollup": (df) => outcomeOf(df.rollup(col("i").isNull().alias("n")).agg(F.sum("d"))),
  "DataFrame.selectExpr": (df) => outcomeOf(df.selectExpr("id * 2 AS twice", "upper(s)")),
  "DataFrame.sortWithinPartitions": (df) => outcomeOf(df.sortWithinPartitions("id")),
  "DataFrame.summary": (df) => outcomeOf(df.select("i").summary("count", "min", "max"), true),
  "DataFrame.tail": async (df) => json(await df.orderBy("id").tail(2)),
  "DataFrameNaFunctions.drop": (df) => outcomeOf(df.na.drop("all", undefined, ["i", "s"])),
  "DataFrameNaFunctions.fill": (df) => outcomeOf(df.na.fill(1.5)),
  "Column.bitwiseAND": (df) => cols(df, col("i").bitwiseAND(lit(6))),
  "Column.bitwiseOR": (df) => cols(df, col("i").bitwiseOR(lit(6))),
  "Column.bitwiseXOR": (df) => cols(df, col("i").bitwiseXOR(lit(6))),
  "Column.rlike": (df) => cols(df, col("s").rlike("^[a-z]+$")),
  "Column.try_cast": (df) => cols(df, col("d").try_cast("int"), col("s").try_cast("int")),
  "DataFrame.cache": async (df) => outcomeOf(await df.where("id > 1").cache()),
  "DataFrame.createOrReplaceTempView": async (df, spark) => {
    await df.createOrReplaceTempView("parity_fixture");
    return outcomeOf(spark.table("parity_fixture").select("id", "s"));
  },
  "DataFrame.sameSemantics": async (df) => [await df.sameSemantics(df), await df.sameSemantics(df.limit(1))],
  "GroupedData.pivot": (df) => outcomeOf(df.groupBy("s").pivot("id", [1, 2]).sum("i")),
  "Column.alias": (df) => cols(df, col("i").alias("renamed")),
  "Column.asc": (df) => outcomeOf(df.orderBy(col("i").asc()).select("id"), true),
  "Column.asc_nulls_first": (df) => outcomeOf(df.orderBy(col("s").asc_nulls_first()).select("id"), true),
  "Column.asc_nulls_last": (df) => outcomeOf(df.orderBy(col("s").asc_nulls_last()).select("id"), true),
  "Column.astype": (df) => cols(df, col("d").astype("int")),
  "Column.between": (df) => cols(df, col("i").between(lit(-3), lit(0))),
  "Column.cast": (df) => cols(df, col("dec").cast("double"), col("i").cast("string"), col("dt").cast("string")),
  "Column.contains": (df) => cols(df, col("s").contains("b")),
  "Column.desc": (df) => outcomeOf(df.orderBy(col("d").desc()).select("id"), true),
  "Column.desc_nulls_first": (df) => outcomeOf(df.orderBy(col("d").desc_nulls_first()).select("id"), true),
  "Column.desc_nulls_last": (df) => outcomeOf(df.orderBy(col("d").desc_nulls_last()).select("id"), true),
  "Column.endswith": (df) => cols(df, col("s").endswith("c")),
  "Column.eqNullSafe": (df) => cols(df, col("i").eqNullSafe(lit(null))),
  "Column.ilike": (df) => cols(df, col("s").ilike("A%")),
  "Column.isNaN": (df) => cols(df, col("d").isNaN()),
  "Column.isNotNull": (df) => cols(df, col("s").isNotNull()),
  "Column.isNull": (df) => cols(df, col("s").isNull()),
  "Column.isin": (df) => cols(df, col("i").isin(5, 0)),
  "Column.like": (df) => cols(df, col("s").like("%b%")),
  "Column.name": (df) => cols(df, col("d").name("x")),
  "Column.otherwise": (df) => cols(df, F.when(col("i").lt(lit(0)), "neg").otherwise("non-neg")),
  "Column.startswith": (df) => cols(df, col("s").startswith("a")),
  "Column.substr": (df) => cols(df, col("s").substr(2, 3)),
  "Column.transform": (df) =>
    cols(
      df,
      col("i").transform((c) => c.multiply(lit(2)).plus(lit(1))),
    ),
  "Column.when": (df) => cols(df, F.when(col("i").isNull(), 0).when(col("i").gt(lit(0)), 1)),
  "GroupedData.agg": (df) => outcomeOf(df.groupBy("s").agg(F.min("d"), F.count("*"))),
  "GroupedData.avg": (df) => outcomeOf(df.groupBy(col("id").mod(lit(2)).alias("k")).avg("d", "i")),
  "GroupedData.count": (df) => outcomeOf(df.groupBy("s").count()),
  "GroupedData.max": (df) => outcomeOf(df.groupBy(col("id").mod(lit(2)).alias("k")).max("i")),
  "GroupedData.mean": (df) => outcomeOf(df.groupBy(col("id").mod(lit(2)).alias("k")).mean("d")),
  "GroupedData.min": (df) => outcomeOf(df.groupBy(col("id").mod(lit(2)).alias("k")).min("i", "d")),
  "GroupedData.sum": (df) => outcomeOf(df.groupBy(col("id").mod(lit(2)).alias("k")).sum("i")),
  "DataFrame.groupingSets": (df) =>
    outcomeOf(df.groupingSets([["s", "i"], ["s"], []], "s", "i").agg(F.count("id"), F.grouping_id())),
  "DataFrame.unpivot": (df) => outcomeOf(df.unpivot("id", ["i", "d"], "column", "value")),
  "DataFrame.melt": (df) => outcomeOf(df.select("id", "i", "dec").melt(["id"], null, "column", "value")),
  "Column.over": (df) => cols(df, col("id"), F.sum("i").over(Window.orderBy("id"))),
  // Window and WindowSpec members build specifications; each case runs one over the fixture.
  "Window.currentRow": async () => Window.currentRow,
  "Window.unboundedFollowing": async () => String(Window.unboundedFollowing),
  "Window.unboundedPreceding": async () => String(Window.unboundedPreceding),
  "Window.orderBy": (df) => cols(df, col("id"), F.rank().over(Window.orderBy(col("d").desc_nulls_last()))),
  "Window.partitionBy": (df) => outcomeOf(df.select("id", F.count("*").over(Window.partitionBy(col("i").isNull())))),
  "Window.rangeBetween": (df) => cols(df, col("id"), F.sum("id").over(Window.rangeBetween(-1, 1))),
  "Window.rowsBetween": (df) => cols(df, col("id"), F.max("i").over(Window.rowsBetween(Window.unboundedPreceding, 0))),
  "WindowSpec.orderBy": (df) =>
    outcomeOf(df.select("id", F.row_number().over(Window.partitionBy(col("id").mod(lit(2))).orderBy("d")))),
  "WindowSpec.partitionBy": (df) =>
    outcomeOf(df.select("id", F.sum("i").over(Window.orderBy("id").partitionBy(col("s").isNull())))),
  "WindowSpec.rangeBetween": (df) =>
    cols(df, col("id"), F.count("*").over(Window.orderBy("i").rangeBetween(-3, Window.currentRow))),
  "WindowSpec.rowsBetween": (df) => cols(df, col("id"), F.avg("d").over(Window.orderBy("id").rowsBetween(-1, 1))),
  "SparkSession.registerProgressHandler": (df, spark) => progressSeen(df, spark, "keep"),
  "SparkSession.removeProgressHandler": (df, spark) => progressSeen(df, spark, "remove"),
  "SparkSession.clearProgressHandlers": (df, spark) => progressSeen(df, spark, "clear"),
  ...CATALOG_MEMBER_CASES,
  ...SESSION_TVF_MEMBER_CASES,
  ...FRAME_MEMBER_CASES,
  ...FRAME_OP_MEMBER_CASES,
  ...IO_SESSION_MEMBER_CASES,
  ...STAT_MEMBER_CASES,
};
