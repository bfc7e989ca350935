/**
 * Reshaping and re-laying-out DataFrames — colRegex, hint, repartitionByRange, repartitionById, to, transpose,
 * withMetadata, replace / na.replace, withWatermark, dropDuplicatesWithinWatermark: plans equal PySpark
 * 4.1.1's, results equal PySpark's on the same server, and bad arguments raise PySpark's error classes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { callFunction, col, lit } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { parseSchema } from "../../../runtime/types/index.js";
import { emittedDataFrame, emittedError, type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { testSession } from "./fixture.js";
import { type ArgumentErrorCase, describeArgumentErrors, describeGoldenPlans, likePySpark } from "./golden-harness.js";

/** Six rows: id, g = id % 3, s = "k0"/"k1", t = id seconds after the epoch (a timestamp). */
const PRELUDE = [
  `df = spark.range(6).withColumn("g", F.col("id") % 3).withColumn("s", F.concat(F.lit("k"), (F.col("id") % 2).cast("string"))).withColumn("t", F.col("id").cast("timestamp"))`,
  `target = T.StructType([T.StructField("s", T.StringType()), T.StructField("i", T.LongType())])`,
];

function data(spark: SparkSession): DataFrame {
  return spark
    .range(6)
    .withColumn("g", col("id").mod(3))
    .withColumn("s", callFunction("concat", lit("k"), col("id").mod(2).cast("string")))
    .withColumn("t", col("id").cast("timestamp"));
}

const TARGET = parseSchema("s STRING, i BIGINT");

describeGoldenPlans(
  "reshaping plans match PySpark's",
  {
    colRegex: { python: "df.select(df.colRegex('`(g|s)`'))", ts: (spark) => selectRegex(data(spark), "`(g|s)`") },
    hintPlain: { python: `df.hint("broadcast")`, ts: (spark) => data(spark).hint("broadcast") },
    hintMixed: {
      python: `df.hint("custom", 3, "id", 2.5, F.col("g"), [1, 2], ["a", "b"])`,
      ts: (spark) => data(spark).hint("custom", 3, "id", 2.5, col("g"), [1, 2], ["a", "b"]),
    },
    hintSingleList: {
      python: `df.hint("repartition", [4, "g"])`,
      ts: (spark) => data(spark).hint("repartition", [4, "g"]),
    },
    repartitionByRange: {
      python: `df.repartitionByRange(3, "id", F.col("g").desc())`,
      ts: (spark) => data(spark).repartitionByRange(3, "id", col("g").desc()),
    },
    repartitionByRangeColumnsOnly: {
      python: `df.repartitionByRange(F.col("g"), "s")`,
      ts: (spark) => data(spark).repartitionByRange(col("g"), "s"),
    },
    repartitionById: {
      python: `df.repartitionById(4, F.col("g") + 1)`,
      ts: (spark) => data(spark).repartitionById(4, col("g").plus(1)),
    },
    repartitionByIdName: { python: `df.repartitionById(2, "g")`, ts: (spark) => data(spark).repartitionById(2, "g") },
    to: {
      python: `df.select(F.col("id").cast("int").alias("i"), "s").to(target)`,
      ts: (spark) => data(spark).select(col("id").cast("int").alias("i"), "s").to(TARGET),
    },
    transposeDefault: { python: `df.transpose()`, ts: (spark) => data(spark).transpose() },
    transposeByName: { python: `df.transpose("s")`, ts: (spark) => data(spark).transpose("s") },
    transposeByColumn: { python: `df.transpose(F.col("g"))`, ts: (spark) => data(spark).transpose(col("g")) },
    withMetadata: {
      python: `df.withMetadata("g", {"comment": "group", "n": 1, "ü": [True, None], "nested": {"a": "b"}})`,
      ts: (spark) => data(spark).withMetadata("g", { comment: "group", n: 1, ü: [true, null], nested: { a: "b" } }),
    },
    replaceNumber: { python: `df.replace(1, 100)`, ts: (spark) => data(spark).replace(1, 100) },
    replaceLists: {
      python: `df.replace([1, 2], [10.5, 20], "g")`,
      ts: (spark) => data(spark).replace([1, 2], [10.5, 20], "g"),
    },
    replaceMapping: {
      python: `df.na.replace({"k0": "zero", "k1": None})`,
      ts: (spark) => data(spark).na.replace({ k0: "zero", k1: null }),
    },
    replaceToNull: {
      python: `df.replace(["k0", "k1"], None, ["s"])`,
      ts: (spark) => data(spark).replace(["k0", "k1"], null, ["s"]),
    },
    replaceBooleans: { python: `df.replace(True, False)`, ts: (spark) => data(spark).replace(true, false) },
    withWatermark: {
      python: `df.withWatermark("t", "10 minutes")`,
      ts: (spark) => data(spark).withWatermark("t", "10 minutes"),
    },
    dropDuplicatesWithinWatermark: {
      python: `df.withWatermark("t", "1 second").dropDuplicatesWithinWatermark()`,
      ts: (spark) => data(spark).withWatermark("t", "1 second").dropDuplicatesWithinWatermark(),
    },
    dropDuplicatesWithinWatermarkSubset: {
      python: `df.dropDuplicatesWithinWatermark(["g", "s"])`,
      ts: (spark) => data(spark).dropDuplicatesWithinWatermark(["g", "s"]),
    },
  },
  PRELUDE,
);

