/**
 * Files written through `df.write` and read back through `spark.read` on the real server, for csv, json, parquet,
 * orc and text: every save mode behaves as Spark's (error refuses an existing path, ignore keeps it, append adds,
 * overwrite replaces), and what comes back equals what was written, value for value.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { col } from "../../../runtime/api/functions.js";
import type { SparkSession } from "../../../runtime/api/session.js";
import { AnalysisException } from "../../../runtime/errors/index.js";
import { DoubleType, LongType, StringType, StructField, StructType } from "../../../runtime/types/index.js";
import { testSession } from "../api/fixture.js";

const SCHEMA = new StructType([
  new StructField("id", new LongType()),
  new StructField("name", new StringType()),
  new StructField("score", new DoubleType()),
]);

interface FileFormat {
  /** Writes `df` to `path` with save mode `mode`, through the format's shortcut. */
  write(df: DataFrame, path: string, mode: string): Promise<void>;
  read(spark: SparkSession, path: string): DataFrame;
  /** The columns the format can hold (text holds one string column). */
  shape(df: DataFrame): DataFrame;
}

const FORMATS: Record<string, FileFormat> = {
  csv: {
    write: (df, path, mode) => df.write.csv(path, mode, undefined, ";", undefined, undefined, true),
    read: (spark, path) =>
      spark.read.csv(
        path,
        "id BIGINT, name STRING, score DOUBLE",
        ";",
        undefined,
        undefined,
        undefined,
        undefined,
        true,
      ),
    shape: (df) => df,
  },
  json: {
    write: (df, path, mode) => df.write.json(path, mode),
    read: (spark, path) => spark.read.json(path, SCHEMA),
    shape: (df) => df,
  },
  parquet: {
    write: (df, path, mode) => df.write.parquet(path, mode, undefined, "snappy"),
    read: (spark, path) => spark.read.parquet(path),
    shape: (df) => df,
  },
  orc: {
    write: (df, path, mode) => df.write.orc(path, mode),
    read: (spark, path) => spark.read.orc(path),
    shape: (df) => df,
  },
  text: {
    write: (df, path, mode) => df.write.mode(mode).text(path),
    read: (spark, path) => spark.read.text(path),
    shape: (df) => df.selectExpr("concat_ws('|', id, name, score) AS value"),
  },
};

/** Rows as sorted JSON text, so files (which keep no order) compare as multisets. */
async function contents(df: DataFrame): Promise<string[]> {
  const rows = await df.collect();
  return rows.map((row) => JSON.stringify(row.toJSON())).sort();
}

describe("file round trips through spark.read and df.write", () => {
  let spark: SparkSession;
  const dir = mkdtempSync(join(tmpdir(), "sparkts-rw-"));

  beforeAll(async () => {
    spark = await testSession();
  });

  afterAll(async () => {
    await spark?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const first = (s: SparkSession) =>
    s.range(0, 4).selectExpr("id", "concat('n', id) AS name", "CAST(id * 1.5 AS DOUBLE) AS score");
  const second = (s: SparkSession) =>
    s.range(10, 12).selectExpr("id", "concat('m', id) AS name", "CAST(id / 4 AS DOUBLE) AS score");

  for (const [name, format] of Object.entries(FORMATS)) {
    it(`${name}: read → transform → write in every save mode → read back`, async () => {
      const path = join(dir, name);
      const data1 = format.shape(first(spark).filter(col("id").gt(0)));
      const data2 = format.shape(second(spark));

      await format.write(data1, path, "error");
      expect(await contents(format.read(spark, path))).toEqual(await contents(data1));

      const refused = format.write(data2, path, "error");
      await expect(refused).rejects.toBeInstanceOf(AnalysisException);
      await expect(refused).rejects.toMatchObject({ errorClass: "PATH_ALREADY_EXISTS" });

      await format.write(data2, path, "ignore");
      expect(await contents(format.read(spark, path))).toEqual(await contents(data1));

      await format.write(data2, path, "append");
      expect(await contents(format.read(spark, path))).toEqual(await contents(data1.union(data2)));

      // Read what is there, transform it, and overwrite the same kind of file elsewhere with the result.
      const transformed = format
        .read(spark, path)
        .filter(name === "text" ? col("value").contains("m") : col("id").gt(5));
      await format.write(transformed, `${path}-copy`, "overwrite");
      expect(await contents(format.read(spark, `${path}-copy`))).toEqual(await contents(data2));

      await format.write(data2, path, "overwrite");
      expect(await contents(format.read(spark, path))).toEqual(await contents(data2));
    });
  }

  it("save/load with format, options and partitionBy keep every row, partition column last", async () => {
    const path = join(dir, "partitioned");
    const data = first(spark).selectExpr("id", "name", "id % 2 AS part");
    await data.write.partitionBy("part").save(path, "parquet", "overwrite");
    const back = spark.read.load(path, "parquet");
    expect(await back.columns).toEqual(["id", "name", "part"]);
    expect(await contents(back.select("id", "name", "part"))).toEqual(await contents(data));
    const onePartition = spark.read.option("basePath", path).parquet(join(path, "part=1"));
    expect(await onePartition.count()).toBe(2n);
  });

  it("the reader's schema names and types the columns of a csv without a header", async () => {
    const path = join(dir, "headerless");
    await first(spark).write.format("csv").mode("overwrite").save(path);
    const typed = spark.read.schema(SCHEMA).format("csv").load(path);
    expect((await typed.schema).json()).toBe(SCHEMA.json());
    expect(await contents(typed)).toEqual(await contents(first(spark)));
  });

  it("a missing path, an unknown format and a bad mode fail clearly and the session stays usable", async () => {
    const absent = spark.read.parquet(join(dir, "does-not-exist"));
    await expect(absent.count()).rejects.toMatchObject({ errorClass: "PATH_NOT_FOUND" });
    const unknown = spark.read.format("no-such-format").load(join(dir, "csv"));
    await expect(unknown.count()).rejects.toMatchObject({ errorClass: "DATA_SOURCE_NOT_FOUND" });
    expect(() => first(spark).write.mode("sometimes")).toThrow(/Unknown save mode 'sometimes'/);
    expect(() => spark.read.schema(42 as never)).toThrow(/schema must be a StructType or a DDL string/);
    expect(await spark.range(3).count()).toBe(3n);
  });
});
