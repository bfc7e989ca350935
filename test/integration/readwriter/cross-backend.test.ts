/**
 * The same reader and writer code on both backends: files the embedded engine writes through `df.write` are read
 * by Spark through `spark.read` and the other way round, with equal rows.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataFrame } from "../../../runtime/api/dataframe.js";
import { SparkSession } from "../../../runtime/api/session.js";
import { testSession } from "../api/fixture.js";

const DDL = "id BIGINT, name STRING, score DOUBLE";

interface Format {
  write(df: DataFrame, path: string): Promise<void>;
  read(spark: SparkSession, path: string): DataFrame;
  /** The rows written: flat columns by default. */
  data?: (spark: SparkSession) => DataFrame;
}

const NESTED_DDL = "id BIGINT, tags ARRAY<STRING>, point STRUCT<x: BIGINT, label: STRING>, counts MAP<STRING, BIGINT>";
const nestedData = (spark: SparkSession) =>
  spark
    .range(0, 5)
    .selectExpr(
      "id",
      "IF(id = 2, NULL, IF(id = 4, array(), array(concat('t', id), NULL, 'z'))) AS tags",
      "named_struct('x', id * 10, 'label', IF(id = 3, NULL, concat('p', id))) AS point",
      "map_from_arrays(array('a', 'b'), array(id, -id)) AS counts",
    );

const FORMATS: Record<string, Format> = {
  parquet: {
    write: (df, path) => df.write.parquet(path, "overwrite"),
    read: (spark, path) => spark.read.parquet(path),
  },
  csv: {
    write: (df, path) => df.write.option("header", true).mode("overwrite").csv(path),
    read: (spark, path) => spark.read.schema(DDL).option("header", true).csv(path),
  },
  json: {
    write: (df, path) => df.write.format("json").mode("overwrite").save(path),
    read: (spark, path) => spark.read.schema(DDL).format("json").load(path),
  },
  "parquet with nested columns": {
    write: (df, path) => df.write.parquet(path, "overwrite"),
    read: (spark, path) => spark.read.parquet(path),
    data: nestedData,
  },
  "json with nested columns": {
    write: (df, path) => df.write.mode("overwrite").json(path),
    read: (spark, path) => spark.read.schema(NESTED_DDL).json(path),
    data: nestedData,
  },
};

async function contents(df: DataFrame): Promise<string[]> {
  return (await df.collect()).map((row) => JSON.stringify(row.toJSON())).sort();
}

const data = (spark: SparkSession) =>
  spark.range(0, 5).selectExpr("id", "concat('n', id) AS name", "CAST(id AS DOUBLE) / 4 AS score");

describe("reader and writer on Spark and on the embedded engine", () => {
  let remote: SparkSession;
  let local: SparkSession;
  const dir = mkdtempSync(join(tmpdir(), "sparkts-cross-"));

  beforeAll(async () => {
    remote = await testSession();
    local = await SparkSession.builder().master("local[2]").create();
  });

  afterAll(async () => {
    await remote?.stop();
    await local?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, format] of Object.entries(FORMATS)) {
    it(`${name}: the engine's files read by Spark, Spark's files read by the engine`, async () => {
      const rows = format.data ?? data;
      const expected = await contents(rows(remote));
      expect(await contents(rows(local))).toEqual(expected);

      const path = join(dir, name.replaceAll(" ", "-"));
      await format.write(rows(local), `${path}-engine`);
      expect(await contents(format.read(remote, `${path}-engine`))).toEqual(expected);

      await format.write(rows(remote), `${path}-spark`);
      expect(await contents(format.read(local, `${path}-spark`))).toEqual(expected);
    });
  }
});
