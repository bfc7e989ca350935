/**
 * Cases for the statistics and replace members (df.stat.*, describe, summary, na.replace): each returns values
 * that differ if the engine is wrong (rows in order where Spark fixes the order, schemas, typed values) and the
 * failures Spark gives for bad input (error class, or the message of an IllegalArgumentException without one).
 */
import * as F from "../../../generated/functions/index.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import type { MemberCase } from "./member-cases.js";
import { outcomeOf } from "./parity-fixture.js";
import { settled } from "./settled-outcome.js";

const numbers = (spark: SparkSession): DataFrame =>
  spark.createDataFrame(
    Array.from({ length: 40 }, (_, k) => ({ k, x: (k * 7) % 13, y: k % 5 === 0 ? null : ((k * k) % 17) / 4 })),
    "k int, x int, y double",
  );

const correlations = async (df: DataFrame, how: (d: DataFrame, a: string, b: string) => Promise<number>) => ({
  pair: await settled(() => how(df, "i", "d")),
  same: await settled(() => how(df, "id", "id")),
  decimal: await settled(() => how(df, "dec", "id")),
  empty: await settled(() => how(df.where("id > 10"), "i", "d")),
  string: await settled(() => how(df, "i", "s")),
  date: await settled(() => how(df, "dt", "i")),
  unknown: await settled(() => how(df, "i", "nope")),
});

const corrCase: MemberCase = async (df, spark) => ({
  ...(await correlations(df, (d, a, b) => d.corr(a, b))),
  larger: await settled(() => numbers(spark).corr("x", "y")),
  method: await settled(() => df.corr("i", "d", "spearman")),
});
const covCase: MemberCase = async (df, spark) => ({
  ...(await correlations(df, (d, a, b) => d.cov(a, b))),
  larger: await settled(() => numbers(spark).cov("x", "y")),
});
const statCorrCase: MemberCase = async (df) => correlations(df, (d, a, b) => d.stat.corr(a, b));
const statCovCase: MemberCase = async (df) => correlations(df, (d, a, b) => d.stat.cov(a, b));

/** Crosstab rows come in the grouping's order on either side, so they are compared sorted; columns in order. */
const crosstabs = async (df: DataFrame, how: (d: DataFrame, a: string, b: string) => DataFrame) => ({
  strings: await settled(() => outcomeOf(how(df, "i", "s"))),
  numbers: await settled(() => outcomeOf(how(df.select(col("id").mod(2).alias("odd"), "d"), "odd", "d"))),
  dates: await settled(() => outcomeOf(how(df, "dt", "id"))),
  unknown: await settled(() => outcomeOf(how(df, "i", "nope"))),
});

/** 1,000 rows with repeats, NULLs and NaNs, enough for a relative error to fold samples together. */
const many = (spark: SparkSession): DataFrame =>
  spark
    .range(1000)
    .select(
      col("id"),
      F.when(col("id").mod(97).eqNullSafe(0), F.lit(null))
        .when(col("id").mod(89).eqNullSafe(0), F.lit(Number.NaN))
        .otherwise(col("id").multiply(7919).mod(1009).divide(3))
        .alias("v"),
    );

const quantiles = async (
  df: DataFrame,
  spark: SparkSession,
  how: (d: DataFrame, c: string | string[], p: number[], e: number) => Promise<unknown>,
) => ({
  exact: await settled(() => how(df, ["i", "d", "dec"], [0, 0.25, 0.5, 0.75, 1], 0)),
  one: await settled(() => how(df, "id", [0.5, 0.1, 0.9], 0)),
  loose: await settled(() => how(df, ["i", "d"], [0, 0.3, 0.6, 1], 0.3)),
  empty: await settled(() => how(df.where("i IS NULL"), ["i"], [0.5], 0)),
  folded: await settled(() => how(many(spark), ["v", "id"], [0.01, 0.1, 0.33, 0.5, 0.77, 0.99], 0.05)),
  tight: await settled(() => how(many(spark), "v", [0.05, 0.5, 0.95], 0.001)),
  string: await settled(() => how(df, ["i", "s"], [0.5], 0)),
  unknown: await settled(() => how(df, ["nope"], [0.5], 0)),
});

const summaries = async (df: DataFrame, spark: SparkSession) => ({
  // Decimal columns are left out: Spark prints a percentile of one at the scale of the double it came from.
  all: await settled(() => outcomeOf(df.drop("dec").summary(), true)),
  chosen: await settled(() =>
    outcomeOf(df.select("id", "d", "s", "padded").summary("max", "count_distinct", "33%", "mean", "count"), true),
  ),
  many: await settled(() => outcomeOf(many(spark).summary("min", "1%", "10%", "50%", "90%", "99.5%", "stddev"), true)),
  none: await settled(() => outcomeOf(df.select("dt", "ts").summary(), true)),
  unknown: await settled(() => outcomeOf(df.summary("count", "median"))),
  badPercentile: await settled(() => outcomeOf(df.summary("x%"))),
  outOfRange: await settled(() => outcomeOf(df.summary("150%"))),
});

const describes = async (df: DataFrame, spark: SparkSession) => ({
  all: await settled(() => outcomeOf(df.describe(), true)),
  chosen: await settled(() => outcomeOf(df.describe("s", "i", "dt"), true)),
  many: await settled(() => outcomeOf(many(spark).describe(["v"]), true)),
  unknown: await settled(() => outcomeOf(df.describe("nope"))),
});

/** The fixture with a NaN and an infinity in `d`, so replacing them can be checked too. */
const withNaN = (df: DataFrame): DataFrame =>
  df.withColumn("d", F.when(col("id").eqNullSafe(3), F.lit(Number.NaN)).otherwise(col("d")));

