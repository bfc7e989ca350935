/**
 * Writes into catalog tables on the server's warehouse: saveAsTable in every save mode, insertInto (append and
 * overwrite, by position), bucketed and partitioned tables, DataFrameWriterV2 against Spark's default session
 * catalog, and MERGE INTO. The default catalog keeps file-source tables as V1 tables, so V2 create works while
 * append/overwrite/replace and MERGE are refused; those refusals are asserted with the error class PySpark
 * 4.1.1 gets for the same calls.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bucket, years } from "../../../generated/functions/partition-transform.js";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col, expr, lit } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { AnalysisException, ClientArgumentError } from "../../../runtime/errors/index.js";
import { emittedError, runPySpark } from "../../support/pyspark.js";
import { testSession } from "../api/fixture.js";

const suffix = randomUUID().slice(0, 8);
const name = (base: string) => `sparkts_h_${base}_${suffix}`;

async function contents(df: DataFrame): Promise<string[]> {
  return (await df.collect()).map((row) => JSON.stringify(row.toJSON())).sort();
}

describe("writing catalog tables", () => {
  let spark: SparkSession;
  const created: string[] = [];
  const source = () => spark.range(0, 3).selectExpr("id", "concat('v', id) AS value");
  const more = () => spark.range(5, 7).selectExpr("id", "concat('w', id) AS value");

  beforeAll(async () => {
    spark = await testSession();
  });

  afterAll(async () => {
    for (const table of created) await spark.sql(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    await spark?.stop();
  });

  const tableProperties = async (t: string) =>
    (await (await spark.sql(`SHOW TBLPROPERTIES ${t}`)).collect()).map((row) => [row.get("key"), row.get("value")]);

  const table = (base: string) => {
    const full = name(base);
    created.push(full);
    return full;
  };

  it("saveAsTable honours every save mode", async () => {
    const t = table("saved");
    await source().write.saveAsTable(t, "parquet", "error");
    expect(await contents(spark.table(t))).toEqual(await contents(source()));

    const again = more().write.saveAsTable(t, "parquet", "error");
    await expect(again).rejects.toBeInstanceOf(AnalysisException);
    await expect(again).rejects.toMatchObject({ errorClass: "TABLE_OR_VIEW_ALREADY_EXISTS" });

    await more().write.mode("ignore").saveAsTable(t);
    expect(await contents(spark.table(t))).toEqual(await contents(source()));

    await more().write.mode("append").saveAsTable(t);
    expect(await contents(spark.table(t))).toEqual(await contents(source().union(more())));

    await more().write.mode("overwrite").format("parquet").saveAsTable(t);
    expect(await contents(spark.table(t))).toEqual(await contents(more()));
  });

  it("insertInto appends by position, or overwrites", async () => {
    const t = table("inserted");
    await source().write.saveAsTable(t);
    // Columns go by position: a differently named but same-typed column lands in `value`.
    await more().selectExpr("id", "value AS other").write.insertInto(t);
    expect(await contents(spark.table(t))).toEqual(await contents(source().union(more())));
    await more().write.insertInto(t, true);
    expect(await contents(spark.table(t))).toEqual(await contents(more()));

    const narrow = more().select("id").write.insertInto(t);
    await expect(narrow).rejects.toMatchObject({ errorClass: "INSERT_COLUMN_ARITY_MISMATCH.NOT_ENOUGH_DATA_COLUMNS" });
    const missing = more().write.insertInto(name("never_created"));
    await expect(missing).rejects.toMatchObject({ errorClass: "TABLE_OR_VIEW_NOT_FOUND" });
    expect(await spark.table(t).count()).toBe(2n);
  });

  it("partitioned and bucketed tables record their layout in the catalog", async () => {
    const t = table("layout");
    const data = spark.range(0, 6).selectExpr("id", "id % 3 AS part", "concat('v', id) AS value");
    await data.write.partitionBy("part").bucketBy(2, "id").sortBy("id").saveAsTable(t, "parquet");
    const columns = await spark.catalog.listColumns(t);
    const byName = Object.fromEntries(columns.map((c) => [c.name, c]));
    expect(byName.part?.isPartition).toBe(true);
    expect(byName.id?.isBucket).toBe(true);
    expect(byName.value?.isPartition).toBe(false);
    expect(await contents(spark.table(t).select("id", "part", "value"))).toEqual(await contents(data));
  });

  it("writeTo(...).create makes a table with bucket transforms, partitions and properties", async () => {
    const t = table("v2_created");
    await source()
      .writeTo(t)
      .using("parquet")
      .partitionedBy("value", bucket(2, "id"))
      .tableProperty("team", "sparkts")
      .create();
    expect(await contents(spark.table(t).select("id", "value"))).toEqual(await contents(source()));
    expect(await tableProperties(t)).toContainEqual(["team", "sparkts"]);

    // Spark's session catalog keeps write options as `option.*` table properties, next to the given ones.
    const withOptions = table("v2_options");
    await source()
      .writeTo(withOptions)
      .using("parquet")
      .tableProperty("team", "sparkts")
      .option("compression", "snappy")
      .create();
    expect(await tableProperties(withOptions)).toEqual(
      expect.arrayContaining([
        ["team", "sparkts"],
        ["option.compression", "snappy"],
      ]),
    );

    const clustered = table("v2_clustered");
    await source().writeTo(clustered).using("parquet").clusterBy("id").create();
    const clusterColumns = await spark.catalog.listColumns(clustered);
    expect(clusterColumns.find((c) => c.name === "id")?.isCluster).toBe(true);

    const twice = source().writeTo(t).using("parquet").create();
    await expect(twice).rejects.toMatchObject({ errorClass: "TABLE_OR_VIEW_ALREADY_EXISTS" });
  });

  it("the default session catalog refuses the other V2 writes and MERGE with PySpark's error classes", async () => {
    const t = table("v1_target");
    await source().write.saveAsTable(t, "parquet");
    const reference = await runPySpark(`
      df = spark.range(0, 3).selectExpr("id", "concat('v', id) AS value")
      capture("append", lambda: df.writeTo("${t}").append())
      capture("overwrite", lambda: df.writeTo("${t}").overwrite(F.col("id") > 1))
      capture("overwritePartitions", lambda: df.writeTo("${t}").overwritePartitions())
      capture("replace", lambda: df.writeTo("${t}").using("parquet").replace())
      capture("createOrReplace", lambda: df.writeTo("${t}").using("parquet").createOrReplace())
      capture("years", lambda: df.selectExpr("id", "current_timestamp() AS ts").writeTo("${name("never_made")}").using("parquet").partitionedBy(F.years("ts")).create())
      capture("merge", lambda: df.alias("s").mergeInto("${t}", F.expr("s.id = ${t}.id")).whenMatched().updateAll().whenNotMatched().insertAll().merge())
      capture("mergeNoAction", lambda: df.alias("s").mergeInto("${t}", F.expr("s.id = ${t}.id")).merge())
    `);
    const attempts: Record<string, () => Promise<void>> = {
      append: () => source().writeTo(t).append(),
      overwrite: () => source().writeTo(t).overwrite(col("id").gt(1)),
      overwritePartitions: () => source().writeTo(t).overwritePartitions(),
      replace: () => source().writeTo(t).using("parquet").replace(),
      createOrReplace: () => source().writeTo(t).using("parquet").createOrReplace(),
      years: () =>
        source()
          .selectExpr("id", "current_timestamp() AS ts")
          .writeTo(name("never_made"))
          .using("parquet")
          .partitionedBy(years("ts"))
          .create(),
      merge: () =>
        source()
          .alias("s")
          .mergeInto(t, expr(`s.id = ${t}.id`))
          .whenMatched()
          .updateAll()
          .whenNotMatched()
          .insertAll()
          .merge(),
      mergeNoAction: () =>
        source()
          .alias("s")
          .mergeInto(t, expr(`s.id = ${t}.id`))
          .merge(),
    };
    const expected: Record<string, string> = {
      append: "_LEGACY_ERROR_TEMP_1012",
      overwrite: "_LEGACY_ERROR_TEMP_1012",
      overwritePartitions: "_LEGACY_ERROR_TEMP_1012",
      replace: "UNSUPPORTED_FEATURE.TABLE_OPERATION",
      createOrReplace: "UNSUPPORTED_FEATURE.TABLE_OPERATION",
      years: "UNSUPPORTED_PARTITION_TRANSFORM",
      merge: "UNSUPPORTED_FEATURE.TABLE_OPERATION",
      mergeNoAction: "NO_MERGE_ACTION_SPECIFIED",
    };
    for (const [kind, attempt] of Object.entries(attempts)) {
      const theirs = emittedError(reference, kind);
      expect(theirs.errorClass, kind).toBe(expected[kind]);
      await expect(attempt(), kind).rejects.toMatchObject({ errorClass: theirs.errorClass });
    }
    // The refused writes changed nothing.
    expect(await contents(spark.table(t))).toEqual(await contents(source()));
  });

  it("bad writer arguments fail on the client, naming the problem", () => {
    const df = source();
    expect(() => df.write.bucketBy(0, "id")).toThrow(/numBuckets must be a positive integer/);
    expect(() => df.write.bucketBy(2, ["id"], "value")).toThrow(ClientArgumentError);
    expect(() => df.write.partitionBy(1 as never)).toThrow(/cols must be column names/);
    expect(() => df.write.clusterBy()).toThrow(/at least one clustering column/);
    expect(() => df.write.option("k", {} as never)).toThrow(/option k must be a string, number or boolean/);
    expect(() => df.writeTo(7 as never)).toThrow(/table must be a string/);
    expect(() => df.mergeInto("t", "a = b" as never)).toThrow(/condition must be a Column/);
    expect(() => df.mergeInto("t", lit(true)).whenMatched().update({})).toThrow(
      /assignments must name at least one column/,
    );
  });
});
