/**
 * DataFrame statistics (corr, cov, approxQuantile, crosstab, freqItems, sampleBy, randomSplit, df.stat): the
 * plans equal PySpark 4.1.1's, the results equal PySpark's on the same server value for value and type for
 * type, and bad arguments raise PySpark's error classes while the session stays usable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { callFunction, col, lit } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { emittedDataFrame, emittedError, type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { testSession } from "./fixture.js";
import {
  type ArgumentErrorCase,
  describeArgumentErrors,
  describeGoldenActionPlans,
  describeGoldenPlans,
  likePySpark,
} from "./golden-harness.js";

/** Twelve rows: id, g = id % 3, s = "k0"/"k1", x = id * 1.5 - g (a double). */
const PRELUDE = [
  `df = spark.range(12).withColumn("g", F.col("id") % 3).withColumn("s", F.concat(F.lit("k"), (F.col("id") % 2).cast("string"))).withColumn("x", F.col("id") * 1.5 - F.col("g"))`,
];

function data(spark: SparkSession): DataFrame {
  return spark
    .range(12)
    .withColumn("g", col("id").mod(3))
    .withColumn("s", callFunction("concat", lit("k"), col("id").mod(2).cast("string")))
    .withColumn("x", col("id").multiply(1.5).minus(col("g")));
}

describeGoldenPlans(
  "statistics plans match PySpark's",
  {
    crosstab: { python: `df.crosstab("g", "s")`, ts: (spark) => data(spark).crosstab("g", "s") },
    statCrosstab: { python: `df.stat.crosstab("s", "g")`, ts: (spark) => data(spark).stat.crosstab("s", "g") },
    freqItems: { python: `df.freqItems(["g", "s"], 0.4)`, ts: (spark) => data(spark).freqItems(["g", "s"], 0.4) },
    freqItemsDefaultSupport: { python: `df.stat.freqItems(["g"])`, ts: (spark) => data(spark).stat.freqItems(["g"]) },
    sampleByNumbers: {
      python: `df.sampleBy("g", {0: 0.5, 1: 1.0}, 42)`,
      ts: (spark) =>
        data(spark).sampleBy(
          "g",
          new Map([
            [0, 0.5],
            [1, 1.0],
          ]),
          42,
        ),
    },
    sampleByStrings: {
      python: `df.stat.sampleBy(F.col("s"), {"k0": 0.25}, 7)`,
      ts: (spark) => data(spark).stat.sampleBy(col("s"), { k0: 0.25 }, 7),
    },
    randomSplitFirst: {
      python: `df.randomSplit([1.0, 2.0, 3.0], 11)[0]`,
      ts: (spark) => data(spark).randomSplit([1, 2, 3], 11)[0] as DataFrame,
    },
    randomSplitLast: {
      python: `df.randomSplit([0.3, 0.3, 0.4], 5)[2]`,
      ts: (spark) => data(spark).randomSplit([0.3, 0.3, 0.4], 5)[2] as DataFrame,
    },
  },
  PRELUDE,
);

describeGoldenActionPlans(
  "statistics actions send PySpark's plans",
  {
    corr: { python: `df.corr("id", "x")`, ts: (spark) => data(spark).corr("id", "x") },
    corrPearson: {
      python: `df.stat.corr("g", "x", "pearson")`,
      ts: (spark) => data(spark).stat.corr("g", "x", "pearson"),
    },
    cov: { python: `df.cov("id", "g")`, ts: (spark) => data(spark).cov("id", "g") },
    approxQuantileOne: {
      python: `df.approxQuantile("x", [0.25, 0.5], 0.0)`,
      ts: (spark) => data(spark).approxQuantile("x", [0.25, 0.5], 0),
    },
    approxQuantileMany: {
      python: `df.stat.approxQuantile(["id", "x"], [0.1, 0.9], 0.05)`,
      ts: (spark) => data(spark).stat.approxQuantile(["id", "x"], [0.1, 0.9], 0.05),
    },
  },
  PRELUDE,
);

