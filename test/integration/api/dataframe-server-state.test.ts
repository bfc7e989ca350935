/**
 * What DataFrames leave on the server — checkpoints, global temporary views, registerTempTable, caching
 * (`is_cached`) — and what the server reports about a run (`executionInfo`): the commands equal PySpark
 * 4.1.1's, the results and errors equal PySpark's on the same server.
 *
 * The shared test servers run with a `spark.checkpoint.dir`, so reliable checkpoints work as local ones do.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { StorageLevel } from "../../../runtime/api/storage-level.js";
import { emittedDataFrame, emittedError, type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { testSession } from "./fixture.js";
import { describeGoldenActionPlans, likePySpark } from "./golden-harness.js";

const PRELUDE = [
  "from pyspark import StorageLevel",
  `df = spark.range(8).withColumn("sq", F.col("id") * F.col("id")).filter(F.col("id") % 2 == 0)`,
];

function data(spark: SparkSession): DataFrame {
  return spark
    .range(8)
    .withColumn("sq", col("id").multiply(col("id")))
    .filter(col("id").mod(2).eq(0));
}

/** The server picks checkpoint relation ids; blank them so both sides compare. */
const blankRelationIds = (json: string) => json.replace(/"relationId":"[^"]*"/g, '"relationId":"<id>"');

describeGoldenActionPlans(
  "server-state commands match PySpark's",
  {
    localCheckpoint: {
      python: "df.localCheckpoint().count()",
      ts: async (spark) => (await data(spark).localCheckpoint()).count(),
    },
    localCheckpointLazy: {
      python: "df.localCheckpoint(False, StorageLevel.MEMORY_ONLY)",
      ts: (spark) => data(spark).localCheckpoint(false, StorageLevel.MEMORY_ONLY),
    },
    checkpoint: { python: "df.checkpoint()", ts: (spark) => data(spark).checkpoint() },
    checkpointLazy: { python: "df.checkpoint(eager=False)", ts: (spark) => data(spark).checkpoint(false) },
    globalTempView: {
      python: `df.createOrReplaceGlobalTempView("sparkts_i2_plan_view")`,
      ts: (spark) => data(spark).createOrReplaceGlobalTempView("sparkts_i2_plan_view"),
    },
    globalTempViewCreate: {
      python: `df.createGlobalTempView("sparkts_i2_plan_view")`,
      ts: (spark) => data(spark).createGlobalTempView("sparkts_i2_plan_view"),
    },
    registerTempTable: {
      python: `df.registerTempTable("sparkts_i2_table")`,
      ts: (spark) => data(spark).registerTempTable("sparkts_i2_table"),
    },
  },
  PRELUDE,
  blankRelationIds,
);

