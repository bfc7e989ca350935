/**
 * Files Spark 4.1.1 wrote, read by the embedded engine and by Spark itself with the same Plan: schema (names,
 * types, nullability) and rows must agree for Parquet, CSV, JSON and text, plain and partitioned.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Parity } from "../engine/parity-harness.js";
import { hostPaths, type ReadSpec, readPlan, tempDir, writeWithSpark } from "./file-fixtures.js";

const parity = new Parity(process.env.SPARK_REMOTE ?? "sc://127.0.0.1:15002", "local[2]");
const dir = tempDir("spark-written");
afterAll(() => parity.close());
beforeAll(() => writeWithSpark(dir), 120_000);

async function expectSameRead(spec: ReadSpec) {
  const { local, spark } = await parity.run(readPlan(spec));
  expect(local).toEqual(spark);
  expect("rows" in spark && spark.rows.length).toBeGreaterThan(0);
  return spark;
}

const at = (...names: string[]) => hostPaths(dir, ...names);

describe("reading files Spark wrote", () => {
  it("parquet: every column type, two part files", async () => {
    await expectSameRead({ format: "parquet", paths: at("parquet") });
  });

  it("parquet: partition directories become typed columns", async () => {
    await expectSameRead({ format: "parquet", paths: at("parquet_by_part") });
  });

  it("parquet: an explicit schema picks and reorders columns", async () => {
    await expectSameRead({
      format: "parquet",
      paths: at("parquet"),
      schema: "str string, id bigint, dec decimal(15,2)",
    });
  });

  it("csv with header and inferSchema", async () => {
    await expectSameRead({ format: "csv", paths: at("csv_header"), options: { header: "true", inferSchema: "true" } });
  });

  it("csv without header: _c0… string columns, header line read as data", async () => {
    await expectSameRead({ format: "csv", paths: at("csv_plain") });
    await expectSameRead({ format: "csv", paths: at("csv_header") });
  });

  it("csv with an explicit DDL schema", async () => {
    await expectSameRead({
      format: "csv",
      paths: at("csv_header"),
      options: { header: "true" },
      schema:
        "id long, i int, s short, d double, f float, dec decimal(15,2), str string, flag boolean, dt date, ts timestamp, quoted string, sparse long, part int",
    });
  });

  it("csv partitioned by two columns, inferred", async () => {
    await expectSameRead({ format: "csv", paths: at("csv_by_part"), options: { header: "true", inferSchema: "true" } });
  });

  it("json lines: inferred schema (sorted names, bigint and double)", async () => {
    await expectSameRead({ format: "json", paths: at("json") });
  });

  it("json lines partitioned, with a schema", async () => {
    await expectSameRead({ format: "json", paths: at("json_by_part") });
    await expectSameRead({
      format: "json",
      paths: at("json"),
      schema: "id int, dec decimal(15,2), dt date, ts timestamp, str string, sparse long",
    });
  });

  it("text: one value row per line", async () => {
    await expectSameRead({ format: "text", paths: at("text") });
  });

  it("a path that does not exist fails the same way", async () => {
    const { local, spark } = await parity.run(readPlan({ format: "parquet", paths: at("missing") }));
    expect(local).toEqual(spark);
    expect("failure" in local && local.failure.errorClass).toBe("PATH_NOT_FOUND");
  });
});