describe("statistics results match PySpark's", () => {
  let spark: SparkSession;
  let golden: Record<string, PySparkJson>;

  beforeAll(async () => {
    spark = await testSession();
    golden = await runPySpark(
      [
        ...PRELUDE,
        `emit("corr", df.corr("id", "x"))`,
        `capture("corrConstant", lambda: df.withColumn("c", F.lit(1)).corr("id", "c"))`,
        `emit("cov", df.stat.cov("id", "g"))`,
        `emit("quantileOne", df.approxQuantile("x", [0.0, 0.25, 0.5, 1.0], 0.0))`,
        `emit("quantileMany", df.approxQuantile(["id", "g"], [0.5], 0.1))`,
        `emit("crosstab", df.crosstab("g", "s").orderBy("g_s"))`,
        `emit("freqItems", df.freqItems(["g", "s"], 0.5))`,
        `emit("sampleBy", df.sampleBy("g", {0: 0.5, 1: 1.0}, 42).orderBy("id"))`,
        `emit("splits", [d.orderBy("id") for d in df.randomSplit([1.0, 2.0], 11)])`,
      ].join("\n"),
    );
  });

  afterAll(async () => {
    await spark?.stop();
  });

  it("corr, cov and approxQuantile give PySpark's numbers", async () => {
    const df = data(spark);
    expect(await df.corr("id", "x")).toBe(golden.corr);
    expect(await df.cov("id", "g")).toBe(golden.cov);
    expect(await df.approxQuantile("x", [0, 0.25, 0.5, 1], 0)).toEqual(golden.quantileOne);
    expect(await df.stat.approxQuantile(["id", "g"], [0.5], 0.1)).toEqual(golden.quantileMany);
  });

  it("corr of a constant column fails as in PySpark (a division by zero under ANSI)", async () => {
    const theirs = emittedError(golden, "corrConstant");
    const ours = await data(spark)
      .withColumn("c", lit(1))
      .corr("id", "c")
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(ours).toMatchObject({ name: theirs.type, errorClass: theirs.errorClass, sqlState: theirs.sqlState });
  });

  it("crosstab, freqItems and sampleBy give PySpark's rows and types", async () => {
    const df = data(spark);
    expect(await likePySpark(df.crosstab("g", "s").orderBy("g_s"))).toEqual(emittedDataFrame(golden, "crosstab"));
    expect(await likePySpark(df.freqItems(["g", "s"], 0.5))).toEqual(emittedDataFrame(golden, "freqItems"));
    const sampled = df.sampleBy(
      "g",
      new Map([
        [0, 0.5],
        [1, 1.0],
      ]),
      42,
    );
    expect(await likePySpark(sampled.orderBy("id"))).toEqual(emittedDataFrame(golden, "sampleBy"));
  });

  it("randomSplit with a seed splits the rows exactly as PySpark does", async () => {
    const splits = data(spark).randomSplit([1, 2], 11);
    const theirs = golden.splits as PySparkJson[];
    expect(splits).toHaveLength(2);
    for (const [i, split] of splits.entries()) {
      expect(await likePySpark(split.orderBy("id"))).toEqual(emittedDataFrame({ split: theirs[i] ?? null }, "split"));
    }
  });
});

/** Each case: a PySpark call that raises, and ours (given plain-JS values a typed caller could not pass). */
const ARGUMENT_ERRORS: Record<string, ArgumentErrorCase> = {
  corrMethod: { python: `df.corr("id", "x", "spearman")`, ts: (df) => df.corr("id", "x", "spearman") },
  corrColumnType: { python: `df.corr(1, "x")`, ts: (df) => df.corr(1 as unknown as string, "x") },
  covColumnType: { python: `df.cov("id", None)`, ts: (df) => df.cov("id", null as unknown as string) },
  quantileNegativeError: {
    python: `df.approxQuantile("x", [0.5], -1.0)`,
    ts: (df) => df.approxQuantile("x", [0.5], -1),
  },
  quantileProbability: {
    python: `df.approxQuantile("x", [1.5], 0.1)`,
    ts: (df) => df.approxQuantile("x", [1.5], 0.1),
  },
  quantileColumns: {
    python: `df.approxQuantile(3, [0.5], 0.1)`,
    ts: (df) => df.approxQuantile(3 as unknown as string, [0.5], 0.1),
  },
  crosstabColumn: { python: `df.crosstab("g", 2)`, ts: (df) => df.crosstab("g", 2 as unknown as string) },
  freqItemsColumns: {
    python: `df.freqItems("g")`,
    ts: (df) => df.freqItems("g" as unknown as string[]),
  },
  sampleByFractions: {
    python: `df.sampleBy("g", [0.5])`,
    ts: (df) => df.sampleBy("g", [0.5] as unknown as Record<string, number>),
  },
  sampleByColumn: {
    python: `df.sampleBy(1, {0: 0.5})`,
    ts: (df) => df.sampleBy(1 as unknown as string, { 0: 0.5 }),
  },
  randomSplitWeight: { python: `df.randomSplit([1.0, -1.0])`, ts: (df) => df.randomSplit([1, -1]) },
  randomSplitSum: { python: `df.randomSplit([0.0, 0.0])`, ts: (df) => df.randomSplit([0, 0]) },
};

describeArgumentErrors(
  "statistics argument errors match PySpark's error classes",
  ARGUMENT_ERRORS,
  PRELUDE,
  data,
  async (spark) => {
    await data(spark)
      .corr("id", "x", "kendall")
      .catch(() => undefined);
    expect(await data(spark).count()).toBe(12n);
  },
);