const replacements = async (
  df: DataFrame,
  how: (d: DataFrame, from: unknown, to: unknown, subset?: string[]) => DataFrame,
) => ({
  number: await settled(() => outcomeOf(how(df, 5, 7), true)),
  numbers: await settled(() => outcomeOf(how(df, [2.5, -3, 0], [1.5, 2, null], ["i", "d", "dec"]), true)),
  fraction: await settled(() => outcomeOf(how(df, -3, 1.9), true)),
  nan: await settled(() => outcomeOf(how(withNaN(df), Number.NaN, 0), true)),
  strings: await settled(() => outcomeOf(how(df, { abc: "x", Ébc: null }, undefined), true)),
  subset: await settled(() => outcomeOf(how(df, ["abc", " y"], "z", ["padded"]), true)),
  booleans: await settled(() => outcomeOf(how(df.select("id", col("i").gt(0).alias("b")), true, false), true)),
  unknown: await settled(() => outcomeOf(how(df, 1, 2, ["nope"]))),
});

/**
 * Spark lists the candidates in its hash map's order; the engine reproduces that order for ints, longs, doubles,
 * booleans, dates, timestamps and strings, so arrays are compared as they come.
 */
const frequentItems = async (
  df: DataFrame,
  spark: SparkSession,
  how: (d: DataFrame, c: string[], s?: number) => DataFrame,
) => ({
  all: await settled(() => outcomeOf(how(df, ["i", "s", "d", "id", "dt"]))),
  half: await settled(() => outcomeOf(how(df, ["i", "s"], 0.4))),
  many: await settled(() => outcomeOf(how(many(spark).select(col("id").mod(37).alias("m"), "v"), ["m", "v"], 0.02))),
  skewed: await settled(() =>
    outcomeOf(
      how(numbers(spark).select(col("x").mod(4).alias("q"), col("k").cast("string").alias("t")), ["q", "t"], 0.3),
    ),
  ),
  badSupport: await settled(() => outcomeOf(how(df, ["i"], 2))),
  unknown: await settled(() => outcomeOf(how(df, ["nope"]))),
});

/** Spark's sampler is reproduced draw for draw, so the kept rows must be the same ones. */
const stratified = async (
  df: DataFrame,
  spark: SparkSession,
  how: (
    d: DataFrame,
    c: string | ReturnType<typeof col>,
    f: Map<string | number | boolean, number>,
    seed: number,
  ) => DataFrame,
) => ({
  local: await settled(() =>
    outcomeOf(
      how(
        numbers(spark),
        "x",
        new Map([
          [0, 0.5],
          [3, 1],
          [5, 0.2],
          [7, 0.9],
        ]),
        7,
      ),
    ),
  ),
  strings: await settled(() =>
    outcomeOf(
      how(
        df,
        "s",
        new Map([
          ["abc", 1],
          ["Ébc", 0.3],
        ]),
        3,
      ),
    ),
  ),
  expression: await settled(() =>
    outcomeOf(
      how(
        numbers(spark),
        col("k").mod(3),
        new Map([
          [0, 0.5],
          [1, 0.25],
          [2, 1],
        ]),
        42,
      ),
    ),
  ),
  ranged: await settled(() =>
    outcomeOf(
      how(
        many(spark),
        col("id").mod(4),
        new Map([
          [1, 0.6],
          [2, 0.1],
        ]),
        11,
      ),
    ),
  ),
  tooLarge: await settled(() => outcomeOf(how(df, "i", new Map([[5, 1.5]]), 1))),
  unknown: await settled(() => outcomeOf(how(df, "nope", new Map([[5, 0.5]]), 1))),
});

export const STAT_MEMBER_CASES: Record<string, MemberCase> = {
  "DataFrame.corr": corrCase,
  "DataFrame.cov": covCase,
  "DataFrameStatFunctions.corr": statCorrCase,
  "DataFrameStatFunctions.cov": statCovCase,
  "DataFrame.crosstab": (df) => crosstabs(df, (d, a, b) => d.crosstab(a, b)),
  "DataFrameStatFunctions.crosstab": (df) => crosstabs(df, (d, a, b) => d.stat.crosstab(a, b)),
  "DataFrame.approxQuantile": (df, spark) => quantiles(df, spark, (d, c, p, e) => d.approxQuantile(c, p, e)),
  "DataFrameStatFunctions.approxQuantile": (df, spark) =>
    quantiles(df, spark, (d, c, p, e) => d.stat.approxQuantile(c, p, e)),
  "DataFrame.summary": summaries,
  "DataFrame.describe": describes,
  "DataFrame.replace": (df) => replacements(df, (d, from, to, subset) => d.replace(from as never, to as never, subset)),
  "DataFrameNaFunctions.replace": (df) =>
    replacements(df, (d, from, to, subset) => d.na.replace(from as never, to as never, subset)),
  "DataFrame.freqItems": (df, spark) => frequentItems(df, spark, (d, c, s) => d.freqItems(c, s)),
  "DataFrameStatFunctions.freqItems": (df, spark) => frequentItems(df, spark, (d, c, s) => d.stat.freqItems(c, s)),
  "DataFrame.stat": async (df) => ({
    corr: await df.stat.corr("id", "i"),
    cov: await df.stat.cov("id", "d"),
    quantiles: await df.stat.approxQuantile("i", [0.5], 0),
    crosstab: await outcomeOf(df.stat.crosstab("s", "id")),
    freqItems: await outcomeOf(df.stat.freqItems(["s"])),
  }),
  "DataFrame.sampleBy": (df, spark) => stratified(df, spark, (d, c, f, seed) => d.sampleBy(c, f, seed)),
  "DataFrameStatFunctions.sampleBy": (df, spark) =>
    stratified(df, spark, (d, c, f, seed) => d.stat.sampleBy(c, f, seed)),
};
