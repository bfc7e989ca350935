/**
 * Plan questions answered without running the plan (isLocal, isStreaming, inputFiles, sameSemantics,
 * semanticHash) and caching (persist, storageLevel, unpersist), compared with PySpark where the answer is Spark's.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { col } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { StorageLevel } from "../../../runtime/api/storage-level.js";
import { type PySparkJson, runPySpark } from "../../support/pyspark.js";
import { testSession } from "./fixture.js";

describe("plan questions and caching", () => {
  let spark: SparkSession;
  let golden: Record<string, PySparkJson>;

  beforeAll(async () => {
    spark = await testSession();
    golden = await runPySpark(`
      from pyspark.storagelevel import StorageLevel
      emit("rangeIsLocal", spark.range(3).isLocal())
      emit("createdIsLocal", spark.createDataFrame([Row(a=1)]).isLocal())
      df = spark.range(50).filter(F.col("id") > 3)
      emit("cachedLevel", str(df.cache().storageLevel))
      emit("diskLevel", str(spark.range(7).persist(StorageLevel.DISK_ONLY).storageLevel))
      emit("uncachedLevel", str(df.unpersist(True).storageLevel))
    `);
  });

  afterAll(async () => {
    await spark?.stop();
  });

  it("isLocal, isStreaming and inputFiles answer as Spark does", async () => {
    expect(await spark.range(3).isLocal()).toBe(golden.rangeIsLocal);
    expect(await spark.createDataFrame([{ a: 1 }]).isLocal()).toBe(golden.createdIsLocal);
    expect(await spark.range(3).isStreaming).toBe(false);
    expect(await spark.range(3).inputFiles()).toEqual([]);
  });

  it("sameSemantics and semanticHash compare analyzed plans", async () => {
    const a = spark.range(10).filter(col("id").gt(1)).select("id");
    const b = spark.range(10).filter(col("id").gt(1)).select("id");
    const c = spark.range(10).filter(col("id").gt(2)).select("id");
    expect(await a.sameSemantics(b)).toBe(true);
    expect(await a.sameSemantics(c)).toBe(false);
    expect(await a.semanticHash()).toBe(await b.semanticHash());
    expect(await a.semanticHash()).not.toBe(await c.semanticHash());
    await expect(a.sameSemantics({} as never)).rejects.toThrow(/other must be a DataFrame/);
  });

  it("cache, persist, storageLevel and unpersist", async () => {
    const df = spark.range(50).filter(col("id").gt(3));
    expect((await df.storageLevel).equals(StorageLevel.NONE)).toBe(true);
    expect(await df.cache()).toBe(df);
    const cached = await df.storageLevel;
    expect(cached.equals(StorageLevel.MEMORY_AND_DISK_DESER)).toBe(true);
    expect(String(cached)).toBe(golden.cachedLevel);
    expect(await df.count()).toBe(46n);
    const onDisk = await spark.range(7).persist(StorageLevel.DISK_ONLY);
    expect(String(await onDisk.storageLevel)).toBe(golden.diskLevel);
    await onDisk.unpersist(true);
    await df.unpersist(true);
    expect(String(await df.storageLevel)).toBe(golden.uncachedLevel);
    await expect(df.persist("MEMORY" as never)).rejects.toThrow(/storageLevel must be a StorageLevel/);
  });
});