describe("server-state results match PySpark's", () => {
  let spark: SparkSession;
  let golden: Record<string, PySparkJson>;

  beforeAll(async () => {
    spark = await testSession();
    golden = await runPySpark(
      [
        ...PRELUDE,
        `emit("localCheckpoint", df.localCheckpoint().orderBy("id"))`,
        `emit("checkpoint", df.checkpoint().orderBy("id"))`,
        `df.createOrReplaceGlobalTempView("sparkts_i2_view_py")`,
        `emit("globalView", spark.table("global_temp.sparkts_i2_view_py").orderBy("id"))`,
        `capture("globalViewTaken", lambda: df.createGlobalTempView("sparkts_i2_view_py"))`,
        `spark.catalog.dropGlobalTempView("sparkts_i2_view_py")`,
        `df.registerTempTable("sparkts_i2_table")`,
        `emit("tempTable", spark.table("sparkts_i2_table").orderBy("id"))`,
        `cached = [df.is_cached]`,
        `df.cache()`,
        `cached.append(df.is_cached)`,
        `df.unpersist()`,
        `cached.append(df.is_cached)`,
        `emit("isCached", cached)`,
        `df.collect()`,
        `emit("metricNodes", sorted(m.name for m in df.executionInfo.metrics._metrics))`,
        `emit("sessionSame", df.sparkSession is spark)`,
        `viewed = df.filter(F.col("id") > 0)`,
        `before = viewed.executionInfo is not None`,
        `viewed.createOrReplaceTempView("sparkts_i2_recorded")`,
        `after_view = viewed.executionInfo is not None`,
        `checkpointed = df.filter(F.col("id") > 1)`,
        `checkpointed.localCheckpoint()`,
        `emit("recorded", [before, after_view, checkpointed.executionInfo is not None])`,
      ].join("\n"),
    );
  });

  afterAll(async () => {
    // The command-plan cases above leave this global view behind (global views outlive sessions).
    await spark?.catalog.dropGlobalTempView("sparkts_i2_plan_view");
    await spark?.stop();
  });

  it("localCheckpoint returns a DataFrame over the server's cached relation, with the same rows", async () => {
    const checkpointed = await data(spark).localCheckpoint();
    expect(checkpointed.relation.relType.case).toBe("cachedRemoteRelation");
    expect(await likePySpark(checkpointed.orderBy("id"))).toEqual(emittedDataFrame(golden, "localCheckpoint"));
  });

  it("checkpoint returns a DataFrame over the server's checkpointed relation, with the same rows", async () => {
    const checkpointed = await data(spark).checkpoint();
    expect(checkpointed.relation.relType.case).toBe("cachedRemoteRelation");
    expect(await likePySpark(checkpointed.orderBy("id"))).toEqual(emittedDataFrame(golden, "checkpoint"));
  });

  it("global temporary views hold the rows and refuse a taken name, as in PySpark", async () => {
    const df = data(spark);
    await df.createOrReplaceGlobalTempView("sparkts_i2_view_ts");
    try {
      expect(await likePySpark(spark.table("global_temp.sparkts_i2_view_ts").orderBy("id"))).toEqual(
        emittedDataFrame(golden, "globalView"),
      );
      const theirs = emittedError(golden, "globalViewTaken");
      const failure = await df.createGlobalTempView("sparkts_i2_view_ts").then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({ name: theirs.type, errorClass: theirs.errorClass, sqlState: theirs.sqlState });
    } finally {
      await spark.catalog.dropGlobalTempView("sparkts_i2_view_ts");
    }
  });

  it("registerTempTable registers a temporary view", async () => {
    await data(spark).registerTempTable("sparkts_i2_table");
    expect(await likePySpark(spark.table("sparkts_i2_table").orderBy("id"))).toEqual(
      emittedDataFrame(golden, "tempTable"),
    );
  });

  it("is_cached follows cache() and unpersist() as in PySpark", async () => {
    const df = data(spark);
    const seen = [await df.is_cached];
    await df.cache();
    seen.push(await df.is_cached);
    await df.unpersist();
    seen.push(await df.is_cached);
    expect(seen).toEqual(golden.isCached);
  });

  it("executionInfo reports the executed plan's metric nodes after collect(), as in PySpark", async () => {
    const df = data(spark);
    expect(df.executionInfo).toBeUndefined();
    await df.collect();
    const nodes = (df.executionInfo?.metrics ?? []).map((node) => node.name).sort();
    expect(nodes).toEqual(golden.metricNodes);
    expect(df.sparkSession).toBe(spark);
    expect(golden.sessionSame).toBe(true);
  });

  it("views and checkpoints record executionInfo on the DataFrame that ran them, as in PySpark", async () => {
    const viewed = data(spark).filter(col("id").gt(0));
    const before = viewed.executionInfo !== undefined;
    await viewed.createOrReplaceTempView("sparkts_i2_recorded");
    const afterView = viewed.executionInfo !== undefined;
    const checkpointed = data(spark).filter(col("id").gt(1));
    await checkpointed.localCheckpoint();
    expect([before, afterView, checkpointed.executionInfo !== undefined]).toEqual(golden.recorded);
  });
});