function selectRegex(df: DataFrame, regex: string): DataFrame {
  return df.select(df.colRegex(regex));
}

describe("reshaping results match PySpark's", () => {
  let spark: SparkSession;
  let golden: Record<string, PySparkJson>;

  /** Each case: a PySpark DataFrame expression and ours; the collected rows and schemas must be equal. */
  const CASES: Record<string, { python: string; ts: (df: DataFrame) => DataFrame }> = {
    colRegex: { python: "df.select(df.colRegex('`(g|s)`'))", ts: (df) => selectRegex(df, "`(g|s)`") },
    repartitionByRange: {
      python: `df.repartitionByRange(3, "id").select("id", F.spark_partition_id().alias("p")).orderBy("id")`,
      ts: (df) =>
        df.repartitionByRange(3, "id").select("id", callFunction("spark_partition_id").alias("p")).orderBy("id"),
    },
    repartitionById: {
      python: `df.repartitionById(3, F.col("g").cast("int")).select("id", F.spark_partition_id().alias("p")).orderBy("id")`,
      ts: (df) =>
        df
          .repartitionById(3, col("g").cast("int"))
          .select("id", callFunction("spark_partition_id").alias("p"))
          .orderBy("id"),
    },
    to: {
      python: `df.select(F.col("id").cast("int").alias("i"), "s").to(target)`,
      ts: (df) => df.select(col("id").cast("int").alias("i"), "s").to(TARGET),
    },
    transpose: {
      python: `df.select("s", "id", "g").limit(3).transpose("s")`,
      ts: (df) => df.select("s", "id", "g").limit(3).transpose("s"),
    },
    withMetadata: {
      python: `df.withMetadata("g", {"comment": "group", "n": 1})`,
      ts: (df) => df.withMetadata("g", { comment: "group", n: 1 }),
    },
    replaceNumbers: { python: `df.replace([1, 2], [10, 20], "g")`, ts: (df) => df.replace([1, 2], [10, 20], "g") },
    replaceStrings: {
      python: `df.na.replace({"k0": "zero", "k1": None})`,
      ts: (df) => df.na.replace({ k0: "zero", k1: null }),
    },
    withWatermark: { python: `df.withWatermark("t", "10 minutes")`, ts: (df) => df.withWatermark("t", "10 minutes") },
    hint: { python: `df.hint("repartition", 2).orderBy("id")`, ts: (df) => df.hint("repartition", 2).orderBy("id") },
  };

  beforeAll(async () => {
    spark = await testSession();
    golden = await runPySpark(
      [
        ...PRELUDE,
        ...Object.entries(CASES).map(([name, c]) => `emit(${JSON.stringify(name)}, ${c.python})`),
        `capture("withinWatermarkBatch", lambda: df.withWatermark("t", "1 second").dropDuplicatesWithinWatermark(["g"]).collect())`,
      ].join("\n"),
    );
  });

  afterAll(async () => {
    await spark?.stop();
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: ${c.python}`, async () => {
      expect(await likePySpark(c.ts(data(spark)))).toEqual(emittedDataFrame(golden, name));
    });
  }

  it("dropDuplicatesWithinWatermark on a batch DataFrame fails on the server as in PySpark", async () => {
    const theirs = emittedError(golden, "withinWatermarkBatch");
    const failure = await data(spark)
      .withWatermark("t", "1 second")
      .dropDuplicatesWithinWatermark(["g"])
      .collect()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    expect(failure).toMatchObject({ name: theirs.type, errorClass: theirs.errorClass });
  });
});

/** Each case: a PySpark call that raises, and ours (given plain-JS values a typed caller could not pass). */
const ARGUMENT_ERRORS: Record<string, ArgumentErrorCase> = {
  colRegexType: { python: `df.colRegex(1)`, ts: (df) => df.colRegex(1 as unknown as string) },
  hintName: { python: `df.hint(1)`, ts: (df) => df.hint(1 as unknown as string) },
  hintParameter: {
    python: `df.hint("x", {"a": 1})`,
    ts: (df) => df.hint("x", { a: 1 } as unknown as string),
  },
  hintListItem: { python: `df.hint("x", [1, None])`, ts: (df) => df.hint("x", [1, null] as unknown as number[]) },
  rangeNoColumns: { python: `df.repartitionByRange(2)`, ts: (df) => df.repartitionByRange(2) },
  rangeNotPositive: { python: `df.repartitionByRange(0, "id")`, ts: (df) => df.repartitionByRange(0, "id") },
  rangeBadFirst: {
    python: `df.repartitionByRange(None, "id")`,
    ts: (df) => df.repartitionByRange(null as unknown as string, "id"),
  },
  byIdNotInt: {
    python: `df.repartitionById("2", "g")`,
    ts: (df) => df.repartitionById("2" as unknown as number, "g"),
  },
  byIdNotPositive: { python: `df.repartitionById(0, "g")`, ts: (df) => df.repartitionById(0, "g") },
  watermarkEmpty: { python: `df.withWatermark("", "1 second")`, ts: (df) => df.withWatermark("", "1 second") },
  watermarkDelay: { python: `df.withWatermark("t", 5)`, ts: (df) => df.withWatermark("t", 5 as unknown as string) },
  withinWatermarkSubset: {
    python: `df.dropDuplicatesWithinWatermark("g")`,
    ts: (df) => df.dropDuplicatesWithinWatermark("g" as unknown as string[]),
  },
  withMetadataNotDict: {
    python: `df.withMetadata("g", [1])`,
    ts: (df) => df.withMetadata("g", [1] as unknown as Record<string, unknown>),
  },
  replaceNoValue: { python: `df.replace(1)`, ts: (df) => df.replace(1) },
  replaceLengths: { python: `df.replace([1, 2], [3])`, ts: (df) => df.replace([1, 2], [3]) },
  replaceMixed: { python: `df.replace({"a": 1})`, ts: (df) => df.replace({ a: 1 }) },
  replaceTarget: { python: `df.replace(None, 1)`, ts: (df) => df.replace(null as unknown as number, 1) },
  replaceValue: {
    python: `df.replace(1, {"a": 1})`,
    ts: (df) => df.replace(1, { a: 1 } as unknown as number),
  },
  replaceSubset: { python: `df.replace(1, 2, 3)`, ts: (df) => df.replace(1, 2, 3 as unknown as string) },
};

describeArgumentErrors(
  "reshaping argument errors match PySpark's error classes",
  ARGUMENT_ERRORS,
  PRELUDE,
  data,
  async (spark) => {
    expect(() => data(spark).replace([1, 2], [3])).toThrow();
    expect(await data(spark).count()).toBe(6n);
  },
);
